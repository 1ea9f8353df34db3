package dev.gradstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code check --watch} re-checks on each save and says what changed; the answer cache, --verbose and --no-cache. */
class CheckWatchAndCacheTest {

    @TempDir
    Path temp;

    /** A thread-safe view of what a command running in another thread printed. */
    private static final class Output {
        private final StringWriter sink = new StringWriter();
        final PrintWriter writer = new PrintWriter(sink, true);

        synchronized String text() {
            writer.flush();
            return sink.toString();
        }

        /** Waits (bounded: the test fails when it runs out) until the output satisfies {@code done}. */
        String await(Predicate<String> done) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < until) {
                String now = text();
                if (done.test(now)) {
                    return now;
                }
                Thread.sleep(20);
            }
            throw new AssertionError("not printed within 60 s; so far:\n" + text());
        }
    }

    @Test
    void watch_fileSavedFixed_printsTheChangedLine() throws Exception {
        Path file = temp.resolve("homework.tex");
        String text = Files.readString(Path.of("src", "test", "resources", "student", "homework.tex"));
        Files.writeString(file, text);
        Output out = new Output();
        Output err = new Output();
        Thread watching = new Thread(() -> {
            CommandLine cl = new CommandLine(new CheckCommand());
            cl.setOut(out.writer);
            cl.setErr(err.writer);
            cl.execute("--watch", "--numeric-only", file.toString());
        });
        watching.setDaemon(true);
        watching.start();
        try {
            out.await(s -> s.contains("9 steps: 8 hold, 1 wrong"));
            err.await(s -> s.contains("watching 1 file for saves; Ctrl-C stops"));
            Files.writeString(file, text.replace("&= \\hat{y}_i \\hat{y}_j \\quad (i \\neq j)", "&= -\\hat{y}_i \\hat{y}_j \\quad (i \\neq j)"));
            String after = out.await(s -> s.contains("saved;") && s.substring(s.indexOf("saved;")).contains("steps:"));
            String change = after.substring(after.indexOf(file + ": saved;"));
            assertTrue(change.startsWith(file + ": saved; 1 change\n"), change);
            assertTrue(change.contains("line  13  WRONG -> OK        \\frac{\\partial \\hat{y}_i}{\\partial z_j} = -\\hat{y}_{i}"), change);
            assertTrue(change.contains("9 steps: 9 hold, 0 wrong, 0 unreadable, 0 undecided\n"), change);
            int reports = after.split("saved;", -1).length;
            Files.writeString(file, Files.readString(file).replace("\\hat{y}_j - y_j\n", "\\hat{y}_j + y_j\n"));
            String third = out.await(s -> s.split("saved;", -1).length > reports && s.endsWith("NOT OK\n"));
            String last = third.substring(third.lastIndexOf("saved;"));
            assertTrue(last.contains("saved; 1 change\n  line  23  OK -> WRONG"), last);
            assertTrue(last.contains("counterexample:"), last);
        } finally {
            watching.interrupt();
            watching.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertFalse(watching.isAlive(), "the watch ends when interrupted (Ctrl-C)");
    }

    /** A report line and the lines under it, up to the next report line. */
    private static String lineOf(String out, String start) {
        int at = out.indexOf("  " + start);
        int next = out.indexOf("\n  line", at + 1);
        return at < 0 ? "" : out.substring(at, next < 0 ? out.length() : next);
    }

    @Test
    void check_secondRun_verboseSaysAnswersCameFromTheCache() throws Exception {
        String cache = temp.resolve("cache").toString();
        String old = System.getProperty("gradstep.cacheDir");
        System.setProperty("gradstep.cacheDir", cache);
        try {
            CliRun first = CliRun.of(new CheckCommand(), "--verbose", "src/test/resources/student/homework.tex");
            assertEquals(1, first.exit(), first.err());
            assertTrue(Files.exists(temp.resolve("cache")), "the cache went to the folder the property names");
            CliRun second = CliRun.of(new CheckCommand(), "--verbose", "src/test/resources/student/homework.tex");
            assertTrue(second.out().contains("rests on: numbers: "), second.out());
            assertTrue(lineOf(second.out(), "line  12").contains("this verdict from the cache"), second.out());
            assertFalse(lineOf(second.out(), "line  13").contains("from the cache"), "a failure is worked out again");
            assertEquals(first.out().replaceAll("(?m)^ +rests on:.*\n", ""), second.out().replaceAll("(?m)^ +rests on:.*\n", ""));

            // spacing is not the question: the same canonical line is answered from the cache ...
            Path respaced = temp.resolve("respaced.tex");
            String text = Files.readString(Path.of("src/test/resources/student/homework.tex"));
            Files.writeString(respaced, text.replace("\\hat{y}_i (1 - \\hat{y}_i) \\quad", "\\hat{y}_i(1-\\hat{y}_i)\\quad"));
            CliRun same = CliRun.of(new CheckCommand(), "--verbose", respaced.toString());
            assertTrue(lineOf(same.out(), "line  12").contains("this verdict from the cache"), same.out());
            // ... but a line written differently is a new question, checked afresh
            Path changed = temp.resolve("changed.tex");
            Files.writeString(changed, text.replace("\\hat{y}_i (1 - \\hat{y}_i) \\quad", "\\hat{y}_i - \\hat{y}_i^2 \\quad"));
            CliRun other = CliRun.of(new CheckCommand(), "--verbose", changed.toString());
            assertTrue(other.out().contains("line  12  OK"), other.out());
            assertFalse(lineOf(other.out(), "line  12").contains("from the cache"), other.out());
            CliRun bypass = CliRun.of(new CheckCommand(), "--verbose", "--no-cache", "src/test/resources/student/homework.tex");
            assertFalse(bypass.out().contains("from the cache"), bypass.out());
        } finally {
            if (old == null) {
                System.clearProperty("gradstep.cacheDir");
            } else {
                System.setProperty("gradstep.cacheDir", old);
            }
        }
    }
}
