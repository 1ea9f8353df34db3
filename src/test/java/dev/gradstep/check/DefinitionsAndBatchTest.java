package dev.gradstep.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.DerivationLoader;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Routes beyond the flagship: the file's definitions (MSE, temperature, a linear layer) and batch
 * notation. Each row is one claimed gradient and whether it is right.
 */
class DefinitionsAndBatchTest {

    private final DerivationChecker checker = new DerivationChecker(null, CheckSettings.defaults());

    private static String file(String notation, String definitions, String step) {
        return "id: t\ntitle: t\n" + notation + "assumptions: [labels-sum-to-one]\n"
                + (definitions.isEmpty() ? "" : "definitions:\n  - '" + definitions + "'\n")
                + "steps:\n  - tex: '" + step + "'\n    rule: result\n    why: w\n";
    }

    @ParameterizedTest(name = "{0}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
        MSE on softmax, dL/ds     | L = \\frac{1}{2} \\sum_{i=1}^{K} (s_i - y_i)^2 | \\frac{\\partial L}{\\partial s_i} = s_i - y_i | VERIFIED
        MSE on softmax, dL/dz     | L = \\frac{1}{2} \\sum_{i=1}^{K} (s_i - y_i)^2 | \\frac{\\partial L}{\\partial z_j} = \\sum_{i=1}^{K} (s_i - y_i) s_i (\\delta_{ij} - s_j) | VERIFIED
        MSE does not cancel       | L = \\frac{1}{2} \\sum_{i=1}^{K} (s_i - y_i)^2 | \\frac{\\partial L}{\\partial z_j} = s_j - y_j | FAILED
        temperature               | s_i = \\frac{e^{z_i / T}}{\\sum_{k=1}^{K} e^{z_k / T}} | \\frac{\\partial L}{\\partial z_j} = \\frac{s_j - y_j}{T} | VERIFIED
        temperature forgotten     | s_i = \\frac{e^{z_i / T}}{\\sum_{k=1}^{K} e^{z_k / T}} | \\frac{\\partial L}{\\partial z_j} = s_j - y_j | FAILED
        linear layer, weights     | z_i = \\sum_{j=1}^{H} h_j w_{ji} + b_i | \\frac{\\partial L}{\\partial w_{ji}} = h_j (s_i - y_i) | VERIFIED
        linear layer, bias        | z_i = \\sum_{j=1}^{H} h_j w_{ji} + b_i | \\frac{\\partial L}{\\partial b_i} = s_i - y_i | VERIFIED
        linear layer, swapped     | z_i = \\sum_{j=1}^{H} h_j w_{ji} + b_i | \\frac{\\partial L}{\\partial w_{ji}} = h_i (s_j - y_j) | FAILED
        dL/dz with a layer        | z_i = \\sum_{j=1}^{H} h_j w_{ji} + b_i | \\frac{\\partial L}{\\partial z_i} = s_i - y_i | VERIFIED
        """)
    void check_definedSymbol_verdictAsExpected(String name, String definition, String step, Outcome expected)
            throws DerivationLoader.LoadException {
        String yaml = file("notation: {logits: z, probs: s, labels: y, loss: L, classes: K}\n", definition, step);
        assertOutcome(yaml, expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        smoothed labels, general form | s_i - y_i
        smoothed labels, closed form  | s_i - (1 - \\epsilon) \\delta_{ic} - \\frac{\\epsilon}{K}
        """)
    void check_labelSmoothingDefinedThroughTrueClass_verified(String name, String gradient)
            throws DerivationLoader.LoadException {
        String yaml = file("notation: {logits: z, probs: s, labels: y, loss: L, classes: K, onehot: c}\n",
                "y_i = (1 - \\epsilon) \\delta_{ic} + \\frac{\\epsilon}{K}",
                "\\frac{\\partial L}{\\partial z_i} = " + gradient);
        assertOutcome(yaml, Outcome.VERIFIED);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        batch mean                 | \\frac{\\partial L}{\\partial X_{n,i}} = \\frac{1}{N} (s(X_n)_i - Y_{n,i}) | VERIFIED
        batch without 1/N          | \\frac{\\partial L}{\\partial X_{n,i}} = s(X_n)_i - Y_{n,i} | FAILED
        batch loss as a mean       | L = -\\frac{1}{N} \\sum_{n=1}^{N} \\sum_{k=1}^{K} Y_{n,k} \\log s(X_n)_k | VERIFIED
        batch size for class count | L = -\\frac{1}{N} \\sum_{n=1}^{N} \\sum_{k=1}^{N} Y_{n,k} \\log s(X_n)_k | FAILED
        """)
    void check_batchNotation_verdictAsExpected(String name, String step, Outcome expected)
            throws DerivationLoader.LoadException {
        String yaml = file("notation: {logits: X, probs: s, labels: Y, loss: L, classes: K, batch: N}\n", "", step);
        assertOutcome(yaml, expected);
    }

    private void assertOutcome(String yaml, Outcome expected) throws DerivationLoader.LoadException {
        Derivation d = new DerivationLoader().parse(yaml, "test.yaml");
        List<StepVerdict> verdicts = checker.check(d).verdicts();
        assertEquals(expected, verdicts.get(0).outcome(), verdicts.get(0).detail());
    }
}
