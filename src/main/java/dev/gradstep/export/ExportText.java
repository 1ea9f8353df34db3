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
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** A rule's title as prose: titles may hold a LaTeX relation ("Case i \\neq j"), shown as its symbol. */
    static String ruleTitle(Step s) {
        return s.rule().title().replace("\\neq", "\u2260");
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

    /** A piece of an author's prose: plain words, or a formula written in it as LaTeX. */
    record Run(String text, boolean math, boolean spaceBefore) {
    }

    private static final Pattern MATHY = Pattern.compile("[\\\\^_{]|(^|[^A-Za-z])[B-HJ-Zb-z]'");
    private static final Pattern NEUTRAL =
            Pattern.compile("\\(*([B-HJ-Zb-z]|[0-9]+|[=+\\-<>])\\)*|[()]");
    /** A word (three letters or more, not a command) or a long subscript without braces: prose, not maths. */
    private static final Pattern PROSE_IN_MATH = Pattern.compile("(?<![\\\\A-Za-z])[A-Za-z]{3,}|[_^][A-Za-z0-9]{2}");
    private static final Pattern COMMAND = Pattern.compile("\\\\([A-Za-z]+)");
    private static final Set<String> SAFE_COMMANDS = Set.of(
            "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "iota", "kappa",
            "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "phi", "varphi", "chi", "psi", "omega",
            "Gamma", "Delta", "Theta", "Lambda", "Sigma", "Phi", "Psi", "Omega", "partial", "sum", "prod", "frac",
            "log", "ln", "exp", "neq", "ne", "le", "leq", "ge", "geq", "cdot", "times", "left", "right", "hat",
            "tilde", "bar", "mathbf", "mathrm", "operatorname", "top", "infty", "approx", "in", "ldots", "cdots",
            "nabla", "sqrt", "mathbb", "quad");
    private static final String TRAILING = ".,;:!?";

    /**
     * Splits prose into words and the formulas an author wrote in it ({@code u = e^{z_i}},
     * {@code \delta_{ij}}): a run of tokens with LaTeX marks, with the single letters, numbers and
     * operators beside it. A run that is not safe to typeset (unbalanced braces, an unknown
     * command) stays words, so an export always compiles.
     */
    static List<Run> prose(String text) {
        String[] tokens = text.strip().split("\\s+");
        int n = tokens.length;
        boolean[] inMath = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (!MATHY.matcher(core(tokens[i])).find()) {
                continue;
            }
            inMath[i] = true;
            for (int j = i - 1; j >= 0 && !endsClause(tokens[j]) && NEUTRAL.matcher(core(tokens[j])).matches(); j--) {
                inMath[j] = true;
            }
            for (int j = i + 1; j < n && !endsClause(tokens[j - 1]); j++) {
                String c = core(tokens[j]);
                if (!(NEUTRAL.matcher(c).matches() || MATHY.matcher(c).find())) {
                    break;
                }
                inMath[j] = true;
            }
        }
        List<Run> runs = new ArrayList<>();
        int i = 0;
        while (i < n) {
            if (!inMath[i]) {
                words(runs, tokens[i++], true);
                continue;
            }
            StringBuilder math = new StringBuilder();
            while (i < n && inMath[i]) {
                math.append(math.length() == 0 ? "" : " ").append(tokens[i]);
                if (endsClause(tokens[i++])) {
                    break;
                }
            }
            String formula = core(math.toString());
            if (safeToTypeset(formula)) {
                runs.add(new Run(formula, true, !runs.isEmpty()));
                words(runs, math.substring(formula.length()), false);
            } else {
                words(runs, math.toString(), true);
            }
        }
        return runs;
    }

    /** Prose written out: formulas between {@code delimiter}s, words through {@code escape}. */
    static String prose(String text, String delimiter, java.util.function.UnaryOperator<String> escape) {
        StringBuilder sb = new StringBuilder();
        for (Run r : prose(text)) {
            sb.append(r.spaceBefore() ? " " : "").append(r.math() ? delimiter + r.text() + delimiter : escape.apply(r.text()));
        }
        return sb.toString();
    }

    /** Adds words to the last run of words, or starts one. */
    private static void words(List<Run> runs, String text, boolean spaced) {
        if (text.isEmpty()) {
            return;
        }
        Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        if (last != null && !last.math()) {
            runs.set(runs.size() - 1, new Run(last.text() + (spaced ? " " : "") + text, false, last.spaceBefore()));
        } else {
            runs.add(new Run(text, false, last != null && spaced));
        }
    }

    /** The token without the punctuation that ends a clause after it. */
    private static String core(String token) {
        int end = token.length();
        while (end > 0 && TRAILING.indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        return token.substring(0, end);
    }

    private static boolean endsClause(String token) {
        return !token.isEmpty() && TRAILING.indexOf(token.charAt(token.length() - 1)) >= 0;
    }

    private static boolean safeToTypeset(String formula) {
        int depth = 0;
        for (char c : formula.toCharArray()) {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth < 0 || c == '$' || c == '%' || c == '#' || c == '&') {
                return false;
            }
        }
        if (depth != 0 || formula.endsWith("\\") || formula.isBlank()
                || formula.chars().filter(c -> c == '(').count() != formula.chars().filter(c -> c == ')').count()
                || PROSE_IN_MATH.matcher(formula).find()) {
            return false;
        }
        Matcher m = COMMAND.matcher(formula);
        while (m.find()) {
            if (!SAFE_COMMANDS.contains(m.group(1))) {
                return false;
            }
        }
        return !formula.matches(".*\\\\[^A-Za-z].*");
    }
}
