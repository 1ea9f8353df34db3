package dev.gradstep.check;

import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Expr.Add;
import dev.gradstep.expr.Expr.Div;
import dev.gradstep.expr.Expr.Exp;
import dev.gradstep.expr.Expr.Log;
import dev.gradstep.expr.Expr.Mul;
import dev.gradstep.expr.Expr.Neg;
import dev.gradstep.expr.Expr.Num;
import dev.gradstep.expr.Expr.Pow;
import dev.gradstep.expr.Expr.Sym;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Evaluates a concrete expression at a point in high precision, carrying a first-order bound on
 * the absolute rounding error. The bound is what lets a comparison at logits like +-1000 say
 * "agree within what the arithmetic can tell" instead of a false "differ".
 */
final class Evaluator {

    /** A value with its absolute error bound; an unknown bound means the value says nothing. */
    record Val(BigDecimal value, BigDecimal error) {
        boolean known() {
            return error != null;
        }
    }

    private final BigMath math;
    private final MathContext mc;
    private final BigDecimal eps;

    Evaluator(int digits) {
        this.math = new BigMath(digits);
        this.mc = math.context();
        this.eps = BigDecimal.ONE.movePointLeft(digits);
    }

    BigMath math() {
        return math;
    }

    /** One evaluation session at one point: shared sub-expressions are computed once. */
    Session at(Map<Sym, BigDecimal> point) {
        return new Session(point);
    }

    final class Session {
        private final Map<Sym, BigDecimal> point;
        private final Map<Expr, Val> cache = new IdentityHashMap<>();
        /** e^{z_k} appears in many separately built nodes; keyed by the symbol it is computed once. */
        private final Map<Sym, Val> expOfSymbol = new HashMap<>();

        private Session(Map<Sym, BigDecimal> point) {
            this.point = point;
        }

        Val eval(Expr e) {
            Val cached = cache.get(e);
            if (cached != null) {
                return cached;
            }
            Val v = compute(e);
            cache.put(e, v);
            return v;
        }

        private Val compute(Expr e) {
            if (e instanceof Num n) {
                return new Val(n.value(), BigDecimal.ZERO);
            }
            if (e instanceof Sym s) {
                BigDecimal v = point.get(s);
                if (v == null) {
                    throw new IllegalArgumentException("no value for " + s);
                }
                return new Val(v, BigDecimal.ZERO);
            }
            if (e instanceof Add a) {
                BigDecimal sum = BigDecimal.ZERO;
                BigDecimal err = BigDecimal.ZERO;
                for (Expr t : a.terms()) {
                    Val v = eval(t);
                    if (!v.known()) {
                        return unknown(v);
                    }
                    sum = sum.add(v.value(), mc);
                    err = err.add(v.error(), mc).add(v.value().abs().multiply(eps, mc), mc);
                }
                return new Val(sum, err);
            }
            if (e instanceof Mul m) {
                Val acc = eval(m.factors().get(0));
                for (int i = 1; i < m.factors().size() && acc.known(); i++) {
                    acc = times(acc, eval(m.factors().get(i)));
                }
                return acc;
            }
            if (e instanceof Neg n) {
                Val v = eval(n.arg());
                return new Val(v.value().negate(), v.error());
            }
            if (e instanceof Div d) {
                return divide(eval(d.numerator()), eval(d.denominator()));
            }
            if (e instanceof Pow p) {
                return power(eval(p.base()), p.exponent());
            }
            if (e instanceof Exp x) {
                if (x.arg() instanceof Sym s) {
                    return expOfSymbol.computeIfAbsent(s, k -> exp(eval(k)));
                }
                return exp(eval(x.arg()));
            }
            if (e instanceof Log l) {
                return log(eval(l.arg()));
            }
            throw new IllegalArgumentException("cannot evaluate " + e.getClass().getSimpleName());
        }

        private Val unknown(Val v) {
            return new Val(v.value(), null);
        }

        private Val times(Val a, Val b) {
            if (!b.known()) {
                return unknown(b);
            }
            BigDecimal v = a.value().multiply(b.value(), mc);
            BigDecimal err = a.value().abs().multiply(b.error(), mc)
                    .add(b.value().abs().multiply(a.error(), mc), mc)
                    .add(a.error().multiply(b.error(), mc), mc)
                    .add(v.abs().multiply(eps, mc), mc);
            return new Val(v, err);
        }

        private Val divide(Val a, Val b) {
            if (!a.known() || !b.known()) {
                return new Val(BigDecimal.ZERO, null);
            }
            BigDecimal margin = b.value().abs().subtract(b.error().multiply(BigDecimal.valueOf(2), mc), mc);
            if (b.value().signum() == 0 || margin.signum() <= 0) {
                return new Val(BigDecimal.ZERO, null);
            }
            BigDecimal q = a.value().divide(b.value(), mc);
            BigDecimal err = a.error().add(q.abs().multiply(b.error(), mc), mc)
                    .divide(b.value().abs().subtract(b.error(), mc), mc)
                    .add(q.abs().multiply(eps, mc), mc);
            return new Val(q, err);
        }

        private Val power(Val base, Expr exponent) {
            if (!base.known()) {
                return base;
            }
            if (exponent instanceof Num n && isSmallInteger(n.value())) {
                int k = n.value().intValueExact();
                if (k == 0) {
                    return new Val(BigDecimal.ONE, BigDecimal.ZERO);
                }
                Val acc = base;
                for (int i = 1; i < Math.abs(k); i++) {
                    acc = times(acc, base);
                }
                return k > 0 ? acc : divide(new Val(BigDecimal.ONE, BigDecimal.ZERO), acc);
            }
            Val ex = eval(exponent);
            return exp(times(ex, log(base)));
        }

        private boolean isSmallInteger(BigDecimal v) {
            return v.stripTrailingZeros().scale() <= 0 && v.abs().compareTo(BigDecimal.valueOf(64)) <= 0;
        }

        private Val exp(Val a) {
            if (!a.known() || a.error().compareTo(BigDecimal.valueOf(0.1)) > 0) {
                return new Val(BigDecimal.ZERO, null);
            }
            BigDecimal v = math.exp(a.value());
            BigDecimal err = v.multiply(a.error().multiply(BigDecimal.valueOf(1.11), mc).add(eps, mc), mc);
            return new Val(v, err);
        }

        private Val log(Val a) {
            if (!a.known()) {
                return a;
            }
            BigDecimal lower = a.value().subtract(a.error().multiply(BigDecimal.valueOf(2), mc), mc);
            if (lower.signum() <= 0) {
                if (a.value().add(a.error(), mc).signum() < 0) {
                    throw new ArithmeticException("the logarithm of a negative number");
                }
                return new Val(BigDecimal.ZERO, null);
            }
            BigDecimal v = math.log(a.value());
            BigDecimal err = a.error().divide(a.value().subtract(a.error(), mc), mc)
                    .add(v.abs().multiply(eps, mc), mc).add(eps, mc);
            return new Val(v, err);
        }
    }
}
