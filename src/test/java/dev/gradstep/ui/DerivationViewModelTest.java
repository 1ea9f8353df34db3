package dev.gradstep.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.check.Basis;
import dev.gradstep.check.DerivationReport;
import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.DerivationLoader;
import dev.gradstep.tex.TexWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DerivationViewModelTest {

    private DerivationViewModel.CheckService checks = (d, on, cancelled) -> {
        on.accept(TestDerivations.verified(1, Basis.SYMBOLIC));
        on.accept(TestDerivations.verified(2, Basis.NUMERIC));
        on.accept(TestDerivations.failed(3));
        return new DerivationReport(d, List.of());
    };
    private DerivationViewModel.FileSource files = p -> {
        throw new DerivationLoader.LoadException(List.of(new DerivationLoader.LoadProblem(p.toString(), 3, 5, "unknown rule 'quotient'")));
    };

    private DerivationViewModel vm(int steps) {
        DerivationViewModel vm = new DerivationViewModel(Runnable::run, Runnable::run, (d, on, c) -> checks.check(d, on, c),
                p -> files.load(p), new ChangeHighlighter(new TexWriter()));
        vm.setLibrary(List.of(TestDerivations.steps(steps)), List.of());
        return vm;
    }

    @Test
    void completeLibrary_afterAQuickStart_keepsTheShownDerivationItsStepAndOpenedFiles() {
        DerivationViewModel vm = vm(5);
        Derivation shown = vm.derivationProperty().get();
        vm.goTo(3);
        Derivation opened = TestDerivations.steps(2);
        Derivation sameIdAsShownButReadAgain = TestDerivations.steps(5);
        Derivation other = TestDerivations.steps(4);
        vm.completeLibrary(List.of(other, sameIdAsShownButReadAgain), List.of());
        assertEquals(List.of(other, shown), vm.derivations());
        assertTrue(vm.derivations().get(1) == shown, "the derivation on screen keeps its identity");
        assertTrue(vm.derivationProperty().get() == shown);
        assertEquals(3, vm.currentIndexProperty().get());

        DerivationViewModel withOpened = vm(5);
        withOpened.completeLibrary(List.of(opened), List.of("a.yaml:1:1: broken"));
        assertEquals(2, withOpened.derivations().size(), "a file not in the library stays listed");
        assertTrue(withOpened.messageProperty().get().contains("a.yaml:1:1: broken"));
    }

    @Test
    void start_showsFirstStep() {
        DerivationViewModel vm = vm(5);
        assertEquals(0, vm.currentIndexProperty().get());
        assertEquals(1, vm.currentProperty().get().number());
        assertEquals("", vm.currentProperty().get().previousTex());
        assertFalse(vm.canPreviousProperty().get());
        assertTrue(vm.canNextProperty().get());
    }

    @Test
    void next_atLastStep_staysAndDisablesNext() {
        DerivationViewModel vm = vm(3);
        vm.next();
        vm.next();
        vm.next();
        assertEquals(2, vm.currentIndexProperty().get());
        assertFalse(vm.canNextProperty().get());
        assertTrue(vm.canPreviousProperty().get());
    }

    @Test
    void previous_atFirstStep_stays() {
        DerivationViewModel vm = vm(3);
        vm.previous();
        assertEquals(0, vm.currentIndexProperty().get());
    }

    @Test
    void homeAndEnd_jumpToEnds() {
        DerivationViewModel vm = vm(6);
        vm.last();
        assertEquals(5, vm.currentIndexProperty().get());
        assertEquals("= x_{5}", vm.currentProperty().get().previousTex());
        vm.first();
        assertEquals(0, vm.currentIndexProperty().get());
    }

    @Test
    void goTo_outsideDerivation_isRefused() {
        DerivationViewModel vm = vm(3);
        vm.goTo(2);
        assertEquals(2, vm.currentIndexProperty().get());
        vm.goTo(7);
        vm.goTo(-1);
        assertEquals(2, vm.currentIndexProperty().get());
    }

    @Test
    void revealMode_hidesLaterStepsUntilRevealed() {
        DerivationViewModel vm = vm(4);
        vm.setRevealMode(true);
        assertFalse(vm.canNextProperty().get());
        assertTrue(vm.canRevealProperty().get());
        assertTrue(vm.outline().get(1).hidden());
        vm.next();
        vm.goTo(3);
        assertEquals(0, vm.currentIndexProperty().get());
        vm.showHint();
        assertTrue(vm.hintProperty().get().contains("Quotient rule"), vm.hintProperty().get());
        assertFalse(vm.hintProperty().get().contains("Reason"), "the hint gives the step's reason away");
        vm.revealNext();
        assertEquals(1, vm.currentIndexProperty().get());
        assertFalse(vm.outline().get(1).hidden());
        assertTrue(vm.outline().get(2).hidden());
        assertEquals("", vm.hintProperty().get());
        vm.previous();
        assertTrue(vm.canNextProperty().get());
    }

    @Test
    void revealMode_off_showsEverything() {
        DerivationViewModel vm = vm(4);
        vm.setRevealMode(true);
        vm.setRevealMode(false);
        assertTrue(vm.outline().stream().noneMatch(DerivationViewModel.StepItem::hidden));
        vm.last();
        assertEquals(3, vm.currentIndexProperty().get());
    }

    @Test
    void revealNext_atEnd_doesNothing() {
        DerivationViewModel vm = vm(2);
        vm.setRevealMode(true);
        vm.revealNext();
        vm.revealNext();
        assertEquals(1, vm.currentIndexProperty().get());
        assertFalse(vm.canRevealProperty().get());
    }

    @Test
    void checks_fillBadgesAsVerdictsArrive() {
        DerivationViewModel vm = vm(4);
        assertEquals(StepStatus.VERIFIED_SYMBOLIC, vm.outline().get(0).status());
        assertEquals(StepStatus.VERIFIED_NUMERIC, vm.outline().get(1).status());
        assertEquals(StepStatus.FAILED, vm.outline().get(2).status());
        assertEquals(StepStatus.UNAVAILABLE, vm.outline().get(3).status());
        assertFalse(vm.checkingProperty().get());
        assertEquals(3, vm.verdicts().size());
    }

    @Test
    void checks_thatThrow_leaveStepsUncheckedAndSayWhy() {
        checks = (d, on, c) -> {
            throw new IllegalStateException("pending: checker");
        };
        DerivationViewModel vm = vm(3);
        assertEquals(StepStatus.UNAVAILABLE, vm.outline().get(0).status());
        assertTrue(vm.checkSummaryProperty().get().contains("pending"));
    }

    @Test
    void cancel_whileChecking_stopsAndIgnoresLateVerdicts() {
        List<Runnable> queued = new java.util.ArrayList<>();
        DerivationViewModel vm = new DerivationViewModel(queued::add, Runnable::run, checks, p -> files.load(p),
                new ChangeHighlighter(new TexWriter()));
        vm.setLibrary(List.of(TestDerivations.steps(3)), List.of());
        assertTrue(vm.checkingProperty().get());
        assertEquals(StepStatus.CHECKING, vm.outline().get(0).status());
        vm.cancelCheck();
        assertFalse(vm.checkingProperty().get());
        queued.forEach(Runnable::run);
        assertEquals(StepStatus.PENDING, vm.outline().get(0).status());
    }

    @Test
    void open_badFile_showsProblemAndKeepsDerivation() {
        DerivationViewModel vm = vm(3);
        Derivation before = vm.derivationProperty().get();
        vm.open(Path.of("/tmp/broken.yaml"));
        assertTrue(vm.messageProperty().get().contains("broken.yaml:3:5: unknown rule"), vm.messageProperty().get());
        assertEquals(before, vm.derivationProperty().get());
        vm.dismissMessage();
        assertEquals("", vm.messageProperty().get());
    }

    @Test
    void open_goodFile_addsAndSelectsIt() {
        files = p -> TestDerivations.steps(7);
        DerivationViewModel vm = vm(3);
        vm.open(Path.of("/tmp/seven.yaml"));
        assertEquals(2, vm.derivations().size());
        assertEquals(7, vm.currentProperty().get().total());
    }

    @Test
    void libraryProblems_areShownAsMessage() {
        DerivationViewModel vm = new DerivationViewModel(Runnable::run, Runnable::run, checks, p -> files.load(p),
                new ChangeHighlighter(new TexWriter()));
        vm.setLibrary(List.of(TestDerivations.steps(2)), List.of("bad.yaml:1: oops"));
        assertTrue(vm.messageProperty().get().contains("bad.yaml:1: oops"));
        assertEquals(0, vm.currentIndexProperty().get());
    }

    @Test
    void stepView_carriesRuleWhyAndParts() {
        DerivationViewModel vm = vm(3);
        vm.next();
        DerivationViewModel.StepView s = vm.currentProperty().get();
        assertEquals("Quotient rule", s.ruleTitle());
        assertEquals("e^{z_i}", s.parts().get("u"));
        assertTrue(s.why().startsWith("Reason 2"));
    }

    @Test
    void manyLibraryProblems_areSummarised() {
        DerivationViewModel vm = new DerivationViewModel(Runnable::run, Runnable::run, checks, p -> files.load(p),
                new ChangeHighlighter(new TexWriter()));
        vm.setLibrary(List.of(TestDerivations.steps(2)), java.util.Collections.nCopies(20, "bad.yaml:1: oops"));
        String m = vm.messageProperty().get();
        assertEquals(1 + DerivationViewModel.MAX_PROBLEM_LINES + 1, m.split("\n").length, m);
        assertTrue(m.endsWith("and 16 more problems."), m);
    }

    @Test
    void pausedChecks_startWhenResumed() {
        DerivationViewModel vm = new DerivationViewModel(Runnable::run, Runnable::run, checks, p -> files.load(p),
                new ChangeHighlighter(new TexWriter()));
        vm.pauseChecks();
        vm.setLibrary(List.of(TestDerivations.steps(3)), List.of());
        assertEquals(StepStatus.PENDING, vm.outline().get(0).status());
        vm.resumeChecks();
        assertEquals(StepStatus.VERIFIED_SYMBOLIC, vm.outline().get(0).status());
    }
}
