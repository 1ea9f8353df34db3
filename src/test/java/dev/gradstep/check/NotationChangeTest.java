package dev.gradstep.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.DerivationLoader;
import dev.gradstep.derivation.Notation;
import dev.gradstep.derivation.NotationChange;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A library derivation shown in another notation still reads and passes the same check. */
class NotationChangeTest {

    private final DerivationLoader loader = new DerivationLoader();
    private final NotationChange change = new NotationChange();
    private final DerivationChecker checker = new DerivationChecker(null, CheckSettings.defaults());

    private Derivation load(String id) throws DerivationLoader.LoadException {
        return loader.load(Path.of("derivations", id + ".yaml"));
    }

    @ParameterizedTest(name = "{0} as {1}/{2}/{3}")
    @CsvSource(delimiter = '|', textBlock = """
        softmax-ce-quotient        | x      | \\hat{y} | y | \\mathcal{L} | C
        softmax-ce-quotient        | \\theta | p       | t | L            | K
        softmax-ce-one-hot         | a      | q        | t | J            | C
        softmax-ce-jacobian        | x      | \\hat{y} | t | L            | K
        softmax-temperature        | o      | p        | t | L            | C
        exercise-swapped-indices   | \\theta | p       | t | L            | K
        """)
    void apply_libraryFileInAnotherNotation_stillPasses(String id, String logits, String probs, String labels, String loss,
                                                        String classes) throws DerivationLoader.LoadException {
        Derivation d = load(id);
        Notation target = new Notation(logits, probs, labels, loss, classes, null, null);

        Derivation renamed = change.apply(d, target);

        assertEquals(logits, renamed.notation().logits());
        assertEquals(d.notation().onehot(), renamed.notation().onehot(), "roles the target leaves out are kept");
        assertEquals(d.steps().size(), renamed.steps().size());
        DerivationReport report = checker.check(renamed);
        assertTrue(report.passes(), () -> report.verdicts().stream().map(v -> v.step() + " " + v.outcome() + " " + v.detail())
                .collect(Collectors.joining("\n")));
    }

    @Test
    void apply_flagship_rewritesTheLatexAndTheProse() throws DerivationLoader.LoadException {
        Derivation renamed = change.apply(load("softmax-ce-quotient"), new Notation("x", "\\hat{y}", "y", "L", "K", null, null));
        assertEquals("\\hat{y}_i = \\frac{e^{x_i}}{\\sum_{k=1}^{K} e^{x_k}}", renamed.steps().get(0).tex());
        assertEquals("e^{x_i}", renamed.steps().get(1).parts().get("u"));
        assertTrue(renamed.steps().get(1).why().contains("u = e^{x_i}"), renamed.steps().get(1).why());
        assertTrue(renamed.steps().get(8).why().contains("log \\hat{y}_i is 1/\\hat{y}_i"), renamed.steps().get(8).why());
    }

    @Test
    void apply_exercise_renamesTheCorrectLineAndItStillVerifies() throws DerivationLoader.LoadException {
        Derivation renamed = change.apply(load("exercise-sign-slip"), new Notation("x", "p", "y", "L", "K", null, null));
        assertEquals("\\frac{\\partial p_i}{\\partial x_j} = p_i (1 - p_i) \\quad (i = j)",
                renamed.steps().get(3).mistake().correctTex());
        DerivationReport report = checker.check(renamed);
        assertEquals(Outcome.VERIFIED, report.correction(4).orElseThrow().outcome());
        assertTrue(report.passes());
    }

    @Test
    void apply_targetAlreadyUsed_isRefused() throws DerivationLoader.LoadException {
        Derivation d = load("softmax-ce-quotient");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> change.apply(d, new Notation("k", "s", "y", "L", "K", null, null)));
        assertTrue(e.getMessage().contains("'k' already means something else"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> change.apply(d, new Notation("z", "y", "y", "L", "K", null, null)));
        assertThrows(IllegalArgumentException.class, () -> change.apply(d, new Notation("z_i", "s", "y", "L", "K", null, null)));
    }

    @Test
    void apply_swapOfTwoRoles_isAllowed() throws DerivationLoader.LoadException {
        Derivation renamed = change.apply(load("softmax-ce-log-softmax"), new Notation("s", "z", "y", "L", "K", null, null));
        assertEquals("\\log z_i = \\log \\frac{e^{s_i}}{\\sum_{k=1}^{K} e^{s_k}}", renamed.steps().get(1).tex());
        assertTrue(checker.check(renamed).passes());
    }
}
