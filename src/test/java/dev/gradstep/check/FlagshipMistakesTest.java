package dev.gradstep.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.DerivationLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The flagship with one mistake put in (the mistakes of shared/docs/math.md): the check must fail
 * at exactly that step and at no other, because every step is compared with its chain's left side.
 */
class FlagshipMistakesTest {

    private static final Path FLAGSHIP = Path.of("derivations", "softmax-ce-quotient.yaml");

    private final DerivationChecker checker = new DerivationChecker(null, CheckSettings.defaults());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        flipped sign in the i != j case        | 7  | '\\frac{\\partial s_i}{\\partial z_j} = -s_i s_j \\quad (i \\neq j)' | '\\frac{\\partial s_i}{\\partial z_j} = s_i s_j \\quad (i \\neq j)'
        s(s - 1) for s(1 - s)                   | 6  | 's_i (1 - s_i)' | 's_i (s_i - 1)'
        dropped the i != j terms                | 11 | '= \\frac{\\partial L}{\\partial s_j} \\frac{\\partial s_j}{\\partial z_j} + \\sum_{i \\neq j} \\frac{\\partial L}{\\partial s_i} \\frac{\\partial s_i}{\\partial z_j}' | '= \\frac{\\partial L}{\\partial s_j} \\frac{\\partial s_j}{\\partial z_j}'
        only the diagonal in the chain rule     | 10 | '= \\sum_{i=1}^{K} \\frac{\\partial L}{\\partial s_i} \\frac{\\partial s_i}{\\partial z_j}' | '= \\frac{\\partial L}{\\partial s_j} \\frac{\\partial s_j}{\\partial z_j}'
        wrong index in the softmax denominator  | 1  | '\\sum_{k=1}^{K} e^{z_k}}' | '\\sum_{k=1}^{K} e^{z_i}}'
        wrong sum index when collecting         | 15 | '= s_j \\sum_{i=1}^{K} y_i - y_j' | '= s_j \\sum_{i=1}^{K} y_j - y_j'
        swapped indices in the split sum        | 13 | '\\sum_{i \\neq j} y_i s_j' | '\\sum_{i \\neq j} y_j s_i'
        kept a sum in dL/ds_i                   | 9  | '= -\\frac{y_i}{s_i}' | '= -\\sum_{i=1}^{K} \\frac{y_i}{s_i}'
        lost the minus of the loss              | 8  | 'L = -\\sum_{i=1}^{K}' | 'L = \\sum_{i=1}^{K}'
        sign flip when substituting -s_i s_j    | 12 | '\\left(-s_i s_j\\right)' | '\\left(s_i s_j\\right)'
        """)
    void check_oneMistakeInFlagship_failsAtExactlyThatStep(String mistake, int step, String from, String to)
            throws IOException, DerivationLoader.LoadException {
        String text = Files.readString(FLAGSHIP, StandardCharsets.UTF_8);
        String mutated = replaceInStep(text, step, from, to);
        Derivation d = new DerivationLoader().parse(mutated, "mutated flagship (" + mistake + ")");

        DerivationReport report = checker.check(d);

        List<Integer> failed = new ArrayList<>();
        for (StepVerdict v : report.verdicts()) {
            if (v.outcome() != Outcome.VERIFIED) {
                failed.add(v.step());
            }
        }
        assertEquals(List.of(step), failed, mistake);
        StepVerdict wrong = report.verdicts().get(step - 1);
        assertEquals(Outcome.FAILED, wrong.outcome(), wrong.detail());
        assertNotNull(wrong.counterexample());
        assertTrue(wrong.counterexample().classes() >= 2);
    }

    /** Replaces text inside the n-th step's tex line only, so the mutation lands where intended. */
    private static String replaceInStep(String yaml, int step, String from, String to) {
        String[] lines = yaml.split("\n", -1);
        int seen = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].trim().startsWith("- tex:")) {
                seen++;
                if (seen == step) {
                    assertTrue(lines[i].contains(from.replace("''", "'")), "step " + step + " should contain " + from + ": " + lines[i]);
                    lines[i] = lines[i].replace(from, to);
                    return String.join("\n", lines);
                }
            }
        }
        throw new AssertionError("no step " + step);
    }
}
