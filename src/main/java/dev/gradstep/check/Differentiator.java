package dev.gradstep.check;

import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Expr.Add;
import dev.gradstep.expr.Expr.Deriv;
import dev.gradstep.expr.Expr.Div;
import dev.gradstep.expr.Expr.Exp;
import dev.gradstep.expr.Expr.Log;
import dev.gradstep.expr.Expr.Mul;
import dev.gradstep.expr.Expr.Neg;
import dev.gradstep.expr.Expr.Num;
import dev.gradstep.expr.Expr.Pow;
import dev.gradstep.expr.Expr.Sym;
import dev.gradstep.expr.Exprs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Symbolic differentiation of concrete expressions (sums expanded, indices numbers). The numeric
 * check uses it so that it does not depend on the CAS it is cross-checking.
 */
final class Differentiator {

    private Differentiator() {
    }

    /** (fg..)' as the sum over factors of the product with that factor differentiated; zero terms dropped. */
    static Expr productRule(List<Expr> factors, java.util.function.UnaryOperator<Expr> derivative) {
        List<Expr> terms = new ArrayList<>();
        for (int i = 0; i < factors.size(); i++) {
            Expr di = derivative.apply(factors.get(i));
            if (!Exprs.isZero(di)) {
                List<Expr> withDerivative = new ArrayList<>(factors);
                withDerivative.set(i, di);
                terms.add(Exprs.mul(withDerivative));
            }
        }
        return Exprs.add(terms);
    }

    static Expr d(Expr e, Sym v) {
        if (e instanceof Num) {
            return Exprs.ZERO;
        }
        if (e instanceof Sym s) {
            return s.equals(v) ? Exprs.ONE : Exprs.ZERO;
        }
        if (e instanceof Add a) {
            List<Expr> terms = new ArrayList<>();
            for (Expr t : a.terms()) {
                terms.add(d(t, v));
            }
            return Exprs.add(terms);
        }
        if (e instanceof Mul m) {
            return productRule(m.factors(), f -> d(f, v));
        }
        if (e instanceof Neg n) {
            return Exprs.neg(d(n.arg(), v));
        }
        if (e instanceof Div q) {
            Expr da = d(q.numerator(), v);
            Expr db = d(q.denominator(), v);
            if (Exprs.isZero(db)) {
                return Exprs.div(da, q.denominator());
            }
            Expr top = Exprs.sub(Exprs.mul(da, q.denominator()), Exprs.mul(q.numerator(), db));
            return Exprs.div(top, new Pow(q.denominator(), Num.of(2)));
        }
        if (e instanceof Pow p) {
            Expr db = d(p.base(), v);
            Expr de = d(p.exponent(), v);
            if (Exprs.isZero(de)) {
                if (Exprs.isZero(db)) {
                    return Exprs.ZERO;
                }
                Expr lowered = p.exponent() instanceof Num n
                        ? new Num(n.value().subtract(BigDecimal.ONE)) : Exprs.sub(p.exponent(), Exprs.ONE);
                return Exprs.mul(List.of(p.exponent(), new Pow(p.base(), lowered), db));
            }
            Expr inner = Exprs.add(Exprs.mul(de, new Log(p.base())),
                    Exprs.div(Exprs.mul(p.exponent(), db), p.base()));
            return Exprs.mul(p, inner);
        }
        if (e instanceof Exp x) {
            return Exprs.mul(x, d(x.arg(), v));
        }
        if (e instanceof Log l) {
            return Exprs.div(d(l.arg(), v), l.arg());
        }
        if (e instanceof Deriv dv) {
            return d(d(dv.of(), dv.wrt()), v);
        }
        throw new IllegalArgumentException("cannot differentiate " + e.getClass().getSimpleName()
                + ": instantiate sums, deltas and functions first");
    }
}
