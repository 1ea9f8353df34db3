package dev.gradstep.ui;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** The "your next step" box under the current step: type one line, see at once whether it follows. */
public final class NextStepBox extends VBox {

    public NextStepBox(NextStepViewModel vm) {
        super(6);
        getStyleClass().addAll("next-step-box", "section");
        Label title = new Label("Your next step");
        title.getStyleClass().add("section-title");
        TextField input = new TextField();
        input.setId("next-step-input");
        input.setPromptText("Type the next line in LaTeX, e.g. = s_j - y_j");
        input.setTooltip(new Tooltip("Checked against the current step as you type"));
        input.textProperty().bindBidirectional(vm.typedProperty());
        Label verdict = new Label();
        verdict.setId("next-step-verdict");
        verdict.setWrapText(true);
        verdict.textProperty().bind(vm.verdictProperty());
        vm.stateProperty().addListener((o, a, b) -> {
            verdict.getStyleClass().removeIf(c -> c.startsWith("next-"));
            verdict.getStyleClass().add("next-" + b.name().toLowerCase(java.util.Locale.ROOT));
        });
        Label detail = new Label();
        detail.setWrapText(true);
        detail.getStyleClass().add("muted");
        detail.textProperty().bind(vm.detailProperty());
        detail.visibleProperty().bind(vm.detailProperty().isNotEmpty());
        detail.managedProperty().bind(detail.visibleProperty());
        getChildren().addAll(title, input, verdict, detail);
        visibleProperty().bind(vm.availableProperty());
        managedProperty().bind(visibleProperty());
    }
}
