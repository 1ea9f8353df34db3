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

    @Test
    void badLogit_isMarkedWithReasonAndTextKept() {
        vm.logitsTextProperty().set("2.0, 1.O, 0.1");
        NumbersViewModel.InputError e = vm.logitsErrorProperty().get();
        assertNotNull(e);
        assertTrue(e.message().contains("1.O"), e.message());
        assertEquals(5, e.offset());
        assertEquals(3, e.length());
        assertEquals("2.0, 1.O, 0.1", vm.logitsTextProperty().get());
    }

    @Test
    void labelsOfWrongLength_areExplained() {
        vm.logitsTextProperty().set("1 2 3");
        vm.labelsTextProperty().set("0.5 0.5");
        assertTrue(vm.labelsErrorProperty().get().message().contains("2 labels for 3 logits"));
    }

    @Test
    void classIndexOutOfRange_isExplained() {
        vm.logitsTextProperty().set("1 2 3");
        vm.labelsTextProperty().set("3");
        assertTrue(vm.labelsErrorProperty().get().message().contains("0..2"));
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
}
