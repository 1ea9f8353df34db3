package dev.gradstep.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The exercise tab in the real window (headless): pick a line, read the answer. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExercisePaneFxTest {

    private WindowFixture fixture;
    private AppContext ctx;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        fixture = WindowFixture.open(stage, 1100, 800);
        ctx = fixture.ctx;
        window = fixture.window;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    /** The line buttons of this test's window, looked up on the FX thread. */
    private List<Node> lines() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> List.copyOf(window.scene().getRoot().lookupAll(".exercise-line"))).get();
    }

    @Test
    void start_opensTheFlagshipAndListsExercisesLast() {
        assertEquals(AppContext.FLAGSHIP_ID, ctx.derivations().derivationProperty().get().id());
        List<Boolean> exercise = ctx.derivations().derivations().stream().map(d -> d.isExercise()).toList();
        assertEquals(exercise.stream().sorted().toList(), exercise, "routes first, exercises after them");
    }

    @Test
    void pickLine_exerciseTab_showsVerdictAndExplanation(FxRobot robot) throws Exception {
        robot.interact(() -> ctx.derivations().selectById("exercise-sign-slip"));
        // the tab's content joins the scene graph on a later pulse
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lines().size() == 5);
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertEquals("Exercise", tabs.getSelectionModel().getSelectedItem().getText());
        ListView<?> outline = robot.lookup(".list-view").queryAllAs(ListView.class).stream()
                .filter(l -> l.getItems() == ctx.derivations().outline() || l.getItems().equals(ctx.derivations().outline()))
                .findFirst().orElseThrow();
        assertFalse(outline.isVisible(), "the badges would give the answer away");
        Node stepBadge = robot.lookup(".step-header .badge").query();
        assertFalse(stepBadge.isVisible(), "nor may the step tab's badge");
        List<Node> lines = lines();
        assertEquals(5, lines.size());

        robot.clickOn(lines.get(3));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ctx.exercises().verdictProperty().get().contains("corrected"));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(ExerciseViewModel.Result.FOUND, ctx.exercises().resultProperty().get());
        assertTrue(lines.get(3).getStyleClass().contains("chosen"));
        assertTrue(outline.isVisible());
        assertTrue(stepBadge.isVisible());
        assertTrue(robot.lookup(ctx.exercises().explanationProperty().get()).tryQuery().isPresent(), "explanation shown");
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        BufferedImage[] image = new BufferedImage[1];
        robot.interact(() -> image[0] = SwingFXUtils.fromFXImage(window.scene().getRoot().snapshot(null, null), null));
        ImageIO.write(image[0], "png", out.resolve("exercise.png").toFile());
    }
}
