package dev.gradstep.ui;

import dev.gradstep.check.DerivationReport;
import dev.gradstep.check.Outcome;
import dev.gradstep.check.StepVerdict;
import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A "spot the mistake" exercise: the student picks the line they think is wrong; then the
 * checker's verdict on that line, the deliberately wrong line, its correction and the explanation
 * are shown. The check runs in the background as soon as the exercise is set, so the answer is
 * usually ready when the student chooses.
 */
public final class ExerciseViewModel {

    /** How the student's choice turned out. */
    public enum Result { NOT_ANSWERED, FOUND, MISSED }

    /** One line the student may pick. */
    public record Choice(int number, String tex) {
    }

    private final Executor background;
    private final Executor ui;
    private final DerivationViewModel.CheckService checks;

    private final ObservableList<Choice> choices = FXCollections.observableArrayList();
    /** One read-only view, kept: a fresh wrapper per call would drop its listeners when collected. */
    private final ObservableList<Choice> readOnlyChoices = FXCollections.unmodifiableObservableList(choices);
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper(this, "prompt", "");
    private final ReadOnlyIntegerWrapper chosen = new ReadOnlyIntegerWrapper(this, "chosen", -1);
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>(this, "result", Result.NOT_ANSWERED);
    private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper(this, "feedback", "");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private final ReadOnlyStringWrapper wrongTex = new ReadOnlyStringWrapper(this, "wrongTex", "");
    private final ReadOnlyStringWrapper correctTex = new ReadOnlyStringWrapper(this, "correctTex", "");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final ReadOnlyIntegerWrapper attempts = new ReadOnlyIntegerWrapper(this, "attempts");

    private Derivation exercise;
    private DerivationReport report;
    private volatile int generation;

    public ExerciseViewModel(Executor background, Executor ui, DerivationViewModel.CheckService checks) {
        this.background = background;
        this.ui = ui;
        this.checks = checks;
    }

    /** Shows this derivation as an exercise when it is one; otherwise the view model is inactive. */
    public void setDerivation(Derivation d) {
        generation++;
        report = null;
        exercise = d != null && d.isExercise() ? d : null;
        active.set(exercise != null);
        attempts.set(0);
        clearAnswer();
        if (exercise == null) {
            choices.clear();
            title.set("");
            prompt.set("");
            return;
        }
        List<Choice> lines = new ArrayList<>();
        for (Step s : exercise.steps()) {
            lines.add(new Choice(s.number(), s.tex()));
        }
        choices.setAll(lines);
        title.set(PlainText.of(exercise.title()));
        prompt.set("One line of this derivation is wrong. Click the line you think it is.");
        int gen = generation;
        Derivation d0 = exercise;
        background.execute(() -> {
            try {
                DerivationReport r = checks.check(d0, v -> { }, () -> gen != generation);
                ui.execute(() -> accept(gen, r));
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    if (gen == generation && chosen.get() > 0) {
                        verdict.set("The checker is not available: " + e.getMessage());
                    }
                });
            }
        });
    }

    /** The student's pick: the number of the line they think is wrong. */
    public void choose(int stepNumber) {
        if (exercise == null || stepNumber < 1 || stepNumber > exercise.steps().size()) {
            return;
        }
        chosen.set(stepNumber);
        attempts.set(attempts.get() + 1);
        Step wrong = markedStep();
        boolean found = wrong.number() == stepNumber;
        result.set(found ? Result.FOUND : Result.MISSED);
        feedback.set(found ? "Right: line " + stepNumber + " is the wrong one."
                : "Not this one: line " + stepNumber + " is correct. The wrong line is line " + wrong.number() + ".");
        wrongTex.set(wrong.tex());
        correctTex.set(wrong.mistake().correctTex());
        explanation.set(PlainText.of(wrong.mistake().explanation()));
        showVerdict();
    }

    /** Hides the answer so the student can try again (another attempt is counted). */
    public void tryAgain() {
        clearAnswer();
    }

    private void clearAnswer() {
        chosen.set(-1);
        result.set(Result.NOT_ANSWERED);
        feedback.set("");
        verdict.set("");
        wrongTex.set("");
        correctTex.set("");
        explanation.set("");
    }

    private Step markedStep() {
        return exercise.steps().stream().filter(Step::markedWrong).findFirst().orElseThrow();
    }

    private void accept(int gen, DerivationReport r) {
        if (gen != generation) {
            return;
        }
        report = r;
        if (chosen.get() > 0) {
            showVerdict();
        }
    }

    private void showVerdict() {
        if (report == null) {
            verdict.set("The checker is still working on this line\u2026");
            return;
        }
        int n = chosen.get();
        Optional<StepVerdict> v = report.verdicts().stream().filter(x -> x.step() == n).findFirst();
        StringBuilder sb = new StringBuilder("Checker, line " + n + ": ");
        sb.append(v.map(ExerciseViewModel::words).orElse("no verdict"));
        Step wrong = markedStep();
        if (n != wrong.number()) {
            report.verdicts().stream().filter(x -> x.step() == wrong.number()).findFirst()
                    .ifPresent(w -> sb.append("\nChecker, line ").append(wrong.number()).append(": ").append(words(w)));
        }
        report.correction(wrong.number()).ifPresent(c -> sb.append("\nChecker, the corrected line: ").append(words(c)));
        verdict.set(sb.toString());
    }

    private static String words(StepVerdict v) {
        if (v.outcome() == Outcome.VERIFIED) {
            return "holds (" + (v.basisName().equals("numeric") ? "checked numerically for K = 2..5 and every index case"
                    : "checked numerically and proved by Symja") + ").";
        }
        if (v.outcome() == Outcome.FAILED) {
            return "wrong. " + (v.counterexample() != null ? "Counterexample: " + v.counterexample().describe() : v.detail());
        }
        return "undecided (" + v.detail() + ").";
    }

    public ObservableList<Choice> choices() {
        return readOnlyChoices;
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty wrongTexProperty() {
        return wrongTex.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty correctTexProperty() {
        return correctTex.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty attemptsProperty() {
        return attempts.getReadOnlyProperty();
    }
}
