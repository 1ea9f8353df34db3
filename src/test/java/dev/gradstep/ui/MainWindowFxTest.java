package dev.gradstep.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import javafx.scene.chart.XYChart;
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

    private static final String MY_OWN = """
            id: my-own
            title: My own derivation
            summary: Two lines of my homework.
            notation: {logits: z, probs: s, labels: y, loss: L, classes: K}
            steps:
              - tex: 's_i = \\frac{e^{z_i}}{\\sum_{k=1}^{K} e^{z_k}}'
                rule: definition
                why: The softmax.
              - tex: 'L = -\\sum_{i=1}^{K} y_i \\log s_i'
                rule: definition
                why: Cross-entropy.
            """;

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
            // Through the scene's key handling like a real key, without the robot's per-key settling waits.
            robot.interact(() -> javafx.event.Event.fireEvent(window.scene().getFocusOwner(), key(KeyCode.DOWN)));
            assertEquals(i, ctx.derivations().currentIndexProperty().get());
            assertTrue(window.currentFormula().problemProperty().get().isEmpty(),
                    window.currentFormula().problemProperty().get());
        }
    }

    @Test
    void outline_clickOnARow_goesToThatStep(FxRobot robot) {
        javafx.scene.Node row = robot.lookup(".outline .list-cell").match(
                (javafx.scene.control.ListCell<?> c) -> c.getIndex() == 3).query();
        robot.clickOn(row);
        assertEquals(3, ctx.derivations().currentIndexProperty().get());
        assertTrue(ctx.derivations().currentProperty().get().number() == 4);
        robot.interact(() -> ctx.derivations().next());
        robot.clickOn(row);
        assertEquals(3, ctx.derivations().currentIndexProperty().get(), "a second click on the same row goes back to it");
        assertTrue(row.getPseudoClassStates().contains(PseudoClass.getPseudoClass("current")));
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
    void numbers_badToken_isUnderlinedUnderItsCharactersOnly(FxRobot robot) {
        NumbersPane pane = numbersPane(robot);
        robot.clickOn(pane.logits);
        robot.interact(() -> pane.logits.clear());
        robot.write("1, 2, x, 4");
        waitUntil(() -> pane.logitsMessage.getText().contains("'x'") && pane.logits.underline().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("1, 2, x, 4", pane.logits.getText());
        assertFalse(pane.logits.getPseudoClassStates().contains(PseudoClass.getPseudoClass("invalid")),
                "the token is marked, not the whole field");
        double[] at = new double[6];
        robot.interact(() -> {
            // Where "x" is drawn, measured independently of the skin: the text before it in the field's font.
            javafx.scene.text.Text before = new javafx.scene.text.Text("1, 2, ");
            before.setFont(pane.logits.getFont());
            javafx.scene.text.Text token = new javafx.scene.text.Text("x");
            token.setFont(pane.logits.getFont());
            at[0] = pane.logits.snappedLeftInset() + before.getLayoutBounds().getWidth();
            at[1] = at[0] + token.getLayoutBounds().getWidth();
            javafx.geometry.Bounds line = pane.logits.underline().getBoundsInParent();
            at[2] = line.getMinX() - pane.logits.getLayoutX();
            at[3] = line.getMaxX() - pane.logits.getLayoutX();
            at[4] = line.getMinY() - pane.logits.getLayoutY();
            at[5] = pane.logits.getHeight();
        });
        String where = String.format(java.util.Locale.ROOT, "token x %.1f..%.1f, underline %.1f..%.1f", at[0], at[1],
                at[2], at[3]);
        assertTrue(at[2] < at[1] && at[3] > at[0], "underline overlaps the token: " + where);
        assertTrue(Math.abs(at[2] - at[0]) < 1.5 && Math.abs(at[3] - at[1]) < 1.5, "and only the token: " + where);
        assertTrue(at[4] > at[5] / 2 && at[4] < at[5], "below the text, inside the field: y " + at[4] + " of " + at[5]);
        robot.interact(() -> pane.logits.setText("1, 2, 3"));
        waitUntil(() -> !pane.logits.underline().isVisible() && pane.logitsMessage.getText().isEmpty());
        waitUntil(() -> pane.table.getItems().size() == 3);
    }

    @Test
    void numbers_secondResultSameK_updatesTheSameBarsInPlace(FxRobot robot) {
        NumbersPane pane = numbersPane(robot);
        robot.interact(() -> {
            ctx.numbers().labelsTextProperty().set("0");
            ctx.numbers().logitsTextProperty().set("2, 1, 0.1");
        });
        waitUntil(() -> !ctx.numbers().busyProperty().get() && pane.probabilities.getData().get(0).getData().size() == 3);
        XYChart.Series<String, Number> softmax = pane.probabilities.getData().get(0);
        XYChart.Series<String, Number> analytic = pane.gradient.getData().get(0);
        List<XYChart.Data<String, Number>> bars = List.copyOf(softmax.getData());
        List<XYChart.Data<String, Number>> gradientBars = List.copyOf(analytic.getData());
        double before = bars.get(0).getYValue().doubleValue();

        robot.interact(() -> ctx.numbers().logitsTextProperty().set("-1, 0.5, 3"));
        waitUntil(() -> !ctx.numbers().busyProperty().get() && ctx.numbers().rows().get(2).logit() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(softmax, pane.probabilities.getData().get(0));
        assertSame(analytic, pane.gradient.getData().get(0));
        for (int i = 0; i < 3; i++) {
            assertSame(bars.get(i), softmax.getData().get(i), "bar " + i);
            assertSame(gradientBars.get(i), analytic.getData().get(i), "gradient bar " + i);
            assertEquals(ctx.numbers().rows().get(i).probability(), softmax.getData().get(i).getYValue().doubleValue());
            assertEquals(ctx.numbers().rows().get(i).gradient(), analytic.getData().get(i).getYValue().doubleValue());
        }
        assertNotEquals(before, bars.get(0).getYValue().doubleValue());

        robot.interact(() -> ctx.numbers().logitsTextProperty().set("-1, 0.5, 3, 2"));
        waitUntil(() -> !ctx.numbers().busyProperty().get() && softmax.getData().size() == 4);
        assertSame(bars.get(2), softmax.getData().get(2), "a fourth class adds a bar and keeps the others");
        assertEquals("3", softmax.getData().get(3).getXValue());
    }

    private static NumbersPane numbersPane(FxRobot robot) {
        robot.interact(() -> robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().select(2));
        return robot.lookup(".numbers-pane").queryAs(NumbersPane.class);
    }

    @Test
    void export_highlightedImage_coloursTheChangedPartOnlyWhenAsked(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> ctx.derivations().goTo(2));
        String display = ctx.derivations().currentProperty().get().displayTex();
        assertTrue(display.contains(FormulaRenderer.HIGHLIGHT), "step 3 has a change to highlight: " + display);
        robot.interact(() -> {
            window.exportTo(ExportViewModel.Format.SVG, dir.resolve("plain.svg"), List.of());
            window.exportTo(ExportViewModel.Format.SVG, dir.resolve("marked.svg"), List.of(), true);
        });
        String red = "rgb(192,57,43)";
        assertFalse(Files.readString(dir.resolve("plain.svg")).contains(red));
        assertTrue(Files.readString(dir.resolve("marked.svg")).contains(red), Files.readString(dir.resolve("marked.svg")));
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
        robot.interact(() -> {
            written[0] = window.exportTo(ExportViewModel.Format.LATEX_DOCUMENT, dir.resolve("all.tex"), List.of())
                    && window.exportTo(ExportViewModel.Format.MARKDOWN, dir.resolve("some"), List.of(2, 3));
        });
        assertTrue(written[0], ctx.export().statusProperty().get());
        String tex = Files.readString(dir.resolve("all.tex"));
        assertTrue(tex.startsWith("\\documentclass") && tex.contains("\\end{document}"), tex);
        int total = ctx.derivations().outline().size();
        assertTrue(tex.contains("\\textbf{" + total + ". "), "last step missing: " + tex);
        String md = Files.readString(dir.resolve("some.md"));
        assertTrue(md.contains("**2. ") && md.contains("**3. ") && !md.contains("**4. "), md);
        robot.interact(() -> {
            window.setConfirmOverwrite(p -> true);
            written[0] = window.exportTo(ExportViewModel.Format.MARKDOWN, dir.resolve("some.md"), List.of(4));
        });
        assertTrue(written[0]);
        assertTrue(Files.readString(dir.resolve("some.md")).contains("**4. "));
        try (var files = Files.list(dir)) {
            assertEquals(Set.of("step.svg", "step.png", "all.tex", "some.md"),
                    files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()),
                    "an atomic write leaves no temporary file behind");
        }
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

    /** Pasted text goes through replaceText, like Ctrl+V; tabs and line breaks must stay separators. */
    @Test
    void numbers_spreadsheetAndNumpyPastes_areRead(FxRobot robot) {
        robot.interact(() -> selectTab(robot, 2));
        NumbersPane pane = robot.lookup(".numbers-pane").queryAs(NumbersPane.class);
        String[][] cases = {
                {"2\t1\t0.1", "3"},
                {"2\n1\n0.1\n-3\n", "4"},
                {"array([2., 1., 0.1])", "3"},
                {"[[ 2.   1.   0.1  5.\n   7. ]]", "5"},
        };
        for (String[] c : cases) {
            robot.interact(() -> pane.logits.replaceText(0, pane.logits.getLength(), c[0]));
            waitUntil(() -> ctx.numbers().resultProperty().get() != null && !ctx.numbers().busyProperty().get()
                    && ctx.numbers().logitsErrorProperty().get() == null
                    && ctx.numbers().resultProperty().get().classes() == Integer.parseInt(c[1]));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(Integer.parseInt(c[1]), pane.table.getItems().size(), c[0]);
        }
    }

    @Test
    void numbers_hugePaste_isSummarisedAndWindowKeepsWorking(FxRobot robot) throws Exception {
        robot.interact(() -> selectTab(robot, 2));
        NumbersPane pane = robot.lookup(".numbers-pane").queryAs(NumbersPane.class);
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            big.append(i % 7 - 3).append(".25 ");
        }
        robot.interact(() -> {
            pane.labels.setText("3");
            pane.logits.replaceText(0, pane.logits.getLength(), big.toString());
        });
        assertTrue(pane.logits.summarised());
        assertTrue(pane.logits.getLength() < 200, "the field holds " + pane.logits.getLength() + " characters");
        assertEquals(big.length(), ctx.numbers().logitsTextProperty().get().length());
        waitUntil(() -> ctx.numbers().resultProperty().get() != null
                && ctx.numbers().resultProperty().get().classes() == 100_000);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(NumbersViewModel.SHOWN_ROWS, pane.table.getItems().size());
        assertTrue(pane.moreRows.getText().contains("99980 more classes"), pane.moreRows.getText());
        assertFalse(robot.lookup(".heat-map").query().isVisible());
        shoot(robot, Path.of("target", "screenshots", "numbers-100k-light.png"));
        robot.interact(() -> pane.logits.replaceText(0, 1, "1 2"));
        assertFalse(pane.logits.summarised());
        assertEquals("1 2", ctx.numbers().logitsTextProperty().get());
    }

    @Test
    void openFile_outsideTheLibrary_isAddedAndShown(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, MY_OWN);
        int before = ctx.derivations().derivations().size();
        robot.interact(() -> ctx.derivations().open(file));
        waitUntil(() -> ctx.derivations().derivations().size() == before + 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", ctx.derivations().messageProperty().get());
        assertEquals("my-own", ctx.derivations().derivationProperty().get().id());
        assertEquals(2, robot.lookup(".outline").queryListView().getItems().size());
        assertEquals("My own derivation", robot.lookup(".combo-box").queryComboBox().getValue() instanceof
                dev.gradstep.derivation.Derivation d ? d.title() : null);
    }

    /** The real checker fills the badges while a progress bar runs; Escape stops a check. */
    @Test
    void checks_fillBadgesWithProgress_andEscapeCancels(FxRobot robot) {
        DerivationViewModel vm = ctx.derivations();
        waitUntil(() -> !vm.checkingProperty().get() && vm.progressProperty().get() == 1.0);
        assertTrue(vm.outline().stream().allMatch(i -> i.status() == StepStatus.VERIFIED_NUMERIC
                || i.status() == StepStatus.VERIFIED_SYMBOLIC), vm.outline().toString());
        robot.clickOn(".current-formula");
        boolean[] progressShown = new boolean[1];
        robot.interact(() -> {
            vm.startCheck();
            progressShown[0] = robot.lookup(".progress-bar").query().isVisible();
            javafx.event.Event.fireEvent(window.scene().getFocusOwner(), key(KeyCode.ESCAPE));
        });
        assertTrue(progressShown[0], "no progress bar while checking");
        assertFalse(vm.checkingProperty().get());
        assertEquals("Check cancelled.", vm.checkSummaryProperty().get());
        assertFalse(robot.lookup(".progress-bar").query().isVisible());
        assertTrue(vm.outline().stream().noneMatch(i -> i.status() == StepStatus.CHECKING));
    }

    @Test
    void settings_themeSizeAndDerivation_surviveARestart(FxRobot robot, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a-mine.yaml"), MY_OWN);
        Files.writeString(dir.resolve("b-flagship.yaml"), new String(getClass().getClassLoader()
                .getResourceAsStream("derivations/softmax-ce-quotient.yaml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8));
        AppOptions options = AppOptions.parse(List.of("--derivations", dir.toString()));
        Settings settings = Settings.inMemory();
        AppContext[] run = new AppContext[1];
        MainWindow[] windows = new MainWindow[1];
        Stage[] stage = new Stage[1];
        Runnable open = () -> {
            run[0] = AppContext.withoutCas(settings, Platform::runLater, options);
            stage[0] = new Stage();
            windows[0] = new MainWindow(run[0], stage[0]);
            windows[0].show();
        };
        robot.interact(() -> {
            open.run();
            windows[0].setTheme(Theme.DARK);
            run[0].derivations().selectById("softmax-ce-quotient");
            stage[0].setWidth(1111);
            stage[0].setHeight(777);
        });
        WaitForAsyncUtils.waitForFxEvents();
        double width = stage[0].getScene().getWidth();
        String id = run[0].derivations().derivationProperty().get().id();
        robot.interact(() -> stage[0].close());
        WaitForAsyncUtils.waitForAsyncFx(10_000, run[0]::close);
        robot.interact(open);
        assertEquals(Theme.DARK, windows[0].theme());
        assertEquals(width, stage[0].getScene().getWidth(), 1.0);
        assertEquals("softmax-ce-quotient", id);
        assertEquals(id, run[0].derivations().derivationProperty().get().id());
        robot.interact(() -> stage[0].close());
        WaitForAsyncUtils.waitForAsyncFx(10_000, run[0]::close);
    }

    /**
     * Every control a user can act on explains itself. Label-like controls and containers are
     * exempt; a control's own skin parts (a spinner's text field, a list's cells) count as the control.
     */
    @Test
    void tooltips_onEveryControl(FxRobot robot) {
        List<String> missing = new java.util.ArrayList<>();
        int tabCount = robot.lookup(".tab-pane").queryAs(TabPane.class).getTabs().size();
        for (int tab = 0; tab < tabCount; tab++) {
            int t = tab;
            robot.interact(() -> {
                selectTab(robot, t);
                ctx.derivations().setRevealMode(t == 0);
            });
            WaitForAsyncUtils.waitForFxEvents();
            walk(window.scene().getRoot(), missing);
        }
        robot.lookup(".tab-pane").queryAs(TabPane.class).getTabs().forEach(tb -> {
            if (tb.getTooltip() == null) {
                missing.add("tab " + tb.getText());
            }
        });
        assertEquals(List.of(), missing.stream().distinct().toList());
    }

    /**
     * At 1024x768 (also what a 2048x1536 screen at 2x scaling lays out) and at the window's least
     * size, no label, button, tab or list row is cut short with an ellipsis, in any tab, for any
     * derivation in the library.
     */
    @Test
    void labels_at1024x768AndLeastSize_showTheirWholeTextInEveryTabForEveryDerivation(FxRobot robot) {
        List<String> clipped = new java.util.ArrayList<>();
        int tabCount = robot.lookup(".tab-pane").queryAs(TabPane.class).getTabs().size();
        List<dev.gradstep.derivation.Derivation> all = List.copyOf(ctx.derivations().derivations());
        for (double[] size : new double[][] {{1024, 768}, {window.stage().getMinWidth(), window.stage().getMinHeight()}}) {
            robot.interact(() -> {
                window.stage().setWidth(size[0]);
                window.stage().setHeight(size[1]);
            });
            for (dev.gradstep.derivation.Derivation d : all) {
                for (int tab = 0; tab < tabCount; tab++) {
                    int t = tab;
                    robot.interact(() -> {
                        ctx.derivations().select(d);
                        selectTab(robot, t);
                    });
                    WaitForAsyncUtils.waitForFxEvents();
                    robot.interact(() -> {
                        window.scene().getRoot().applyCss();
                        window.scene().getRoot().layout();
                        clipped(window.scene().getRoot(), (int) size[0] + "x" + (int) size[1] + " " + d.id() + " tab " + t,
                                clipped);
                    });
                }
            }
        }
        assertEquals(List.of(), clipped.stream().distinct().toList());
    }

    private static void clipped(javafx.scene.Node node, String where, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            String shown = node.lookup(".text") instanceof javafx.scene.text.Text t ? t.getText() : null;
            String ellipsis = l.getEllipsisString();
            if (shown != null && !ellipsis.isEmpty() && shown.endsWith(ellipsis) && !l.getText().endsWith(ellipsis)) {
                out.add(where + ": " + l.getClass().getSimpleName() + " '" + l.getText() + "' shown as '" + shown + "'");
            }
        }
        if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(n -> clipped(n, where, out));
        }
    }

    /** Alt+letter must reach one control: the menus and every labelled control share the window's letters. */
    @Test
    void mnemonics_areUniqueInTheWindow(FxRobot robot) {
        robot.interact(() -> {
            for (int t = robot.lookup(".tab-pane").queryAs(TabPane.class).getTabs().size() - 1; t >= 0; t--) {
                selectTab(robot, t);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> letters = new java.util.ArrayList<>();
        robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus()
                .forEach(m -> letters.add(mnemonic(m.getText())));
        robot.lookup(n -> n instanceof javafx.scene.control.Labeled l && l.isMnemonicParsing()
                && l.getText() != null && l.getText().contains("_") && !inMenuBar(n)).queryAll()
                .forEach(n -> letters.add(mnemonic(((javafx.scene.control.Labeled) n).getText())));
        List<String> repeated = letters.stream().filter(l -> java.util.Collections.frequency(letters, l) > 1).toList();
        assertEquals(List.of(), repeated, "mnemonics " + letters);
    }

    private static boolean inMenuBar(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.MenuBar) {
                return true;
            }
        }
        return false;
    }

    private static String mnemonic(String text) {
        int i = text.indexOf('_');
        return text.substring(i + 1, i + 2).toLowerCase(java.util.Locale.ROOT);
    }

    private static void walk(javafx.scene.Node node, List<String> missing) {
        if (!node.isVisible() || node instanceof javafx.scene.control.MenuBar) {
            // Menus cannot carry tooltips; their items show their accelerators instead.
            return;
        }
        if (node instanceof javafx.scene.control.Control c && !exempt(c)) {
            if (c.getTooltip() == null) {
                missing.add(c.getClass().getSimpleName() + " " + c.getStyleClass()
                        + (c instanceof javafx.scene.control.Labeled l ? " '" + l.getText() + "'" : ""));
            }
            return;
        }
        if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(n -> walk(n, missing));
        }
    }

    private static boolean exempt(javafx.scene.control.Control c) {
        return c instanceof javafx.scene.control.Label || c instanceof javafx.scene.control.ScrollPane
                || c instanceof javafx.scene.control.SplitPane || c instanceof TabPane
                || c instanceof javafx.scene.control.ScrollBar
                || c instanceof javafx.scene.control.Separator;
    }

    private static javafx.scene.input.KeyEvent key(KeyCode code) {
        return new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", code, false, false,
                false, false);
    }

    private static void selectTab(FxRobot robot, int index) {
        robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().select(index);
    }

    private void shoot(FxRobot robot, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> !ctx.numbers().busyProperty().get() && !ctx.concrete().busyProperty().get());
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
