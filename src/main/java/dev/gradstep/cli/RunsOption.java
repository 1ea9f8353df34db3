package dev.gradstep.cli;

import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --runs N} of the benchmark commands, and the median they report. */
final class RunsOption {

    @Option(names = "--runs", defaultValue = "5", description = "timed repetitions per figure (default: ${DEFAULT-VALUE})")
    int runs;

    /** Stops with a usage error unless at least one run was asked for. */
    void require(CommandLine.Model.CommandSpec spec) {
        if (runs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be at least 1");
        }
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
