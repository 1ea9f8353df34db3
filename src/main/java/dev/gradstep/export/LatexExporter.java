package dev.gradstep.export;

import dev.gradstep.check.Outcome;
import dev.gradstep.check.StepVerdict;
import dev.gradstep.derivation.Assumption;
import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.Step;
import dev.gradstep.tex.Prose;
import java.util.List;
import java.util.Map;

/**
 * A derivation as LaTeX for papers and notes: a whole {@code article} (amsmath, amssymb) or just its
 * {@code align*} block. Step lines are the author's own LaTeX, aligned at the first top-level
 * {@code =}; each is introduced by an {@code \intertext} naming its rule and reason.
 */
public final class LatexExporter {

    // Common maths symbols in prose that pdflatex's utf8 input has no glyph for.
    private static final Map<Character, String> UNICODE_MATH = Map.ofEntries(
            Map.entry('\u2260', "\\neq"), Map.entry('\u2264', "\\leq"), Map.entry('\u2265', "\\geq"),
            Map.entry('\u2192', "\\to"), Map.entry('\u2190', "\\leftarrow"), Map.entry('\u21d2', "\\Rightarrow"),
            Map.entry('\u00d7', "\\times"), Map.entry('\u00b7', "\\cdot"), Map.entry('\u2212', "-"),
            Map.entry('\u2211', "\\sum"), Map.entry('\u2202', "\\partial"), Map.entry('\u221e', "\\infty"),
            Map.entry('\u2208', "\\in"), Map.entry('\u2248', "\\approx"), Map.entry('\u2207', "\\nabla"),
            Map.entry('\u03b1', "\\alpha"), Map.entry('\u03b2', "\\beta"), Map.entry('\u03b3', "\\gamma"),
            Map.entry('\u03b4', "\\delta"), Map.entry('\u03b5', "\\varepsilon"), Map.entry('\u03b8', "\\theta"),
            Map.entry('\u03bb', "\\lambda"), Map.entry('\u03bc', "\\mu"), Map.entry('\u03c3', "\\sigma"),
            Map.entry('\u03c4', "\\tau"), Map.entry('\u2713', "\\checkmark"), Map.entry('\u2717', "\\times"));

    /** A compilable document; verdicts, when given, are noted under each step's reason. */
    public String document(Derivation d, List<StepVerdict> verdictsOrEmpty) {
        StringBuilder sb = new StringBuilder();
        sb.append("\\documentclass{article}\n")
                .append("\\usepackage[utf8]{inputenc}\n")
                .append("\\usepackage[T1]{fontenc}\n")
                .append("\\usepackage{lmodern}\n")
                .append("\\usepackage{amsmath}\n")
                .append("\\usepackage{amssymb}\n")
                .append("\\title{").append(prose(d.title())).append("}\n")
                .append("\\author{}\n")
                .append("\\date{}\n")
                .append("\\begin{document}\n")
                .append("\\maketitle\n\n");
        for (String paragraph : d.summary().strip().split("\\n\\s*\\n")) {
            if (!paragraph.isBlank()) {
                sb.append(prose(paragraph)).append("\n\n");
            }
        }
        sb.append("\\paragraph{Notation.}");
        String sep = " ";
        for (String[] meaning : ExportText.notation(d.notation())) {
            sb.append(sep).append(meaning[0]).append(" $").append(meaning[1]).append('$');
            sep = ", ";
        }
        sb.append(".\n\n");
        List<Assumption> assumptions = ExportText.assumptions(d);
        if (!assumptions.isEmpty()) {
            sb.append("\\paragraph{Assumptions.}");
            sep = " ";
            for (Assumption a : assumptions) {
                sb.append(sep).append('$').append(a.tex()).append("$ (").append(escape(a.fileName())).append(')');
                sep = "; ";
            }
            sb.append(".\n\n");
        }
        sb.append(block(ExportText.select(d, null), ExportText.byStep(verdictsOrEmpty), ""));
        sb.append(answers(d));
        sb.append("\\end{document}\n");
        return sb.toString();
    }

    /** Only the {@code align*} block, for the chosen step numbers (all for null or empty). */
    public String snippet(Derivation d, List<Integer> stepNumbersOrAll) {
        List<Step> steps = ExportText.select(d, stepNumbersOrAll);
        String left = steps.isEmpty() ? "" : ExportText.chainLeft(d, steps.get(0));
        return block(steps, Map.of(), left);
    }

    /** The steps' {@code align*} block; {@code firstLeft} is put before the first line when it continues a chain. */
    private static String block(List<Step> steps, Map<Integer, StepVerdict> verdicts, String firstLeft) {
        StringBuilder sb = new StringBuilder("\\begin{align*}\n");
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            sb.append("\\intertext{\\textbf{").append(s.number()).append(". ")
                    .append(prose(s.rule().title())).append(".}");
            if (!s.why().isBlank()) {
                sb.append(' ').append(prose(s.why()));
            }
            StepVerdict v = verdicts.get(s.number());
            if (v != null) {
                sb.append(" \\hfill ").append(verdictMark(v)).append("~")
                        .append(escape(ExportText.verdictWords(v)));
            }
            sb.append("}\n");
            sb.append(align((i == 0 && !firstLeft.isEmpty() ? firstLeft + " " : "") + ExportText.tex(s)));
            sb.append(i + 1 < steps.size() ? " \\\\\n" : "\n");
        }
        return sb.append("\\end{align*}\n").toString();
    }

    /** For an exercise, the answer after the worksheet: which step is wrong, why, and the correct line. */
    private static String answers(Derivation d) {
        return ExportText.answers(d, "\\paragraph{Answer.}", LatexExporter::prose,
                line -> "\n\\begin{align*}\n" + align(line) + "\n\\end{align*}\n");
    }

    private static String verdictMark(StepVerdict v) {
        if (v.outcome() == Outcome.VERIFIED) {
            return "$\\checkmark$";
        }
        return v.outcome() == Outcome.FAILED ? "$\\times$" : "?";
    }

    /**
     * Puts {@code &} before the first {@code =} outside braces, so {@code \sum_{k=1}} in a left
     * side does not become the alignment point. A line without one is aligned at its start.
     */
    static String align(String tex) {
        int eq = ExportText.topLevelEquals(tex);
        return eq < 0 ? "&" + tex : tex.substring(0, eq) + "&" + tex.substring(eq);
    }

    /** An author's prose with the formulas written in it typeset as inline maths, the rest escaped. */
    static String prose(String text) {
        return Prose.write(text, "$", LatexExporter::escape);
    }

    /**
     * Plain text made safe for LaTeX: the ten special characters escaped, whitespace (including
     * blank lines, which would end an {@code \intertext} argument) collapsed, and common maths
     * symbols that pdflatex's utf8 input cannot set mapped to commands.
     */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder();
        String t = text.strip().replaceAll("\\s+", " ");
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '&', '%', '$', '#', '_', '{', '}' -> sb.append('\\').append(c);
                case '~' -> sb.append("\\textasciitilde{}");
                case '^' -> sb.append("\\textasciicircum{}");
                case '\\' -> sb.append("\\textbackslash{}");
                case '<' -> sb.append("\\textless{}");
                case '>' -> sb.append("\\textgreater{}");
                case '|' -> sb.append("\\textbar{}");
                default -> {
                    String math = UNICODE_MATH.get(c);
                    if (math != null) {
                        sb.append("\\ensuremath{").append(math).append('}');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
