package dev.gradstep.expr;

import dev.gradstep.expr.Expr.Add;
import dev.gradstep.expr.Expr.Div;
import dev.gradstep.expr.Expr.Mul;
import dev.gradstep.expr.Expr.Neg;
import dev.gradstep.expr.Expr.Num;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Smart constructors that fold the trivial cases (0 + x, 1 * x, 0 * x), so generated expressions
 * (instantiated sums, derivatives) stay small enough to evaluate and read; and the one list of an
 * expression's parts, for code that walks trees.
 */
public final class Exprs {

    public static final Num ZERO = Num.of(0);
    public static final Num ONE = Num.of(1);

    private Exprs() {
    }

    public static boolean isZero(Expr e) {
        return e instanceof Num n && n.value().signum() == 0;
    }

    public static boolean isOne(Expr e) {
        return e instanceof Num n && n.value().compareTo(BigDecimal.ONE) == 0;
    }

    /** A sum with zeros dropped and nested sums flattened; 0 when empty. */
    public static Expr add(List<Expr> terms) {
        List<Expr> out = new ArrayList<>();
        for (Expr t : terms) {
            if (t instanceof Add a) {
                out.addAll(a.terms());
            } else if (!isZero(t)) {
                out.add(t);
            }
        }
        if (out.isEmpty()) {
            return ZERO;
        }
        return out.size() == 1 ? out.get(0) : new Add(out);
    }

    public static Expr add(Expr a, Expr b) {
        return add(List.of(a, b));
    }

    /** A product with ones dropped, nested products flattened, and 0 when any factor is 0. */
    public static Expr mul(List<Expr> factors) {
        List<Expr> out = new ArrayList<>();
        for (Expr f : factors) {
            if (isZero(f)) {
                return ZERO;
            }
            if (f instanceof Mul m) {
                out.addAll(m.factors());
            } else if (!isOne(f)) {
                out.add(f);
            }
        }
        if (out.isEmpty()) {
            return ONE;
        }
        return out.size() == 1 ? out.get(0) : new Mul(out);
    }

    public static Expr mul(Expr a, Expr b) {
        return mul(List.of(a, b));
    }

    public static Expr neg(Expr e) {
        if (isZero(e)) {
            return ZERO;
        }
        if (e instanceof Num n) {
            return new Num(n.value().negate());
        }
        return e instanceof Neg n ? n.arg() : new Neg(e);
    }

    public static Expr sub(Expr a, Expr b) {
        return add(a, neg(b));
    }

    public static Expr div(Expr num, Expr den) {
        if (isZero(num)) {
            return ZERO;
        }
        return isOne(den) ? num : new Div(num, den);
    }

    /**
     * The arithmetic node {@code e} (sum, product, negation, quotient, power, exp, log) rebuilt with
     * {@code f} applied to each part; null for any other kind, which callers treat themselves.
     */
    public static Expr mapArithmetic(Expr e, java.util.function.UnaryOperator<Expr> f) {
        if (e instanceof Expr.Add a) {
            return add(a.terms().stream().map(f).toList());
        } else if (e instanceof Expr.Mul m) {
            return mul(m.factors().stream().map(f).toList());
        } else if (e instanceof Expr.Neg n) {
            return neg(f.apply(n.arg()));
        } else if (e instanceof Expr.Div d) {
            return new Expr.Div(f.apply(d.numerator()), f.apply(d.denominator()));
        } else if (e instanceof Expr.Pow p) {
            return new Expr.Pow(f.apply(p.base()), f.apply(p.exponent()));
        } else if (e instanceof Expr.Exp x) {
            return new Expr.Exp(f.apply(x.arg()));
        } else if (e instanceof Expr.Log l) {
            return new Expr.Log(f.apply(l.arg()));
        }
        return null;
    }

    /**
     * The direct parts of an expression in writing order: a symbol's subscripts, a sum's limits
     * and body, a call's arguments then subscripts. A sum's exclusions are conditions, not parts.
     */
    public static List<Expr> children(Expr e) {
        if (e instanceof Expr.Sym s) {
            return s.indices();
        } else if (e instanceof Expr.Add a) {
            return a.terms();
        } else if (e instanceof Expr.Mul m) {
            return m.factors();
        } else if (e instanceof Expr.Neg n) {
            return List.of(n.arg());
        } else if (e instanceof Expr.Div d) {
            return List.of(d.numerator(), d.denominator());
        } else if (e instanceof Expr.Pow p) {
            return List.of(p.base(), p.exponent());
        } else if (e instanceof Expr.Exp x) {
            return List.of(x.arg());
        } else if (e instanceof Expr.Log l) {
            return List.of(l.arg());
        } else if (e instanceof Expr.Sum s) {
            List<Expr> out = new ArrayList<>();
            out.add(s.from());
            out.add(s.to());
            out.add(s.body());
            out.removeIf(Objects::isNull);
            return out;
        } else if (e instanceof Expr.Deriv d) {
            return List.of(d.of(), d.wrt());
        } else if (e instanceof Expr.Delta d) {
            return List.of(d.left(), d.right());
        } else if (e instanceof Expr.Fn f) {
            List<Expr> out = new ArrayList<>(f.args());
            out.addAll(f.indices());
            return out;
        }
        return List.of();
    }
}
