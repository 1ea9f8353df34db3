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
        if (maxRelError < GradientCheck.GOOD_RELATIVE_ERROR) {
            return true;
        }
        for (int n = 0; n < relErrors.size(); n++) {
            if (relErrors.get(n) >= GradientCheck.GOOD_RELATIVE_ERROR
                    && Math.abs(analytic.get(n) - numeric.get(n)) > noiseFloor) {
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
