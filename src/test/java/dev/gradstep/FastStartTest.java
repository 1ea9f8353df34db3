package dev.gradstep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastStartTest {

    private static final String[] ARGS = {"check", "a b.yaml"};

    private static FastStart.Launch launch(Path jar, List<String> jvmArgs) {
        return new FastStart.Launch("/opt/jdk", jar, jvmArgs, false, false);
    }

    private static Path jarWithArchive(Path dir) throws IOException {
        Path jar = Files.writeString(dir.resolve("gradstep.jar"), "jar");
        Path archive = Files.writeString(dir.resolve(FastStart.APP_ARCHIVE), "archive");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(archive, FileTime.fromMillis(2_000_000));
        return jar;
    }

    @Test
    void command_freshArchiveBesideJar_runsSecondJvmWithArchiveC1AndTheUsersOptionsLast(@TempDir Path dir)
            throws IOException {
        Path jar = jarWithArchive(dir);
        Optional<List<String>> cmd = FastStart.command(launch(jar, List.of("-Dprism.order=sw", "-Xmx1g")),
                dir.resolve(FastStart.APP_ARCHIVE), 1234L, "dev.gradstep.GradStep", ARGS);
        assertEquals(List.of(Path.of("/opt/jdk", "bin", "java").toString(),
                "-XX:SharedArchiveFile=" + dir.resolve(FastStart.APP_ARCHIVE), "-XX:TieredStopAtLevel=1",
                "-Dprism.order=sw", "-Xmx1g", "-Dgradstep.processStart=1234",
                "-Dgradstep.launcherPid=" + ProcessHandle.current().pid(), "-cp", jar.toString(),
                "dev.gradstep.GradStep", "check", "a b.yaml"), cmd.orElseThrow());
    }

    @Test
    void command_archiveOlderThanJar_staysInThisJvm(@TempDir Path dir) throws IOException {
        Path jar = jarWithArchive(dir);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(3_000_000));
        assertEquals(Optional.empty(), FastStart.command(launch(jar, List.of()), dir.resolve(FastStart.APP_ARCHIVE),
                1L, "M", ARGS));
    }

    @Test
    void command_noArchive_staysInThisJvm(@TempDir Path dir) throws IOException {
        Path jar = jarWithArchive(dir);
        assertEquals(Optional.empty(), FastStart.command(launch(jar, List.of()), dir.resolve("missing.jsa"),
                1L, "M", ARGS));
    }

    @Test
    void command_classesFolderNotJar_staysInThisJvm(@TempDir Path dir) throws IOException {
        jarWithArchive(dir);
        Path classes = Files.createDirectory(dir.resolve("classes"));
        assertEquals(Optional.empty(), FastStart.command(launch(classes, List.of()),
                dir.resolve(FastStart.APP_ARCHIVE), 1L, "M", ARGS));
    }

    @Test
    void command_alreadyRelaunchedOrSwitchedOff_staysInThisJvm(@TempDir Path dir) throws IOException {
        Path jar = jarWithArchive(dir);
        Path archive = dir.resolve(FastStart.APP_ARCHIVE);
        assertEquals(Optional.empty(), FastStart.command(new FastStart.Launch("/j", jar, List.of(), true, false),
                archive, 1L, "M", ARGS));
        assertEquals(Optional.empty(), FastStart.command(new FastStart.Launch("/j", jar, List.of(), false, true),
                archive, 1L, "M", ARGS));
    }

    @Test
    void command_debuggerOrAgentAttached_staysInThisJvm(@TempDir Path dir) throws IOException {
        Path jar = jarWithArchive(dir);
        Path archive = dir.resolve(FastStart.APP_ARCHIVE);
        for (String agent : List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=5005",
                "-javaagent:/x/agent.jar", "-agentpath:/x/lib.so", "-Xrunjdwp:transport=dt_socket")) {
            assertEquals(Optional.empty(), FastStart.command(launch(jar, List.of("-Xmx1g", agent)), archive, 1L,
                    "M", ARGS), agent);
        }
    }

    @Test
    void command_stampNamesAnotherJar_recordsANewArchiveInsteadOfMappingTheMovedOne(@TempDir Path dir)
            throws IOException {
        Path jar = jarWithArchive(dir);
        Path archive = dir.resolve(FastStart.APP_ARCHIVE);
        FastStart.stamp(archive, Path.of("/elsewhere/target/gradstep.jar"));
        List<String> cmd = FastStart.command(launch(jar, List.of()), archive, 1L, "M", ARGS).orElseThrow();
        assertTrue(cmd.contains("-XX:ArchiveClassesAtExit=" + FastStart.rebuilt(archive)), cmd.toString());
        assertTrue(cmd.stream().noneMatch(a -> a.startsWith("-XX:SharedArchiveFile")), cmd.toString());
    }

    @Test
    void command_stampNamesThisJar_mapsTheArchive(@TempDir Path dir) throws IOException {
        Path jar = jarWithArchive(dir);
        Path archive = dir.resolve(FastStart.APP_ARCHIVE);
        FastStart.stamp(archive, jar);
        List<String> cmd = FastStart.command(launch(jar, List.of()), archive, 1L, "M", ARGS).orElseThrow();
        assertTrue(cmd.contains("-XX:SharedArchiveFile=" + archive), cmd.toString());
        assertTrue(cmd.stream().noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit")), cmd.toString());
    }

    @Test
    void command_cliArchive_usesTheSerialCollectorFromASmallHeapUnlessTheUserChose(@TempDir Path dir)
            throws IOException {
        Path jar = jarWithArchive(dir);
        Path archive = Files.writeString(dir.resolve(FastStart.CLI_ARCHIVE), "archive");
        Files.setLastModifiedTime(archive, FileTime.fromMillis(2_000_000));
        List<String> plain = FastStart.command(launch(jar, List.of()), archive, 1L, "M", ARGS).orElseThrow();
        assertTrue(plain.contains("-XX:+UseSerialGC") && plain.contains("-Xms16m"), plain.toString());
        List<String> chosen = FastStart.command(launch(jar, List.of("-XX:+UseG1GC", "-Xms64m")), archive, 1L, "M",
                ARGS).orElseThrow();
        assertTrue(!chosen.contains("-XX:+UseSerialGC") && !chosen.contains("-Xms16m"), chosen.toString());
    }

    @Test
    void adopt_newArchiveWritten_replacesTheMovedOneAndStampsItForThisJar(@TempDir Path dir) throws IOException {
        Path jar = jarWithArchive(dir);
        Path archive = dir.resolve(FastStart.APP_ARCHIVE);
        FastStart.stamp(archive, Path.of("/elsewhere/gradstep.jar"));
        Path rebuilt = Files.writeString(FastStart.rebuilt(archive), "new archive");
        FastStart.adopt(rebuilt, archive, jar);
        assertEquals("new archive", Files.readString(archive));
        assertEquals(Optional.of(jar.toAbsolutePath().normalize().toString()), FastStart.builtFor(archive));
        assertTrue(Files.notExists(rebuilt));
    }

    @Test
    void adopt_noArchiveWritten_leavesTheOldOneAndItsStamp(@TempDir Path dir) throws IOException {
        Path jar = jarWithArchive(dir);
        Path archive = dir.resolve(FastStart.APP_ARCHIVE);
        FastStart.stamp(archive, Path.of("/elsewhere/gradstep.jar"));
        FastStart.adopt(FastStart.rebuilt(archive), archive, jar);
        assertEquals("archive", Files.readString(archive));
        assertEquals(Optional.of(Path.of("/elsewhere/gradstep.jar").toString()), FastStart.builtFor(archive));
    }

    @Test
    void adjustEnvironment_keepsTheUsersGdkGlAndAddsItOtherwise() {
        Map<String, String> mine = new HashMap<>(Map.of("GDK_GL", "always"));
        FastStart.adjustEnvironment(mine);
        assertEquals("always", mine.get("GDK_GL"));
        Map<String, String> none = new HashMap<>();
        FastStart.adjustEnvironment(none);
        assertEquals("disable", none.get("GDK_GL"));
    }

    @Test
    void relaunch_fromClassesFolder_runsNothing() {
        assertTrue(FastStart.relaunch(FastStart.class, FastStart.APP_ARCHIVE, ARGS).isEmpty(),
                "the tests run from target/classes, so no second JVM may start");
    }

    /** A real second JVM: the probe, in a jar of its own with an archive beside it, checks how it was started. */
    @Test
    void relaunch_fromJarWithFreshArchive_runsTheMainClassInASecondJvmAndReturnsItsExitCode(@TempDir Path dir)
            throws Exception {
        Path jar = dir.resolve("probe.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Class<?> c : List.of(RelaunchProbe.class, FastStart.class, FastStart.Launch.class)) {
                String name = c.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(name));
                try (InputStream in = c.getClassLoader().getResourceAsStream(name)) {
                    in.transferTo(out);
                }
            }
        }
        // not a real archive: the JVM ignores an archive it cannot map, which keeps this test quick
        Path archive = Files.writeString(dir.resolve("probe.jsa"), "not an archive");
        Files.setLastModifiedTime(archive, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1000));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> probe = loader.loadClass(RelaunchProbe.class.getName());
            Class<?> fastStart = loader.loadClass(FastStart.class.getName());
            OptionalInt code = (OptionalInt) fastStart.getMethod("relaunch", Class.class, String.class, String[].class)
                    .invoke(null, probe, "probe.jsa", ARGS);
            assertEquals(OptionalInt.of(0), code, "41: not C1, 42: no start time, 44: arguments changed, 48: no GDK_GL");
        }
    }

    /**
     * A real launcher killed with SIGKILL: its second JVM notices and exits by itself. Both hold the
     * pipe of the launcher's standard output, so it closes once the second JVM is gone too (an exited
     * orphan may stay a zombie for a while, which process handles count as alive).
     */
    @Test
    void secondJvm_whenLauncherIsKilled_exitsByItself() throws Exception {
        Process launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OrphanProbe.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        var out = new java.io.BufferedReader(new java.io.InputStreamReader(launcher.getInputStream()));
        long childPid = Long.parseLong(out.readLine().trim());
        var closed = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine() == null;
            } catch (java.io.IOException e) {
                return true;
            }
        });
        launcher.destroyForcibly().waitFor();
        try {
            assertTrue(closed.get(30, java.util.concurrent.TimeUnit.SECONDS));
        } catch (java.util.concurrent.TimeoutException e) {
            ProcessHandle.of(childPid).ifPresent(ProcessHandle::destroyForcibly);
            throw new AssertionError("the second JVM outlived its killed launcher", e);
        }
    }
}
