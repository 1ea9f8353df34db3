package dev.gradstep.expr;

import dev.gradstep.expr.Expr.Add;
import dev.gradstep.expr.Expr.Div;
import dev.gradstep.expr.Expr.Mul;
import dev.gradstep.expr.Expr.Neg;
import dev.gradstep.expr.Expr.Num;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Smart constructors that fold the trivial cases (0 + x, 1 * x, 0 * x), so generated expressions
 * (instantiated sums, derivatives) stay small enough to evaluate and read.
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
}
