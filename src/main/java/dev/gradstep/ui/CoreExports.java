package dev.gradstep.ui;

import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

/** Adapts the core exporters and the atomic writer to the export view model's ports. */
final class CoreExports {

    private CoreExports() {
    }

    static ExportViewModel.Documents documents() {
        return new ExportViewModel.Documents() {
            @Override
            public String latexDocument(dev.gradstep.derivation.Derivation d, java.util.List<dev.gradstep.check.StepVerdict> v) {
                throw new IllegalStateException("pending: LaTeX exporter");
            }

            @Override
            public String latexSnippet(dev.gradstep.derivation.Derivation d, java.util.List<Integer> steps) {
                throw new IllegalStateException("pending: LaTeX exporter");
            }

            @Override
            public String markdown(dev.gradstep.derivation.Derivation d, java.util.List<dev.gradstep.check.StepVerdict> v) {
                throw new IllegalStateException("pending: Markdown exporter");
            }
        };
    }

    static ExportViewModel.FileWriter writer() {
        return (target, content, overwrite) -> {
            if (!overwrite && Files.exists(target)) {
                throw new java.nio.file.FileAlreadyExistsException(target.toString());
            }
            java.nio.file.Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".gradstep", ".tmp");
            Files.write(tmp, content);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        };
    }
}
