package dev.gradstep.export;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.check.Basis;
import dev.gradstep.check.Counterexample;
import dev.gradstep.check.Outcome;
import dev.gradstep.check.StepVerdict;
import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.Step;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MarkdownExporterTest {

    private final MarkdownExporter exporter = new MarkdownExporter();
    private final Derivation d = Samples.derivation();

    @Test
    void markdown_headingSummaryNotation() {
        String md = exporter.markdown(d, List.of());
        assertTrue(md.startsWith("# Softmax & cross-entropy\n\nWhy $s - y$.\n\nA second paragraph.\n\n"), md);
        assertTrue(md.contains("**Notation:** logits $z$, probabilities $s$"), md);
        assertTrue(md.contains("**Assumptions:** $\\sum_i y_i = 1$ (labels-sum-to-one)."), md);
    }

    @Test
    void markdown_containsEveryStepWithRuleReasonAndMaths() {
        String md = exporter.markdown(d, List.of());
        for (Step s : d.steps()) {
            assertTrue(md.contains("**" + s.number() + ". " + MarkdownExporter.prose(s.rule().title()) + "** \u2014 "), "step " + s.number());
            assertTrue(md.contains("$$\n" + ExportText.tex(s) + "\n$$"), "maths of step " + s.number());
        }
        assertTrue(md.contains("**1. Definition** \u2014 The softmax turns logits into probabilities.\n\n$$\ns_i = "), md);
        assertTrue(md.contains("under\\_score"), "prose is escaped for Markdown");
        assertFalse(md.contains("verified"), "no verdict lines without verdicts");
    }

    @Test
    void markdown_withVerdicts_oneLinePerOutcome() {
        Counterexample cx = new Counterexample(2, Map.of("j", 1), List.of("0.5", "-1"), List.of("1", "0"), "0.3", "-0.3");
        List<StepVerdict> verdicts = List.of(
                new StepVerdict(1, Outcome.VERIFIED, Set.of(Basis.NUMERIC, Basis.SYMBOLIC), Set.of(), true, null, null, ""),
                new StepVerdict(2, Outcome.FAILED, Set.of(Basis.NUMERIC), Set.of(), false, null, cx, ""),
                new StepVerdict(3, Outcome.UNDECIDED, Set.of(), Set.of(), null, null, null, ""));
        String md = exporter.markdown(d, verdicts);
        assertTrue(md.contains("\n\u2713 verified (numeric+symbolic)\n"), md);
        assertTrue(md.contains("\n\u2717 failed: K=2, j=1, z=(0.5, -1)"), md);
        assertTrue(md.contains("\n? undecided\n"), md);
    }
}
