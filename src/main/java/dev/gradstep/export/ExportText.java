package dev.gradstep.export;

import dev.gradstep.check.Outcome;
import dev.gradstep.check.StepVerdict;
import dev.gradstep.derivation.Assumption;
import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.Notation;
import dev.gradstep.derivation.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/** What the exporters share: step selection, verdict lookup, the notation as words, tidy LaTeX lines. */
final class ExportText {

    private ExportText() {
    }

    /** The chosen steps in derivation order; all of them for null or an empty list. */
    static List<Step> select(Derivation d, List<Integer> stepNumbersOrAll) {
        if (stepNumbersOrAll == null || stepNumbersOrAll.isEmpty()) {
            return d.steps();
        }
        List<Step> out = new ArrayList<>();
        for (int n : new TreeSet<>(stepNumbersOrAll)) {
            if (n < 1 || n > d.steps().size()) {
                throw new IllegalArgumentException("no step " + n + ": the derivation has "
                        + d.steps().size() + " step" + (d.steps().size() == 1 ? "" : "s"));
            }
            out.add(d.steps().get(n - 1));
        }
        return out;
    }

    static Map<Integer, StepVerdict> byStep(List<StepVerdict> verdictsOrEmpty) {
        Map<Integer, StepVerdict> out = new HashMap<>();
        if (verdictsOrEmpty != null) {
            for (StepVerdict v : verdictsOrEmpty) {
                out.put(v.step(), v);
            }
        }
        return out;
    }

    /** Pairs of (meaning, LaTeX symbol) for the notation, in a fixed order. */
    static List<String[]> notation(Notation n) {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {"logits", n.logits()});
        out.add(new String[] {"probabilities", n.probs()});
        out.add(new String[] {"labels", n.labels()});
        out.add(new String[] {"loss", n.loss()});
        out.add(new String[] {"classes", n.classes()});
        if (n.batch() != null) {
            out.add(new String[] {"batch size", n.batch()});
        }
        if (n.onehot() != null) {
            out.add(new String[] {"true class", n.onehot()});
        }
        if (n.temperature() != null) {
            out.add(new String[] {"temperature", n.temperature()});
        }
        return out;
    }

    /**
     * An exercise's answer in the exporter's markup: the opening sentence, the explanation in prose
     * and the correct line, for each step marked wrong; empty for a route.
     */
    static String answers(Derivation d, String opening, UnaryOperator<String> prose, UnaryOperator<String> correctLine) {
        StringBuilder sb = new StringBuilder();
        for (Step s : d.steps()) {
            if (s.markedWrong()) {
                sb.append(opening).append(" Step ").append(s.number()).append(" is wrong. ")
                        .append(prose.apply(s.mistake().explanation())).append(" The correct line:")
                        .append(correctLine.apply(s.mistake().correctTex().strip()));
            }
        }
        return sb.toString();
    }

    /**
     * For a step that continues a chain ({@code = ...}), the LaTeX left side of the step that
     * started it, so a selection starting there still reads {@code L = ...}; empty otherwise.
     */
    static String chainLeft(Derivation d, Step first) {
        if (!tex(first).startsWith("=")) {
            return "";
        }
        for (int i = first.number() - 2; i >= 0; i--) {
            Step s = d.steps().get(i);
            if (!tex(s).startsWith("=")) {
                String t = tex(s);
                int eq = topLevelEquals(t);
                return eq < 0 ? "" : t.substring(0, eq).strip();
            }
        }
        return "";
    }

    /** Index of the first {@code =} outside braces (so not the one in {@code \sum_{k=1}}), or -1. */
    static int topLevelEquals(String tex) {
        int depth = 0;
        for (int i = 0; i < tex.length(); i++) {
            char c = tex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == '=' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Assumptions in enum order so output does not depend on set iteration order. */
    static List<Assumption> assumptions(Derivation d) {
        List<Assumption> out = new ArrayList<>();
        for (Assumption a : Assumption.values()) {
            if (d.assumptions().contains(a)) {
                out.add(a);
            }
        }
        return out;
    }

    /** The author's LaTeX, trimmed, without blank lines (a blank line is a paragraph break, fatal in math). */
    static String tex(Step s) {
        return s.tex().strip().replaceAll("(?m)^[ \\t]*\\r?\\n", "");
    }

    /** "verified (numeric+symbolic)", "failed: K=3, ...", "undecided: ...": the verdict in words. */
    static String verdictWords(StepVerdict v) {
        if (v.outcome() == Outcome.VERIFIED) {
            String basis = switch (v.basisName()) {
                case "both" -> " (numeric+symbolic)";
                case "none" -> "";
                default -> " (" + v.basisName() + ")";
            };
            return "verified" + basis;
        }
        if (v.outcome() == Outcome.FAILED) {
            String why = v.counterexample() != null ? v.counterexample().describe() : v.detail();
            return "failed" + (why.isBlank() ? "" : ": " + why);
        }
        return "undecided" + (v.detail().isBlank() ? "" : ": " + v.detail());
    }
}
