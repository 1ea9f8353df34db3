package dev.gradstep;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Run by {@link FastStartTest} as a launcher that starts a second JVM the way {@link FastStart}
 * marks it, prints that JVM's pid and waits: killing this launcher must take the second JVM with it.
 * With the argument {@code child} it is that second JVM, which would otherwise sleep for a minute.
 */
public final class OrphanProbe {

    private OrphanProbe() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 0 && args[0].equals("child")) {
            FastStart.relaunchOrReturn(OrphanProbe.class, "none.jsa", args);
            Thread.sleep(60_000);
            System.exit(3);
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-D" + FastStart.PROCESS_START + "=1",
                "-D" + FastStart.LAUNCHER_PID + "=" + ProcessHandle.current().pid(),
                OrphanProbe.class.getName(), "child").inheritIO().start();
        System.out.println(child.pid());
        System.out.flush();
        child.waitFor();
    }
}
