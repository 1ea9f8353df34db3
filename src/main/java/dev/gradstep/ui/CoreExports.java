package dev.gradstep.ui;

import dev.gradstep.check.StepVerdict;
import dev.gradstep.derivation.Derivation;
import dev.gradstep.export.AtomicWriter;
import dev.gradstep.export.LatexExporter;
import dev.gradstep.export.MarkdownExporter;
import java.util.List;

/** Adapts the core exporters and the atomic writer to the export view model's ports. */
final class CoreExports {

    private CoreExports() {
    }

    static ExportViewModel.Documents documents() {
        LatexExporter latex = new LatexExporter();
        MarkdownExporter markdown = new MarkdownExporter();
        return new ExportViewModel.Documents() {
            @Override
            public String latexDocument(Derivation d, List<StepVerdict> v) {
                return latex.document(d, v);
            }

            @Override
            public String latexSnippet(Derivation d, List<Integer> steps) {
                return latex.snippet(d, steps);
            }

            @Override
            public String markdown(Derivation d, List<StepVerdict> v) {
                return markdown.markdown(d, v);
            }
        };
    }

    static ExportViewModel.FileWriter writer() {
        return AtomicWriter::write;
    }
}
