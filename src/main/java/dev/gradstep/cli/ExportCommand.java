package dev.gradstep.cli;

import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.DerivationLoader;
import dev.gradstep.derivation.Step;
import dev.gradstep.export.AtomicWriter;
import dev.gradstep.export.LatexExporter;
import dev.gradstep.export.MarkdownExporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code export FILE --format tex|md [--snippet] [--steps 1,3-5] [--out PATH] [--force]}: a derivation
 * file as LaTeX or Markdown, to stdout or atomically to a file. Exit 0 on success, 2 for anything
 * the user can fix (usage, load problems, an existing output), 1 when writing fails otherwise.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes a derivation as a LaTeX document or align* snippet, or as Markdown.")
public final class ExportCommand implements Callable<Integer> {

    // Bounds a range such as 1-2000000000 before it is expanded; no derivation comes near it.
    private static final int MAX_STEP = 10_000;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The derivation file (.yaml).")
    private Path file;

    @Option(names = "--format", required = true, paramLabel = "tex|md", description = "tex (LaTeX) or md (Markdown).")
    private String format;

    @Option(names = "--snippet", description = "Only the align* block (tex only).")
    private boolean snippet;

    @Option(names = "--steps", paramLabel = "LIST", description = "Steps to export, e.g. 1,3-5 (default: all).")
    private String steps;

    @Option(names = "--out", paramLabel = "PATH", description = "Write to this file instead of standard output.")
    private Path out;

    @Option(names = "--force", description = "Overwrite the --out file if it exists.")
    private boolean force;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String fmt = format.trim().toLowerCase(Locale.ROOT);
        boolean tex = fmt.equals("tex") || fmt.equals("latex");
        if (!tex && !fmt.equals("md") && !fmt.equals("markdown")) {
            return usage(err, "unknown format '" + format + "': use tex or md");
        }
        if (snippet && !tex) {
            return usage(err, "--snippet works with --format tex only");
        }
        List<Integer> chosen;
        try {
            chosen = parseSteps(steps);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        // Refuse before loading, so the user learns about the clash without waiting for anything else.
        Optional<String> refused = out == null ? Optional.empty() : AtomicWriter.refusal(out, force);
        if (refused.isPresent()) {
            return usage(err, AtomicWriter.shown(out) + " " + refused.get());
        }
        Derivation d;
        try {
            d = new DerivationLoader().load(file);
        } catch (DerivationLoader.LoadException e) {
            e.problems().forEach(p -> err.println(p.describe()));
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        String text;
        try {
            if (snippet) {
                text = new LatexExporter().snippet(d, chosen);
            } else {
                Derivation selected = select(d, chosen);
                text = tex ? new LatexExporter().document(selected, List.of())
                        : new MarkdownExporter().markdown(selected, List.of());
            }
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        return emit(text, err);
    }

    private int emit(String text, PrintWriter err) {
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(text);
            stdout.flush();
            return CommandLine.ExitCode.OK;
        }
        try {
            AtomicWriter.write(out, text, force);
        } catch (NoSuchFileException e) {
            return usage(err, "cannot write " + out + ": the folder " + e.getFile() + " does not exist");
        } catch (FileAlreadyExistsException | AtomicWriter.Refused e) {
            // a refusal found only now (the file appeared or changed since the first look)
            return usage(err, AtomicWriter.shown(out) + " " + e.getReason());
        } catch (IOException e) {
            String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
            err.println("cannot write " + AtomicWriter.shown(out) + ": " + reason);
            err.flush();
            return CommandLine.ExitCode.SOFTWARE;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("wrote " + out);
        stdout.flush();
        return CommandLine.ExitCode.OK;
    }

    private static int usage(PrintWriter err, String message) {
        err.println("export: " + message);
        err.flush();
        return CommandLine.ExitCode.USAGE;
    }

    /** The same derivation with only the chosen steps (their numbers kept), or itself for all. */
    private static Derivation select(Derivation d, List<Integer> chosen) {
        if (chosen.isEmpty()) {
            return d;
        }
        List<Step> kept = new ArrayList<>();
        for (int n : chosen) {
            if (n > d.steps().size()) {
                throw new IllegalArgumentException("no step " + n + ": the derivation has " + d.steps().size() + " steps");
            }
            kept.add(d.steps().get(n - 1));
        }
        return new Derivation(d.id(), d.title(), d.summary(), d.notation(), d.assumptions(), kept, d.source());
    }

    /** "1,3-5" as [1, 3, 4, 5]; empty for null (all steps). */
    static List<Integer> parseSteps(String list) {
        if (list == null) {
            return List.of();
        }
        TreeSet<Integer> out = new TreeSet<>();
        String bad = "bad --steps '" + list + "': use step numbers and ranges such as 1,3-5";
        for (String part : list.split(",", -1)) {
            String p = part.trim();
            try {
                int dash = p.indexOf('-');
                int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).trim());
                int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1).trim());
                if (from < 1 || to < from || to > MAX_STEP) {
                    throw new IllegalArgumentException(bad);
                }
                for (int n = from; n <= to; n++) {
                    out.add(n);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(bad, e);
            }
        }
        return List.copyOf(out);
    }
}
