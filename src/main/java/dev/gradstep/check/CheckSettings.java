package dev.gradstep.check;

import dev.gradstep.expr.Budget;
import java.time.Duration;

/**
 * How hard to check: class counts to instantiate, random points per instantiation, the seed (so a
 * run is repeatable), the time the CAS gets per symbolic question, and the K at which the CAS is
 * asked (symbolicMaxClasses), and the budget that bounds the work any one input may ask for.
 */
public record CheckSettings(int minClasses, int maxClasses, int pointsPerCase, long seed,
                            Duration symbolicTimeout, int symbolicMaxClasses, Budget budget) {

    /** With the default {@link Budget}. */
    public CheckSettings(int minClasses, int maxClasses, int pointsPerCase, long seed, Duration symbolicTimeout,
                         int symbolicMaxClasses) {
        this(minClasses, maxClasses, pointsPerCase, seed, symbolicTimeout, symbolicMaxClasses, Budget.DEFAULT);
    }

    public static CheckSettings defaults() {
        return new CheckSettings(2, 5, 3, 20261123L, Duration.ofSeconds(2), 3);
    }
}
