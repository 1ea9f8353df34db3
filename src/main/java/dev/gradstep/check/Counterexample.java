package dev.gradstep.check;

import java.util.List;
import java.util.Map;

/**
 * Where two sides differ: the class count, the index values, the logits and labels (row by row in
 * a batch), any other parameters, and both sides' values (decimal strings, 12 significant digits).
 */
public record Counterexample(int classes, Map<String, Integer> indices, List<String> logits,
                             List<String> labels, String left, String right, Map<String, String> parameters) {
    public Counterexample {
        indices = Map.copyOf(indices);
        logits = List.copyOf(logits);
        labels = List.copyOf(labels);
        parameters = Map.copyOf(parameters);
    }

    public Counterexample(int classes, Map<String, Integer> indices, List<String> logits, List<String> labels,
                          String left, String right) {
        this(classes, indices, logits, labels, left, right, Map.of());
    }

    /** One line for reports, e.g. {@code K=3, i=1, j=2, z=(..), y=(..): left 0.21 vs right -0.21}. */
    public String describe() {
        StringBuilder sb = new StringBuilder("K=").append(classes);
        indices.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(", ").append(e.getKey()).append('=').append(e.getValue()));
        sb.append(", z=(").append(String.join(", ", logits)).append(')');
        sb.append(", y=(").append(String.join(", ", labels)).append(')');
        parameters.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(", ").append(e.getKey()).append('=').append(e.getValue()));
        sb.append(": left side ").append(left).append(", right side ").append(right);
        return sb.toString();
    }
}
