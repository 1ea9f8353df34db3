package dev.gradstep.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.gradstep.check.CheckSettings;
import dev.gradstep.check.DerivationChecker;
import dev.gradstep.check.StudentChecker;
import dev.gradstep.check.StudentNotation;
import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.DerivationLoader;
import dev.gradstep.tex.Mutator;
import dev.gradstep.tex.SourceText;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gradstep fuzz [--count N] [--seed S] [PATH...]}: mutates every derivation file and student
 * document found under the paths (by default {@code derivations} and {@code src/test/resources} of
 * the working folder) and reads, checks and reports each mutant as {@code check --json} would,
 * counting what a user must never see. Exit 0 when nothing escaped, nothing ran over the limit and
 * every JSON report parsed.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = {"Mutate every derivation (.yaml) and student document (.tex, .md, .ipynb, .txt) under the paths,",
            "check each mutant (numbers only) and count exceptions escaped, runs over the time limit,",
            "malformed JSON reports and peak memory. Exit 0 when all of those are clean."})
public final class FuzzCommand implements Callable<Integer> {

    /** A run above this counts as slow; one above {@link #HUNG} is stopped. */
    static final Duration SLOW = Duration.ofSeconds(2);
    static final Duration HUNG = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1000", description = "inputs to try (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "random seed; the same seed replays the same inputs")
    long seed;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "seed files or folders (searched recursively)")
    List<Path> paths = new ArrayList<>();

    /** What a run found. */
    record Result(int inputs, int seedFiles, int escaped, int slow, int malformedJson, long slowestMs,
                  long peakHeapBytes, long peakResidentBytes, List<String> examples) {
    }

    /** One seed document: its name and text. */
    record Seed(String name, String text) {
        boolean yaml() {
            return name.endsWith(".yaml") || name.endsWith(".yml");
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> roots = paths.isEmpty() ? List.of(Path.of("derivations"), Path.of("src", "test", "resources")) : paths;
        List<Seed> seeds = seeds(roots);
        if (seeds.isEmpty()) {
            spec.commandLine().getErr().println("gradstep fuzz: no .yaml, .tex, .md, .ipynb or .txt files under " + roots);
            return 2;
        }
        Result r = run(seeds, count, seed, out);
        out.printf("fuzz: %d inputs from %d seed files (seed %d)%n", r.inputs(), r.seedFiles(), seed);
        out.printf("  exceptions escaped: %d%n", r.escaped());
        out.printf("  runs over %d s: %d (slowest %.2f s)%n", SLOW.toSeconds(), r.slow(), r.slowestMs() / 1000.0);
        out.printf("  malformed JSON: %d%n", r.malformedJson());
        out.printf("  peak memory: heap %d MB, resident %s%n", r.peakHeapBytes() >> 20,
                r.peakResidentBytes() < 0 ? "unknown" : (r.peakResidentBytes() >> 20) + " MB");
        r.examples().forEach(e -> out.println("  " + e));
        out.flush();
        return r.escaped() == 0 && r.slow() == 0 && r.malformedJson() == 0 ? 0 : 1;
    }

    static List<Seed> seeds(List<Path> roots) throws IOException {
        List<Seed> out = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = f.getFileName().toString();
                    if (name.matches(".*\\.(yaml|yml|tex|md|ipynb|txt)") && Files.size(f) <= DerivationLoader.MAX_FILE_BYTES) {
                        try {
                            out.add(new Seed(f.toString(), SourceText.read(f)));
                        } catch (SourceText.NotText e) {
                            // a seed that is not text cannot be mutated as text
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Checks {@code count} mutants of the seeds, each on a worker thread so a hang is counted, not waited for. */
    static Result run(List<Seed> seeds, int count, long seed, PrintWriter progress) {
        Mutator mutator = new Mutator(seed);
        CheckSettings settings = new CheckSettings(2, 3, 1, seed, Duration.ofSeconds(2), 3);
        DerivationLoader loader = new DerivationLoader();
        DerivationChecker derivations = new DerivationChecker(null, settings);
        StudentChecker students = new StudentChecker(null, settings);
        JsonFactory json = new JsonFactory();
        ExecutorService worker = newWorker();
        int escaped = 0;
        int slow = 0;
        int malformed = 0;
        long slowest = 0;
        List<String> examples = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Seed from = seeds.get(mutator.random().nextInt(seeds.size()));
                String input = i % 10 == 9 ? mutator.soup() : mutator.mutate(from.text());
                boolean yaml = from.yaml();
                AtomicBoolean stop = new AtomicBoolean();
                long start = System.nanoTime();
                Future<String> report = worker.submit(() -> yaml ? derivationJson(loader, derivations, input, stop)
                        : studentJson(students, input, stop));
                String problem = null;
                try {
                    String text = report.get(HUNG.toMillis(), TimeUnit.MILLISECONDS);
                    if (text != null && !wellFormed(json, text)) {
                        malformed++;
                        problem = "malformed JSON";
                    }
                } catch (TimeoutException e) {
                    stop.set(true);
                    report.cancel(true);
                    // a thread that ignores the stop keeps its executor; the next input gets a fresh one
                    worker.shutdownNow();
                    worker = newWorker();
                    problem = "no answer within " + HUNG.toSeconds() + " s";
                } catch (ExecutionException e) {
                    escaped++;
                    problem = "escaped " + e.getCause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                long ms = (System.nanoTime() - start) / 1_000_000;
                slowest = Math.max(slowest, ms);
                if (ms > SLOW.toMillis()) {
                    slow++;
                    problem = problem == null ? "took " + ms + " ms" : problem;
                }
                if (problem != null && examples.size() < 10) {
                    examples.add("input " + i + " (a mutant of " + from.name() + "): " + problem);
                }
                if (progress != null && (i + 1) % 1000 == 0) {
                    progress.printf("  ... %d inputs%n", i + 1);
                    progress.flush();
                }
            }
        } finally {
            worker.shutdownNow();
        }
        return new Result(count, seeds.size(), escaped, slow, malformed, slowest, peakHeap(), peakResident(), examples);
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "gradstep-fuzz", 512L << 20);
            t.setDaemon(true);
            return t;
        });
    }

    private static String derivationJson(DerivationLoader loader, DerivationChecker checker, String input, AtomicBoolean stop) {
        Derivation d;
        try {
            d = loader.parse(input, "fuzz.yaml");
        } catch (DerivationLoader.LoadException e) {
            return null;
        }
        return Json.write(CheckCommand.toJson(Path.of("fuzz.yaml"), checker.check(d, v -> { }, stop::get)));
    }

    private static String studentJson(StudentChecker checker, String input, AtomicBoolean stop) {
        try {
            return Json.write(StudentOutput.json(checker.check("fuzz.tex", input, null, stop::get)));
        } catch (StudentNotation.NotationException e) {
            return null;
        }
    }

    static boolean wellFormed(JsonFactory factory, String text) {
        try (JsonParser p = factory.createParser(text)) {
            while (p.nextToken() != null) {
                // reading every token is the check
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** The process's peak resident memory (Linux's VmHWM), or -1 where it cannot be read. */
    private static long peakResident() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
