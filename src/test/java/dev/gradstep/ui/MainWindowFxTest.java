package dev.gradstep.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless (Monocle): keyboard stepping, typing numbers, export, screenshots. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MainWindowFxTest {

    private AppContext ctx;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        ctx = AppContext.withoutCas(Settings.inMemory(), Platform::runLater);
        if (ctx.derivations().derivations().isEmpty()) {
            ctx.derivations().setLibrary(List.of(TestDerivations.steps(6)), List.of());
        }
        window = new MainWindow(ctx, stage);
        stage.setWidth(1024);
        stage.setHeight(768);
        window.show();
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitForAsyncFx(10_000, ctx::close);
    }

    @Test
    void keyboard_stepsThroughTheDerivation(FxRobot robot) {
        int total = ctx.derivations().outline().size();
        robot.clickOn(".current-formula");
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, ctx.derivations().currentIndexProperty().get());
        robot.type(KeyCode.BACK_SPACE);
        assertEquals(1, ctx.derivations().currentIndexProperty().get());
        robot.type(KeyCode.END);
        assertEquals(total - 1, ctx.derivations().currentIndexProperty().get());
        robot.type(KeyCode.RIGHT);
        assertEquals(total - 1, ctx.derivations().currentIndexProperty().get());
        robot.type(KeyCode.HOME);
        assertEquals(0, ctx.derivations().currentIndexProperty().get());
        for (int i = 1; i < total; i++) {
            robot.type(KeyCode.DOWN);
            assertEquals(i, ctx.derivations().currentIndexProperty().get());
            assertTrue(window.currentFormula().problemProperty().get().isEmpty(),
                    window.currentFormula().problemProperty().get());
        }
    }

    @Test
    void revealMode_keyRevealsNextStep(FxRobot robot) {
        robot.interact(() -> ctx.derivations().setRevealMode(true));
        robot.clickOn(".current-formula");
        robot.type(KeyCode.RIGHT);
        assertEquals(0, ctx.derivations().currentIndexProperty().get());
        robot.type(KeyCode.R);
        assertEquals(1, ctx.derivations().currentIndexProperty().get());
    }

    @Test
    void numbers_badThenGoodLogits(FxRobot robot) {
        robot.interact(() -> robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().select(2));
        NumbersPane pane = robot.lookup(".numbers-pane").queryAs(NumbersPane.class);
        robot.clickOn(pane.logits);
        robot.interact(() -> pane.logits.clear());
        robot.write("1, 2x, 3");
        WaitForAsyncUtils.waitForFxEvents();
        try {
            waitUntil(() -> pane.logitsMessage.getText().contains("'2x'"));
        } catch (AssertionError e) {
            throw new AssertionError("text [" + pane.logits.getText() + "] message [" + pane.logitsMessage.getText() + "]", e);
        }
        assertTrue(pane.logits.getPseudoClassStates().contains(PseudoClass.getPseudoClass("invalid")));
        assertEquals("1, 2x, 3", pane.logits.getText());
        robot.interact(() -> pane.logits.setText("1, 2, 3"));
        waitUntil(() -> !pane.logits.getPseudoClassStates().contains(PseudoClass.getPseudoClass("invalid")));
        assertEquals("", pane.logitsMessage.getText());
        waitUntil(() -> pane.table.getItems().size() == 3);
    }

    @Test
    void export_formulaToTempFolder_andOverwriteNeedsYes(FxRobot robot, @TempDir Path dir) throws Exception {
        Path target = dir.resolve("step.svg");
        boolean[] written = new boolean[1];
        robot.interact(() -> written[0] = window.exportTo(ExportViewModel.Format.SVG, target, List.of()));
        assertTrue(written[0], ctx.export().statusProperty().get());
        assertTrue(Files.readString(target).contains("<svg"));
        robot.interact(() -> {
            window.setConfirmOverwrite(p -> false);
            written[0] = window.exportTo(ExportViewModel.Format.PNG, dir.resolve("step.png"), List.of());
        });
        assertTrue(Files.size(dir.resolve("step.png")) > 100);
        robot.interact(() -> written[0] = window.exportTo(ExportViewModel.Format.PNG, dir.resolve("step.png"), List.of()));
        assertFalse(written[0]);
    }

    @Test
    void screenshots_lightAndDark_areWritten(FxRobot robot) throws Exception {
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        int quotient = Math.min(2, ctx.derivations().outline().size() - 1);
        for (Theme t : Theme.values()) {
            String name = t.name().toLowerCase();
            robot.interact(() -> window.setTheme(t));
            robot.interact(() -> ctx.derivations().goTo(quotient));
            shoot(robot, out.resolve("main-" + name + ".png"));
            robot.interact(() -> robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().select(1));
            shoot(robot, out.resolve("concrete-" + name + ".png"));
            robot.interact(() -> robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().select(2));
            shoot(robot, out.resolve("numbers-" + name + ".png"));
            robot.interact(() -> robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().select(0));
        }
        robot.interact(() -> {
            window.scene().getWindow().setWidth(1600);
            window.scene().getWindow().setHeight(1000);
            ctx.derivations().goTo(Math.min(11, ctx.derivations().outline().size() - 1));
        });
        shoot(robot, out.resolve("main-large-dark.png"));
    }

    private void shoot(FxRobot robot, Path file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage[] image = new BufferedImage[1];
        robot.interact(() -> {
            WritableImage snap = window.scene().getRoot().snapshot(null, null);
            image[0] = SwingFXUtils.fromFXImage(snap, null);
        });
        ImageIO.write(image[0], "png", file.toFile());
        assertTrue(Files.size(file) > 5000, "tiny screenshot " + file);
        assertTrue(distinctColours(image[0]) > 50, "screenshot is nearly one colour: " + file);
    }

    private static int distinctColours(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                colours.add(img.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not reached in 10 s", e);
        }
    }
}
