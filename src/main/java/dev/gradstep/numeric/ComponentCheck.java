package dev.gradstep.numeric;

import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A numeric gradient compared with the analytic one, component by component. The n-th entries of
 * analytic, numeric and relErrors belong to class components().get(n); components are ascending.
 *
 * @param method      "central difference" or "complex step"
 * @param step        the step h used
 * @param coverage    which components were compared, in words ("all 3 components", or how they were sampled)
 * @param worstComponent the class index with the largest relative error
 * @param noiseFloor  the absolute float64 rounding error of the method at this point (0 for the complex
 *                    step); a component whose |analytic − numeric| is within it cannot be judged more finely
 */
public record ComponentCheck(String method, double step, int classes, List<Integer> components,
                             RealVector analytic, RealVector numeric, RealVector relErrors,
                             double maxRelError, int worstComponent, double noiseFloor,
                             String coverage) {

    public ComponentCheck {
        components = List.copyOf(components);
        if (analytic.size() != components.size() || numeric.size() != components.size()
                || relErrors.size() != components.size()) {
            throw new IllegalArgumentException("one analytic, numeric and error value per compared component");
        }
    }

    /**
     * Every compared component has a relative error below {@link GradientCheck#GOOD_RELATIVE_ERROR}, or
     * an absolute error within the noise floor: central differences of components whose gradient is
     * far below 1 (most classes once K is large) are limited by rounding in L, not by the gradient.
     */
    public boolean passes() {
        return verdict() == Verdict.GOOD;
    }

    /** What the comparison says about the gradient. */
    public enum Verdict {
        /** Every component agrees. */
        GOOD,
        /** A component differs by more than this method's rounding could explain. */
        NOT_GOOD,
        /** The differences are within what the difference quotient can resolve at these numbers. */
        INCONCLUSIVE,
        /** An analytic or numeric value is NaN or infinite: never good. */
        NOT_FINITE
    }

    /**
     * {@link Verdict#NOT_FINITE} before anything else; {@link Verdict#INCONCLUSIVE} when the components
     * that miss the relative bound differ by no more than the worst-case rounding of a K-term sum
     * (the noise floor assumes the typical √K; a K-term sum can lose up to K·ε).
     */
    public Verdict verdict() {
        for (int n = 0; n < relErrors.size(); n++) {
            if (!Double.isFinite(analytic.get(n)) || !Double.isFinite(numeric.get(n)) || Double.isNaN(relErrors.get(n))) {
                return Verdict.NOT_FINITE;
            }
        }
        if (within(noiseFloor)) {
            return Verdict.GOOD;
        }
        return noiseFloor > 0 && within(noiseFloor * Math.sqrt(classes)) ? Verdict.INCONCLUSIVE : Verdict.NOT_GOOD;
    }

    private boolean within(double floor) {
        if (maxRelError < GradientCheck.GOOD_RELATIVE_ERROR) {
            return true;
        }
        for (int n = 0; n < relErrors.size(); n++) {
            if (relErrors.get(n) >= GradientCheck.GOOD_RELATIVE_ERROR
                    && Math.abs(analytic.get(n) - numeric.get(n)) > floor) {
                return false;
            }
        }
        return true;
    }

    /** Passes only because components with tiny gradients differ by no more than the rounding noise. */
    public boolean passesWithinNoise() {
        return maxRelError >= GradientCheck.GOOD_RELATIVE_ERROR && passes();
    }

    /** True when every component was compared, false when a sample was. */
    public boolean complete() {
        return components.size() == classes;
    }

    /** The numeric derivative for a class index, empty when that component was not compared. */
    public OptionalDouble numericFor(int cls) {
        int n = Collections.binarySearch(components, cls);
        return n < 0 ? OptionalDouble.empty() : OptionalDouble.of(numeric.get(n));
    }

    /** The relative error for a class index, empty when that component was not compared. */
    public OptionalDouble relErrorFor(int cls) {
        int n = Collections.binarySearch(components, cls);
        return n < 0 ? OptionalDouble.empty() : OptionalDouble.of(relErrors.get(n));
    }
}
