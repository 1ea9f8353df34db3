package dev.gradstep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What reaches the terminal besides the program's own words: nothing from picocli, the JDK or JavaFX. */
class QuietStartTest {

    /** Run in a second JVM with a fresh home: the user settings store is created for the first time. */
    public static void main(String[] args) {
        dev.gradstep.ui.Settings.userSettings();
    }

    private static Process java(Path home, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-Djava.util.prefs.userRoot=" + home.resolve("prefs"),
                "-Dgradstep.fastStart=false", "-cp", System.getProperty("java.class.path")));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().putAll(env);
        return pb.start();
    }

    private static String output(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(1, TimeUnit.MINUTES);
        return out.replace("\r", "");
    }

    @Test
    void checkHelp_printsNoPicocliWarningAndShowsThePercentSign() {
        PrintStream saved = System.err;
        ByteArrayOutputStream traced = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        try {
            System.setErr(new PrintStream(traced, true, StandardCharsets.UTF_8));
            assertEquals(0, Cli.run(new PrintWriter(out, true), new PrintWriter(out, true), "check", "--help"));
        } finally {
            System.setErr(saved);
        }
        assertEquals("", traced.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString().contains("'% notation:'"), out.toString());
        assertFalse(out.toString().contains("WARN"), out.toString());
    }

    @Test
    void app_withoutDisplay_saysSoInOneLineAndExits1(@TempDir Path home) throws Exception {
        Process p = java(home, Map.of(), GradStep.class.getName());
        assertEquals(GradStep.NO_DISPLAY + "\n", output(p));
        assertEquals(1, p.exitValue());
    }

    @Test
    void app_withAnUnreachableDisplay_saysSoInOneLine(@TempDir Path home) throws Exception {
        Process p = java(home, Map.of("DISPLAY", ":99"), GradStep.class.getName());
        String out = output(p);
        assertTrue(out.endsWith(GradStep.NO_DISPLAY + "\n") && !out.contains("\tat "), out);
        assertEquals(1, p.exitValue());
    }

    @Test
    void userSettings_firstStart_logsNothingAboutThePreferencesDirectory(@TempDir Path home) throws Exception {
        Process p = java(home, Map.of(), QuietStartTest.class.getName());
        assertEquals("", output(p));
        assertEquals(0, p.exitValue());
    }

    @Test
    void noDisplay_onlyOnUnixWithoutX11OrWaylandOrMonocle() {
        assertTrue(GradStep.noDisplay(Map.of(), "Linux", null));
        assertFalse(GradStep.noDisplay(Map.of("DISPLAY", ":0"), "Linux", null));
        assertFalse(GradStep.noDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null));
        assertFalse(GradStep.noDisplay(Map.of(), "Linux", "Monocle"));
        assertFalse(GradStep.noDisplay(Map.of(), "Windows 11", null));
    }
}
