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
        return significant(x, TWELVE_DIGITS, 1e12);
    }

    /** At most the given significant digits (1..17), trailing zeros dropped, plain from 1e-4 to 10^digits. */
    public static String significant(double x, int digits) {
        return significant(x, new MathContext(digits), Math.pow(10, digits));
    }

    private static String significant(double x, MathContext context, double plainBelow) {
        if (x == 0) {
            return "0";
        }
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        BigDecimal rounded = new BigDecimal(x).round(context).stripTrailingZeros();
        double magnitude = Math.abs(x);
        return magnitude >= 1e-4 && magnitude < plainBelow ? rounded.toPlainString() : rounded.toString();
    }
}
