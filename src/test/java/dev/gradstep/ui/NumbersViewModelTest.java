package dev.gradstep.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.check.StepInstances;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersViewModelTest {

    private final NumbersViewModel vm = new NumbersViewModel(Runnable::run, Runnable::run, new StepInstances());

    @Test
    void goodInput_givesSoftmaxLossAndCheckedGradient() {
        vm.logitsTextProperty().set("2.0, 1.0, 0.1");
        vm.labelsTextProperty().set("0");
        NumbersViewModel.Result r = vm.resultProperty().get();
        assertNotNull(r);
        assertNull(vm.logitsErrorProperty().get());
        assertEquals(3, r.classes());
        assertEquals(0.4170, r.loss(), 1e-3);
        assertEquals(0.659 - 1, vm.rows().get(0).gradient(), 1e-3);
        assertTrue(r.relativeError() < 1e-6, "relative error " + r.relativeError());
        assertNotNull(r.jacobian());
        assertEquals("", r.labelsNote());
    }

    @Test
    void numpyPrint_isAccepted() {
        vm.logitsTextProperty().set("[ 2.  1.  0.1]");
        vm.labelsTextProperty().set("[0 1 0]");
        assertNull(vm.logitsErrorProperty().get());
        assertEquals(3, vm.resultProperty().get().classes());
    }

    @Test
    void badInputAfterGood_keepsResultButMarksItStale() {
        vm.logitsTextProperty().set("1 2 3");
        assertFalse(vm.staleProperty().get());
        vm.logitsTextProperty().set("1 2x 3");
        assertTrue(vm.staleProperty().get());
        assertEquals(3, vm.resultProperty().get().classes());
        assertTrue(vm.summaryProperty().get().startsWith("Fix the input"), vm.summaryProperty().get());
        vm.logitsTextProperty().set("1 2 3 4");
        assertFalse(vm.staleProperty().get());
        assertEquals(4, vm.resultProperty().get().classes());
    }

    /** What people paste: spreadsheet rows and columns, NumPy and PyTorch prints. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2\\t1\\t0.1 | 3",
            "2\\n1\\n0.1 | 3",
            "array([2., 1., 0.1]) | 3",
            "tensor([2., 1., 0.1, 4.], dtype=torch.float64) | 4",
            "[[ 2.   1.   0.1  5.\\n   7. ]] | 5",
    })
    void pastedVectors_areRead(String text, int classes) {
        vm.logitsTextProperty().set(text.replace("\\t", "\t").replace("\\n", "\n"));
        assertNull(vm.logitsErrorProperty().get(), () -> vm.logitsErrorProperty().get().message());
        assertEquals(classes, vm.resultProperty().get().classes());
    }

    /** Logits as typed | the token the problem points at | a piece of the message. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\"1, 2, x, 4\"     | x        | 'x' is not a number",
            "\"2.0, 1.O, 0.1\"  | 1.O      | '1.O' is not a number",
            "\"1, 2, , 4\"      | \", ,\"  | empty entry",
            "\"1,,2\"           | \",,\"   | empty entry",
            "\"3, NaN, 1\"      | NaN      | NaN is not allowed",
            "\"[1. 2. inf]\"    | inf      | Infinity is not allowed",
            "\"  7  \"          | 7        | at least two logits",
    })
    void badLogits_problemSpansTheOffendingToken(String text, String token, String message) {
        vm.logitsTextProperty().set(text);
        assertProblem(vm.logitsErrorProperty().get(), text, token, message);
        assertEquals(text, vm.logitsTextProperty().get());
    }

    /** Labels as typed, for the logits 1, 2, 3 | the token the problem points at | a piece of the message. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\"3\"                | 3          | class 3 is out of range: with 3 classes the class index is 0..2",
            "\" [ -1 ]\"          | -1         | class -1 is out of range",
            "\"0.2, -0.5, 1.3\"   | -0.5       | label -0.5 is negative",
            "\"0.5, NaN, 0.5\"    | NaN        | NaN is not allowed",
            "\"1, Infinity, 0\"   | Infinity   | Infinity is not allowed",
            "\"0.5 0.5\"          | 0.5        | 2 labels for 3 logits: 1 missing after this one",
            "\"0.1 0.2 0.3 0.4 0.5\" | 0.4 0.5 | 5 labels for 3 logits: these 2 are extra",
            "\"0.5, , 0.5\"       | \", ,\"    | empty entry",
    })
    void badLabels_problemSpansTheOffendingToken(String text, String token, String message) {
        vm.logitsTextProperty().set("1, 2, 3");
        vm.labelsTextProperty().set(text);
        assertProblem(vm.labelsErrorProperty().get(), text, token, message);
        assertNull(vm.logitsErrorProperty().get());
    }

    /** The span must select exactly the token, at its last occurrence where a token repeats ("0.5 0.5"). */
    private static void assertProblem(NumbersViewModel.InputError e, String text, String token, String message) {
        assertNotNull(e, "no problem reported for " + text);
        assertEquals(token, text.substring(e.start(), e.end()), () -> "span " + e.start() + ".." + e.end());
        assertEquals(text.lastIndexOf(token), e.start());
        assertTrue(e.message().contains(message), e.message());
    }

    @Test
    void inputError_endBeforeStart_isRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new NumbersViewModel.InputError(3, 2, "x"));
    }

    @Test
    void labelsNotSummingToOne_sayGradientThatHolds() {
        vm.logitsTextProperty().set("1 2 3");
        vm.labelsTextProperty().set("0.2 0.2 0.2");
        NumbersViewModel.Result r = vm.resultProperty().get();
        assertEquals(0.6, r.labelSum(), 1e-12);
        assertTrue(r.labelsNote().contains("not 1"), r.labelsNote());
        NumbersViewModel.Row first = vm.rows().get(0);
        assertEquals(first.probability() * 0.6 - 0.2, first.gradient(), 1e-12);
    }

    @Test
    void largeK_isSummarisedWithoutJacobian() {
        String big = IntStream.range(0, 100_000).mapToObj(i -> String.format(Locale.ROOT, "%.3f", Math.sin(i)))
                .collect(Collectors.joining(" "));
        vm.logitsTextProperty().set(big);
        vm.labelsTextProperty().set("5");
        NumbersViewModel.Result r = vm.resultProperty().get();
        assertEquals(100_000, r.classes());
        assertEquals(NumbersViewModel.SHOWN_ROWS, r.rows().size());
        assertEquals(100_000 - NumbersViewModel.SHOWN_ROWS, r.hiddenRows());
        assertNull(r.jacobian());
        assertTrue(r.jacobianNote().contains("K \u2264 50"));
        assertTrue(r.relativeError() < 1e-5, "relative error " + r.relativeError());
    }

    @Test
    void fiftyOneClasses_haveNoHeatMap() {
        vm.logitsTextProperty().set(IntStream.range(0, 51).mapToObj(Integer::toString).collect(Collectors.joining(",")));
        assertNull(vm.resultProperty().get().jacobian());
        vm.logitsTextProperty().set(IntStream.range(0, 50).mapToObj(Integer::toString).collect(Collectors.joining(",")));
        assertEquals(50, vm.resultProperty().get().jacobian().length);
    }

    @Test
    void loadLogits_millionFromAFile_computedAndFieldShowsTheFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1_000_000; i++) {
            text.append(i % 7 * 0.5).append('\n');
        }
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("z.txt"), text);
        vm.labelsTextProperty().set("3");
        vm.loadLogits(file);
        assertEquals("@" + file.toAbsolutePath(), vm.logitsTextProperty().get());
        assertNull(vm.logitsErrorProperty().get());
        assertEquals(1_000_000, vm.resultProperty().get().classes());
    }

    @Test
    void loadLogits_missingFile_saysWhichFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        vm.loadLogits(dir.resolve("absent.txt"));
        assertTrue(vm.logitsErrorProperty().get().message().contains("absent.txt: no such file"),
                vm.logitsErrorProperty().get().message());
    }
}
