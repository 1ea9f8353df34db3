package dev.gradstep.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.DerivationLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A temperature named by the notation is a parameter with random values, not a size: otherwise T
 * would always equal K and dividing by K instead of T would pass.
 */
class TemperatureNotationTest {

    private final DerivationChecker checker = new DerivationChecker(null, CheckSettings.defaults());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        divided by T                | \\frac{s_j - y_j}{T} | VERIFIED
        divided by K instead of T   | \\frac{s_j - y_j}{K} | FAILED
        temperature forgotten       | s_j - y_j            | FAILED
        """)
    void check_temperatureNotation_verdictAsExpected(String name, String gradient, Outcome expected)
            throws DerivationLoader.LoadException {
        String yaml = "id: t\ntitle: t\nnotation: {logits: z, probs: s, labels: y, loss: L, classes: K, temperature: T}\n"
                + "assumptions: [labels-sum-to-one]\n"
                + "definitions:\n  - 's_i = \\frac{e^{z_i / T}}{\\sum_{k=1}^{K} e^{z_k / T}}'\n"
                + "steps:\n  - tex: '\\frac{\\partial L}{\\partial z_j} = " + gradient + "'\n    rule: result\n    why: w\n";
        Derivation d = new DerivationLoader().parse(yaml, "t.yaml");
        assertEquals("T", d.notation().temperature());
        StepVerdict v = checker.check(d).verdicts().get(0);
        assertEquals(expected, v.outcome(), v.detail());
    }
}
