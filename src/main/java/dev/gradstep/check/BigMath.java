package dev.gradstep.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * exp and log in BigDecimal at a fixed working precision. BigDecimal's exponent range means
 * e^{1000} and e^{-2000} are ordinary numbers here, which is what large-logit checks need.
 */
final class BigMath {

    private final MathContext mc;
    private final BigDecimal ln2;
    private final BigDecimal ln10;

    BigMath(int digits) {
        this.mc = new MathContext(digits + 10, RoundingMode.HALF_EVEN);
        this.ln2 = atanhSeries(BigDecimal.ONE.divide(BigDecimal.valueOf(3), mc)).multiply(BigDecimal.valueOf(2), mc);
        BigDecimal ln125 = atanhSeries(BigDecimal.ONE.divide(BigDecimal.valueOf(9), mc)).multiply(BigDecimal.valueOf(2), mc);
        this.ln10 = ln2.multiply(BigDecimal.valueOf(3), mc).add(ln125, mc);
    }

    MathContext context() {
        return mc;
    }

    /** atanh(u) = u + u^3/3 + u^5/5 + ..., fast for the small u used for the constants. */
    private BigDecimal atanhSeries(BigDecimal u) {
        BigDecimal u2 = u.multiply(u, mc);
        BigDecimal power = u;
        BigDecimal sum = u;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 2);
        for (int n = 3; n < 10_000; n += 2) {
            power = power.multiply(u2, mc);
            BigDecimal term = power.divide(BigDecimal.valueOf(n), mc);
            sum = sum.add(term, mc);
            if (term.abs().compareTo(eps) < 0) {
                break;
            }
        }
        return sum;
    }

    /** Halvings of the reduced argument before the series; squaring back costs about 2.5 of the 10 guard digits. */
    private static final int HALVINGS = 8;

    /**
     * e^x by x = n ln2 + r, |r| <= ln2/2, then e^r = (e^{r/256})^256: the series for the tiny
     * argument needs about 13 terms instead of 38, which is most of the numeric check's time.
     */
    BigDecimal exp(BigDecimal x) {
        if (x.signum() == 0) {
            return BigDecimal.ONE;
        }
        BigDecimal n = x.divide(ln2, 0, RoundingMode.HALF_EVEN);
        if (n.abs().compareTo(BigDecimal.valueOf(100_000_000)) > 0) {
            throw new ArithmeticException("exponent too large: " + x.round(new MathContext(6)));
        }
        BigDecimal r = x.subtract(ln2.multiply(n, mc), mc).divide(BigDecimal.valueOf(1L << HALVINGS), mc);
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 2);
        for (int k = 1; k < 1000; k++) {
            term = term.multiply(r, mc).divide(BigDecimal.valueOf(k), mc);
            sum = sum.add(term, mc);
            if (term.abs().compareTo(eps) < 0) {
                break;
            }
        }
        for (int i = 0; i < HALVINGS; i++) {
            sum = sum.multiply(sum, mc);
        }
        int shift = n.intValueExact();
        BigDecimal two = BigDecimal.valueOf(2);
        return shift >= 0 ? sum.multiply(two.pow(shift, mc), mc) : sum.divide(two.pow(-shift, mc), mc);
    }

    /** ln x for x > 0: split off the decimal exponent, then Halley steps from a double guess. */
    BigDecimal log(BigDecimal x) {
        if (x.signum() <= 0) {
            throw new ArithmeticException("log of a non-positive number");
        }
        int exp10 = x.precision() - x.scale() - 1;
        BigDecimal mant = x.movePointLeft(exp10);
        BigDecimal y = BigDecimal.valueOf(Math.log(mant.doubleValue()));
        BigDecimal two = BigDecimal.valueOf(2);
        for (int i = 0; i < 3; i++) {
            BigDecimal ey = exp(y);
            BigDecimal step = two.multiply(mant.subtract(ey, mc), mc).divide(mant.add(ey, mc), mc);
            y = y.add(step, mc);
        }
        return y.add(ln10.multiply(BigDecimal.valueOf(exp10), mc), mc);
    }
}
