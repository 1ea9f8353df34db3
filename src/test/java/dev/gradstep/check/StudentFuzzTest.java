package dev.gradstep.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.check.StudentReport.StepResult;
import dev.gradstep.tex.TexDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
    private static final List<String> SNIPPETS = List.of("{", "}", "(", ")", "[", "]", "\\\\", "&=", "=", "&",
            "\\begin{align}", "\\end{align}", "\\begin{aligned}", "\\end{aligned}", "\\[", "\\]", "$$", "$", "%",
            "% notation: logits=z", "probs=", "\\label{", "\\tag{1}", "\\nonumber", "\\frac{", "\\sum_{k=1, k \\neq i}^K",
            "\\exp^{", "\\partial", "\\hat{y}_i", "s(X_n)_k", "\\operatorname{softmax}(z)_i", "\\sigma(", "\\text{for }",
            "\\quad", "\n", " ", "\\begin{cases}", "\\end{cases}", "\\\\[2pt]", "\\intertext{", "\\", "\u2212", "_", "^");

    @Test
    void read_mutatedAndRandomFiles_onlyNotationErrorsEscapeAndEachFinishesIn2s() {
        Random rnd = new Random(20261201L);
        List<String> seeds = new ArrayList<>();
        StudentCases.correct().forEach(c -> seeds.add(c.tex()));
        StudentCases.wrong().forEach(c -> seeds.add(c.tex()));
        int withSteps = 0;
        int withErrors = 0;
        for (int i = 0; i < INPUTS; i++) {
            String input = i % 8 == 7 ? soup(rnd) : mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
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
        Random rnd = new Random(7L);
        List<String> seeds = new ArrayList<>();
        StudentCases.correct().forEach(c -> seeds.add(c.tex()));
        StudentCases.wrong().forEach(c -> seeds.add(c.tex()));
        for (int i = 0; i < 40; i++) {
            String input = mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
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

    private static String mutate(String seed, Random rnd) {
        StringBuilder sb = new StringBuilder(seed);
        int edits = 1 + rnd.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = rnd.nextInt(sb.length());
            switch (rnd.nextInt(4)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, SNIPPETS.get(rnd.nextInt(SNIPPETS.size())));
                case 2 -> sb.delete(at, Math.min(sb.length(), at + 1 + rnd.nextInt(12)));
                default -> {
                    int to = Math.min(sb.length(), at + 1 + rnd.nextInt(20));
                    sb.insert(rnd.nextInt(sb.length()), sb.substring(at, to));
                }
            }
        }
        return sb.toString();
    }

    private static String soup(Random rnd) {
        StringBuilder sb = new StringBuilder();
        int n = 5 + rnd.nextInt(60);
        for (int i = 0; i < n; i++) {
            sb.append(SNIPPETS.get(rnd.nextInt(SNIPPETS.size())));
            if (rnd.nextInt(4) == 0) {
                sb.append((char) ('a' + rnd.nextInt(26)));
            }
        }
        return sb.toString();
    }
}
