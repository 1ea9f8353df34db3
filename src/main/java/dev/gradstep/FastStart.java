package dev.gradstep;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs the program in a second JVM that maps a class archive {@code mvn package} leaves beside
 * the jar and compiles with C1 only. Most of a cold start is loading and verifying thousands of
 * classes while the JIT competes for the two cores; the archive holds them parsed and verified,
 * and this program's short bursts of work finish sooner without C2. A jar cannot carry JVM
 * options, hence the second process: it costs about 0.1 s and saves about 0.6 s. Without a fresh
 * archive (classes run from a folder, {@code javafx:run}, a rebuilt jar) the program runs in this
 * JVM as before.
 */
public final class FastStart {

    /** The window's archive: only what a start loads up to its first frames, since mapping costs by size. */
    public static final String APP_ARCHIVE = "gradstep-app.jsa";
    /** The command line's archive: the core with Symja, which every check waits for. */
    public static final String CLI_ARCHIVE = "gradstep-cli.jsa";
    /** Set in the second JVM: when the first one started (ms since the epoch), so start-up is timed from there. */
    static final String PROCESS_START = "gradstep.processStart";
    /** {@code -Dgradstep.fastStart=false} keeps the program in the first JVM. */
    static final String SWITCH = "gradstep.fastStart";
    /**
     * Beside each archive once a JVM has mapped it: the jar it was built for. The JDK records the
     * jar's absolute path in the archive and silently ignores the archive anywhere else.
     */
    static final String STAMP_SUFFIX = ".for";
    /** Set in the second JVM: the launcher's pid, which it watches. */
    static final String LAUNCHER_PID = "gradstep.launcherPid";

    private FastStart() {
    }

    /** Where the program runs from and how this JVM was started. */
    record Launch(String javaHome, Path codeSource, List<String> jvmArguments, boolean relaunched, boolean disabled) {
    }

    /**
     * The second JVM's command line, or empty when this JVM should run the program itself: not
     * run from a jar, no archive or one older than the jar, already the second JVM, switched off,
     * or an agent (a debugger) is attached, which a second JVM would fight over its port.
     */
    static Optional<List<String>> command(Launch launch, Path archive, long startedAtMs, String mainClass, String[] args) {
        if (launch.relaunched() || launch.disabled() || launch.codeSource() == null
                || !launch.codeSource().getFileName().toString().endsWith(".jar")) {
            return Optional.empty();
        }
        if (launch.jvmArguments().stream().anyMatch(a -> a.startsWith("-agentlib") || a.startsWith("-agentpath")
                || a.startsWith("-javaagent") || a.startsWith("-Xrunjdwp"))) {
            return Optional.empty();
        }
        if (!isFresh(archive, launch.codeSource())) {
            return Optional.empty();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(launch.javaHome(), "bin", "java").toString());
        if (builtFor(archive).filter(p -> !p.equals(pathOf(launch.codeSource()))).isPresent()) {
            // moved or copied: this run records a new archive for where the jar is now, quietly
            cmd.add("-XX:ArchiveClassesAtExit=" + rebuilt(archive));
            cmd.add("-Xlog:disable");
            cmd.add("-Xlog:all=error:stderr");
        } else {
            cmd.add("-XX:SharedArchiveFile=" + archive);
        }
        cmd.add("-XX:TieredStopAtLevel=1");
        if (archive.getFileName().toString().equals(CLI_ARCHIVE)) {
            cmd.addAll(smallHeap(launch.jvmArguments()));
        }
        // the user's own options come after ours, so theirs win where they differ
        cmd.addAll(launch.jvmArguments());
        cmd.add("-D" + PROCESS_START + "=" + startedAtMs);
        cmd.add("-D" + LAUNCHER_PID + "=" + ProcessHandle.current().pid());
        cmd.add("-cp");
        cmd.add(launch.codeSource().toString());
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return Optional.of(cmd);
    }

    /**
     * Adds to the second JVM's environment what the user has not set. GTK otherwise loads an
     * OpenGL driver at start to rank X visuals (150 ms with Mesa); JavaFX draws with its own
     * pipelines and never asks GTK for a GL context.
     */
    static void adjustEnvironment(Map<String, String> env) {
        env.putIfAbsent("GDK_GL", "disable");
    }

    /**
     * A check's heap: G1 with its default initial heap (a 64th of the machine's memory) kept the
     * process at about 420 MB; the serial collector growing from 16 MB keeps it near 100 MB. Left
     * out where the user chose a collector or an initial heap, since two collectors stop the JVM.
     */
    static List<String> smallHeap(List<String> userOptions) {
        List<String> options = new ArrayList<>();
        if (userOptions.stream().noneMatch(a -> a.startsWith("-XX:+Use") && a.endsWith("GC"))) {
            options.add("-XX:+UseSerialGC");
        }
        if (userOptions.stream().noneMatch(a -> a.startsWith("-Xms") || a.startsWith("-XX:InitialHeapSize"))) {
            options.add("-Xms16m");
        }
        return options;
    }

