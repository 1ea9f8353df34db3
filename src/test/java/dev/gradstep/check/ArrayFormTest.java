package dev.gradstep.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.DerivationLoader;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vector and matrix lines are checked entry by entry: right ones verify, wrong ones fail, misfits are undecided. */
class ArrayFormTest {

    private final DerivationChecker checker = new DerivationChecker(null, CheckSettings.defaults());

    private static String file(String notation, String definition, String step) {
        return "id: t\ntitle: t\n" + notation + "assumptions: [labels-sum-to-one]\n"
                + (definition.isEmpty() ? "" : "definitions:\n  - '" + definition + "'\n")
                + "steps:\n  - tex: '" + step + "'\n    rule: matrix-form\n    why: w\n";
    }

    private static final String PLAIN = "notation: {logits: z, probs: s, labels: y, loss: L, classes: K}\n";
    private static final String BATCH = "notation: {logits: X, probs: s, labels: Y, loss: L, classes: K, batch: N}\n";
    private static final String JACOBIAN = "J = \\frac{\\partial \\mathbf{s}}{\\partial \\mathbf{z}}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Jacobian in matrix form             | J = \\operatorname{diag}(\\mathbf{s}) - \\mathbf{s} \\mathbf{s}^T | VERIFIED
        Jacobian entry from the matrix      | J_{ij} = s_i \\delta_{ij} - s_i s_j | VERIFIED
        Jacobian is symmetric               | J^T = J | VERIFIED
        diagonal only                       | J = \\operatorname{diag}(\\mathbf{s}) - \\operatorname{diag}(\\mathbf{s}) \\operatorname{diag}(\\mathbf{s}) | FAILED
        inner product for outer product     | J = \\operatorname{diag}(\\mathbf{s}) - \\mathbf{s}^T \\mathbf{s} | FAILED
        chain rule with the transpose       | \\frac{\\partial L}{\\partial \\mathbf{z}} = J^T \\frac{\\partial L}{\\partial \\mathbf{s}} | VERIFIED
        gradient as a vector                | \\frac{\\partial L}{\\partial \\mathbf{z}} = \\mathbf{s} - \\mathbf{y} | VERIFIED
        gradient as a row vector            | \\left(\\frac{\\partial L}{\\partial \\mathbf{z}}\\right)^T = \\mathbf{s}^T - \\mathbf{y}^T | VERIFIED
        softmax of the vector               | \\frac{\\partial L}{\\partial \\mathbf{z}} = \\operatorname{softmax}(\\mathbf{z}) - \\mathbf{y} | VERIFIED
        gradient sign flipped               | \\frac{\\partial L}{\\partial \\mathbf{z}} = \\mathbf{y} - \\mathbf{s} | FAILED
        elementwise quotient                | \\frac{\\partial L}{\\partial \\mathbf{s}} = -\\frac{\\mathbf{y}}{\\mathbf{s}} | VERIFIED
        loss as a dot product               | L = -\\mathbf{y}^T \\log \\mathbf{s} | VERIFIED
        log-softmax with a broadcast scalar | \\log \\mathbf{s} = \\mathbf{z} - \\log \\sum_{k=1}^{K} e^{z_k} | VERIFIED
        column against row                  | \\frac{\\partial L}{\\partial \\mathbf{z}} = \\mathbf{s}^T - \\mathbf{y}^T | UNDECIDED
        matrix times a row                  | \\frac{\\partial L}{\\partial \\mathbf{z}} = J \\mathbf{s}^T | UNDECIDED
        one index on a matrix               | J_{i} = s_i | UNDECIDED
        """)
    void check_vectorLine_verdictAsExpected(String name, String step, Outcome expected)
            throws DerivationLoader.LoadException {
        assertOutcome(file(PLAIN, JACOBIAN, step), expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        batch gradient matrix       | \\frac{\\partial L}{\\partial X} = \\frac{1}{N} (S - Y) | VERIFIED
        batch gradient without 1/N  | \\frac{\\partial L}{\\partial X} = S - Y | FAILED
        batch gradient transposed   | \\frac{\\partial L}{\\partial X} = \\frac{1}{N} (S - Y)^T | UNDECIDED
        """)
    void check_batchMatrixLine_verdictAsExpected(String name, String step, Outcome expected)
            throws DerivationLoader.LoadException {
        assertOutcome(file(BATCH, "S_{n,k} = s(X_n)_k", step), expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        column vector | \\frac{\\partial L}{\\partial \\mathbf{z}} = \\mathbf{s}^T | a column vector of K entries and a row vector of K entries
        matrix        | J = \\mathbf{s}                                          | a K x K matrix and a column vector of K entries
        """)
    void check_shapesDiffer_sayWhichShapes(String name, String step, String words) throws DerivationLoader.LoadException {
        Derivation d = new DerivationLoader().parse(file(PLAIN, JACOBIAN, step), "test.yaml");
        StepVerdict v = checker.check(d).verdicts().get(0);
        assertEquals(Outcome.UNDECIDED, v.outcome());
        assertTrue(v.detail().contains(words), v.detail());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        index line, untouched       | \\frac{\\partial L}{\\partial z_j} = s_j - y_j | 3
        vector line, one entry each | \\frac{\\partial L}{\\partial \\mathbf{z}} = \\mathbf{s} - \\mathbf{y} | 3
        matrix line, K x K entries  | J = \\operatorname{diag}(\\mathbf{s}) - \\mathbf{s} \\mathbf{s}^T | 9
        """)
    void instances_arrayLine_oneInstancePerEntry(String name, String step, int cases) throws DerivationLoader.LoadException {
        Derivation d = new DerivationLoader().parse(file(PLAIN, JACOBIAN, step), "test.yaml");
        List<StepInstances.Instance> instances = new StepInstances().instances(d, 0, 3);
        assertEquals(cases, instances.size(), instances.toString());
    }

    private void assertOutcome(String yaml, Outcome expected) throws DerivationLoader.LoadException {
        Derivation d = new DerivationLoader().parse(yaml, "test.yaml");
        List<StepVerdict> verdicts = checker.check(d).verdicts();
        assertEquals(expected, verdicts.get(0).outcome(), verdicts.get(0).detail());
    }
}
