package dev.gradstep.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
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

/** The real window, headless: paste a derivation into "Check my derivation" and see the wrong line marked. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 40, unit = TimeUnit.SECONDS)
class StudentCheckFxTest {

    private WindowFixture fixture;
    private AppContext ctx;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        fixture = WindowFixture.open(stage, 1280, 900);
        ctx = fixture.ctx;
        window = fixture.window;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void paste_derivationWithWrongLine_marksThatLine(FxRobot robot) throws Exception {
        String tex = Files.readString(Path.of("src", "test", "resources", "student", "homework.tex"));
        robot.interact(() -> robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().select(3));
        robot.clickOn("#student-editor");
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(tex);
            Clipboard.getSystemClipboard().setContent(content);
        });
        robot.press(KeyCode.CONTROL).press(KeyCode.V).release(KeyCode.V).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        if (!robot.lookup("#student-editor").queryTextInputControl().getText().contains("Homework 3")) {
            // some headless platforms have no clipboard: put the text in as a paste would
            robot.interact(() -> robot.lookup("#student-editor").queryTextInputControl().setText(tex));
        }
        robot.clickOn("#student-check");
        try {
            WaitForAsyncUtils.waitFor(25, TimeUnit.SECONDS,
                    () -> !robot.lookup(".first-wrong").queryAll().isEmpty()
                            && !ctx.studentCheck().busyProperty().get());
        } catch (java.util.concurrent.TimeoutException e) {
            shoot(robot, Path.of("target", "screenshots", "student-check-timeout.png"));
            throw new AssertionError("no wrong line marked; summary: " + ctx.studentCheck().summaryProperty().get()
                    + ", lines: " + ctx.studentCheck().lines().size() + ", busy: " + ctx.studentCheck().busyProperty().get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        shoot(robot, Path.of("target", "screenshots", "student-check.png"));
        Node wrong = robot.lookup(".first-wrong").query();
        List<String> labels = ((HBox) wrong).getChildren().stream().filter(n -> n instanceof Label)
                .map(n -> ((Label) n).getText()).toList();
        assertEquals(List.of("\u2717", "line 13"), labels);
        assertEquals(1, robot.lookup(".first-wrong").queryAll().size());
        assertEquals(8, robot.lookup(".student-line.mark-holds").queryAll().size());
        assertTrue(robot.lookup("#student-summary").queryLabeled().getText().contains("first wrong line is line 13"));
    }

    private void shoot(FxRobot robot, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        BufferedImage[] image = new BufferedImage[1];
        robot.interact(() -> image[0] = javafx.embed.swing.SwingFXUtils.fromFXImage(
                window.scene().getRoot().snapshot(null, null), null));
        ImageIO.write(image[0], "png", file.toFile());
    }
}
