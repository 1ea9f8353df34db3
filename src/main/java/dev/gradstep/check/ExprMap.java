package dev.gradstep.check;

import dev.gradstep.expr.Condition;
import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Exprs;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Rebuilds an expression top-down: the function gives a replacement for a node, or null to keep
 * the node and go on into its parts (indices, sum bounds and exclusions, derivative variables too).
 */
final class ExprMap {

    private ExprMap() {
    }

    static Expr map(Expr e, UnaryOperator<Expr> f) {
        Expr r = f.apply(e);
        if (r != null) {
            return r;
        }
        if (e instanceof Expr.Sym s) {
            return s.isPlain() ? s : new Expr.Sym(s.name(), each(s.indices(), f));
        }
        if (e instanceof Expr.Add a) {
            return Exprs.add(each(a.terms(), f));
        }
        if (e instanceof Expr.Mul m) {
            return Exprs.mul(each(m.factors(), f));
        }
        if (e instanceof Expr.Neg n) {
            return Exprs.neg(map(n.arg(), f));
        }
        if (e instanceof Expr.Div d) {
            return new Expr.Div(map(d.numerator(), f), map(d.denominator(), f));
        }
        if (e instanceof Expr.Pow p) {
            return new Expr.Pow(map(p.base(), f), map(p.exponent(), f));
        }
        if (e instanceof Expr.Exp x) {
            return new Expr.Exp(map(x.arg(), f));
        }
        if (e instanceof Expr.Log l) {
            return new Expr.Log(map(l.arg(), f));
        }
        if (e instanceof Expr.Sum s) {
            return new Expr.Sum(s.index(), s.from() == null ? null : map(s.from(), f), s.to() == null ? null : map(s.to(), f),
                    map(s.where(), f), map(s.body(), f));
        }
        if (e instanceof Expr.Deriv d) {
            return map(d.wrt(), f) instanceof Expr.Sym wrt ? new Expr.Deriv(map(d.of(), f), wrt) : new Expr.Deriv(map(d.of(), f), d.wrt());
        }
        if (e instanceof Expr.Delta d) {
            return new Expr.Delta(map(d.left(), f), map(d.right(), f));
        }
        if (e instanceof Expr.Fn fn) {
            return new Expr.Fn(fn.name(), each(fn.args(), f), each(fn.indices(), f));
        }
        return e;
    }

    static Condition map(Condition c, UnaryOperator<Expr> f) {
        return new Condition(c.relations().stream()
                .map(r -> new Condition.Relation(map(r.left(), f), r.op(), map(r.right(), f))).toList());
    }

    private static List<Expr> each(List<Expr> parts, UnaryOperator<Expr> f) {
        return parts.stream().map(p -> map(p, f)).toList();
    }
}
