package dev.gradstep.expr;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * An index-aware mathematical expression, as read from LaTeX. Immutable; structural equality.
 *
 * <p>Symbols carry their subscripts ({@code z_j} is {@code Sym("z", [Sym("j")])}); a {@link Sum}
 * binds an index; instantiation (in {@code check}) replaces index symbols by numbers and expands
 * sums, after which an expression is "concrete".
 */
public sealed interface Expr {

    /** An exact decimal number. */
    record Num(BigDecimal value) implements Expr {
        public Num {
            Objects.requireNonNull(value, "value");
        }

        public static Num of(long v) {
            return new Num(BigDecimal.valueOf(v));
        }
    }

    /**
     * A symbol with optional subscripts: {@code K}, {@code j}, {@code z_j}, {@code X_{n,i}}.
     * The name is canonical LaTeX of the base ({@code z}, {@code \hat{y}}); decorations that carry
     * no meaning (bold) are dropped by the reader.
     */
    record Sym(String name, List<Expr> indices) implements Expr {
        public Sym {
            Objects.requireNonNull(name, "name");
            indices = List.copyOf(indices);
        }

        public Sym(String name) {
            this(name, List.of());
        }

        public static Sym indexed(String name, Expr... indices) {
            return new Sym(name, List.of(indices));
        }

        public boolean isPlain() {
            return indices.isEmpty();
        }
    }

    /** A sum of terms (subtraction is an added {@link Neg}). */
    record Add(List<Expr> terms) implements Expr {
        public Add {
            terms = List.copyOf(terms);
            if (terms.size() < 2) {
                throw new IllegalArgumentException("Add needs two or more terms");
            }
        }
    }

    /** A product of factors, written with {@code \cdot}, {@code \times} or juxtaposition. */
    record Mul(List<Expr> factors) implements Expr {
        public Mul {
            factors = List.copyOf(factors);
            if (factors.size() < 2) {
                throw new IllegalArgumentException("Mul needs two or more factors");
            }
        }
    }

    /** Unary minus. */
    record Neg(Expr arg) implements Expr {
        public Neg {
            Objects.requireNonNull(arg, "arg");
        }
    }

    /** A quotient, from {@code \frac} or {@code /}. */
    record Div(Expr numerator, Expr denominator) implements Expr {
        public Div {
            Objects.requireNonNull(numerator, "numerator");
            Objects.requireNonNull(denominator, "denominator");
        }
    }

    /** A power {@code base^{exponent}}. */
    record Pow(Expr base, Expr exponent) implements Expr {
        public Pow {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(exponent, "exponent");
        }
    }

    /** The natural exponential, from {@code e^{..}} or {@code \exp}. */
    record Exp(Expr arg) implements Expr {
        public Exp {
            Objects.requireNonNull(arg, "arg");
        }
    }

    /** The natural logarithm, from {@code \log} or {@code \ln} (never base 10 in this field). */
    record Log(Expr arg) implements Expr {
        public Log {
            Objects.requireNonNull(arg, "arg");
        }
    }

    /**
     * A sum over an index. {@code from}/{@code to} are null when the source leaves the range
     * implicit (then it is the notation's class count); {@code where} holds exclusions such as
     * {@code k \neq i}.
     */
    record Sum(String index, Expr from, Expr to, Condition where, Expr body) implements Expr {
        public Sum {
            Objects.requireNonNull(index, "index");
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(body, "body");
        }
    }

    /** A partial derivative of {@code of} with respect to the (usually indexed) symbol {@code wrt}. */
    record Deriv(Expr of, Sym wrt) implements Expr {
        public Deriv {
            Objects.requireNonNull(of, "of");
            Objects.requireNonNull(wrt, "wrt");
        }
    }

    /** The Kronecker delta {@code \delta_{ij}}: 1 when the two indices are equal, else 0. */
    record Delta(Expr left, Expr right) implements Expr {
        public Delta {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /**
     * A named function applied to arguments, optionally subscripted after the call:
     * {@code \sigma(x_j)}, {@code \operatorname{softmax}(z)_i}. Meaning comes from the notation.
     */
    record Fn(String name, List<Expr> args, List<Expr> indices) implements Expr {
        public Fn {
            Objects.requireNonNull(name, "name");
            args = List.copyOf(args);
            indices = List.copyOf(indices);
        }
    }
}
