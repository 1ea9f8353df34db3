package dev.gradstep.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GradientCheckTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new double[] {2, 1, 0.1}, new double[] {0, 1, 0}),
                Arguments.of(new double[] {1, 2, 3}, new double[] {0.2, 0.3, 0.5}),
                Arguments.of(new double[] {2, 1, 0.1}, new double[] {0.1, 0.2, 0.4}),
                Arguments.of(new double[] {1000, 0, -1000}, new double[] {0, 1, 0}),
                Arguments.of(new double[] {20, 0, 0}, new double[] {1, 0, 0}),
                Arguments.of(new double[] {-3, 7, 0.5, 2}, new double[] {0, 0, 0, 0}));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void complexStep_cases_errorBelow1e13(double[] z, double[] y) {
        ComponentCheck check = GradientCheck.complexStep(z, y);
        assertTrue(check.maxRelError() < 1e-13, check::toString);
        assertTrue(check.passes());
        assertTrue(check.complete());
        assertEquals("all " + z.length + " components", check.coverage());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void centralDifference_cases_errorBelow1e7(double[] z, double[] y) {
        ComponentCheck check = GradientCheck.centralDifference(z, y);
        assertTrue(check.maxRelError() < 1e-7, check::toString);
        assertTrue(check.passes());
        assertEquals(GradientCheck.DEFAULT_CENTRAL_STEP, check.step());
    }

    @Test
    void centralDifference_manyClasses_tinyComponentsPassWithinNoise() {
        SplittableRandom random = new SplittableRandom(3);
        double[] z = new double[300];
        for (int i = 0; i < z.length; i++) {
            z[i] = 3 * random.nextGaussian();
        }
        ComponentCheck check = GradientCheck.centralDifference(z, Labels.oneHot(4, z.length));
        assertTrue(check.passes(), check::toString);
        assertTrue(check.noiseFloor() < 1e-8);
        assertTrue(check.relErrorFor(4).orElseThrow() < 1e-7);
    }

    @Test
    void checks_wrongGradient_fail() {
        // s − y instead of s·Σy − y for labels summing to 0.7: both checks must notice.
        double[] z = {2, 1, 0.1};
        double[] y = {0.1, 0.2, 0.4};
        Analysis right = SoftmaxCrossEntropy.analyze(z, y);
        double[] shortcut = new double[3];
        for (int j = 0; j < 3; j++) {
            shortcut[j] = right.probabilities().get(j) - y[j];
        }
        Analysis wrong = new Analysis(right.logits(), right.labels(), right.probabilities(),
                right.logProbabilities(), right.loss(), RealVector.of(shortcut), right.labelSum(), List.of());
        assertFalse(GradientCheck.centralDifference(wrong, 1e-5).passes());
        assertFalse(GradientCheck.complexStep(wrong, 1e-20).passes());
        assertFalse(GradientCheck.directional(wrong, 1).passes());
    }

    @Test
    void directional_100kClasses_passes() {
        int k = 100_000;
        SplittableRandom random = new SplittableRandom(5);
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            z[i] = 3 * random.nextGaussian();
        }
        DirectionalCheck check = GradientCheck.directional(z, Labels.oneHot(17, k), 42);
        assertTrue(check.passes(), check::toString);
        assertEquals(k, check.direction().size());
        double norm2 = 0;
        for (int i = 0; i < k; i++) {
            norm2 += check.direction().get(i) * check.direction().get(i);
        }
        assertEquals(1.0, norm2, 1e-10);
    }

    @Test
    void directional_sameSeed_sameDirection() {
        double[] z = {1, 2, 3, 4};
        double[] y = Labels.oneHot(2, 4);
        assertEquals(GradientCheck.directional(z, y, 9).direction(), GradientCheck.directional(z, y, 9).direction());
    }

    @Test
    void components_aboveCap_sampleIncludesTopLabelledFirstLast() {
        int k = GradientCheck.FULL_CHECK_MAX_CLASSES + 1000;
        double[] z = new double[k];
        z[123] = 5;
        Analysis a = SoftmaxCrossEntropy.analyze(z, Labels.oneHot(4567, k));
        ComponentCheck check = GradientCheck.complexStep(a, GradientCheck.DEFAULT_COMPLEX_STEP);
        assertEquals(GradientCheck.SAMPLE_SIZE, check.components().size());
        assertFalse(check.complete());
        assertTrue(check.components().containsAll(List.of(0, 123, 4567, k - 1)));
        assertTrue(check.coverage().startsWith("64 of " + k + " components"));
        assertTrue(check.passes(), check::toString);
        assertTrue(check.numericFor(1).isEmpty() || check.components().contains(1));
    }

    @Test
    void relativeError_zeroAgainstZero_isZero() {
        assertEquals(0.0, GradientCheck.relativeError(0, 0));
        assertEquals(0.5, GradientCheck.relativeError(1, 2));
    }

    @Test
    void steps_mustBePositive() {
        assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.centralDifference(new double[] {1, 2}, new double[] {0, 1}, 0));
        assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.complexStep(new double[] {1, 2}, new double[] {0, 1}, Double.NaN));
    }

    @Test
    void complex_log1pAndExp_matchRealFunctions() {
        Complex c = new Complex(0.5, 1e-20).log1p();
        assertEquals(Math.log1p(0.5), c.re(), 1e-16);
        assertEquals(1e-20 / 1.5, c.im(), 1e-36);
        Complex e = new Complex(1, Math.PI / 2).exp();
        assertEquals(0, e.re(), 1e-15);
        assertEquals(Math.E, e.im(), 1e-15);
    }
}
