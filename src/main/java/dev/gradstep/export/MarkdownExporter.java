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
 * A derivation as Markdown with {@code $$ .. $$} maths (GitHub, Jupyter, Obsidian render it):
 * heading, summary, notation, then each step's rule, reason and LaTeX, and its verdict if known;
 * an exercise ends with its answer, after a rule, as the LaTeX document does.
 */
public final class MarkdownExporter {

    public String markdown(Derivation d, List<StepVerdict> verdictsOrEmpty) {
        Map<Integer, StepVerdict> verdicts = ExportText.byStep(verdictsOrEmpty);
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(prose(d.title())).append("\n\n");
        for (String paragraph : d.summary().strip().split("\\n\\s*\\n")) {
            if (!paragraph.isBlank()) {
                sb.append(prose(paragraph)).append("\n\n");
            }
        }
        sb.append("**Notation:**");
        String sep = " ";
        for (String[] meaning : ExportText.notation(d.notation())) {
            sb.append(sep).append(meaning[0]).append(" $").append(meaning[1]).append('$');
            sep = ", ";
        }
        sb.append(".\n\n");
        List<Assumption> assumptions = ExportText.assumptions(d);
        if (!assumptions.isEmpty()) {
            sb.append("**Assumptions:**");
            sep = " ";
            for (Assumption a : assumptions) {
                sb.append(sep).append('$').append(a.tex()).append("$ (").append(a.fileName()).append(')');
                sep = "; ";
            }
            sb.append(".\n\n");
        }
        for (Step s : d.steps()) {
            sb.append("**").append(s.number()).append(". ").append(prose(s.rule().title())).append("**");
            if (!s.why().isBlank()) {
                sb.append(" \u2014 ").append(prose(s.why()));
            }
            sb.append("\n\n$$\n").append(ExportText.tex(s)).append("\n$$\n\n");
            StepVerdict v = verdicts.get(s.number());
            if (v != null) {
                sb.append(mark(v.outcome())).append(' ').append(escape(ExportText.verdictWords(v))).append("\n\n");
            }
        }
        sb.append(answers(d));
        return sb.toString().stripTrailing() + "\n";
    }

    /** For an exercise, the answer after the worksheet: which step is wrong, why, and the correct line. */
    private static String answers(Derivation d) {
        String answers = ExportText.answers(d, "**Answer.**", MarkdownExporter::prose,
                line -> "\n\n$$\n" + line + "\n$$\n\n");
        return answers.isEmpty() ? "" : "---\n\n" + answers;
    }

    private static String mark(Outcome o) {
        return switch (o) {
            case VERIFIED -> "\u2713";
            case FAILED -> "\u2717";
            case UNDECIDED -> "?";
        };
    }

    /** An author's prose with the formulas written in it as inline maths ({@code $..$}), the rest escaped. */
    static String prose(String text) {
        return Prose.write(text, "$", MarkdownExporter::escape);
    }

    /** Prose made inert: Markdown's emphasis, link, HTML and maths characters escaped, lines joined. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder();
        String t = text.strip().replaceAll("\\s+", " ");
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if ("\\`*_[]<>$|#".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
