package dev.gradstep.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.check.StudentReport.StepResult;
import dev.gradstep.tex.Mutator;
import dev.gradstep.tex.TexDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the student-file reader with mutated student derivations and random LaTeX
 * soup: only the documented NotationException escapes, every input is read within 2 s, and every
 * unreadable line carries a message that points at a file line.
 */
class StudentFuzzTest {

    private static final int INPUTS = 600;
    private static final Duration PER_INPUT = Duration.ofSeconds(2);
    private static final Pattern POINTS_AT_LINE = Pattern.compile("^line \\d+(, column \\d+)?: .+");

    @Test
    void read_mutatedAndRandomFiles_onlyNotationErrorsEscapeAndEachFinishesIn2s() {
        Mutator m = new Mutator(20261201L);
        List<String> seeds = new ArrayList<>();
        StudentCases.correct().forEach(c -> seeds.add(c.tex()));
        StudentCases.wrong().forEach(c -> seeds.add(c.tex()));
        int withSteps = 0;
        int withErrors = 0;
        for (int i = 0; i < INPUTS; i++) {
            String input = i % 8 == 7 ? m.soup() : m.mutate(seeds.get(m.random().nextInt(seeds.size())));
            StudentReport r = assertTimeoutPreemptively(PER_INPUT, () -> read(input), () -> "too slow on:\n" + input);
            if (r == null) {
                continue;
            }
            if (!r.steps().isEmpty()) {
                withSteps++;
            }
            for (StepResult s : r.steps()) {
                if (s.rhsExpr() == null) {
                    withErrors++;
                    assertTrue(s.error() != null && POINTS_AT_LINE.matcher(s.error()).matches(),
                            () -> "unclear message '" + s.error() + "' for:\n" + input);
                }
                assertTrue(s.line() >= 1, () -> "line " + s.line() + " for:\n" + input);
            }
        }
        assertTrue(withSteps > INPUTS / 3, "the fuzzer should also produce readable files, got " + withSteps);
        assertTrue(withErrors > 20, "the fuzzer should also produce unreadable lines, got " + withErrors);
    }

    @Test
    void read_hugeOrNestedInput_finishesWithAMessage() {
        List<String> inputs = List.of(
                "\\[" + "{".repeat(5000) + "a = b" + "}".repeat(5000) + "\\]",
                "\\begin{align}" + "a &= b \\\\ ".repeat(3000) + "\\end{align}",
                "$$".repeat(20_000),
                "\\[ a = " + "x + ".repeat(6000) + "x \\]",
                "\\a".repeat(TexDocument.MAX_LENGTH / 2 - 10),
                "\\[ a = b \\]\n".repeat(TexDocument.MAX_LENGTH / 14),
                "\\[ a " + "= b + \\frac{ ".repeat(1500) + "\\]",
                "x".repeat(TexDocument.MAX_LENGTH + 1));
        for (String input : inputs) {
            StudentReport r = assertTimeoutPreemptively(PER_INPUT, () -> read(input),
                    () -> "too slow on an input of " + input.length() + " characters");
            assertFalse(r == null, "no notation problem here");
        }
    }

    @Test
    void check_mutatedFiles_noExceptionEscapesTheWholeCheck() {
        // the full check (numbers and hints) on fewer inputs, with small settings to keep the suite quick
        StudentChecker checker = new StudentChecker(null, new CheckSettings(2, 3, 1, 7L, Duration.ofSeconds(2), 3));
        Mutator m = new Mutator(7L);
        List<String> seeds = new ArrayList<>();
        StudentCases.correct().forEach(c -> seeds.add(c.tex()));
        StudentCases.wrong().forEach(c -> seeds.add(c.tex()));
        for (int i = 0; i < 40; i++) {
            String input = m.mutate(seeds.get(m.random().nextInt(seeds.size())));
            StudentReport r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                try {
                    return checker.check("fuzz.tex", input, null);
                } catch (StudentNotation.NotationException e) {
                    return null;
                }
            }, () -> "too slow on:\n" + input);
            if (r != null) {
                for (StepResult s : r.steps()) {
                    assertTrue(s.holds() != null || s.error() != null, () -> "undecided without a reason for:\n" + input);
                }
            }
        }
    }

    /** The documented exception is a notation problem; it gives null here. */
    private static StudentReport read(String input) {
        try {
            return StudentChecker.read("fuzz.tex", input, null);
        } catch (StudentNotation.NotationException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
            return null;
        }
    }
}
