package dev.gradstep.check;

import dev.gradstep.derivation.Derivation;
import java.util.List;

/**
 * Every step's verdict for one derivation, in step order. {@code corrections} are the verdicts of
 * the correct lines of an exercise's marked-wrong steps, each checked in the wrong step's place.
 */
public record DerivationReport(Derivation derivation, List<StepVerdict> verdicts, List<StepVerdict> corrections) {
    public DerivationReport {
        verdicts = List.copyOf(verdicts);
        corrections = List.copyOf(corrections);
    }

    public DerivationReport(Derivation derivation, List<StepVerdict> verdicts) {
        this(derivation, verdicts, List.of());
    }

    /** The verdict of the correct line of marked-wrong step {@code step}, if it was checked. */
    public java.util.Optional<StepVerdict> correction(int step) {
        return corrections.stream().filter(v -> v.step() == step).findFirst();
    }

    /**
     * True when the derivation passes: every step verified, except that a step marked wrong in an
     * exercise passes only when it really fails and its correct line, put in its place, is verified.
     */
    public boolean passes() {
        for (StepVerdict c : corrections) {
            if (c.outcome() != Outcome.VERIFIED) {
                return false;
            }
        }
        for (StepVerdict v : verdicts) {
            boolean markedWrong = derivation.steps().get(v.step() - 1).markedWrong();
            Outcome wanted = markedWrong ? Outcome.FAILED : Outcome.VERIFIED;
            if (v.outcome() != wanted) {
                return false;
            }
        }
        return verdicts.size() == derivation.steps().size();
    }
}
