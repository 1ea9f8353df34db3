package dev.gradstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} on derivation files: verdict lines, JSON, exit codes, and Symja's part in a verdict. */
class CheckCommandYamlTest {

    private static final Path FLAGSHIP = Path.of("derivations", "softmax-ce-quotient.yaml");

    private static CliRun run(String... args) {
        return CliRun.of(new CheckCommand(), args);
    }

    private static Path mutated(Path dir, String from, String to) throws IOException {
        String text = Files.readString(FLAGSHIP, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), "the flagship no longer contains " + from);
        Path file = dir.resolve("mutated.yaml");
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void check_flagshipNumericOnly_everyStepOkAndExitZero() {
        CliRun r = run("--numeric-only", FLAGSHIP.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("17 steps: 17 verified, 0 failed, 0 undecided"), r.out());
        assertTrue(r.out().contains("numbers, using sum(y) = 1"), r.out());
    }

    @Test
    void check_flagshipWithSymja_someVerdictsRestOnBoth() {
        CliRun r = run("--json", FLAGSHIP.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("\"basis\": \"both\"") || r.out().contains("\"basis\":\"both\""), r.out());
        assertTrue(r.out().contains("Symja: proved for K=3"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void check_flippedSign_failsWithCounterexampleAndExitOne(@TempDir Path dir) throws IOException {
        Path file = mutated(dir, "= -s_i s_j \\quad (i \\neq j)", "= s_i s_j \\quad (i \\neq j)");
        CliRun r = run("--numeric-only", file.toString());
        assertEquals(1, r.exit(), r.out());
        String line7 = r.out().lines().filter(l -> l.trim().startsWith("7 ")).findFirst().orElseThrow();
        assertTrue(line7.contains("FAILED"), line7);
        assertTrue(line7.contains("K="), line7);
        assertTrue(r.out().contains("-- NOT OK"), r.out());
    }

    @Test
    void check_badYaml_reportsFileAndLineWithExitTwo(@TempDir Path dir) throws IOException {
        Path file = mutated(dir, "    rule: quotient-rule", "    rule: quotent-rule");
        CliRun r = run(file.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(file.toString() + ":"), r.err());
        assertTrue(r.err().contains("quotent-rule"), r.err());
    }

    @Test
    void check_missingFile_exitTwo() {
        CliRun r = run("--numeric-only", "no-such-file.yaml");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no-such-file.yaml: no such file"), r.err());
    }

    @Test
    void check_zeroSymbolicTimeout_isUsageError() {
        CliRun r = run("--symbolic-timeout", "0", FLAGSHIP.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--symbolic-timeout"), r.err());
    }

    @Test
    void check_markedWrongStepThatIsRight_failsTheExercise(@TempDir Path dir) throws IOException {
        String text = Files.readString(FLAGSHIP, StandardCharsets.UTF_8).replace(
                "    rule: case-not-equal\n",
                "    rule: case-not-equal\n    mistake:\n      correct: '= -s_i s_j \\quad (i \\neq j)'\n      explanation: not really wrong\n");
        Path file = dir.resolve("exercise.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        CliRun r = run("--numeric-only", file.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("NOT WRONG?"), r.out());
    }
}
