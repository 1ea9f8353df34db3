package dev.gradstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NumbersCommandTest {

    private static CliRun run(String... args) {
        return CliRun.of(new NumbersCommand(), args);
    }

    private static String manyLogits(int k) {
        StringJoiner joiner = new StringJoiner(",");
        for (int i = 0; i < k; i++) {
            joiner.add(Double.toString(Math.sin(i) * 4));
        }
        return joiner.toString();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new String[] {"--logits", "2,1,0.1", "--class", "1"}, 0,
                        List.of("one-hot labels at class 1", "0.659001", "-0.757567", "loss L = −Σ y log s = 1.41703001628",
                                "complex step", "central difference (h = 1.0e-05·max(1, |z|))", "verdict: good"), List.of()),
                Arguments.of(new String[] {"--logits", "[2.  1.  0.1]", "--labels", "0\t1\t0"}, 0,
                        List.of("1.41703001628", "verdict: good"), List.of()),
                Arguments.of(new String[] {"--logits", "2,1,0.1", "--labels", "0.1,0.2,0.4"}, 0,
                        List.of("warning: labels sum to 0.7, not 1", "s·Σy − y = 0.7·s − y", "-0.0302969"), List.of()),
                Arguments.of(new String[] {"--logits=-1000,0,1000", "--class", "0"}, 0,
                        List.of("loss L = −Σ y log s = 2000", "verdict: good"), List.of()),
                Arguments.of(new String[] {"--logits", "2,1,0.1", "--class", "1", "--h", "1e-6"}, 0,
                        List.of("central difference (h = 1.0e-06·max(1, |z|))"), List.of()),
                Arguments.of(new String[] {"--logits", manyLogits(40), "--class", "7"}, 0,
                        List.of("(30 rows not shown)", "top 5 probabilities: class ", "     39 ", "verdict: good"),
                        List.of()),
                Arguments.of(new String[] {"--logits", "2,abc,0.1", "--class", "1"}, 2,
                        List.of(), List.of("--logits: 'abc' is not a number", "^^^ (character 3)")),
                Arguments.of(new String[] {"--logits", "2,1,nan", "--class", "1"}, 2,
                        List.of(), List.of("--logits: NaN is not allowed")),
                Arguments.of(new String[] {"--logits", "2,1,0.1", "--labels", "0,1,inf"}, 2,
                        List.of(), List.of("--labels: Infinity is not allowed")),
                Arguments.of(new String[] {"--logits", "", "--class", "0"}, 2,
                        List.of(), List.of("--logits: no numbers given")),
                Arguments.of(new String[] {"--logits", "5", "--class", "0"}, 2,
                        List.of(), List.of("need at least two classes")),
                Arguments.of(new String[] {"--logits", "2,1,0.1", "--labels", "0,1"}, 2,
                        List.of(), List.of("--labels: 3 logits but 2 labels")),
                Arguments.of(new String[] {"--logits", "2,1,0.1", "--labels", "0,1.5,-0.5"}, 2,
                        List.of(), List.of("label at index 2 is negative")),
                Arguments.of(new String[] {"--logits", "2,1,0.1", "--class", "3"}, 2,
                        List.of(), List.of("class 3 is out of range", "0..2 (0-based)")),
                Arguments.of(new String[] {"--logits", "2,1,0.1", "--class", "-1"}, 2,
                        List.of(), List.of("class -1 is out of range")),
                Arguments.of(new String[] {"--logits", "2,1,0.1", "--class", "one"}, 2,
                        List.of(), List.of("one")),
                Arguments.of(new String[] {"--logits", "2,1,0.1", "--class", "1", "--labels", "0,1,0"}, 2,
                        List.of(), List.of("mutually exclusive")),
                Arguments.of(new String[] {"--logits", "2,1,0.1"}, 2,
                        List.of(), List.of("Missing required")),
                Arguments.of(new String[] {"--class", "1"}, 2,
                        List.of(), List.of("--logits")),
                Arguments.of(new String[] {"--logits", "2,1", "--class", "1", "--h", "0"}, 2,
                        List.of(), List.of("--h: the step must be a positive number")),
                Arguments.of(new String[] {"--logits", "2,1", "--class", "1", "--bogus"}, 2,
                        List.of(), List.of("Unknown option")),
                Arguments.of(new String[] {"--help"}, 0,
                        List.of("Usage: numbers", "0-based", "means the second class"), List.of()));
    }

    @ParameterizedTest(name = "[{index}] exit {1}")
    @MethodSource("cases")
    void numbers_args_exitCodeAndOutput(String[] args, int exit, List<String> inOut, List<String> inErr) {
        CliRun run = run(args);
        assertEquals(exit, run.exit(), () -> "stdout:\n" + run.out() + "\nstderr:\n" + run.err());
        for (String fragment : inOut) {
            assertTrue(run.out().contains(fragment), () -> "missing '" + fragment + "' in\n" + run.out());
        }
        for (String fragment : inErr) {
            assertTrue(run.err().contains(fragment), () -> "missing '" + fragment + "' in\n" + run.err());
        }
        if (exit == 2) {
            assertFalse(run.out().contains("verdict"), run.out());
        }
    }

    @Test
    void numbers_json_oneObjectWithAllKeys() {
        CliRun run = run("--logits", "2,1,0.1", "--labels", "0.1,0.2,0.4", "--json");
        assertEquals(0, run.exit(), run.err());
        String json = run.out().strip();
        assertTrue(json.startsWith("{\"logits\":[2.0,1.0,0.1],\"labels\":[0.1,0.2,0.4],\"probabilities\":["), json);
        for (String key : List.of("\"loss\":1.25192", "\"gradient\":[", "\"labelSum\":0.7",
                "\"check\":{\"centralDifference\":{\"maxRelError\":", "\"complexStep\":{\"maxRelError\":",
                "\"passes\":true}", "\"warnings\":[\"labels sum to 0.7, not 1: the gradient is s\\u00b7\\u03a3y")) {
            assertTrue(json.contains(key), () -> "missing " + key + " in " + json);
        }
        assertTrue(json.endsWith("]}"));
        assertEquals(1, json.lines().count());
        assertTrue(json.chars().allMatch(c -> c < 0x7f), "ASCII only");
    }

    @Test
    void jsonString_escapesQuotesBackslashesAndControls() {
        StringBuilder sb = new StringBuilder();
        NumbersCommand.jsonString(sb, "a\"b\\c\nd\u0001é");
        assertEquals("\"a\\\"b\\\\c\\nd\\u0001\\u00e9\"", sb.toString());
        assertEquals("null", NumbersCommand.jsonNumber(Double.POSITIVE_INFINITY));
        assertEquals("1.0E-5", NumbersCommand.jsonNumber(1e-5));
    }

    @Test
    void numbers_errorInLongInput_showsWindowAroundToken() {
        String logits = manyLogits(30) + ",oops," + manyLogits(30);
        CliRun run = run("--logits", logits, "--class", "0");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("'oops' is not a number"));
        String[] lines = run.err().split("\\R");
        int caret = lines[2].indexOf('^');
        assertEquals("oops", lines[1].substring(caret, caret + 4));
    }

    @Test
    void numbers_infiniteLabels_neverGood() {
        CliRun r = run("--logits", "1,2,3", "--labels", "1e308,1e308,0");
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("verdict: NOT good, the gradient or a numeric derivative is NaN or infinite"), r.out());
    }

    @Test
    void numbers_hugeEqualLogits_stepScaledToTheCoordinateSoGood() {
        CliRun r = run("--logits", "1e308,1e308", "--class", "0");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("verdict: good, the analytic gradient"), r.out());
    }

    @Test
    void numbers_thirtyThousandEqualLogits_centralDifferenceInconclusiveNotWrong() {
        CliRun r = run("--logits", String.join(",", java.util.Collections.nCopies(30_000, "0.5")), "--class", "7");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("the central difference is inconclusive at these numbers"), r.out());
    }

    @Test
    void numbers_logitsFromAFile_atSignAndOptionBothRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("z.txt"), manyLogits(100_000));
        for (String[] args : List.of(new String[] {"numbers", "--logits", "@" + file, "--class", "3"},
                new String[] {"numbers", "--logits-file", file.toString(), "--class", "3"})) {
            java.io.StringWriter out = new java.io.StringWriter();
            int exit = Cli.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(out, true), args);
            assertEquals(0, exit, out.toString());
            assertTrue(out.toString().startsWith("K = 100000 classes"), out.toString());
        }
    }

    @Test
    void numbers_logitsTwice_saysGiveThemOnce() {
        CliRun r = run("--logits", "1,2", "--logits-file", "z.txt", "--class", "0");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("give the logits once"), r.err());
    }
}
