package dev.gradstep.cas;

import dev.gradstep.expr.Expr;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes a concrete expression (sums expanded, indices numbers) as Symja input; a derivative left
 * in it becomes Symja's {@code D}, so the CAS takes it itself. Every symbol gets
 * a fresh name {@code v1, v2, ..}, so no user symbol can collide with a built-in such as {@code E},
 * {@code I}, {@code N} or {@code D}. Decimals become exact rationals, so nothing is rounded.
 */
final class SymjaForm {

    private final Map<Expr.Sym, String> names = new LinkedHashMap<>();
    private final Set<Expr.Sym> exponentiated = new HashSet<>();
    private final StringBuilder out = new StringBuilder();

    /**
     * Writes one expression; symbols keep their names across calls on the same instance. A symbol
     * x that stands in an exponential e^x is written through t = e^x (x as Log[t], d/dx as t d/dt):
     * exact for real x, and it turns softmax expressions into rational functions, which Symja
     * puts over one denominator reliably, where it does not normalise exponents like e^{a+2(a+b)}.
     */
    String of(Expr concrete) {
        scan(concrete);
        out.setLength(0);
        emit(concrete);
        return out.toString();
    }

    /** Notes which symbols stand in an exponential, without writing anything. */
    void scan(Expr e) {
        if (e instanceof Expr.Exp x && x.arg() instanceof Expr.Sym s) {
            exponentiated.add(s);
        }
        if (e instanceof Expr.Add a) {
            a.terms().forEach(this::scan);
        } else if (e instanceof Expr.Mul m) {
            m.factors().forEach(this::scan);
        } else if (e instanceof Expr.Neg n) {
            scan(n.arg());
        } else if (e instanceof Expr.Div d) {
            scan(d.numerator());
            scan(d.denominator());
        } else if (e instanceof Expr.Pow p) {
            scan(p.base());
            scan(p.exponent());
        } else if (e instanceof Expr.Exp x) {
            scan(x.arg());
        } else if (e instanceof Expr.Log l) {
            scan(l.arg());
        } else if (e instanceof Expr.Deriv d) {
            scan(d.of());
        }
    }

    /** {@code D[of, x]}, or {@code t D[of, t]} when x is written through t = e^x. */
    void derivative(Expr of, Expr.Sym wrt) {
        scan(of);
        boolean viaT = exponentiated.contains(wrt);
        out.append(viaT ? "Times[" + name(wrt) + ",D[" : "D[");
        emit(of);
        out.append(',').append(name(wrt)).append(viaT ? "]]" : "]");
    }

    /** Writes a derivative, naming symbols like the other calls on this instance. */
    String derivativeOf(Expr of, Expr.Sym wrt) {
        out.setLength(0);
        derivative(of, wrt);
        return out.toString();
    }

    String name(Expr.Sym s) {
        return names.computeIfAbsent(s, k -> "v" + (names.size() + 1));
    }

    private void emit(Expr e) {
        if (e instanceof Expr.Num n) {
            number(n.value());
        } else if (e instanceof Expr.Sym s) {
            if (exponentiated.contains(s)) {
                out.append("Log[").append(name(s)).append(']');
            } else {
                out.append(name(s));
            }
        } else if (e instanceof Expr.Add a) {
            list("Plus", a.terms());
        } else if (e instanceof Expr.Mul m) {
            list("Times", m.factors());
        } else if (e instanceof Expr.Neg n) {
            out.append("Times[-1,");
            emit(n.arg());
            out.append(']');
        } else if (e instanceof Expr.Div d) {
            out.append("Times[");
            emit(d.numerator());
            out.append(",Power[");
            emit(d.denominator());
            out.append(",-1]]");
        } else if (e instanceof Expr.Pow p) {
            out.append("Power[");
            emit(p.base());
            out.append(',');
            emit(p.exponent());
            out.append(']');
        } else if (e instanceof Expr.Exp x && x.arg() instanceof Expr.Sym s && exponentiated.contains(s)) {
            out.append(name(s));
        } else if (e instanceof Expr.Exp x) {
            out.append("Exp[");
            emit(x.arg());
            out.append(']');
        } else if (e instanceof Expr.Log l) {
            log(l.arg());
        } else if (e instanceof Expr.Deriv d) {
            derivative(d.of(), d.wrt());
        } else {
            throw new IllegalArgumentException("not a concrete expression (instantiate sums and functions first): "
                    + e.getClass().getSimpleName());
        }
    }

    /**
     * Writes a logarithm with quotients, products, powers and exponentials under it taken apart
     * (log a/b = log a - log b, log e^x = x). Valid because every quantity under a logarithm in
     * these derivations is positive; it spares Symja differentiating the log of a quotient, where
     * its simplifier runs for minutes.
     */
    private void log(Expr arg) {
        if (arg instanceof Expr.Exp x) {
            emit(x.arg());
        } else if (arg instanceof Expr.Div d) {
            out.append("Plus[");
            log(d.numerator());
            out.append(",Times[-1,");
            log(d.denominator());
            out.append("]]");
        } else if (arg instanceof Expr.Mul m) {
            out.append("Plus[");
            for (int i = 0; i < m.factors().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                log(m.factors().get(i));
            }
            out.append(']');
        } else if (arg instanceof Expr.Pow p) {
            out.append("Times[");
            emit(p.exponent());
            out.append(',');
            log(p.base());
            out.append(']');
        } else {
            out.append("Log[");
            emit(arg);
            out.append(']');
        }
    }

    private void list(String head, java.util.List<Expr> args) {
        out.append(head).append('[');
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            emit(args.get(i));
        }
        out.append(']');
    }

    private void number(BigDecimal v) {
        BigDecimal stripped = v.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            out.append(stripped.toBigIntegerExact());
            return;
        }
        BigInteger den = BigInteger.TEN.pow(stripped.scale());
        out.append("Rational[").append(stripped.unscaledValue()).append(',').append(den).append(']');
    }
}
