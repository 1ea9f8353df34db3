package dev.gradstep.derivation;

import dev.gradstep.expr.Expr;
import java.util.Objects;

/**
 * A meaning a derivation file gives a symbol, overriding the notation's built-in one:
 * {@code z_i = \sum_j h_j w_{ji} + b_i} (a linear layer), {@code L = \frac{1}{2}\sum_i (s_i - y_i)^2}
 * (MSE), {@code s_i = \frac{e^{z_i/T}}{\sum_k e^{z_k/T}}} (temperature). The symbol's subscripts
 * are pattern indices, bound to the actual indices where the symbol is used.
 */
public record Definition(String tex, Expr.Sym symbol, Expr value, int sourceLine) {
    public Definition {
        Objects.requireNonNull(tex, "tex");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(value, "value");
        for (Expr i : symbol.indices()) {
            if (!(i instanceof Expr.Sym s) || !s.isPlain()) {
                throw new IllegalArgumentException("the defined symbol's indices must be plain letters, as in z_i");
            }
        }
    }
}
