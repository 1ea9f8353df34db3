package dev.gradstep.check;

import dev.gradstep.expr.Condition;
import dev.gradstep.expr.Expr;
import dev.gradstep.tex.DocumentText;
import dev.gradstep.tex.TexDocument;
import java.util.List;

/**
 * What checking a student's LaTeX file found: the notation used, and per display chain its steps.
 * Every step is one {@code =}; {@link #passes()} only when every step holds.
 */
public record StudentReport(String file, StudentNotation notation, List<Chain> chains, List<String> warnings,
                            DocumentText.Places places, DocumentText.Kind kind) {

    public StudentReport {
        chains = List.copyOf(chains);
        warnings = List.copyOf(warnings);
    }

    /** A report of a LaTeX file without reading warnings. */
    public StudentReport(String file, StudentNotation notation, List<Chain> chains) {
        this(file, notation, chains, List.of(), DocumentText.Places.LINES, DocumentText.Kind.LATEX);
    }

    /** This report with the reading warnings, places and kind of the document it came from. */
    StudentReport withDocument(TexDocument doc, List<String> notationWarnings) {
        List<String> all = new java.util.ArrayList<>(notationWarnings);
        all.addAll(doc.warnings());
        return new StudentReport(file, notation, chains, all, doc.places(), doc.kind());
    }

    /** Where a line is, as people find it: {@code line 12}, or {@code cell 3, line 2} in a notebook. */
    public String place(int line) {
        return places.label(line);
    }

    /** One chain {@code LHS = R1 = R2 ...}: the line of its left side, its LaTeX (as written) and its steps. */
    public record Chain(int line, String lhs, Expr lhsExpr, List<StepResult> steps) {
        public Chain {
            steps = List.copyOf(steps);
        }
    }

    /**
     * One step. {@code holds}: the right side equals the true value of the chain's left side;
     * {@code link}: it equals the previous right side (for the first step, the left side). Null is
     * undecided, unreadable or not applicable, with {@code error} saying why where something went wrong.
     * {@code basis} is "symbolic", "numeric", "both", or null when nothing was decided.
     * {@code column} is the column of an unreadable token (0 otherwise). {@code detail} says in
     * words what a checked step's verdict rests on (null when it was not checked). {@code reading}
     * says how a line that allows two readings was read; {@code ambiguous} marks a line whose two
     * readings differ in value, one of them equal to the true value: holds is null then, and no hint
 * is offered. {@code reason} is what the author wrote beside the line to justify it
     * ({@code \\text{(Apply product rule)}}, {@code \\tag{3}}, {@code eq.(1)}), as written, or null.
     * {@code hintKind} names the mistake the hint explains; {@code correction} is a
     * corrected line that was itself checked and holds. Both are only ever set on a wrong step.
     */
    public record StepResult(int line, String rhs, Expr rhsExpr, Boolean holds, Boolean link, Condition condition,
                             String conditionTex, String basis, Counterexample counterexample, String hint, String error,
                             int column, boolean definition, String detail, String reading, boolean ambiguous,
                             String reason, HintKind hintKind, Correction correction) {

        public StepResult {
            if (holds != Boolean.FALSE || ambiguous) {
                // feedback belongs to a wrong line only: never to one that holds, is undecided or ambiguous
                hint = null;
                hintKind = null;
                correction = null;
            }
        }

        public StepResult(int line, String rhs, Expr rhsExpr, Boolean holds, Boolean link, Condition condition,
                          String conditionTex, String basis, Counterexample counterexample, String hint, String error,
                          int column, boolean definition, String detail, String reading, boolean ambiguous) {
            this(line, rhs, rhsExpr, holds, link, condition, conditionTex, basis, counterexample, hint, error, column,
                    definition, detail, reading, ambiguous, null, null, null);
        }

        public StepResult(int line, String rhs, Expr rhsExpr, Boolean holds, Boolean link, Condition condition,
                          String conditionTex, String basis, Counterexample counterexample, String hint, String error,
                          int column, boolean definition) {
            this(line, rhs, rhsExpr, holds, link, condition, conditionTex, basis, counterexample, hint, error, column,
                    definition, null, null, false);
        }

        public StepResult(int line, String rhs, Expr rhsExpr, Boolean holds, Boolean link, Condition condition,
                          String conditionTex, String basis, Counterexample counterexample, String hint, String error,
                          int column, boolean definition, String detail) {
            this(line, rhs, rhsExpr, holds, link, condition, conditionTex, basis, counterexample, hint, error, column,
                    definition, detail, null, false);
        }

        /** The same step with a note on how it was read and whether it stays ambiguous (then never wrong). */
        public StepResult read(Boolean newHolds, String note, boolean isAmbiguous) {
            return new StepResult(line, rhs, rhsExpr, newHolds, isAmbiguous ? null : link, condition, conditionTex,
                    isAmbiguous ? null : basis, newHolds == Boolean.FALSE ? counterexample : null,
                    newHolds == Boolean.FALSE ? hint : null, error, column, definition, detail, note, isAmbiguous,
                    reason, hintKind, correction);
        }

        StepResult withDetail(String words) {
            return new StepResult(line, rhs, rhsExpr, holds, link, condition, conditionTex, basis, counterexample, hint,
                    error, column, definition, words, reading, ambiguous, reason, hintKind, correction);
        }

        /** The same step with a hint, its kind and a verified correction (kept only on a wrong step). */
        StepResult withFeedback(String newHint, HintKind kind, Correction fix) {
            return new StepResult(line, rhs, rhsExpr, holds, link, condition, conditionTex, basis, counterexample, newHint,
                    error, column, definition, detail, reading, ambiguous, reason, kind, fix);
        }

        /** The same verdict, moved to another line (a chain checked before, now elsewhere in the file). */
        public StepResult atLine(int newLine) {
            return new StepResult(newLine, rhs, rhsExpr, holds, link, condition, conditionTex, basis, counterexample, hint,
                    error, column, definition, detail, reading, ambiguous, reason, hintKind, correction);
        }

        /** The same step with a note on how it was read (kept when it already has one). */
        StepResult withReading(String note) {
            return note == null || reading != null ? this : new StepResult(line, rhs, rhsExpr, holds, link, condition,
                    conditionTex, basis, counterexample, hint, error, column, definition, detail, note, ambiguous, reason,
                    hintKind, correction);
        }

        /** The same step with the reason its author wrote beside it ({@code \\text{(chain rule)}}, {@code \\tag{3}}). */
        StepResult withReason(String stated) {
            return new StepResult(line, rhs, rhsExpr, holds, link, condition, conditionTex, basis, counterexample, hint,
                    error, column, definition, detail, reading, ambiguous, stated, hintKind, correction);
        }
    }

    /** True when every step of every chain holds (and there is at least one step). */
    public boolean passes() {
        boolean any = false;
        for (Chain c : chains) {
            for (StepResult s : c.steps()) {
                if (s.holds() != Boolean.TRUE) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** The first step that does not hold (wrong, undecided or unreadable), or null. */
    public StepResult firstProblem() {
        for (Chain c : chains) {
            for (StepResult s : c.steps()) {
                if (s.holds() != Boolean.TRUE) {
                    return s;
                }
            }
        }
        return null;
    }

    /** The first step that is wrong (holds false), or null. */
    public StepResult firstWrong() {
        for (Chain c : chains) {
            for (StepResult s : c.steps()) {
                if (s.holds() == Boolean.FALSE) {
                    return s;
                }
            }
        }
        return null;
    }

    /** {@code K=3, i=1, j=2, logits (..), labels (..): true value 0.2, this line -0.2}, for people. */
    public static String words(Counterexample c) {
        StringBuilder sb = new StringBuilder("K=").append(c.classes());
        new java.util.TreeMap<>(c.indices()).forEach((k, v) -> sb.append(", ").append(k).append('=').append(v));
        sb.append(", logits (").append(String.join(", ", c.logits())).append(')');
        if (!c.labels().isEmpty()) {
            sb.append(", labels (").append(String.join(", ", c.labels())).append(')');
        }
        new java.util.TreeMap<>(c.parameters()).forEach((k, v) -> sb.append(", ").append(k).append('=').append(v));
        return sb.append(": true value ").append(c.left()).append(", this line ").append(c.right()).toString();
    }

    /** All steps in file order. */
    public List<StepResult> steps() {
        return chains.stream().flatMap(c -> c.steps().stream()).toList();
    }
}
