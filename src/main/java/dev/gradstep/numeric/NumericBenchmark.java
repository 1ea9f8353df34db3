package dev.gradstep.numeric;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * Median warm timings of the numeric core for K = 10, 10^3 and 10^6 (the {@code bench} command).
 * The O(K²) full checks are only timed up to K = 1000. Each operation is warmed up first so the
 * JIT has compiled it, then timed repeatedly; results feed a checksum so nothing is optimised away.
 */
public final class NumericBenchmark {

    private static final int[] SIZES = {10, 1_000, 1_000_000};
    private static final int FULL_CHECK_MAX = 1_000;
    private static final long WARM_UP_NANOS = 400_000_000L;
    private static final long MEASURE_NANOS = 800_000_000L;
    private static final int MIN_RUNS = 7;
    private static final int MAX_RUNS = 501;

    /** Runs every measurement and prints a table of median milliseconds to out (takes a few seconds). */
    public void run(PrintStream out) {
        out.printf(Locale.ROOT, "GradStep numeric benchmark: median of warm runs in ms (Java %s, %d cores)%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "%10s %12s %22s %20s %14s%n",
                "K", "analyze", "analyze+directional", "central difference", "complex step");
        double checksum = 0;
        for (int k : SIZES) {
            double[] logits = randomLogits(k, 20261123L + k);
            double[] labels = Labels.oneHot(1, k);
            Analysis analysis = SoftmaxCrossEntropy.analyze(logits, labels);
            Timing analyze = time(() -> SoftmaxCrossEntropy.analyze(logits, labels).loss());
            Timing directional = time(() -> GradientCheck.directional(
                    SoftmaxCrossEntropy.analyze(logits, labels), 7L).relError());
            Timing central = k <= FULL_CHECK_MAX
                    ? time(() -> GradientCheck.centralDifference(analysis, GradientCheck.DEFAULT_CENTRAL_STEP)
                            .maxRelError())
                    : null;
            Timing complex = k <= FULL_CHECK_MAX
                    ? time(() -> GradientCheck.complexStep(analysis, GradientCheck.DEFAULT_COMPLEX_STEP)
                            .maxRelError())
                    : null;
            checksum += analyze.checksum + directional.checksum
                    + (central == null ? 0 : central.checksum) + (complex == null ? 0 : complex.checksum);
            out.printf(Locale.ROOT, "%10d %12s %22s %20s %14s%n", k, analyze, directional,
                    central == null ? "- (O(K²))" : central, complex == null ? "- (O(K²))" : complex);
        }
        out.printf(Locale.ROOT, "checksum %.3g (ignore: keeps the JIT from skipping work)%n", checksum);
    }

    private static double[] randomLogits(int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            z[i] = 3 * random.nextGaussian();
        }
        return z;
    }

    private static Timing time(DoubleSupplier operation) {
        double checksum = 0;
        long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
        int warmRuns = 0;
        while (warmRuns < MIN_RUNS || System.nanoTime() < warmUpEnd) {
            checksum += operation.getAsDouble();
            warmRuns++;
        }
        double[] millis = new double[MAX_RUNS];
        int runs = 0;
        long measureEnd = System.nanoTime() + MEASURE_NANOS;
        while (runs < MAX_RUNS && (runs < MIN_RUNS || System.nanoTime() < measureEnd)) {
            long start = System.nanoTime();
            checksum += operation.getAsDouble();
            millis[runs++] = (System.nanoTime() - start) / 1e6;
        }
        double[] sorted = Arrays.copyOf(millis, runs);
        Arrays.sort(sorted);
        return new Timing(sorted[runs / 2], runs, checksum);
    }

    private record Timing(double medianMillis, int runs, double checksum) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.4f (n=%d)", medianMillis, runs);
        }
    }
}
