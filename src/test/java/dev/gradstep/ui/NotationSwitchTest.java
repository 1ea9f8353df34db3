package dev.gradstep.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.check.CheckSettings;
import dev.gradstep.check.DerivationChecker;
import dev.gradstep.check.StepVerdict;
import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.DerivationLoader;
import dev.gradstep.tex.TexWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** View › Notation: the flagship shown as other references write it, still verified step by step. */
class NotationSwitchTest {

    private final List<StepVerdict> verdicts = new ArrayList<>();

    private DerivationViewModel vm() throws Exception {
        Derivation flagship = new DerivationLoader().load(Path.of("derivations", "softmax-ce-quotient.yaml"));
        DerivationChecker checker = new DerivationChecker(null, CheckSettings.defaults());
        DerivationViewModel vm = new DerivationViewModel(Runnable::run, Runnable::run,
                (d, on, cancelled) -> checker.check(d, v -> {
                    verdicts.add(v);
                    on.accept(v);
                }, cancelled),
                p -> {
                    throw new DerivationLoader.LoadException(List.of());
                }, new ChangeHighlighter(new TexWriter()));
        vm.setLibrary(List.of(flagship), List.of());
        return vm;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        X_YHAT  | \\hat{y}_i = \\frac{e^{x_i}}{\\sum_{k=1}^{K} e^{x_k}}
        THETA_P | p_i = \\frac{e^{\\theta_i}}{\\sum_{k=1}^{K} e^{\\theta_k}}
        """)
    void showIn_otherNotation_renamesTheStepsAndTheyStillVerify(NotationChoice choice, String firstStep) throws Exception {
        DerivationViewModel vm = vm();
        vm.goTo(3);
        verdicts.clear();

        vm.showIn(choice);

        assertEquals(choice, vm.notationChoiceProperty().get());
        assertEquals(3, vm.currentIndexProperty().get(), "stays on the same step");
        assertEquals(firstStep, vm.derivationProperty().get().steps().get(0).tex());
        assertEquals(17, verdicts.size());
        assertTrue(verdicts.stream().allMatch(v -> v.outcome() == dev.gradstep.check.Outcome.VERIFIED),
                verdicts.toString());
    }

    @Test
    void showIn_asWritten_bringsBackTheFilesOwnLines() throws Exception {
        DerivationViewModel vm = vm();
        String original = vm.derivationProperty().get().steps().get(0).tex();
        vm.showIn(NotationChoice.THETA_P);
        vm.showIn(NotationChoice.AS_WRITTEN);
        assertEquals(original, vm.derivationProperty().get().steps().get(0).tex());
        assertFalse(vm.messageProperty().get().contains("Kept"));
    }
}
