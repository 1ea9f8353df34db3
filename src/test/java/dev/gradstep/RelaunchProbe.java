package dev.gradstep;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Run by {@link FastStartTest} in the second JVM, from a jar of its own: exits 0 only when it was
 * started as FastStart promises (C1 only, the launcher's start time, the arguments unchanged).
 */
public final class RelaunchProbe {

    private RelaunchProbe() {
    }

    public static void main(String[] args) {
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        boolean c1 = jvm.contains("-XX:TieredStopAtLevel=1");
        boolean timed = System.getProperty(FastStart.PROCESS_START) != null;
        boolean argsKept = List.of(args).equals(List.of("check", "a b.yaml"));
        boolean env = System.getenv("GDK_GL") != null;
        System.exit(c1 && timed && argsKept && env ? 0 : 40 + (c1 ? 0 : 1) + (timed ? 0 : 2) + (argsKept ? 0 : 4)
                + (env ? 0 : 8));
    }
}
