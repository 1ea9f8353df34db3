package dev.gradstep.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.check.Basis;
import dev.gradstep.check.Counterexample;
import dev.gradstep.check.Outcome;
import dev.gradstep.check.StepVerdict;
import dev.gradstep.derivation.Derivation;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatexExporterTest {

    private final LatexExporter exporter = new LatexExporter();
    private final Derivation d = Samples.derivation();

    private static List<StepVerdict> verdicts() {
        Counterexample cx = new Counterexample(3, Map.of("j", 1), List.of("0.1", "0.2", "0.3"),
                List.of("0", "1", "0"), "0.21", "-0.21");
        return List.of(
                new StepVerdict(1, Outcome.VERIFIED, Set.of(Basis.NUMERIC, Basis.SYMBOLIC), Set.of(), true, null, null, ""),
                new StepVerdict(2, Outcome.FAILED, Set.of(Basis.NUMERIC), Set.of(), false, false, cx, ""),
                new StepVerdict(3, Outcome.UNDECIDED, Set.of(), Set.of(), null, null, null, "CAS timed out"));
    }

    /** Braces balanced outside escapes, and \begin/\end properly nested. */
    private static void assertWellFormed(String tex) {
        int depth = 0;
        for (int i = 0; i < tex.length(); i++) {
            char c = tex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                assertTrue(depth >= 0, "a '}' closes nothing at " + i);
            }
        }
        assertEquals(0, depth, "unbalanced braces");
        Deque<String> open = new ArrayDeque<>();
        Matcher m = Pattern.compile("\\\\(begin|end)\\{([^}]*)\\}").matcher(tex);
        while (m.find()) {
            if (m.group(1).equals("begin")) {
                open.push(m.group(2));
            } else {
                assertFalse(open.isEmpty(), "\\end{" + m.group(2) + "} without \\begin");
                assertEquals(open.pop(), m.group(2));
            }
        }
        assertTrue(open.isEmpty(), "unclosed environments " + open);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void document_structure_isACompleteArticle() {
        String doc = exporter.document(d, List.of());
        assertTrue(doc.startsWith("\\documentclass{article}\n"), doc);
        assertTrue(doc.contains("\\usepackage{amsmath}"));
        assertTrue(doc.contains("\\usepackage{amssymb}"));
        assertTrue(doc.contains("\\title{Softmax \\& cross-entropy}"), doc);
        assertTrue(doc.indexOf("\\begin{document}") < doc.indexOf("\\begin{align*}"));
        assertTrue(doc.indexOf("\\end{align*}") < doc.indexOf("\\end{document}"));
        assertTrue(doc.strip().endsWith("\\end{document}"));
        assertWellFormed(doc);
    }

    @Test
    void document_statesSummaryNotationAndAssumptions() {
        String doc = exporter.document(d, List.of());
        assertTrue(doc.contains("Why $s - y$.\n\nA second paragraph."), doc);
        assertTrue(doc.contains("logits $z$, probabilities $s$, labels $y$, loss $L$, classes $K$, batch size $N$."), doc);
        assertTrue(doc.contains("\\paragraph{Assumptions.} $\\sum_i y_i = 1$ (labels-sum-to-one)."), doc);
    }

    @Test
    void document_oneAlignLinePerStep_alignedAtFirstTopLevelEquals() {
        String doc = exporter.document(d, List.of());
        String block = doc.substring(doc.indexOf("\\begin{align*}"), doc.indexOf("\\end{align*}"));
        assertEquals(d.steps().size(), count(block, "&="), block);
        assertEquals(d.steps().size() - 1, count(block, " \\\\\n"), "rows are separated, the last is not");
        assertEquals(d.steps().size(), count(block, "\\intertext{"));
        assertTrue(block.contains("\ns_i &= \\frac{e^{z_i}}{\\sum_{k=1}^{K} e^{z_k}} \\\\\n"), block);
        assertTrue(block.contains("\n&= s_j \\sum_i y_i - y_j \\\\\n"), "a continuation aligns at its '='");
        assertTrue(block.contains("\\sum_{i=1}^{K} y_i \\, s_j - y_j\n  &= s_j - y_j\n"),
                "'=' inside braces is skipped and the blank line is dropped: " + block);
        assertTrue(block.contains("\\intertext{\\textbf{1. Definition.} The softmax turns logits into probabilities.}"), block);
    }

    @Test
    void document_reasonText_escapesSpecialCharacters() {
        String doc = exporter.document(d, List.of());
        assertTrue(doc.contains("\\textbf{2. Chain rule.} Costs 5\\% \\& more: $x$ \\#1 under\\_score "
                + "\\{braces\\} \\textasciitilde{}tilde \\textasciicircum{}caret \\textbackslash{}back}"), doc);
        assertWellFormed(doc);
    }

    @Test
    void escape_everySpecialCharacter() {
        assertEquals("\\& \\% \\$ \\# \\_ \\{ \\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}",
                LatexExporter.escape("& % $ # _ { } ~ ^ \\"));
        assertEquals("a \\ensuremath{\\neq} b", LatexExporter.escape("a \u2260\n\n  b"));
    }

    @Test
    void document_withVerdicts_notesEachOutcome() {
        String doc = exporter.document(d, verdicts());
        assertTrue(doc.contains("$\\checkmark$~verified (numeric+symbolic)}"), doc);
        assertTrue(doc.contains("$\\times$~failed: K=3, j=1"), doc);
        assertTrue(doc.contains("?~undecided: CAS timed out}"), doc);
        assertWellFormed(doc);
    }

    @Test
    void snippet_containsOnlyTheAlignBlock() {
        String snippet = exporter.snippet(d, List.of());
        assertTrue(snippet.startsWith("\\begin{align*}\n"), snippet);
        assertTrue(snippet.endsWith("\\end{align*}\n"), snippet);
        assertFalse(snippet.contains("\\documentclass"));
        assertFalse(snippet.contains("\\begin{document}"));
        assertEquals(4, count(snippet, "\\intertext{"));
        assertWellFormed(snippet);
    }

    @Test
    void snippet_chosenSteps_onlyThoseInOrder() {
        String snippet = exporter.snippet(d, List.of(3, 1));
        assertEquals(2, count(snippet, "\\intertext{"));
        assertTrue(snippet.indexOf("1. Definition") < snippet.indexOf("3. Collect terms"), snippet);
        assertFalse(snippet.contains("Chain rule"));
        assertEquals(1, count(snippet, " \\\\\n"));
    }

    @Test
    void snippet_startingInsideAChain_startsWithTheChainsLeftSide() {
        String snippet = exporter.snippet(d, List.of(3));
        assertTrue(snippet.contains("\n\\frac{\\partial L}{\\partial z_j} &= s_j \\sum_i y_i - y_j\n"), snippet);
        assertFalse(snippet.contains("\n&="), "no lone continuation: " + snippet);
        assertWellFormed(snippet);
    }

    @Test
    void snippet_startingAtAChainsStart_addsNothing() {
        String snippet = exporter.snippet(d, List.of(1, 3));
        assertEquals(1, count(snippet, "\\frac{e^{z_i}}"), snippet);
        assertTrue(snippet.contains("\n&= s_j \\sum_i y_i - y_j\n"), "a later continuation stays as written: " + snippet);
    }

    @Test
    void snippet_stepOutOfRange_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> exporter.snippet(d, List.of(5)));
        assertTrue(e.getMessage().contains("no step 5"), e.getMessage());
    }

    @Test
    void snippet_ruleTitleWithLatex_isSetAsASymbol() {
        Derivation one = new Derivation("c", "t", "", d.notation(), Set.of(), List.of(Samples.step(1,
                "\\frac{\\partial s_i}{\\partial z_j} = -s_i s_j \\quad (i \\neq j)",
                dev.gradstep.derivation.Rule.CASE_NOT_EQUAL, "Off the diagonal.")), "c.yaml");
        String snippet = exporter.snippet(one, null);
        assertTrue(snippet.contains("\\textbf{1. Case $i \\neq j$.}"), snippet);
        assertFalse(snippet.contains("textbackslash"), snippet);
    }

    @Test
    void align_equalsInsideBracesIsNotTheAlignmentPoint() {
        assertEquals("\\sum_{k=1} a_k &= b", LatexExporter.align("\\sum_{k=1} a_k = b"));
        assertEquals("&= b", LatexExporter.align("= b"));
        assertEquals("&x", LatexExporter.align("x"));
    }

    @Test
    void document_compilesWithPdflatex(@TempDir Path dir) throws IOException, InterruptedException {
        Assumptions.assumeTrue(onPath("pdflatex"), "pdflatex is not installed");
        Files.writeString(dir.resolve("d.tex"), exporter.document(d, verdicts()), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "d.tex")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pdflatex timed out");
        assertEquals(0, p.exitValue(), () -> readQuietly(dir.resolve("log.txt")));
        assertTrue(Files.size(dir.resolve("d.pdf")) > 0);
    }

    /** Whether a program is on the PATH (tests that compile LaTeX skip without it). */
    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
