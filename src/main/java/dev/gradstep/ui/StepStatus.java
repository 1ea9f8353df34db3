package dev.gradstep.ui;

import dev.gradstep.check.Basis;
import dev.gradstep.check.StepVerdict;

/** What the outline badge of a step says. */
public enum StepStatus {
    PENDING("\u2026 waiting", "Not checked yet"),
    CHECKING("\u2026 checking", "Being checked now"),
    VERIFIED_SYMBOLIC("\u2713 CAS", "Verified: Symja proved both sides equal"),
    VERIFIED_NUMERIC("\u2713 numeric", "Verified numerically at random points, K = 2..5"),
    FAILED("\u2717 failed", "The two sides differ: see the counterexample"),
    UNDECIDED("? undecided", "Neither the numbers nor the CAS could settle it"),
    UNAVAILABLE("\u2013 unchecked", "The checker is not available");

    private final String badge;
    private final String explanation;

    StepStatus(String badge, String explanation) {
        this.badge = badge;
        this.explanation = explanation;
    }

    public String badge() {
        return badge;
    }

    public String explanation() {
        return explanation;
    }

    /** The CSS style class of the badge, e.g. {@code status-failed}. */
    public String styleClass() {
        return "status-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static StepStatus of(StepVerdict verdict) {
        return switch (verdict.outcome()) {
            case VERIFIED -> verdict.basis().contains(Basis.SYMBOLIC) ? VERIFIED_SYMBOLIC : VERIFIED_NUMERIC;
            case FAILED -> FAILED;
            case UNDECIDED -> UNDECIDED;
        };
    }
}
