package dev.gradstep.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.DerivationLoader;
import dev.gradstep.derivation.Rule;
import dev.gradstep.derivation.Step;
import dev.gradstep.numeric.Analysis;
import dev.gradstep.numeric.SoftmaxCrossEntropy;
import dev.gradstep.tex.TexReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each route of the library ends at the gradient the literature states. The closed form is written
 * here independently of the file and compared with the file's last line by the checker at random
 * points (the "follows from the previous line" comparison), and, for the plain softmax routes, with
 * the double-precision gradient of the numeric package at the test's own numbers.
 */
class LibraryRoutesTest {

    private static final Path LIBRARY = Path.of("derivations");

    private final DerivationChecker checker = new DerivationChecker(null, CheckSettings.defaults());
    private final DerivationLoader loader = new DerivationLoader();

    private Derivation load(String id) throws DerivationLoader.LoadException {
        return loader.load(LIBRARY.resolve(id + ".yaml"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        softmax-ce-quotient     | = \\frac{e^{z_j}}{\\sum_{k=1}^{K} e^{z_k}} - y_j
        softmax-ce-log-softmax  | = \\frac{e^{z_j}}{\\sum_{k=1}^{K} e^{z_k}} - y_j
        softmax-ce-one-hot      | = \\frac{e^{z_i}}{\\sum_{k=1}^{K} e^{z_k}} - [i = c]
        softmax-ce-jacobian     | = \\operatorname{softmax}(\\mathbf{z}) - \\mathbf{y}
        softmax-ce-batch        | = \\frac{1}{N} \\left(\\frac{e^{X_{n,i}}}{\\sum_{k=1}^{K} e^{X_{n,k}}} - Y_{n,i}\\right)
        linear-layer-two-class  | = h_1 \\left(\\frac{e^{z_1}}{e^{z_1} + e^{z_2}} - y_1\\right)
        linear-layer            | = h_j \\frac{e^{z_i}}{\\sum_{k=1}^{K} e^{z_k}} - h_j y_i
        softmax-temperature     | = \\frac{1}{T} \\left(\\frac{e^{z_j / T}}{\\sum_{k=1}^{K} e^{z_k / T}} - y_j\\right)
        label-smoothing         | = \\frac{e^{z_i}}{\\sum_{k=1}^{K} e^{z_k}} - (1 - \\epsilon) [i = c] - \\frac{\\epsilon}{K}
        sigmoid-bce             | = \\frac{1}{1 + e^{-z_j}} - y_j
        mse-softmax             | = \\sum_{i=1}^{K} (s_i - y_i) s_i (\\delta_{ij} - s_j)
        soft-labels             | = \\sum_{i=1}^{K} y_i (s_j - \\delta_{ij})
        """)
    void lastStep_route_equalsKnownClosedForm(String id, String closedForm) throws DerivationLoader.LoadException {
        Derivation d = load(id);
        Step last = d.steps().get(d.steps().size() - 1);
        assertEquals(Rule.RESULT, last.rule(), id + " ends with its result");
        Step known = new Step(2, closedForm, new TexReader().readLine(closedForm), Rule.RESULT, "known closed form",
                Map.of(), null, 0);
        Step result = new Step(1, last.tex(), last.line(), last.rule(), last.why(), Map.of(), null, 0);
        Derivation pair = new Derivation(d.id(), d.title(), d.summary(), d.notation(), d.assumptions(),
                List.of(result, known), d.source(), d.definitions());

        List<StepVerdict> verdicts = checker.check(pair).verdicts();

        assertEquals(Outcome.VERIFIED, verdicts.get(0).outcome(), verdicts.get(0).detail());
        assertEquals(Outcome.VERIFIED, verdicts.get(1).outcome(), verdicts.get(1).detail());
        assertEquals(Boolean.TRUE, verdicts.get(1).link(), "the file's result equals the closed form: " + verdicts.get(1).detail());
    }

    @Test
    void lastStep_closedFormOfAnotherRoute_isCaught() throws DerivationLoader.LoadException {
        // guards the test above: a closed form that is not the file's result must not pass
        Derivation d = load("softmax-temperature");
        Step last = d.steps().get(d.steps().size() - 1);
        String wrong = "= \\frac{e^{z_j / T}}{\\sum_{k=1}^{K} e^{z_k / T}} - y_j";
        Step known = new Step(2, wrong, new TexReader().readLine(wrong), Rule.RESULT, "w", Map.of(), null, 0);
        Derivation pair = new Derivation(d.id(), d.title(), d.summary(), d.notation(), d.assumptions(),
                List.of(last, known), d.source(), d.definitions());
        List<StepVerdict> verdicts = checker.check(pair).verdicts();
        assertEquals(Boolean.FALSE, verdicts.get(1).link());
        assertEquals(Outcome.FAILED, verdicts.get(1).outcome());
    }

    /** The plain softmax routes against numeric.SoftmaxCrossEntropy (s * sum(y) - y in doubles). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        softmax-ce-quotient    | normalised
        softmax-ce-log-softmax | normalised
        softmax-ce-jacobian    | normalised
        softmax-ce-one-hot     | one-hot
        soft-labels            | any
        """)
    void lastStep_plainSoftmaxRoute_matchesNumericGradient(String id, String labelsKind)
            throws DerivationLoader.LoadException {
        Derivation d = load(id);
        StepInstances instances = new StepInstances();
        Random random = new Random(id.hashCode());
        for (int k = 2; k <= 6; k++) {
            double[] z = new double[k];
            double[] y = new double[k];
            double total = 0;
            for (int i = 0; i < k; i++) {
                z[i] = random.nextGaussian() * 3;
                y[i] = random.nextDouble();
                total += y[i];
            }
            int c = random.nextInt(k);
            for (int i = 0; i < k; i++) {
                switch (labelsKind) {
                    case "normalised" -> y[i] /= total;
                    case "one-hot" -> y[i] = i == c ? 1 : 0;
                    default -> y[i] *= 2;
                }
            }
            Analysis a = SoftmaxCrossEntropy.analyze(z, y);
            List<StepInstances.Evaluation> values = instances.evaluate(d, d.steps().size() - 1, z, y);
            assertEquals(k, values.size(), "one value per class");
            for (StepInstances.Evaluation v : values) {
                assertEquals(1, v.indices().size(), v.indices().toString());
                int component = v.indices().values().iterator().next() - 1;
                assertEquals(a.gradient().get(component), v.right(), 1e-9, id + " K=" + k + " " + v.indices());
            }
        }
    }

    /** What the app's "Your numbers" tab shows: both sides of every step at the user's numbers, with the file's definitions. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"softmax-ce-quotient", "softmax-ce-log-softmax", "softmax-ce-jacobian", "sigmoid-bce", "mse-softmax",
        "soft-labels"})
    void evaluate_everyStepAtUserNumbers_sidesAgree(String id) throws DerivationLoader.LoadException {
        Derivation d = load(id);
        double[] z = {0.4, -1.3, 2.1};
        double[] y = {0.2, 0.5, 0.3};
        StepInstances instances = new StepInstances();
        for (int i = 0; i < d.steps().size(); i++) {
            for (StepInstances.Evaluation v : instances.evaluate(d, i, z, y)) {
                assertTrue(v.agrees(), id + " step " + (i + 1) + " " + v);
            }
        }
    }

    @Test
    void evaluate_parameterWithoutAValue_saysWhich() throws DerivationLoader.LoadException {
        Derivation d = load("softmax-temperature");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new StepInstances().evaluate(d, 0, new double[] {1, 2}, new double[] {0.5, 0.5}));
        assertTrue(e.getMessage().contains("it uses T, which is not a logit or a label"), e.getMessage());
    }

    @Test
    void library_everyRouteOfMathMd_hasAFile() {
        DerivationLoader.Library lib = loader.loadFolder(LIBRARY);
        Set<String> ids = lib.derivations().stream().map(Derivation::id).collect(Collectors.toSet());
        for (String id : List.of("softmax-ce-quotient", "softmax-ce-log-softmax", "softmax-ce-one-hot",
                "softmax-ce-jacobian", "softmax-ce-batch", "linear-layer-two-class", "linear-layer",
                "softmax-temperature", "label-smoothing", "sigmoid-bce", "mse-softmax", "soft-labels")) {
            assertTrue(ids.contains(id), "missing route " + id);
        }
    }

    @Test
    void library_everyFile_namesItsNotationAndGivesEveryStepAReason() throws java.io.IOException {
        DerivationLoader.Library lib = loader.loadFolder(LIBRARY);
        for (Derivation d : lib.derivations()) {
            String text = java.nio.file.Files.readString(Path.of(d.source()));
            assertTrue(text.contains("\nnotation:\n  logits: "), d.source() + " names its notation, so it can be renamed");
            for (Step s : d.steps()) {
                assertTrue(s.why().strip().length() > 10, d.id() + " step " + s.number() + " has a reason");
            }
        }
    }

    @Test
    void library_exercises_atLeastFourEachWithOneMarkedStep() {
        DerivationLoader.Library lib = loader.loadFolder(LIBRARY);
        List<Derivation> exercises = new ArrayList<>();
        for (Derivation d : lib.derivations()) {
            if (d.isExercise()) {
                exercises.add(d);
                assertEquals(1, d.steps().stream().filter(Step::markedWrong).count(), d.id());
                assertTrue(d.id().startsWith("exercise-"), d.id());
            } else {
                assertFalse(d.id().startsWith("exercise-"), d.id() + " is named as an exercise but marks no step");
            }
        }
        assertTrue(exercises.size() >= 4, "exercises: " + exercises.size());
        Set<String> kinds = exercises.stream().map(d -> d.steps().stream().filter(Step::markedWrong).findFirst()
                .orElseThrow().mistake().correctTex()).collect(Collectors.toSet());
        assertEquals(exercises.size(), kinds.size(), "each exercise has its own mistake");
    }
}
