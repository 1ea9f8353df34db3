package dev.gradstep.check;

import dev.gradstep.derivation.Derivation;
import java.util.List;

/** Every step's verdict for one derivation, in step order. */
public record DerivationReport(Derivation derivation, List<StepVerdict> verdicts) {
    public DerivationReport {
        verdicts = List.copyOf(verdicts);
    }

    /**
     * True when the derivation passes: every step verified, except that a step marked wrong in an
     * exercise passes only when it really fails.
     */
    public boolean passes() {
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
