package dev.gradstep.check;

import dev.gradstep.derivation.Assumption;
import java.util.Set;

/**
 * The verdict on one step. {@code holds}: the right side equals the true value of the chain's left
 * side; {@code link}: it equals the previous right side (null where there is none or it is
 * undecided). {@code assumptions} lists what the verdict needed; {@code counterexample} is set for
 * a failure; {@code detail} says in words what was checked or why it could not be decided.
 */
public record StepVerdict(int step, Outcome outcome, Set<Basis> basis, Set<Assumption> assumptions,
                          Boolean holds, Boolean link, Counterexample counterexample, String detail) {
    public StepVerdict {
        basis = Set.copyOf(basis);
        assumptions = Set.copyOf(assumptions);
        detail = detail == null ? "" : detail;
    }

    /** "symbolic", "numeric", "both" or "none", as in the JSON report. */
    public String basisName() {
        if (basis.contains(Basis.SYMBOLIC) && basis.contains(Basis.NUMERIC)) {
            return "both";
        }
        if (basis.contains(Basis.SYMBOLIC)) {
            return "symbolic";
        }
        return basis.contains(Basis.NUMERIC) ? "numeric" : "none";
    }
}
