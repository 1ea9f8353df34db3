package dev.gradstep.numeric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SoftmaxCrossEntropyTest {

    /** References from mpmath at 30 digits. */
    static Stream<Arguments> references() {
        return Stream.of(
                Arguments.of(new double[] {1, 2, 3}, 2,
                        new double[] {0.0900305731703804579980, 0.244728471054797652473, 0.665240955774821889529},
                        0.407605964444380),
                Arguments.of(new double[] {2, 1, 0.1}, 1,
                        new double[] {0.659001138885967906553, 0.242432970704713921392, 0.0985658904093181720550},
                        1.41703001627783348315),
                Arguments.of(new double[] {1000, 0, -1000}, 1, new double[] {1, 0, 0}, 1000.0),
                Arguments.of(new double[] {1000, 0, -1000}, 0, new double[] {1, 0, 0}, 0.0),
                Arguments.of(new double[] {-1000, -1000}, 0, new double[] {0.5, 0.5}, Math.log(2)));
    }

    @ParameterizedTest
    @MethodSource("references")
    void analyze_references_probabilitiesLossGradient(double[] z, int cls, double[] s, double loss) {
        Analysis a = SoftmaxCrossEntropy.analyze(z, Labels.oneHot(cls, z.length));
        assertArrayEquals(s, a.probabilities().toArray(), 1e-15);
        assertEquals(loss, a.loss(), 1e-14 * Math.max(1, loss));
        for (int j = 0; j < z.length; j++) {
            assertEquals(s[j] - (j == cls ? 1 : 0), a.gradient().get(j), 1e-15);
        }
    }

    @Test
    void analyze_largeLogits_lossFinite() {
        Analysis a = SoftmaxCrossEntropy.analyze(new double[] {1000, 0, -1000}, new double[] {0, 0, 1});
        assertEquals(2000.0, a.loss());
        assertArrayEquals(new double[] {0, -1000, -2000}, a.logProbabilities().toArray());
        assertArrayEquals(new double[] {1, 0, -1}, a.gradient().toArray());
        assertTrue(a.warnings().isEmpty());
    }

    @Test
    void analyze_nearlyCertainTopClass_gradientKeepsDigits() {
        // 1 − s_0 = 2e^-20/(1 + 2e^-20): s_0 − 1 computed naively would keep only ~8 digits.
        Analysis a = SoftmaxCrossEntropy.analyze(new double[] {20, 0, 0}, Labels.oneHot(0, 3));
        double rest = 2 * Math.exp(-20);
        assertEquals(-rest / (1 + rest), a.gradient().get(0), 1e-16 * rest);
        assertEquals(Math.log1p(rest), a.loss(), 1e-16 * rest);
    }

    @Test
    void analyze_randomInputs_probabilitiesSumToOneAndGradientSumsToZero() {
        SplittableRandom random = new SplittableRandom(1);
        for (int trial = 0; trial < 50; trial++) {
            int k = 2 + random.nextInt(50);
            double[] z = new double[k];
            double[] y = new double[k];
            for (int i = 0; i < k; i++) {
                z[i] = 10 * random.nextGaussian();
                y[i] = random.nextDouble();
            }
            Analysis soft = SoftmaxCrossEntropy.analyze(z, y);
            Analysis hard = SoftmaxCrossEntropy.analyze(z, Labels.oneHot(random.nextInt(k), k));
            for (Analysis a : new Analysis[] {soft, hard}) {
                double sumS = 0;
                double sumG = 0;
                for (int i = 0; i < k; i++) {
                    sumS += a.probabilities().get(i);
                    sumG += a.gradient().get(i);
                    assertEquals(Math.exp(a.logProbabilities().get(i)), a.probabilities().get(i),
                            1e-14 * a.probabilities().get(i) + 1e-300);
                }
                assertEquals(1.0, sumS, 1e-13);
                assertEquals(0.0, sumG, 1e-13 * Math.max(1, a.labelSum()));
            }
        }
    }

    @Test
    void analyze_labelsNotSummingToOne_gradientIsSTimesSumMinusYWithWarning() {
        double[] z = {2, 1, 0.1};
        double[] y = {0.1, 0.2, 0.4};
        Analysis a = SoftmaxCrossEntropy.analyze(z, y);
        assertEquals(0.7, a.labelSum(), 1e-15);
        for (int j = 0; j < 3; j++) {
            assertEquals(a.probabilities().get(j) * 0.7 - y[j], a.gradient().get(j), 1e-15);
        }
        assertEquals(1, a.warnings().size());
        assertEquals("labels sum to 0.7, not 1: the gradient is s·Σy − y = 0.7·s − y, the shortcut s − y does not hold",
                a.warnings().get(0));
        ComponentCheck check = GradientCheck.centralDifference(z, y);
        assertTrue(check.maxRelError() < 1e-7, () -> "central difference " + check);
    }

    @Test
    void analyze_allZeroLabels_gradientZeroAndWarning() {
        Analysis a = SoftmaxCrossEntropy.analyze(new double[] {1, 2}, new double[] {0, 0});
        assertEquals(0.0, a.loss());
        assertArrayEquals(new double[] {0, 0}, a.gradient().toArray());
        assertTrue(a.warnings().get(0).startsWith("labels sum to 0, not 1"));
    }

    @Test
    void analyze_labelsSumWithinTolerance_noWarning() {
        Analysis a = SoftmaxCrossEntropy.analyze(new double[] {1, 2, 3}, new double[] {0.1, 0.2, 0.7 + 1e-12});
        assertTrue(a.warnings().isEmpty());
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(new double[0], new double[0], "no logits given"),
                Arguments.of(new double[] {1}, new double[] {1}, "need at least two classes (got 1 logit)"),
                Arguments.of(new double[] {1, 2, 3}, new double[] {0, 1}, "3 logits but 2 labels"),
                Arguments.of(new double[] {1, Double.NaN}, new double[] {0, 1}, "NaN is not allowed (logit at index 1)"),
                Arguments.of(new double[] {Double.NEGATIVE_INFINITY, 1}, new double[] {0, 1},
                        "Infinity is not allowed (logit at index 0)"),
                Arguments.of(new double[] {1, 2}, new double[] {Double.POSITIVE_INFINITY, 0},
                        "Infinity is not allowed (label at index 0)"),
                Arguments.of(new double[] {1, 2}, new double[] {1.5, -0.5},
                        "label at index 1 is negative (-0.5): labels are probabilities, they must be >= 0"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void analyze_invalidInput_clearMessage(double[] z, double[] y, String message) {
        NumericInputException e = assertThrows(NumericInputException.class, () -> SoftmaxCrossEntropy.analyze(z, y));
        assertEquals(message, e.getMessage());
    }

    @Test
    void oneHot_outOfRange_says0Based() {
        NumericInputException e = assertThrows(NumericInputException.class, () -> Labels.oneHot(3, 3));
        assertEquals("class 3 is out of range: with 3 classes the class index is 0..2 (0-based)", e.getMessage());
        assertThrows(NumericInputException.class, () -> Labels.oneHot(-1, 3));
        assertEquals("need at least two classes (got 1)",
                assertThrows(NumericInputException.class, () -> Labels.oneHot(0, 1)).getMessage());
        assertArrayEquals(new double[] {0, 1, 0}, Labels.oneHot(1, 3));
    }

    @Test
    void jacobian_smallK_isDiagSMinusSSTransposedAndSymmetric() {
        Analysis a = SoftmaxCrossEntropy.analyze(new double[] {2, 1, 0.1}, Labels.oneHot(1, 3));
        double[][] jac = a.jacobian();
        for (int i = 0; i < 3; i++) {
            double rowSum = 0;
            for (int j = 0; j < 3; j++) {
                double si = a.probabilities().get(i);
                double sj = a.probabilities().get(j);
                assertEquals((i == j ? si : 0) - si * sj, jac[i][j], 1e-16);
                assertEquals(jac[j][i], jac[i][j]);
                assertEquals(jac[i][j], a.jacobianEntry(i, j));
                rowSum += jac[i][j];
            }
            assertEquals(0.0, rowSum, 1e-16);
        }
    }

    @Test
    void jacobian_largeK_refusedButEntriesAvailable() {
        int k = Analysis.JACOBIAN_MAX_CLASSES + 1;
        Analysis a = SoftmaxCrossEntropy.analyze(new double[k], Labels.oneHot(0, k));
        assertFalse(a.jacobianAvailable());
        IllegalStateException e = assertThrows(IllegalStateException.class, a::jacobian);
        assertTrue(e.getMessage().contains("jacobianEntry"));
        double s = 1.0 / k;
        assertEquals(s * (1 - s), a.jacobianEntry(5, 5), 1e-18);
        assertEquals(-s * s, a.jacobianEntry(5, 6), 1e-20);
    }

    @Test
    void analysis_isImmutable_inputAndOutputCopies() {
        double[] z = {1, 2};
        Analysis a = SoftmaxCrossEntropy.analyze(z, new double[] {0, 1});
        z[0] = 99;
        a.probabilities().toArray()[0] = 99;
        assertEquals(1.0, a.logits().get(0));
        assertTrue(a.probabilities().get(0) < 0.5);
        assertThrows(UnsupportedOperationException.class, () -> a.warnings().add("x"));
    }

    @Test
    void topClasses_mostProbableFirst() {
        Analysis a = SoftmaxCrossEntropy.analyze(new double[] {0, 5, 3, 4, -1}, Labels.oneHot(0, 5));
        assertArrayEquals(new int[] {1, 3, 2}, a.topClasses(3));
        assertEquals(1, a.argmax());
    }

    @Test
    void shortest_readableNumbers() {
        assertEquals("0.7", NumberText.shortest(0.1 + 0.2 + 0.4));
        assertEquals("0", NumberText.shortest(-0.0));
        assertEquals("1.5E-7", NumberText.shortest(1.5e-7));
        assertEquals("1000", NumberText.shortest(1000));
    }
}
