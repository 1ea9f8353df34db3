package dev.gradstep.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** exp and log at 40 digits against 45-digit values from an independent arbitrary-precision library (mpmath), including the large logits of the checks. */
class BigMathTest {

    private final BigMath math = new BigMath(40);

    private static void assertRelative(BigDecimal expected, BigDecimal actual, int digits) {
        BigDecimal rel = expected.subtract(actual).abs().divide(expected.abs(), MathContext.DECIMAL128);
        assertTrue(rel.compareTo(BigDecimal.ONE.movePointLeft(digits)) < 0,
                "expected " + expected + " but was " + actual.round(new MathContext(45)) + " (relative error " + rel + ")");
    }

    @ParameterizedTest(name = "exp({0})")
    @CsvSource(textBlock = """
        1,      2.71828182845904523536028747135266249775724709
        -1,     0.367879441171442321595523770161460867445811131
        0.5,    1.6487212707001281468486507878141635716537761
        10,     22026.4657948067165169579006452842443663535126
        -20,    2.06115362243855782796594038015582097637580728E-9
        100,    2.68811714181613544841262555158001358736111187E+43
        1000,   1.97007111401704699388887935224332312531693798E+434
        -1000,  5.07595889754945676529180947957433691930559408E-435
        """)
    void exp_knownValues_fortyDigits(String x, String expected) {
        assertRelative(new BigDecimal(expected), math.exp(new BigDecimal(x)), 40);
    }

    @ParameterizedTest(name = "log({0})")
    @CsvSource(textBlock = """
        2,      0.693147180559945309417232121458176568075500134
        10,     2.30258509299404568401799145468436420760110149
        0.001,  -6.90775527898213705205397436405309262280330446
        1E+300, 690.775527898213705205397436405309262280330446
        """)
    void log_knownValues_fortyDigits(String x, String expected) {
        assertRelative(new BigDecimal(expected), math.log(new BigDecimal(x)), 39);
    }
}
