package dev.gradstep.check;

import dev.gradstep.derivation.Notation;
import dev.gradstep.derivation.Step;
import dev.gradstep.expr.Expr;
import java.util.List;
import java.util.Map;

/**
 * A step made concrete for the user: its two sides for one class count and each index case
 * (the "concrete view"), and their values at the user's own logits and labels.
 */
public final class StepInstances {

    /** One index case of a step at a fixed K: the indices, and both sides with sums expanded. */
    public record Instance(Map<String, Integer> indices, Expr left, Expr right) {
        public Instance {
            indices = Map.copyOf(indices);
        }
    }

    /** Both sides' values for one index case at the user's numbers. */
    public record Evaluation(Map<String, Integer> indices, double left, double right) {
        public Evaluation {
            indices = Map.copyOf(indices);
        }

        public boolean agrees() {
            double scale = Math.max(1e-300, Math.max(Math.abs(left), Math.abs(right)));
            return Math.abs(left - right) <= 1e-9 * scale || Math.abs(left - right) < 1e-12;
        }
    }

    /**
     * The step's left side (the chain's left side for a continuation) and right side for K
     * classes, one instance per index case allowed by its condition. Indices are 1-based.
     */
    public List<Instance> instances(List<Step> steps, int stepIndex, Notation notation, int classes) {
        throw new IllegalStateException("pending: instances");
    }

    /** Both sides evaluated at the given logits and labels (K = logits.length), per index case. */
    public List<Evaluation> evaluate(List<Step> steps, int stepIndex, Notation notation, double[] logits,
                                     double[] labels) {
        throw new IllegalStateException("pending: instances");
    }
}
