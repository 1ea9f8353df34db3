package dev.gradstep.ui;

import dev.gradstep.check.Basis;
import dev.gradstep.check.StepVerdict;

/** What the outline badge of a step says. */
public enum StepStatus {
    PENDING("waiting", "Not checked yet"),
    CHECKING("checking", "Being checked now"),
    VERIFIED_SYMBOLIC("verified \u2713 CAS", "Verified: Symja proved both sides equal"),
    VERIFIED_NUMERIC("verified \u2713 numbers", "Verified numerically at random points, K = 2..5"),
    FAILED("failed \u2717", "The two sides differ: see the counterexample"),
    UNDECIDED("undecided ?", "Neither the numbers nor the CAS could settle it"),
    UNAVAILABLE("not checked", "The checker is not available");

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
