package dev.gradstep.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.check.StepVerdict;
import dev.gradstep.derivation.Derivation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportViewModelTest {

    @TempDir
    Path dir;

    private final ExportViewModel vm = new ExportViewModel(new ExportViewModel.Documents() {
        @Override
        public String latexDocument(Derivation d, List<StepVerdict> v) {
            return "\\documentclass{article} " + d.title();
        }

        @Override
        public String latexSnippet(Derivation d, List<Integer> steps) {
            return "snippet " + steps;
        }

        @Override
        public String markdown(Derivation d, List<StepVerdict> v) {
            return "# " + d.title();
        }
    }, new ExportViewModel.Images() {
        @Override
        public String svg(String tex) {
            return "<svg>" + tex + "</svg>";
        }

        @Override
        public byte[] png(String tex) {
            return new byte[] {1, 2, 3};
        }
    }, CoreExports.writer());

    private ExportViewModel.Request request(ExportViewModel.Format f, Path target) {
        return new ExportViewModel.Request(f, target, TestDerivations.steps(3), List.of(), List.of(2, 3), "x^2");
    }

    @Test
    void export_newFile_writesWithoutAsking() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        assertTrue(vm.export(request(ExportViewModel.Format.MARKDOWN, dir.resolve("out")), p -> asked.incrementAndGet() > 0));
        assertEquals("# Test with 3 steps", Files.readString(dir.resolve("out.md")));
        assertEquals(0, asked.get());
    }

    @Test
    void export_existingFile_refusedWithoutConfirmation() throws Exception {
        Path target = dir.resolve("d.tex");
        Files.writeString(target, "mine");
        assertFalse(vm.export(request(ExportViewModel.Format.LATEX_DOCUMENT, target), p -> false));
        assertEquals("mine", Files.readString(target));
        assertTrue(vm.statusProperty().get().contains("kept"));
    }

    @Test
    void export_existingFile_replacedAfterYes() throws Exception {
        Path target = dir.resolve("s.tex");
        Files.writeString(target, "old");
        assertTrue(vm.export(request(ExportViewModel.Format.LATEX_SNIPPET, target), p -> true));
        assertEquals("snippet [2, 3]", Files.readString(target, StandardCharsets.UTF_8));
    }

    @Test
    void export_imageFormats_writeFormula() throws Exception {
        assertTrue(vm.export(request(ExportViewModel.Format.SVG, dir.resolve("f.svg")), p -> false));
        assertEquals("<svg>x^2</svg>", Files.readString(dir.resolve("f.svg")));
        assertTrue(vm.export(request(ExportViewModel.Format.PNG, dir.resolve("f")), p -> false));
        assertEquals(3, Files.size(dir.resolve("f.png")));
    }

    @Test
    void documentAndMarkdown_ofSelectedSteps_holdOnlyThoseSteps() throws Exception {
        ExportViewModel real = new ExportViewModel(CoreExports.documents(), null, CoreExports.writer());
        for (ExportViewModel.Format f : List.of(ExportViewModel.Format.MARKDOWN, ExportViewModel.Format.LATEX_DOCUMENT)) {
            String out = new String(real.content(new ExportViewModel.Request(f, dir.resolve("x"), TestDerivations.steps(4),
                    List.of(), List.of(2, 3), "")), StandardCharsets.UTF_8);
            assertTrue(out.contains("x_{2}") && out.contains("x_{3}"), out);
            assertFalse(out.contains("x_{1}") || out.contains("x_{4}"), out);
            String all = new String(real.content(new ExportViewModel.Request(f, dir.resolve("x"), TestDerivations.steps(4),
                    List.of(), List.of(), "")), StandardCharsets.UTF_8);
            assertTrue(all.contains("x_{1}") && all.contains("x_{4}"), all);
        }
    }

    @Test
    void parseSteps_readsRangesAndLists() {
        assertEquals(List.of(2, 3, 4, 9), MainWindow.parseSteps("2-4, 9 x"));
    }

    @Test
    void coreExporters_writeMarkdownAndLatex() throws Exception {
        ExportViewModel real = new ExportViewModel(CoreExports.documents(), null, CoreExports.writer());
        Path md = dir.resolve("d.md");
        assertTrue(real.export(new ExportViewModel.Request(ExportViewModel.Format.MARKDOWN, md, TestDerivations.steps(3),
                List.of(), List.of(), ""), p -> false), real.statusProperty().get());
        assertTrue(Files.readString(md).contains("Test with 3 steps"));
        Path tex = dir.resolve("d.tex");
        assertTrue(real.export(new ExportViewModel.Request(ExportViewModel.Format.LATEX_DOCUMENT, tex,
                TestDerivations.steps(3), List.of(), List.of(), ""), p -> false), real.statusProperty().get());
        assertTrue(Files.readString(tex).contains("\\documentclass"));
    }
}
