package dev.gradstep.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.gradstep.derivation.Derivation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's context: the derivation to show is read first, the rest once the step is on screen. */
class AppContextQuickStartTest {

    private static String file(String id, int steps) {
        StringBuilder sb = new StringBuilder("id: " + id + "\ntitle: " + id + "\nsteps:\n");
        for (int i = 1; i <= steps; i++) {
            sb.append("  - tex: '").append(i == 1 ? "L" : "").append(" = x_{").append(i).append("}'\n")
                    .append("    rule: ").append(i == 1 ? "definition" : "simplify").append("\n    why: Step ").append(i).append(".\n");
        }
        return sb.toString();
    }

    @Test
    void create_lastDerivationFirst_restArrivesAfterFirstStepShownAndCurrentStays(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yaml"), file("a", 2));
        Files.writeString(dir.resolve("b.yaml"), file("b", 3));
        Files.writeString(dir.resolve("c.yaml"), file("c", 2));
        Settings settings = Settings.inMemory();
        settings.setLastDerivation("b");
        LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        try (AppContext ctx = AppContext.create(settings, ui::add, new AppOptions(dir, null, List.of()))) {
            DerivationViewModel vm = ctx.derivations();
            assertEquals(List.of("b"), vm.derivations().stream().map(Derivation::id).toList());
            Derivation shown = vm.derivationProperty().get();
            vm.goTo(2);
            Thread.sleep(200);
            assertEquals(1, vm.derivations().size(), "the rest waits until the first step is on screen");
            ctx.firstStepShown();
            while (vm.derivations().size() < 3) {
                Runnable r = ui.poll(10, TimeUnit.SECONDS);
                if (r == null) {
                    throw new AssertionError("the rest of the library never arrived");
                }
                r.run();
            }
            assertEquals(List.of("a", "b", "c"), vm.derivations().stream().map(Derivation::id).toList());
            assertSame(shown, vm.derivationProperty().get());
            assertEquals(2, vm.currentIndexProperty().get());
        }
    }
}
