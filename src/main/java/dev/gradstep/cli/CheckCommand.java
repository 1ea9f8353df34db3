package dev.gradstep.cli;

import dev.gradstep.cas.AnswerCache;
import dev.gradstep.cas.SymjaGateway;
import dev.gradstep.check.CheckSettings;
import dev.gradstep.check.DerivationChecker;
import dev.gradstep.check.DerivationReport;
import dev.gradstep.check.Outcome;
import dev.gradstep.check.StepVerdict;
import dev.gradstep.check.StudentChecker;
import dev.gradstep.check.StudentNotation;
import dev.gradstep.check.StudentReport;
import dev.gradstep.derivation.Assumption;
import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.DerivationLoader;
import dev.gradstep.derivation.Step;
import dev.gradstep.tex.DocumentText;
import dev.gradstep.tex.SourceText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gradstep check FILE...}: verifies derivation files step by step. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Verify derivation files (.yaml) step by step: numerically for K=2..5 and every index case,",
            "and symbolically by Symja where it can decide in time.",
            "Any other file (.tex, .md, .markdown, .txt, .ipynb, read by content) is a student's own derivation:",
            "every '=' of its maths is checked line by line.",
            "Exit status: 0 every step holds, 1 a step failed or could not be decided, 2 bad usage or unreadable file."})
