package dev.gradstep.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.check.StepInstances;
import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.DerivationLoader;
import dev.gradstep.tex.TexWriter;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConcreteViewModelTest {

    private final ConcreteViewModel vm = new ConcreteViewModel(Runnable::run, Runnable::run, new StepInstances(),
            new TexWriter());
    private final Derivation flagship = new DerivationLoader().loadBundled().derivations().stream()
            .filter(d -> d.id().equals("softmax-ce-quotient")).findFirst().orElseThrow();

    /** Step numbers are 1-based as in the file; cases are capped, the matrix is K x K where two indices are free. */
    @ParameterizedTest
    @CsvSource({
            // step, K, listed cases, matrix expected
            "2, 3, 6, false",
            "5, 2, 4, true",
            "5, 3, 6, true",
            "5, 5, 6, true",
            "6, 3, 3, false",
            "7, 3, 6, false",
            "9, 4, 4, false",
            "16, 5, 5, false",
    })
    void show_flagshipStep_listsCasesAndMatrix(int step, int k, int cases, boolean matrix) {
        vm.setClasses(k);
        vm.show(flagship, step - 1);
        assertEquals(cases, vm.cases().size());
        assertEquals(matrix, vm.matrixTexProperty().get().contains("\\begin{array}"));
    }

    @Test
    void setClasses_outsideRange_isClamped() {
        vm.setClasses(9);
        assertEquals(ConcreteViewModel.MAX_K, vm.classesProperty().get());
        vm.setClasses(0);
        assertEquals(ConcreteViewModel.MIN_K, vm.classesProperty().get());
    }

    @Test
    void show_writesConcreteIndices_notSymbolicOnes() {
        vm.setClasses(3);
        vm.show(flagship, 5);
        String tex = vm.cases().get(0).tex();
        assertTrue(tex.contains("s_{1}") || tex.contains("s_1"), tex);
        assertFalse(tex.contains("s_i"), tex);
    }

    @Test
    void casesListener_survivesGarbageCollection() throws InterruptedException {
        AtomicInteger changes = new AtomicInteger();
        vm.cases().addListener((ListChangeListener<ConcreteViewModel.Case>) c -> changes.incrementAndGet());
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(10);
        }
        vm.show(flagship, 4);
        assertTrue(changes.get() > 0, "the view would never be told about new cases");
    }
}
