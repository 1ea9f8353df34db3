package dev.gradstep.cli;

import dev.gradstep.lsp.LspBenchmark;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code gradstep bench-editor}: the figures of writing with GradStep beside you — the language
 * server cold and on an edit, and {@code check} run again with the cache of Symja's answers warm —
 * each in fresh processes started as a user starts them (the jar's own launch when run from it).
 */
@Command(name = "bench-editor", mixinStandardHelpOptions = true,
        description = {"Measure the language server (cold open, one-line edit) and 'check' with a warm answer cache",
            "(about half a minute). The cache used is a temporary folder, never your own."})
final class EditorBenchCommand implements Callable<Integer> {

    @CommandLine.Mixin
    private RunsOption runsOption;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        runsOption.require(spec);
        int runs = runsOption.runs;
        Path cache = Files.createTempDirectory("gradstep-bench-cache");
        try {
            new LspBenchmark().run(launch(cache, "lsp"), Math.max(4, 2 * runs), out);
            out.flush();
            Path flagship = Files.createTempFile(cache, "flagship", ".yaml");
            try (var in = getClass().getClassLoader().getResourceAsStream("derivations/softmax-ce-quotient.yaml")) {
                if (in == null) {
                    out.println("check: not measured (flagship resource missing)");
                    return 1;
                }
                Files.write(flagship, in.readAllBytes());
            }
            double[] cold = times(launch(cache, "check", "--no-cache", flagship.toString()), runs);
            out.printf("whole process 'gradstep check <flagship>', no cache: median %.0f ms over %d runs%n", RunsOption.median(cold), runs);
            times(launch(cache, "check", flagship.toString()), 1);
            double[] warm = times(launch(cache, "check", flagship.toString()), runs);
            out.printf("whole process 'gradstep check <flagship>', a second time with the answer cache warm: median %.0f ms,"
                    + " fastest %.0f ms over %d runs%n", RunsOption.median(warm), Arrays.stream(warm).min().orElse(0), runs);
            out.printf("conditions: %d cores, load average %.2f at the end%n", Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            out.flush();
            return 0;
        } finally {
            try (var walk = Files.walk(cache)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The command line a user runs: {@code java -jar gradstep.jar ...} from the jar, else the class path. */
    private static List<String> launch(Path cache, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xss16m", "-D" + dev.gradstep.cas.AnswerCache.FOLDER_PROPERTY + "=" + cache));
        if (cp.endsWith(".jar") && !cp.contains(File.pathSeparator)) {
            cmd.addAll(List.of("-jar", cp));
        } else {
            cmd.addAll(List.of("-cp", cp, "dev.gradstep.GradStep"));
        }
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static double[] times(List<String> cmd, int n) throws IOException, InterruptedException {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        return t;
    }
}