final class CheckCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "derivation files (.yaml), LaTeX (.tex), Markdown (.md, .markdown, .txt), notebooks (.ipynb), or folders of them")
    private List<Path> files;

    @Option(names = "--json", description = "print one JSON report per file, one per line")
    private boolean json;

    @Option(names = "--numeric-only", description = "skip the symbolic (Symja) confirmation")
    private boolean numericOnly;

    @Option(names = "--notation", paramLabel = "WORDS",
            description = {"notation of .tex files, overriding their '%% notation:' comment, e.g.",
                "\"logits=z probs=\\hat{y} labels=y loss=L classes=K [batch=N] [onehot=c] [labelsum=any]\""})
    private String notation;

    @Option(names = "--verbose", description = "say what each verdict rests on")
    private boolean verbose;

    @Option(names = "--symbolic-timeout", paramLabel = "MS", defaultValue = "2000",
            description = "time Symja gets per question, in milliseconds (default: ${DEFAULT-VALUE})")
    private long symbolicTimeoutMs;

    @Option(names = "--no-cache", description = "ask Symja every question again, neither reading nor writing the cache of its answers")
    private boolean noCache;

    @Option(names = "--watch", description = {"check the files, then again each time one is saved, printing what changed;",
        "stop with Ctrl-C"})
    private boolean watch;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** How often a watched file is looked at: soon enough to feel immediate, cheap enough to go unnoticed. */
    private static final long WATCH_POLL_MS = 200;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (symbolicTimeoutMs < 1) {
            err.println("gradstep check: --symbolic-timeout must be at least 1 ms");
            return 2;
        }
        AnswerCache answers = numericOnly || noCache ? null
                : AnswerCache.onDisk(AnswerCache.defaultFolder(), AnswerCache.DEFAULT_MAX_CHARS);
        // with a cache, Symja loads only when a question is new: a run answered from it never pays the start-up
        SymjaGateway gateway = numericOnly ? null : answers == null ? SymjaGateway.start() : SymjaGateway.startLazily(answers);
        try {
            CheckSettings defaults = CheckSettings.defaults();
            CheckSettings settings = new CheckSettings(defaults.minClasses(), defaults.maxClasses(),
                    defaults.pointsPerCase(), defaults.seed(), Duration.ofMillis(symbolicTimeoutMs),
                    defaults.symbolicMaxClasses());
            DerivationChecker checker = new DerivationChecker(gateway, settings);
            DerivationLoader loader = new DerivationLoader();
            StudentChecker student = new StudentChecker(gateway, settings);
            int status = 0;
            List<Path> all = expand(files, err);
            // what the files hold before the first check: a save during it is seen as a change
            Watcher watcher = !watch ? null : new Watcher(all, file -> {
                if (!isDerivationFile(file)) {
                    recheckTex(file, student, out, err);
                } else {
                    checkFile(file, loader, checker, out, err);
                }
                if (answers != null) {
                    answers.save();
                }
            });
            for (Path file : all) {
                status = Math.max(status, isDerivationFile(file) ? checkFile(file, loader, checker, out, err)
                        : checkTex(file, student, out, err));
            }
            if (files.isEmpty()) {
                status = 2;
            }
            if (answers != null) {
                answers.save();
            }
            if (watcher != null) {
                err.println("watching " + all.size() + (all.size() == 1 ? " file" : " files") + " for saves; Ctrl-C stops");
                err.flush();
                watcher.run(WATCH_POLL_MS);
            }
            return status;
        } finally {
            if (gateway != null) {
                gateway.close();
            }
        }
    }

    /** The last report of each watched .tex file, to say what a save changed. */
    private final Map<Path, StudentReport> lastReports = new java.util.HashMap<>();

    private void recheckTex(Path file, StudentChecker student, PrintWriter out, PrintWriter err) {
        StudentReport before = lastReports.get(file);
        String text = readText(file, err);
        if (text == null) {
            return;
        }
        StudentReport report;
        try {
            report = student.check(file.toString(), text, notation);
        } catch (StudentNotation.NotationException e) {
            err.println(file + ": notation: " + e.getMessage());
            err.flush();
            return;
        }
        lastReports.put(file, report);
        if (before == null || json) {
            printTex(report, out);
        } else {
            StudentOutput.printChanges(before, report, out);
        }
        out.flush();
    }

    private List<Path> expand(List<Path> given, PrintWriter err) {
        List<Path> out = new ArrayList<>();
        for (Path p : given) {
            if (Files.isDirectory(p)) {
                try (var stream = Files.list(p)) {
                    stream.filter(f -> Files.isRegularFile(f) && (isDerivationFile(f) || isDocument(f)))
                            .sorted().forEach(out::add);
                } catch (java.io.IOException e) {
                    err.println(p + ": cannot list the folder: " + e.getMessage());
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static boolean isDerivationFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** The files a folder gives: those whose name says they hold a student's derivation. */
    private static boolean isDocument(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return List.of(".tex", ".md", ".markdown", ".txt", ".ipynb").stream().anyMatch(name::endsWith);
    }

    private int checkFile(Path file, DerivationLoader loader, DerivationChecker checker, PrintWriter out,
                          PrintWriter err) {
        if (!Files.isRegularFile(file)) {
            err.println(file + ": no such file");
            return 2;
        }
        Derivation derivation;
        try {
            derivation = loader.load(file);
        } catch (DerivationLoader.LoadException e) {
            e.problems().forEach(p -> err.println(p.describe()));
            return 2;
        }
        DerivationReport report = checker.check(derivation);
        if (json) {
            out.println(Json.write(toJson(file, report)));
        } else {
            print(file, report, out);
        }
        out.flush();
        return report.passes() ? 0 : 1;
    }

    private int checkTex(Path file, StudentChecker student, PrintWriter out, PrintWriter err) {
        if (!Files.isRegularFile(file)) {
            err.println(file + ": no such file");
            return 2;
        }
        String text = readText(file, err);
        if (text == null) {
            return 2;
        }
        StudentReport report;
        try {
            report = student.check(file.toString(), text, notation);
        } catch (StudentNotation.NotationException e) {
            err.println(file + ": notation: " + e.getMessage());
            return 2;
        }
        if (report.chains().isEmpty()) {
            err.println(file + ": no derivation and no maths to check here. " + DocumentText.WHAT_IS_READ + ".");
            return 2;
        }
        lastReports.put(file, report);
        printTex(report, out);
        out.flush();
        return report.passes() ? 0 : 1;
    }

    private void printTex(StudentReport report, PrintWriter out) {
        if (json) {
            out.println(Json.write(StudentOutput.json(report)));
        } else {
            StudentOutput.print(report, library(), verbose, out);
        }
    }

    private static String readText(Path file, PrintWriter err) {
        try {
            return SourceText.read(file);
        } catch (SourceText.NotText e) {
            err.println(file + ": " + e.getMessage());
            return null;
        } catch (IOException | UncheckedIOException e) {
            err.println(file + ": cannot read the file: " + e.getMessage());
            err.flush();
            return null;
        }
    }

    private List<Derivation> library;

    /** The bundled derivations, where the text report finds corrected lines; loaded once, when needed. */
    private List<Derivation> library() {
        if (library == null) {
            try {
                library = new DerivationLoader().loadBundled().derivations();
            } catch (RuntimeException e) {
                library = List.of();
            }
        }
        return library;
    }

    private void print(Path file, DerivationReport report, PrintWriter out) {
        Derivation d = report.derivation();
        out.println(file + ": " + d.title());
        int verified = 0;
        int failed = 0;
        int undecided = 0;
        for (StepVerdict v : report.verdicts()) {
            Step step = d.steps().get(v.step() - 1);
            String mark = mark(step, v);
            String rest = switch (v.outcome()) {
                case VERIFIED -> basisWords(v) + (v.assumptions().contains(Assumption.LABELS_SUM_TO_ONE)
                        ? ", using sum(y) = 1" : "");
                case FAILED -> v.counterexample() == null ? v.detail() : v.counterexample().describe();
                case UNDECIDED -> v.detail();
            };
            out.printf("  %3d  %-13s %-22s %s%n", v.step(), mark, step.rule().fileName(), rest);
            if (verbose && v.outcome() != Outcome.UNDECIDED) {
                out.println("                     " + v.detail());
            }
            if (step.markedWrong() && v.outcome() == Outcome.FAILED) {
                out.println("                     correct: " + step.mistake().correctTex()
                        + report.correction(v.step()).map(CheckCommand::correctionWords).orElse(""));
            }
            switch (v.outcome()) {
                case VERIFIED -> verified++;
                case FAILED -> failed++;
                case UNDECIDED -> undecided++;
            }
        }
        out.printf("  %d steps: %d verified, %d failed, %d undecided%s%n", report.verdicts().size(), verified, failed,
                undecided, report.passes() ? "" : " -- NOT OK");
    }

    private static String correctionWords(StepVerdict c) {
        return switch (c.outcome()) {
            case VERIFIED -> "  (verified: " + basisWords(c) + ")";
            case FAILED -> "  (NOT right either: " + (c.counterexample() == null ? c.detail() : c.counterexample().describe()) + ")";
            case UNDECIDED -> "  (undecided: " + c.detail() + ")";
        };
    }

    private static String mark(Step step, StepVerdict v) {
        if (step.markedWrong()) {
            return v.outcome() == Outcome.FAILED ? "WRONG (meant)" : "NOT WRONG?";
        }
        return switch (v.outcome()) {
            case VERIFIED -> "OK";
            case FAILED -> "FAILED";
            case UNDECIDED -> "UNDECIDED";
        };
    }

    private static String basisWords(StepVerdict v) {
        return switch (v.basisName()) {
            case "both" -> "numbers + Symja";
            case "symbolic" -> "Symja";
            case "numeric" -> "numbers";
            default -> "";
        };
    }

    static Map<String, Object> toJson(Path file, DerivationReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        Derivation d = report.derivation();
        root.put("file", file.toString());
        root.put("id", d.id());
        root.put("title", d.title());
        root.put("passes", report.passes());
        List<Object> steps = new ArrayList<>();
        for (StepVerdict v : report.verdicts()) {
            Step step = d.steps().get(v.step() - 1);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("step", v.step());
            s.put("line", step.sourceLine());
            s.put("rule", step.rule().fileName());
            s.put("tex", step.tex());
            s.put("outcome", v.outcome().name().toLowerCase(java.util.Locale.ROOT));
            s.put("basis", v.basisName());
            s.put("assumptions", v.assumptions().stream().map(Assumption::fileName).sorted().toList());
            s.put("holds", v.holds());
            s.put("link", v.link());
            s.put("markedWrong", step.markedWrong());
            if (step.markedWrong()) {
                s.put("correct", step.mistake().correctTex());
                s.put("correctOutcome", report.correction(v.step())
                        .map(c -> c.outcome().name().toLowerCase(java.util.Locale.ROOT)).orElse(null));
            }
            if (v.counterexample() == null) {
                s.put("counterexample", null);
            } else {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("classes", v.counterexample().classes());
                c.put("indices", new java.util.TreeMap<>(v.counterexample().indices()));
                c.put("logits", v.counterexample().logits());
                c.put("labels", v.counterexample().labels());
                c.put("left", v.counterexample().left());
                c.put("right", v.counterexample().right());
                s.put("counterexample", c);
            }
            s.put("detail", v.detail());
            steps.add(s);
        }
        root.put("steps", steps);
        return root;
    }
}
