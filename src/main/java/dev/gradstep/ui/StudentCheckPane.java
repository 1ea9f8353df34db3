package dev.gradstep.ui;

import java.io.File;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * "Check my derivation": LaTeX on the left (paste or open), the lines typeset on the right with a
 * mark each; the first wrong line is highlighted with its counterexample, hint and correction.
 */
public final class StudentCheckPane extends BorderPane {

    private final StudentCheckViewModel vm;
    private final FormulaRenderer renderer;
    private final VBox linesBox = new VBox(6);
    private final TextArea editor = new TextArea();
    private final ScrollPane scroll = new ScrollPane();

    public StudentCheckPane(StudentCheckViewModel vm, FormulaRenderer renderer) {
        this.vm = vm;
        this.renderer = renderer;
        getStyleClass().add("student-check-pane");

        Button open = new Button("_Open .tex\u2026");
        open.setTooltip(new Tooltip("Read a LaTeX file with your derivation"));
        open.setOnAction(e -> openFile());
        Button check = new Button("Check my d_erivation");
        check.getStyleClass().add("accent");
        check.setTooltip(new Tooltip("Check every '=' of the display math (Ctrl+Enter)"));
        check.setOnAction(e -> vm.check());
        check.setId("student-check");
        TextField notation = new TextField();
        notation.setPromptText("notation, e.g. logits=z probs=\\hat{y} labels=y loss=L classes=K (blank: from the file or guessed)");
        notation.setTooltip(new Tooltip("Overrides the file's '% notation:' line"));
        notation.textProperty().bindBidirectional(vm.notationProperty());
        HBox.setHgrow(notation, Priority.ALWAYS);
        // the notation field gives way in a narrow window; the buttons keep their whole labels
        open.setMinWidth(Region.USE_PREF_SIZE);
        check.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, open, check, notation);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("student-bar");

        editor.setPromptText("Paste your LaTeX here (align, equation, \\[ \\] or $$ $$ blocks; each '=' is one step). "
                + "A first line such as  % notation: logits=z probs=s labels=y loss=L classes=K  names your symbols.");
        editor.textProperty().bindBidirectional(vm.textProperty());
        editor.getStyleClass().add("student-editor");
        editor.setTooltip(new Tooltip("Your derivation in LaTeX; Ctrl+Enter checks it"));
        editor.setId("student-editor");
        editor.caretPositionProperty().addListener((o, a, b) -> vm.caretProperty().set(b.intValue()));
        vm.caretProperty().addListener((o, a, b) -> {
            if (editor.getCaretPosition() != b.intValue()) {
                editor.positionCaret(b.intValue());
            }
        });
        // a file opened here is followed: saved from another editor, it is loaded and checked again
        javafx.animation.Timeline follow = new javafx.animation.Timeline(
                new javafx.animation.KeyFrame(javafx.util.Duration.seconds(1), e -> vm.reloadIfChanged()));
        follow.setCycleCount(javafx.animation.Animation.INDEFINITE);
        vm.watchedProperty().addListener((o, a, b) -> {
            if (b != null) {
                follow.play();
            }
        });
        editor.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                vm.check();
                e.consume();
            }
        });

        Label summary = new Label();
        summary.textProperty().bind(vm.summaryProperty());
        summary.setWrapText(true);
        summary.getStyleClass().add("student-summary");
        summary.setId("student-summary");
        Label notationLine = new Label();
        notationLine.textProperty().bind(vm.notationSummaryProperty());
        notationLine.getStyleClass().add("muted");
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        message.getStyleClass().add("warning-note");
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        linesBox.getStyleClass().add("student-lines");
        VBox right = new VBox(8, summary, notationLine, message, linesBox);
        right.getStyleClass().add("student-results");
        scroll.setContent(right);
        scroll.setFitToWidth(true);

        SplitPane split = new SplitPane(editor, scroll);
        split.setDividerPositions(0.4);
        setTop(bar);
        setCenter(split);
        vm.lines().addListener((ListChangeListener<StudentCheckViewModel.LineItem>) c -> showLines());
    }

    private void openFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open your derivation");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("LaTeX", "*.tex"));
        File f = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            vm.open(f.toPath());
        }
    }

    private void showLines() {
        // the lines are rebuilt on every check (a reload from disk too): keep the reader's place
        double place = scroll.getVvalue();
        javafx.application.Platform.runLater(() -> scroll.setVvalue(place));
        linesBox.getChildren().clear();
        for (StudentCheckViewModel.LineItem item : vm.lines()) {
            Label mark = new Label(item.mark().symbol());
            mark.getStyleClass().addAll("student-mark", item.mark().styleClass());
            mark.setTooltip(new Tooltip(item.mark().words()));
            mark.setMinWidth(Region.USE_PREF_SIZE);
            Label line = new Label("line " + item.line());
            line.getStyleClass().add("muted");
            line.setMinWidth(Region.USE_PREF_SIZE);
            VBox body = new VBox(4);
            if (item.tex().isEmpty()) {
                Label raw = new Label(item.source());
                raw.getStyleClass().add("student-raw");
                raw.setWrapText(true);
                body.getChildren().add(raw);
            } else {
                FormulaView f = new FormulaView(renderer);
                f.getStyleClass().add("student-formula");
                f.setTex(item.tex());
                body.getChildren().add(f);
            }
            addNote(body, item.reason() == null ? null : "Stated reason: " + item.reason(), "muted");
            addNote(body, item.error(), "student-error");
            addNote(body, item.counterexample() == null ? null : "Counterexample: " + item.counterexample(), "student-counterexample");
            addNote(body, item.hint() == null ? null : "Hint: " + item.hint(), "hint");
            if (item.correction() != null) {
                Label label = new Label(item.correctionLabel());
                label.getStyleClass().add("muted");
                FormulaView fix = new FormulaView(renderer);
                fix.getStyleClass().add("student-correction");
                fix.setTex(item.correction());
                body.getChildren().addAll(label, fix);
            }
            HBox row = new HBox(10, mark, line, body);
            HBox.setHgrow(body, Priority.ALWAYS);
            row.setAlignment(Pos.TOP_LEFT);
            row.getStyleClass().addAll("student-line", item.mark().styleClass());
            if (item.firstWrong()) {
                row.getStyleClass().add("first-wrong");
            }
            linesBox.getChildren().add(row);
        }
    }

    private static void addNote(VBox body, String text, String style) {
        if (text != null && !text.isEmpty()) {
            Label l = new Label(text);
            l.setWrapText(true);
            l.getStyleClass().add(style);
            body.getChildren().add(l);
        }
    }

    /** The editor, for pasting and tests. */
    public TextArea editor() {
        return editor;
    }
}
