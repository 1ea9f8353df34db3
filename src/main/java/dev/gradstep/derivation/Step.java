package dev.gradstep.derivation;

import dev.gradstep.expr.Line;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a derivation: the LaTeX shown, its parsed form, the rule it applies and why.
 * {@code parts} names sub-expressions a rule works on (for the quotient rule: {@code u} and
 * {@code v}; their derivatives are computed by the CAS, never typed). {@code mistake} is non-null
 * only in "spot the mistake" exercises, where this step is deliberately wrong.
 */
public record Step(int number, String tex, Line line, Rule rule, String why,
                   Map<String, String> parts, Mistake mistake, int sourceLine) {

    public Step {
        Objects.requireNonNull(tex, "tex");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(rule, "rule");
        why = why == null ? "" : why;
        parts = Map.copyOf(parts);
    }

    public boolean markedWrong() {
        return mistake != null;
    }

    /**
     * A deliberately wrong step in an exercise: the correct LaTeX, an explanation, and the correct
     * line as read (null when not read), which the checker verifies in the wrong step's place.
     */
    public record Mistake(String correctTex, String explanation, Line correctLine) {
        public Mistake(String correctTex, String explanation) {
            this(correctTex, explanation, null);
        }
    }

    /** This step with the correct line of its mistake in place of its own; null when there is none. */
    public Step corrected() {
        if (mistake == null || mistake.correctLine() == null) {
            return null;
        }
        return new Step(number, mistake.correctTex(), mistake.correctLine(), rule, why, parts, null, sourceLine);
    }
}
