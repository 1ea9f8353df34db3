package dev.gradstep.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.check.CheckSettings;
import dev.gradstep.check.StudentChecker;
import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.DerivationLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NextStepViewModelTest {

    /** Step 13 of the flagship: = -y_j (1 - s_j) + \sum_{i \neq j} y_i s_j. */
    private static final int STEP = 12;

    private final StudentChecker checker = new StudentChecker(null, CheckSettings.defaults());
    private final List<Runnable> queued = new ArrayList<>();
    private Derivation flagship;

    @BeforeEach
    void load() throws DerivationLoader.LoadException {
        flagship = new DerivationLoader().load(Path.of("derivations", "softmax-ce-quotient.yaml"));
    }

    private NextStepViewModel viewModel(boolean queue) {
        return new NextStepViewModel(queue ? queued::add : Runnable::run, Runnable::run, checker::checkNext);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
        = -y_j + s_j y_j + s_j \\sum_{i \\neq j} y_i                    | FOLLOWS    | Follows from the current step
        = s_j \\sum_i y_i - y_j                                        | FOLLOWS    | Follows from the current step
        \\frac{\\partial L}{\\partial z_j} = s_j \\sum_i y_i - y_j       | FOLLOWS    | Follows from the current step
        = -y_j (1 - s_j) - \\sum_{i \\neq j} y_i s_j                    | WRONG      | Does not follow
        = y_j - s_j                                                    | WRONG      | Does not follow
        = \\frac{1}{                                                   | UNREADABLE | Cannot read this line: column
        '   '                                                          | EMPTY      | ''
        """)
    void typed_line_checkedAgainstTheCurrentStep(String typed, NextStepViewModel.State state, String verdict) {
        NextStepViewModel vm = viewModel(false);
        vm.show(flagship, STEP);
        vm.typedProperty().set(typed);
        assertEquals(state, vm.stateProperty().get(), vm.verdictProperty().get() + " / " + vm.detailProperty().get());
        assertTrue(vm.verdictProperty().get().contains(verdict == null ? "" : verdict), vm.verdictProperty().get());
        if (state == NextStepViewModel.State.WRONG) {
            assertTrue(vm.detailProperty().get().startsWith("Counterexample: K="), vm.detailProperty().get());
        }
    }

    @Test
    void typed_wrongSign_getsAHint() {
        NextStepViewModel vm = viewModel(false);
        vm.show(flagship, STEP);
        vm.typedProperty().set("= y_j - s_j");
        assertTrue(vm.detailProperty().get().contains("Hint: sign"), vm.detailProperty().get());
    }

    @Test
    void typed_oneTermsSignSlipped_hintKindAndAVerifiedCorrection() {
        NextStepViewModel vm = viewModel(false);
        vm.show(flagship, STEP);
        vm.typedProperty().set("= -y_j (1 - s_j) - \\sum_{i \\neq j} y_i s_j");
        assertEquals(dev.gradstep.check.HintKind.SIGN_IN_TERM, vm.hintKindProperty().get(), vm.detailProperty().get());
        assertEquals("= -y_{j} \\left(1 - s_{j}\\right) + \\sum_{i \\neq j} y_{i} s_{j}", vm.correctionProperty().get());
        assertTrue(vm.detailProperty().get().contains("Corrected line (checked: it holds): = -y_{j}"), vm.detailProperty().get());
        vm.typedProperty().set("= s_j \\sum_i y_i - y_j");
        assertEquals("", vm.correctionProperty().get(), "a line that follows has no correction");
        assertEquals(null, vm.hintKindProperty().get());
    }

    @Test
    void typed_olderResultArrivingLate_isDropped() {
        NextStepViewModel vm = viewModel(true);
        vm.show(flagship, STEP);
        vm.typedProperty().set("= y_j - s_j");
        vm.typedProperty().set("= s_j - y_j");
        assertEquals(NextStepViewModel.State.CHECKING, vm.stateProperty().get());
        List<Runnable> now = new ArrayList<>(queued);
        queued.clear();
        now.forEach(Runnable::run);
        assertEquals(NextStepViewModel.State.FOLLOWS, vm.stateProperty().get(), vm.verdictProperty().get());
    }

    @Test
    void show_anotherStep_clearsTheTypedLine() {
        NextStepViewModel vm = viewModel(false);
        vm.show(flagship, STEP);
        vm.typedProperty().set("= y_j - s_j");
        vm.show(flagship, STEP + 1);
        assertEquals("", vm.typedProperty().get());
        assertEquals(NextStepViewModel.State.EMPTY, vm.stateProperty().get());
        assertTrue(vm.availableProperty().get());
        vm.show(null, -1);
        assertEquals(false, vm.availableProperty().get());
    }
}
