package dev.gradstep.numeric;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers as people read them: 0.7 rather than 0.7000000000000001. */
public final class NumberText {
    private static final MathContext TWELVE_DIGITS = new MathContext(12);

    private NumberText() {
    }

    /** At most 12 significant digits, trailing zeros dropped, plain notation from 1e-4 to 1e12. */
    public static String shortest(double x) {
        if (x == 0) {
            return "0";
        }
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        BigDecimal rounded = new BigDecimal(x).round(TWELVE_DIGITS).stripTrailingZeros();
        double magnitude = Math.abs(x);
        return magnitude >= 1e-4 && magnitude < 1e12 ? rounded.toPlainString() : rounded.toString();
    }
}
