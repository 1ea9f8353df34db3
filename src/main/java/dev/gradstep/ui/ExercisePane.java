package dev.gradstep.ui;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The "spot the mistake" view: every line as a button; after a pick, the verdicts, the correction and why. */
public final class ExercisePane extends ScrollPane {

    private final ExerciseViewModel vm;
    private final FormulaRenderer renderer;
    private final VBox lines = new VBox(6);

    public ExercisePane(ExerciseViewModel vm, FormulaRenderer renderer) {
        this.vm = vm;
        this.renderer = renderer;
        Label title = label("section-title");
        title.textProperty().bind(vm.titleProperty());
        Label prompt = label("why");
        prompt.textProperty().bind(vm.promptProperty());
        Label inactive = label("muted");
        inactive.setText("This derivation is not an exercise. Choose one whose title starts with \"Spot the mistake\".");
        inactive.visibleProperty().bind(vm.activeProperty().not());
        inactive.managedProperty().bind(inactive.visibleProperty());

        Label feedback = label("step-title");
        feedback.textProperty().bind(vm.feedbackProperty());
        Label verdict = label("verdict");
        verdict.textProperty().bind(vm.verdictProperty());
        FormulaView wrong = new FormulaView(renderer);
        wrong.texProperty().bind(vm.wrongTexProperty());
        FormulaView correct = new FormulaView(renderer);
        correct.texProperty().bind(vm.correctTexProperty());
        Label explanation = label("why");
        explanation.textProperty().bind(vm.explanationProperty());
        Button again = new Button("_Try another line");
        again.setTooltip(new Tooltip("Hide the answer and pick again"));
        again.setOnAction(e -> vm.tryAgain());
        VBox answer = new VBox(8, feedback, verdict, label("muted", "The wrong line:"), wrong,
                label("muted", "Correct:"), correct, explanation, again);
        answer.getStyleClass().add("section");
        answer.visibleProperty().bind(vm.chosenProperty().greaterThan(0));
        answer.managedProperty().bind(answer.visibleProperty());

        vm.choices().addListener((ListChangeListener<ExerciseViewModel.Choice>) c -> showLines());
        vm.chosenProperty().addListener((o, a, b) -> markChosen());
        showLines();
        VBox content = new VBox(10, title, prompt, inactive, lines, answer);
        content.getStyleClass().add("step-pane");
        setContent(content);
        setFitToWidth(true);
        getStyleClass().add("exercise-pane");
    }

    private static Label label(String style) {
        Label l = new Label();
        l.setWrapText(true);
        l.getStyleClass().add(style);
        return l;
    }

    private static Label label(String style, String text) {
        Label l = label(style);
        l.setText(text);
        return l;
    }

    private void showLines() {
        lines.getChildren().clear();
        for (ExerciseViewModel.Choice c : vm.choices()) {
            FormulaView f = new FormulaView(renderer);
            f.setTex(c.tex());
            Label n = new Label(c.number() + ".");
            n.setMinWidth(28);
            HBox row = new HBox(10, n, f);
            row.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(f, Priority.ALWAYS);
            Button b = new Button();
            b.setGraphic(row);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setTooltip(new Tooltip("I think line " + c.number() + " is wrong"));
            b.setUserData(c.number());
            b.getStyleClass().add("exercise-line");
            b.setOnAction(e -> vm.choose(c.number()));
            lines.getChildren().add(b);
        }
        markChosen();
    }

    private void markChosen() {
        for (var node : lines.getChildren()) {
            node.getStyleClass().remove("chosen");
            if (node.getUserData() instanceof Integer n && n == vm.chosenProperty().get()) {
                node.getStyleClass().add("chosen");
            }
        }
    }
}
