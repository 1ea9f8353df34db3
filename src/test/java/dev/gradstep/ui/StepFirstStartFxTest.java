package dev.gradstep.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The launcher's start: the step alone in the first frame, the rest of the window in the next. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StepFirstStartFxTest {

    private AppContext ctx;
    private MainWindow window;
    private boolean chromeAtShow;
    private volatile Bounds firstFrame;

    @Start
    void start(Stage stage) {
        ctx = AppContext.withoutCas(Settings.inMemory(), Platform::runLater);
        if (ctx.derivations().derivations().isEmpty()) {
            ctx.derivations().setLibrary(List.of(TestDerivations.steps(6)), List.of());
        }
        window = new MainWindow(ctx, stage, true);
        stage.setWidth(1180);
        stage.setHeight(800);
        window.show();
        chromeAtShow = window.scene().lookup(".outline") != null || window.scene().lookup(".menu-bar") != null;
        window.whenFirstStepPainted(() -> firstFrame = stepBounds());
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitForAsyncFx(10_000, ctx::close);
    }

    private Bounds stepBounds() {
        Node step = window.scene().lookup(".step-scroll");
        return step.localToScene(step.getLayoutBounds());
    }

    @Test
    void stepFirst_chromeArrivesAfterTheFirstFrame_stepKeepsItsPlace(FxRobot robot) throws Exception {
        assertFalse(chromeAtShow, "menus and outline should wait for the first frame");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".outline").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(firstFrame);
        Bounds now = WaitForAsyncUtils.asyncFx(this::stepBounds).get(10, TimeUnit.SECONDS);
        assertEquals(firstFrame.getMinX(), now.getMinX(), 6, "the step moved sideways when the sidebar arrived");
        assertEquals(firstFrame.getMinY(), now.getMinY(), 6, "the step moved down when the menus arrived");
        assertNotNull(robot.lookup(".menu-bar").tryQuery().orElse(null));
        robot.clickOn(".current-formula");
        robot.type(KeyCode.RIGHT);
        assertEquals(1, ctx.derivations().currentIndexProperty().get());
        List<Integer> marked = robot.lookup(".outline .list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .filter(c -> c.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("current")))
                .map(javafx.scene.control.ListCell::getIndex).toList();
        assertEquals(List.of(1), marked, "exactly the current step's row is marked");
    }
}
