package dev.gradstep.cli;

import dev.gradstep.cas.SymjaGateway;
import dev.gradstep.check.CheckSettings;
import dev.gradstep.check.DerivationChecker;
import dev.gradstep.check.DerivationReport;
import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.DerivationLoader;
import dev.gradstep.numeric.NumericBenchmark;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code gradstep bench}: the speed figures the README reports, measured on this machine. Run it
 * as the first thing in a fresh process, since the first figure counts from JVM start.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure verification and numeric speed on this machine (about a minute).")
final class BenchCommand implements Callable<Integer> {

    private static final String FLAGSHIP = "softmax-ce-quotient";

    @CommandLine.Mixin
    private RunsOption runsOption;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        runsOption.require(spec);
        int runs = runsOption.runs;
        SymjaGateway gateway = SymjaGateway.start();
        try {
            Derivation flagship = new DerivationLoader().loadBundled().derivations().stream()
                    .filter(d -> d.id().equals(FLAGSHIP)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the bundled flagship derivation is missing"));
            DerivationChecker checker = new DerivationChecker(gateway, CheckSettings.defaults());
            DerivationReport first = checker.check(flagship);
            // from the launching JVM's start when the jar ran this one as its second JVM (dev.gradstep.FastStart)
            long started = Long.getLong("gradstep.processStart", ManagementFactory.getRuntimeMXBean().getStartTime());
            long sinceStart = System.currentTimeMillis() - started;
            out.printf("flagship, process start to all %d steps verified (cold, in-process): %d ms (passes: %s)%n",
                    flagship.steps().size(), sinceStart, first.passes());

            double[] full = time(runs, () -> checker.check(flagship));
            out.printf("flagship, warm verification (numbers + Symja): median %.0f ms, %.1f ms per step%n",
                    RunsOption.median(full), RunsOption.median(full) / flagship.steps().size());
            DerivationChecker numericOnly = new DerivationChecker(null, CheckSettings.defaults());
            double[] numeric = time(runs, () -> numericOnly.check(flagship));
            out.printf("flagship, warm verification (numbers only):   median %.0f ms, %.1f ms per step%n",
                    RunsOption.median(numeric), RunsOption.median(numeric) / flagship.steps().size());
        } finally {
            gateway.close();
        }
        out.printf("whole process 'gradstep check <flagship>': %s%n", processTime());
        out.flush();
        PrintStream numbers = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                java.nio.charset.StandardCharsets.UTF_8);
        new NumericBenchmark().run(numbers);
        numbers.flush();
        return 0;
    }

    /** Times a fresh JVM running the check command, as a user would run it. */
    private String processTime() throws IOException, InterruptedException {
        Path file = Files.createTempFile("gradstep-bench", ".yaml");
        try (var in = getClass().getClassLoader().getResourceAsStream("derivations/" + FLAGSHIP + ".yaml")) {
            if (in == null) {
                return "not measured (flagship resource missing)";
            }
            Files.write(file, in.readAllBytes());
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> cmd = new ArrayList<>(List.of(java, "-Xss16m", "-cp", System.getProperty("java.class.path"),
                    "dev.gradstep.GradStep", "check", "--no-cache", file.toString()));
            double[] times = new double[Math.min(runsOption.runs, 3)];
            for (int i = 0; i < times.length; i++) {
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return "did not finish in 120 s";
                }
                times[i] = (System.nanoTime() - t0) / 1e6;
            }
            return String.format("median %.0f ms over %d runs", RunsOption.median(times), times.length);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static double[] time(int n, Runnable task) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            task.run();
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        return t;
    }

}
