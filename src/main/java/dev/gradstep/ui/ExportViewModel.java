package dev.gradstep.ui;

import dev.gradstep.check.StepVerdict;
import dev.gradstep.derivation.Derivation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Export of the derivation (LaTeX document or snippet, Markdown) and of the current formula (SVG,
 * PNG). Writing is atomic, and an existing file is replaced only after the user said yes.
 */
public final class ExportViewModel {

    /** What can be exported, with the file extension it gets. */
    public enum Format {
        LATEX_DOCUMENT("LaTeX document (.tex)", "tex"),
        LATEX_SNIPPET("LaTeX snippet of the chosen steps (.tex)", "tex"),
        MARKDOWN("Markdown (.md)", "md"),
        SVG("Current formula as SVG (.svg)", "svg"),
        PNG("Current formula as PNG (.png)", "png");

        private final String description;
        private final String extension;

        Format(String description, String extension) {
            this.description = description;
            this.extension = extension;
        }

        public String description() {
            return description;
        }

        public String extension() {
            return extension;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** The core's document exporters. */
    public interface Documents {
        String latexDocument(Derivation d, List<StepVerdict> verdicts);

        String latexSnippet(Derivation d, List<Integer> steps);

        String markdown(Derivation d, List<StepVerdict> verdicts);
    }

    /** Formula images, from the rendering bridge. */
    public interface Images {
        String svg(String tex);

        byte[] png(String tex);
    }

    /** Writes a whole file atomically; refuses to replace an existing file unless told to. */
    @FunctionalInterface
    public interface FileWriter {
        void write(Path target, byte[] content, boolean overwrite) throws IOException;
    }

    /** What one export should contain. */
    public record Request(Format format, Path target, Derivation derivation, List<StepVerdict> verdicts,
                          List<Integer> steps, String formulaTex) {
        public Request {
            verdicts = List.copyOf(verdicts);
            steps = List.copyOf(steps);
        }
    }

    private final Documents documents;
    private final Images images;
    private final FileWriter writer;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public ExportViewModel(Documents documents, Images images, FileWriter writer) {
        this.documents = documents;
        this.images = images;
        this.writer = writer;
    }

    /**
     * Writes the export. {@code confirmOverwrite} is asked only when the target exists; a no
     * leaves the file untouched. Returns true when the file was written.
     */
    public boolean export(Request request, Predicate<Path> confirmOverwrite) {
        Path target = withExtension(request.target(), request.format().extension());
        boolean exists = Files.exists(target);
        if (exists && !confirmOverwrite.test(target)) {
            status.set("Not exported: " + target.getFileName() + " already exists and was kept.");
            return false;
        }
        try {
            writer.write(target, content(request), exists);
            status.set("Exported " + request.format().description() + " to " + target);
            return true;
        } catch (IOException | RuntimeException e) {
            status.set("Export failed: " + e.getMessage());
            return false;
        }
    }

    /** The bytes of an export, without writing anything. */
    public byte[] content(Request r) {
        return switch (r.format()) {
            case LATEX_DOCUMENT -> utf8(documents.latexDocument(selected(r), r.verdicts()));
            case LATEX_SNIPPET -> utf8(documents.latexSnippet(r.derivation(), r.steps()));
            case MARKDOWN -> utf8(documents.markdown(selected(r), r.verdicts()));
            case SVG -> utf8(images.svg(r.formulaTex()));
            case PNG -> images.png(r.formulaTex());
        };
    }

    /** The derivation cut to the chosen step numbers; all of it when none (or none that exist) were chosen. */
    static Derivation selected(Request r) {
        Derivation d = r.derivation();
        List<dev.gradstep.derivation.Step> kept = d.steps().stream().filter(s -> r.steps().contains(s.number())).toList();
        if (r.steps().isEmpty() || kept.isEmpty() || kept.size() == d.steps().size()) {
            return d;
        }
        return new Derivation(d.id(), d.title(), d.summary(), d.notation(), d.assumptions(), kept, d.source(),
                d.definitions());
    }

    /** Adds the format's extension when the user typed a name without one. */
    public static Path withExtension(Path target, String extension) {
        String name = target.getFileName().toString();
        return name.contains(".") ? target : target.resolveSibling(name + "." + extension);
    }

    public void report(String message) {
        status.set(message);
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
