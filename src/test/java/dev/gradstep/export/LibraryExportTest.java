package dev.gradstep.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.DerivationLoader;
import dev.gradstep.derivation.Step;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every library file exports to a complete LaTeX article with one aligned row per step; pdflatex compiles it when installed. */
class LibraryExportTest {

    private final LatexExporter exporter = new LatexExporter();

    static Stream<Derivation> library() {
        DerivationLoader.Library lib = new DerivationLoader().loadFolder(Path.of("derivations"));
        assertTrue(lib.problems().isEmpty(), () -> lib.problems().toString());
        return lib.derivations().stream();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("library")
    void document_libraryFile_hasArticleStructureAndOneRowPerStep(Derivation d) {
        String doc = exporter.document(d, List.of());
        assertTrue(doc.startsWith("\\documentclass{article}\n"), doc);
        assertTrue(doc.contains("\\usepackage{amsmath}"), doc);
        assertTrue(doc.contains("\\begin{document}") && doc.strip().endsWith("\\end{document}"), doc);
        assertEquals(d.isExercise() ? 2 : 1, count(doc, "\\begin{align*}"), "the steps, and an exercise's answer");
        if (d.isExercise()) {
            Step wrong = d.steps().stream().filter(Step::markedWrong).findFirst().orElseThrow();
            String answer = doc.substring(doc.indexOf("\\paragraph{Answer.}"));
            assertTrue(answer.startsWith("\\paragraph{Answer.} Step " + wrong.number() + " is wrong. "), answer);
            assertTrue(answer.contains(LatexExporter.align(wrong.mistake().correctTex().strip())), answer);
        } else {
            assertFalse(doc.contains("\\paragraph{Answer.}"));
        }
        String block = doc.substring(doc.indexOf("\\begin{align*}"), doc.indexOf("\\end{align*}"));
        int steps = d.steps().size();
        assertEquals(steps, count(block, "\\intertext{\\textbf{"), "one introduction per step");
        assertEquals(steps - 1, count(block, " \\\\\n"), "one row per step, separated");
        String[] rows = block.substring(block.indexOf('\n') + 1).split(" \\\\\\\\\n");
        assertEquals(steps, rows.length);
        for (int i = 0; i < steps; i++) {
            String row = rows[i].substring(rows[i].indexOf("}\n") + 2);
            assertEquals(1, count(row, "&"), "step " + (i + 1) + " is aligned once: " + row);
            assertTrue(row.contains("&="), "step " + (i + 1) + " is aligned at its '=': " + row);
        }
        assertTrue(doc.contains("\\paragraph{Notation.} logits $" + d.notation().logits() + "$"), doc);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("library")
    void markdown_libraryFile_endsWithTheAnswerExactlyWhenItIsAnExercise(Derivation d) {
        String md = new MarkdownExporter().markdown(d, List.of());
        if (d.isExercise()) {
            Step wrong = d.steps().stream().filter(Step::markedWrong).findFirst().orElseThrow();
            int at = md.indexOf("**Answer.**");
            assertTrue(at > md.indexOf("**" + d.steps().size() + ". "), "the answer comes after the last step");
            String answer = md.substring(at);
            assertTrue(answer.startsWith("**Answer.** Step " + wrong.number() + " is wrong. "), answer);
            assertTrue(answer.contains("$$\n" + wrong.mistake().correctTex().strip() + "\n$$"), answer);
            assertEquals(d.steps().size() + 1, count(md, "$$\n") / 2, "each step's block and the answer's");
        } else {
            assertFalse(md.contains("Answer."), md);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("library")
    void document_libraryFile_compilesWithPdflatex(Derivation d, @TempDir Path dir) throws IOException, InterruptedException {
        Assumptions.assumeTrue(LatexExporterTest.onPath("pdflatex"), "pdflatex is not installed: structure is tested, compiling is skipped");
        Files.writeString(dir.resolve("d.tex"), exporter.document(d, List.of()), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "d.tex")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pdflatex timed out");
        assertEquals(0, p.exitValue(), () -> d.id() + ":\n" + tail(dir.resolve("log.txt")));
        assertTrue(Files.size(dir.resolve("d.pdf")) > 0);
        if (LatexExporterTest.onPath("pdffonts")) {
            Process f = new ProcessBuilder("pdffonts", "d.pdf").directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("fonts.txt").toFile()).start();
            assertTrue(f.waitFor(60, TimeUnit.SECONDS), "pdffonts timed out");
            String fonts = Files.readString(dir.resolve("fonts.txt"), StandardCharsets.ISO_8859_1);
            assertFalse(fonts.contains("Type 3"), "a bitmap font is left in the PDF:\n" + fonts);
        }
    }

    /** The prose of a document (introduction, step reasons, answer) with its inline maths taken out. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("library")
    void document_libraryFile_noPlainTextMathsInProse(Derivation d) {
        String doc = exporter.document(d, List.of());
        String prose = doc.substring(doc.indexOf("\\maketitle"))
                .replaceAll("(?s)\\\\begin\\{align\\*\\}.*?(?=\\\\intertext|\\\\end\\{align)", "")
                .replaceAll("(?m)^(?!\\\\intertext|\\\\paragraph|[A-Z][a-z]).*$", "")
                .replaceAll("\\$[^$]*\\$", "M");
        for (String plain : List.of("\\_", "textasciicircum", " i = j", " u/v", " log s")) {
            assertFalse(prose.contains(plain), d.id() + ": '" + plain + "' in prose:\n" + prose);
        }
    }

    private static String tail(Path log) {
        try {
            String s = Files.readString(log, StandardCharsets.ISO_8859_1);
            return s.substring(Math.max(0, s.length() - 3000));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