    /** The jar an archive was built for, or empty when its stamp is missing or unreadable. */
    static Optional<String> builtFor(Path archive) {
        try {
            Path stamp = stampOf(archive);
            return Files.isRegularFile(stamp) ? Optional.of(Files.readString(stamp).trim()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Path stampOf(Path archive) {
        return archive.resolveSibling(archive.getFileName() + STAMP_SUFFIX);
    }

    /** Where a moved jar's new archive is written at exit, one name per launcher so two starts do not collide. */
    static Path rebuilt(Path archive) {
        return archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".new");
    }

    private static String pathOf(Path jar) {
        return jar.toAbsolutePath().normalize().toString();
    }

    /** Records that {@code archive} maps for {@code jar} where it is now. */
    static void stamp(Path archive, Path jar) throws IOException {
        Files.writeString(stampOf(archive), pathOf(jar) + System.lineSeparator());
    }

    /**
     * Run by the build in a JVM started with {@code -Xshare:on} and the archive, so the archive is
     * known to map: writes its stamp for the jar this class is in. Argument: the archive's file name.
     */
    public static void main(String[] args) throws IOException {
        Path jar = codeSource(FastStart.class);
        if (args.length != 1 || jar == null) {
            System.err.println("usage: java -Xshare:on -XX:SharedArchiveFile=A -cp JAR dev.gradstep.FastStart A-NAME");
            System.exit(2);
        }
        stamp(jar.resolveSibling(args[0]), jar);
    }

    private static boolean isFresh(Path archive, Path jar) {
        try {
            return Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Runs {@code mainClass} in the second JVM with the named archive when it can, with this
     * process's standard streams, and returns its exit code; empty when this JVM should run the
     * program itself.
     */
    public static OptionalInt relaunch(Class<?> mainClass, String archiveName, String[] args) {
        Path jar = codeSource(mainClass);
        if (jar == null) {
            return OptionalInt.empty();
        }
        var runtime = ManagementFactory.getRuntimeMXBean();
        Launch launch = new Launch(System.getProperty("java.home"), jar, runtime.getInputArguments(),
                System.getProperty(PROCESS_START) != null, "false".equals(System.getProperty(SWITCH)));
        Optional<List<String>> cmd = command(launch, jar.resolveSibling(archiveName), runtime.getStartTime(),
                mainClass.getName(), args);
        if (cmd.isEmpty()) {
            return OptionalInt.empty();
        }
        Path archive = jar.resolveSibling(archiveName);
        Path rebuilt = rebuilt(archive);
        boolean rebuilding = cmd.get().contains("-XX:ArchiveClassesAtExit=" + rebuilt);
        if (rebuilding) {
            if (!Files.isWritable(archive.getParent())) {
                System.err.println("gradstep: the class archive " + archive + " was built for "
                        + builtFor(archive).orElse("?") + " and this folder is not writable; starting without it (slower)");
                return OptionalInt.empty();
            }
            System.err.println("gradstep: the class archive " + archive + " was built for "
                    + builtFor(archive).orElse("?") + "; recording one for this place (this run is slower, the next fast)");
        }
        Process child;
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd.get()).inheritIO();
            adjustEnvironment(pb.environment());
            child = pb.start();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
        // a terminated launcher takes its program with it, as a one-process program would go
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroy, "gradstep-child-stop"));
        try {
            int status = child.waitFor();
            if (rebuilding) {
                adopt(rebuilt, archive, jar);
            }
            return OptionalInt.of(status);
        } catch (InterruptedException e) {
            child.destroy();
            Thread.currentThread().interrupt();
            return OptionalInt.of(130);
        }
    }

    /**
     * Runs {@code mainClass} in the second JVM when it can and exits with its status; returns only
     * when this JVM should run the program itself.
     */
    public static void relaunchOrReturn(Class<?> mainClass, String archiveName, String[] args) {
        if (System.getProperty(PROCESS_START) != null) {
            Long launcher = Long.getLong(LAUNCHER_PID);
            // by pid, not by asking for the parent: a launcher killed before this JVM got here has been replaced
            exitWithParent(launcher == null ? ProcessHandle.current().parent() : ProcessHandle.of(launcher),
                    launcher == null ? -1 : launcher, PARENT_POLL_MS);
        }
        OptionalInt status = relaunch(mainClass, archiveName, args);
        if (status.isPresent()) {
            System.exit(status.getAsInt());
        }
    }

    /** Puts a newly recorded archive in place of the moved one; a run that wrote none leaves things as they were. */
    static void adopt(Path rebuilt, Path archive, Path jar) {
        try {
            if (Files.isRegularFile(rebuilt) && Files.size(rebuilt) > 0) {
                Files.move(rebuilt, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                stamp(archive, jar);
            }
        } catch (IOException e) {
            System.err.println("gradstep: could not put the new class archive in place: " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(rebuilt);
            } catch (IOException ignored) {
                // a stale .new file is harmless: the next start writes its own
            }
        }
    }

    /** How often the second JVM looks whether its launcher is still there. */
    static final long PARENT_POLL_MS = 200;

    /**
     * In the second JVM: exits when the launcher is gone, however it died. Its shutdown hook stops
     * this JVM only when it had the chance to run; after a {@code kill -9} nothing else would, and
     * the orphan would go on using the memory and finish an export the user had cancelled. An
     * orphan is handed to another parent, so a changed parent counts as gone too.
     */
    static void exitWithParent(Optional<ProcessHandle> launcher, long launcherPid, long pollMs) {
        if (launcher.isEmpty() && launcherPid < 0) {
            return;
        }
        long pid = launcher.map(ProcessHandle::pid).orElse(launcherPid);
        Thread watch = new Thread(() -> {
            while (launcher.isPresent() && launcher.get().isAlive()
                    && ProcessHandle.current().parent().map(p -> p.pid() == pid).orElse(false)) {
                try {
                    Thread.sleep(pollMs);
                } catch (InterruptedException e) {
                    return;
                }
            }
            // shutdown hooks get a moment (a temporary file removed), never the last word
            Thread halt = new Thread(() -> {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Runtime.getRuntime().halt(137);
            }, "gradstep-orphan-halt");
            halt.setDaemon(true);
            halt.start();
            System.exit(137);
        }, "gradstep-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /** The jar (or classes folder) the class was loaded from, or null when unknown. */
    static Path codeSource(Class<?> c) {
        try {
            java.security.CodeSource source = c.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }
}
