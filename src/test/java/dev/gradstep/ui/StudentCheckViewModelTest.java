package dev.gradstep.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.check.CheckSettings;
import dev.gradstep.check.StudentChecker;
import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.DerivationLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudentCheckViewModelTest {

    private static final Path HOMEWORK = Path.of("src", "test", "resources", "student", "homework.tex");

    private final List<Runnable> queued = new ArrayList<>();
    private final StudentChecker checker = new StudentChecker(null, CheckSettings.defaults());

    private static List<Derivation> library() {
        try {
            return List.of(new DerivationLoader().load(Path.of("derivations", "softmax-ce-quotient.yaml")));
        } catch (DerivationLoader.LoadException e) {
            throw new AssertionError(e);
        }
    }

    private StudentCheckViewModel viewModel(boolean queue) {
        return new StudentCheckViewModel(queue ? queued::add : Runnable::run, Runnable::run,
                (text, notation, cancelled) -> checker.check("pasted", text, notation, cancelled),
                StudentCheckViewModelTest::library);
    }

    private void runQueued() {
        List<Runnable> now = new ArrayList<>(queued);
        queued.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void check_homeworkWithWrongLine_marksItFirstWrongWithCounterexampleHintAndCorrection() throws IOException {
        StudentCheckViewModel vm = viewModel(false);
        vm.textProperty().set(Files.readString(HOMEWORK));
        vm.check();
        List<StudentCheckViewModel.LineItem> lines = vm.lines();
        assertEquals(9, lines.size());
        assertEquals(2, vm.firstWrongProperty().get());
        StudentCheckViewModel.LineItem wrong = lines.get(2);
        assertEquals(13, wrong.line());
        assertEquals(StudentCheckViewModel.Mark.WRONG, wrong.mark());
        assertTrue(wrong.firstWrong());
        assertTrue(wrong.counterexample().startsWith("K=2, i=1, j=2, logits ("), wrong.counterexample());
        assertTrue(wrong.hint().startsWith("sign:"), wrong.hint());
        assertEquals("\\frac{\\partial \\hat{y}_{i}}{\\partial z_{j}} = -\\hat{y}_{i} \\hat{y}_{j} \\quad (i \\neq j)",
                wrong.correction());
        assertEquals(dev.gradstep.check.HintKind.SIGN, wrong.hintKind());
        assertEquals("Corrected line (checked: it holds, by numbers):", wrong.correctionLabel());
        assertTrue(wrong.tex().endsWith("\\quad (i \\neq j)"), wrong.tex());
        assertEquals(8, lines.stream().filter(l -> l.mark() == StudentCheckViewModel.Mark.HOLDS).count());
        assertTrue(vm.summaryProperty().get().contains("The first wrong line is line 13."), vm.summaryProperty().get());
        assertEquals("Notation (file): logits=z probs=\\hat{y} labels=y loss=L classes=K", vm.notationSummaryProperty().get());
        assertNull(lines.get(0).correction());
    }

    @Test
    void check_linesShowAtOnceAsPendingThenGetMarks() throws IOException {
        StudentCheckViewModel vm = viewModel(true);
        vm.textProperty().set(Files.readString(HOMEWORK));
        vm.check();
        assertTrue(vm.busyProperty().get());
        assertEquals(9, vm.lines().size());
        assertTrue(vm.lines().stream().allMatch(l -> l.mark() == StudentCheckViewModel.Mark.PENDING));
        assertTrue(vm.summaryProperty().get().contains("checking"), vm.summaryProperty().get());
        runQueued();
        assertEquals(false, vm.busyProperty().get());
        assertEquals(StudentCheckViewModel.Mark.WRONG, vm.lines().get(2).mark());
    }

    @Test
    void cancel_dropsTheRunningCheck() throws IOException {
        StudentCheckViewModel vm = viewModel(true);
        vm.textProperty().set(Files.readString(HOMEWORK));
        vm.check();
        vm.cancel();
        runQueued();
        assertEquals("Check cancelled.", vm.summaryProperty().get());
        assertTrue(vm.lines().stream().allMatch(l -> l.mark() == StudentCheckViewModel.Mark.PENDING));
    }

    @Test
    void check_twoReadingsOfASum_ambiguousMarkWithTheReadingsAndNoCorrection() {
        StudentCheckViewModel vm = viewModel(false);
        vm.textProperty().set("\\[ 0 \\cdot s_i + 1 = \\sum_i s_i y_i - s_i y_i + s_i \\]");
        vm.check();
        StudentCheckViewModel.LineItem item = vm.lines().get(0);
        assertEquals(StudentCheckViewModel.Mark.AMBIGUOUS, item.mark());
        assertTrue(item.error().startsWith("two readings"), item.error());
        assertEquals(null, item.correction());
        assertTrue(vm.summaryProperty().get().contains("1 ambiguous"), vm.summaryProperty().get());
    }

    @Test
    void check_pastedMarkdownWithReasons_linesMarkedAndTheirStatedReasonsExposed() {
        StudentCheckViewModel vm = viewModel(false);
        vm.textProperty().set("## The gradient\n\nUsing the chain rule:\n\n$$\n\\begin{aligned}\n"
                + "L &= -\\sum_i y_i \\log s_i & \\text{(definition)} \\\\\n"
                + "\\frac{\\partial L}{\\partial z_j} &= s_j - y_j \\quad \\text{by the chain rule}\n"
                + "\\end{aligned}\n$$\n\nand $\\frac{\\partial s_i}{\\partial z_j} = s_i s_j$ for $i \\neq j$.\n");
        vm.notationProperty().set("logits=z probs=s labels=y loss=L classes=K");
        vm.check();
        assertEquals(StudentCheckViewModel.Mark.HOLDS, vm.lines().get(0).mark());
        assertEquals("(definition)", vm.lines().get(0).reason());
        assertEquals(StudentCheckViewModel.Mark.HOLDS, vm.lines().get(1).mark());
        assertEquals("by the chain rule", vm.lines().get(1).reason());
        assertEquals(8, vm.lines().get(1).line());
    }

    @Test
    void check_unreadableLine_isMarkedWithItsMessageAndSourceText() {
        StudentCheckViewModel vm = viewModel(false);
        vm.textProperty().set("\\begin{align}\nL &= -\\sum_i y_i \\log s_i \\\\\n &= \\frac{ \n\\end{align}");
        vm.check();
        StudentCheckViewModel.LineItem bad = vm.lines().get(1);
        assertEquals(StudentCheckViewModel.Mark.UNREADABLE, bad.mark());
        assertEquals("", bad.tex(), "unreadable LaTeX is shown as text, not typeset");
        assertEquals("= \\frac{", bad.source());
        assertTrue(bad.error().startsWith("line 3, column "), bad.error());
        assertEquals(StudentCheckViewModel.Mark.HOLDS, vm.lines().get(0).mark());
    }

    @Test
    void check_badNotation_messageAndNoLines() {
        StudentCheckViewModel vm = viewModel(false);
        vm.textProperty().set("\\[ a = b \\]");
        vm.notationProperty().set("colour=red");
        vm.check();
        assertTrue(vm.messageProperty().get().startsWith("Notation: unknown notation key 'colour'"), vm.messageProperty().get());
        assertEquals(0, vm.lines().size());
    }

    @Test
    void check_noDisplayMath_saysWhereToPutSteps() {
        StudentCheckViewModel vm = viewModel(false);
        vm.textProperty().set("just words");
        vm.check();
        assertTrue(vm.summaryProperty().get().startsWith("No display math found"), vm.summaryProperty().get());
    }

    @Test
    void open_missingFile_message() {
        StudentCheckViewModel vm = viewModel(false);
        vm.open(Path.of("no-such-file.tex"));
        assertTrue(vm.messageProperty().get().startsWith("no-such-file.tex: cannot read the file"), vm.messageProperty().get());
    }

    @Test
    void open_file_readsAndChecks() {
        StudentCheckViewModel vm = viewModel(false);
        vm.open(HOMEWORK);
        assertNotNull(vm.textProperty().get());
        assertEquals(9, vm.lines().size());
        assertEquals("", vm.messageProperty().get());
    }

    @org.junit.jupiter.api.io.TempDir
    Path temp;

    @Test
    void reloadIfChanged_fileSavedElsewhere_reloadedRecheckedAndCaretKept() throws IOException {
        Path file = temp.resolve("homework.tex");
        String text = Files.readString(HOMEWORK);
        Files.writeString(file, text);
        StudentCheckViewModel vm = viewModel(false);
        vm.open(file);
        assertEquals(StudentCheckViewModel.Mark.WRONG, vm.lines().get(2).mark());
        int line20 = text.indexOf("&= \\sum_{i=1}^{K}");
        vm.caretProperty().set(line20 + 4);
        vm.reloadIfChanged();
        assertEquals(text, vm.textProperty().get(), "unchanged on disk: nothing happens");
        assertEquals("", vm.messageProperty().get());

        String fixed = text.replace("&= \\hat{y}_i \\hat{y}_j \\quad (i \\neq j)", "&= -\\hat{y}_i \\hat{y}_j \\quad (i \\neq j)");
        Files.writeString(file, fixed);
        vm.reloadIfChanged();
        assertEquals(fixed, vm.textProperty().get());
        assertEquals(StudentCheckViewModel.Mark.HOLDS, vm.lines().get(2).mark());
        assertEquals(-1, vm.firstWrongProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("Reloaded homework.tex"), vm.messageProperty().get());
        int caret = vm.caretProperty().get();
        assertEquals(fixed.indexOf("&= \\sum_{i=1}^{K}") + 4, caret, "the caret stays on its line and column");
    }

    @Test
    void reloadIfChanged_textEditedHere_editsKeptAndSaid() throws IOException {
        Path file = temp.resolve("homework.tex");
        String text = Files.readString(HOMEWORK);
        Files.writeString(file, text);
        StudentCheckViewModel vm = viewModel(false);
        vm.open(file);
        vm.textProperty().set(text + "\n% my own note");
        Files.writeString(file, text.replace("\\hat{y}_j - y_j\n", "\\hat{y}_j + y_j\n"));
        vm.reloadIfChanged();
        assertEquals(text + "\n% my own note", vm.textProperty().get());
        assertTrue(vm.messageProperty().get().contains("changed on disk; your edits here are kept"), vm.messageProperty().get());
    }

    @Test
    void reloadIfChanged_pastedText_neverTouchesDisk() throws IOException {
        StudentCheckViewModel vm = viewModel(true);
        vm.textProperty().set(Files.readString(HOMEWORK));
        vm.reloadIfChanged();
        assertTrue(queued.isEmpty(), "nothing is read for a pasted text");
        assertNull(vm.watchedProperty().get());
    }
}
