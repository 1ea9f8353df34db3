package dev.gradstep.derivation;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A derivation as loaded from a file: metadata, the notation that gives its symbols meaning,
 * the assumptions it may use, and its ordered steps. {@code source} is the file or resource name
 * used in messages; {@code definitions} give symbols meanings beyond the notation's.
 */
public record Derivation(String id, String title, String summary, Notation notation,
                         Set<Assumption> assumptions, List<Step> steps, String source,
                         List<Definition> definitions) {

    public Derivation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        summary = summary == null ? "" : summary;
        Objects.requireNonNull(notation, "notation");
        assumptions = Set.copyOf(assumptions);
        steps = List.copyOf(steps);
        Objects.requireNonNull(source, "source");
        definitions = List.copyOf(definitions);
    }

    /** A derivation that uses only the notation's built-in meanings. */
    public Derivation(String id, String title, String summary, Notation notation,
                      Set<Assumption> assumptions, List<Step> steps, String source) {
        this(id, title, summary, notation, assumptions, steps, source, List.of());
    }

    /** True for "spot the mistake" exercises (a step is marked wrong). */
    public boolean isExercise() {
        return steps.stream().anyMatch(Step::markedWrong);
    }
}
