package dev.gradstep.numeric;

/**
 * The gradient checked along one random unit direction v, in O(K): the analytic directional
 * derivative g·v against the complex-step derivative Im L(z + i·h·v) / h. The complex step, not a
 * central difference, because at K = 10^6 the central difference's rounding noise exceeds 1e-7.
 *
 * @param direction the unit direction v: random signs ±1/√K from the seed
 * @param step      the complex step h
 */
public record DirectionalCheck(long seed, RealVector direction, double analytic, double numeric, double step,
                               double relError) {

    /** The numeric derivative agrees with g·v to better than {@link GradientCheck#GOOD_RELATIVE_ERROR}. */
    public boolean passes() {
        return relError < GradientCheck.GOOD_RELATIVE_ERROR;
    }
}
