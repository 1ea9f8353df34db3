package dev.gradstep.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.check.CheckSettings;
import dev.gradstep.check.DerivationChecker;
import dev.gradstep.check.DerivationReport;
import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.DerivationLoader;
import dev.gradstep.derivation.Rule;
import dev.gradstep.derivation.Step;
import dev.gradstep.expr.Condition;
import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Line;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExerciseViewModelTest {

    private final List<Runnable> queued = new ArrayList<>();
    private final AtomicInteger checksRun = new AtomicInteger();

    /** Three lines, the second marked wrong; the fake checker fails line 2 and verifies the rest and the correction. */
    private static Derivation exercise() {
        List<Step> steps = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Line line = new Line(new Expr.Sym("L"), List.of(new Expr.Sym("x", List.of(Expr.Num.of(i)))), Condition.ALWAYS);
            Step.Mistake m = i == 2 ? new Step.Mistake("L = x_{0}", "The sign is flipped.") : null;
            steps.add(new Step(i, "L = x_{" + i + "}", line, Rule.SIMPLIFY, "Reason " + i, Map.of(), m, i));
        }
        return new Derivation("exercise-t", "Spot the mistake: t", "", dev.gradstep.derivation.Notation.DEFAULT,
                java.util.Set.of(), steps, "t");
    }

    private final DerivationViewModel.CheckService fakeChecks = (d, on, cancelled) -> {
        checksRun.incrementAndGet();
        return new DerivationReport(d, List.of(TestDerivations.verified(1, dev.gradstep.check.Basis.NUMERIC),
                TestDerivations.failed(2), TestDerivations.verified(3, dev.gradstep.check.Basis.NUMERIC)),
                List.of(TestDerivations.verified(2, dev.gradstep.check.Basis.NUMERIC)));
    };

    private ExerciseViewModel direct() {
        return new ExerciseViewModel(Runnable::run, Runnable::run, fakeChecks);
    }

    @Test
    void setDerivation_exercise_activeWithEveryLineAndNoAnswer() {
        ExerciseViewModel vm = direct();
        vm.setDerivation(exercise());
        assertTrue(vm.activeProperty().get());
        assertEquals(List.of(1, 2, 3), vm.choices().stream().map(ExerciseViewModel.Choice::number).toList());
        assertEquals("L = x_{2}", vm.choices().get(1).tex());
        assertEquals(ExerciseViewModel.Result.NOT_ANSWERED, vm.resultProperty().get());
        assertEquals("", vm.explanationProperty().get(), "nothing is given away before a choice");
        assertEquals("", vm.correctTexProperty().get());
        assertEquals(1, checksRun.get());
    }

    @Test
    void setDerivation_notAnExercise_inactiveAndNotChecked() {
        ExerciseViewModel vm = direct();
        vm.setDerivation(TestDerivations.steps(3));
        assertFalse(vm.activeProperty().get());
        assertTrue(vm.choices().isEmpty());
        vm.choose(1);
        assertEquals(-1, vm.chosenProperty().get());
        assertEquals(0, checksRun.get());
    }

    @Test
    void choose_markedLine_foundWithVerdictCorrectionAndExplanation() {
        ExerciseViewModel vm = direct();
        vm.setDerivation(exercise());
        vm.choose(2);
        assertEquals(ExerciseViewModel.Result.FOUND, vm.resultProperty().get());
        assertEquals("L = x_{2}", vm.wrongTexProperty().get());
        assertEquals("L = x_{0}", vm.correctTexProperty().get());
        assertEquals("The sign is flipped.", vm.explanationProperty().get());
        assertTrue(vm.verdictProperty().get().startsWith("Checker, line 2: wrong."), vm.verdictProperty().get());
        assertTrue(vm.verdictProperty().get().contains("the corrected line: holds"), vm.verdictProperty().get());
    }

    @Test
    void choose_correctLine_missedAndNamesTheWrongOne() {
        ExerciseViewModel vm = direct();
        vm.setDerivation(exercise());
        vm.choose(3);
        assertEquals(ExerciseViewModel.Result.MISSED, vm.resultProperty().get());
        assertTrue(vm.feedbackProperty().get().contains("The wrong line is line 2"), vm.feedbackProperty().get());
        assertTrue(vm.verdictProperty().get().startsWith("Checker, line 3: holds"), vm.verdictProperty().get());
        assertTrue(vm.verdictProperty().get().contains("Checker, line 2: wrong."), vm.verdictProperty().get());
    }

    @Test
    void choose_outOfRange_ignored() {
        ExerciseViewModel vm = direct();
        vm.setDerivation(exercise());
        vm.choose(0);
        vm.choose(4);
        assertEquals(-1, vm.chosenProperty().get());
        assertEquals(0, vm.attemptsProperty().get());
    }

    @Test
    void tryAgain_hidesTheAnswerAndCountsAttempts() {
        ExerciseViewModel vm = direct();
        vm.setDerivation(exercise());
        vm.choose(1);
        vm.tryAgain();
        assertEquals(ExerciseViewModel.Result.NOT_ANSWERED, vm.resultProperty().get());
        assertEquals("", vm.explanationProperty().get());
        vm.choose(2);
        assertEquals(2, vm.attemptsProperty().get());
        assertEquals(ExerciseViewModel.Result.FOUND, vm.resultProperty().get());
    }

    @Test
    void choose_beforeTheCheckEnds_saysSoThenFillsIn() {
        ExerciseViewModel vm = new ExerciseViewModel(queued::add, Runnable::run, fakeChecks);
        vm.setDerivation(exercise());
        vm.choose(2);
        assertTrue(vm.verdictProperty().get().contains("still working"), vm.verdictProperty().get());
        queued.forEach(Runnable::run);
        assertTrue(vm.verdictProperty().get().startsWith("Checker, line 2: wrong."), vm.verdictProperty().get());
    }

    @Test
    void setDerivation_anotherWhileChecking_staleReportIgnored() {
        ExerciseViewModel vm = new ExerciseViewModel(queued::add, Runnable::run, fakeChecks);
        vm.setDerivation(exercise());
        Runnable first = queued.remove(0);
        vm.setDerivation(TestDerivations.steps(2));
        first.run();
        assertFalse(vm.activeProperty().get());
        assertEquals("", vm.verdictProperty().get());
    }

    @Test
    void choose_realLibraryExerciseWithRealChecker_verdictFromTheChecker() throws DerivationLoader.LoadException {
        Derivation d = new DerivationLoader().load(Path.of("derivations", "exercise-sign-slip.yaml"));
        ExerciseViewModel vm = new ExerciseViewModel(Runnable::run, Runnable::run,
                (x, on, c) -> new DerivationChecker(null, CheckSettings.defaults()).check(x, on, c));
        vm.setDerivation(d);
        vm.choose(4);
        assertEquals(ExerciseViewModel.Result.FOUND, vm.resultProperty().get());
        String verdict = vm.verdictProperty().get();
        assertTrue(verdict.startsWith("Checker, line 4: wrong. Counterexample: K="), verdict);
        assertTrue(verdict.contains("the corrected line: holds (checked numerically"), verdict);
        assertTrue(vm.explanationProperty().get().contains("The sign is flipped"), vm.explanationProperty().get());
    }
}
