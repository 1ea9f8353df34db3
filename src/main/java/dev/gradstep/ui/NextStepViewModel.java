package dev.gradstep.ui;

import dev.gradstep.check.StudentReport;
import dev.gradstep.check.StudentReport.StepResult;
import dev.gradstep.derivation.Derivation;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Your next step": one line typed under the current step of a library derivation, checked live
 * against that step in the background. A newer keystroke cancels the check of an older one.
 */
public final class NextStepViewModel {

    /** The verdict on the typed line, in words for the box. */
    public enum State {
        EMPTY, CHECKING, FOLLOWS, WRONG, UNREADABLE, UNDECIDED
    }

    /** Checks a typed line after step {@code index} (blocking; runs on the background executor). */
    public interface Checker {
        StepResult check(Derivation derivation, int index, String typed, BooleanSupplier cancelled);
    }

    private final Executor background;
    private final Executor ui;
    private final Checker checker;
    private final StringProperty typed = new SimpleStringProperty(this, "typed", "");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.EMPTY);
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final ReadOnlyObjectWrapper<dev.gradstep.check.HintKind> hintKind = new ReadOnlyObjectWrapper<>(this, "hintKind");
    private final ReadOnlyStringWrapper correction = new ReadOnlyStringWrapper(this, "correction", "");
    private Derivation derivation;
    private int index = -1;
    private int generation;
    private AtomicBoolean cancelFlag = new AtomicBoolean();

    public NextStepViewModel(Executor background, Executor ui, Checker checker) {
        this.background = background;
        this.ui = ui;
        this.checker = checker;
        typed.addListener((o, a, b) -> recheck());
    }

    /** Input: the line as typed, e.g. {@code = s_j - y_j}. */
    public StringProperty typedProperty() {
        return typed;
    }

    /** The step the typed line follows; clears what was typed for the previous step. */
    public void show(Derivation d, int stepIndex) {
        derivation = d;
        index = stepIndex;
        available.set(d != null && stepIndex >= 0 && stepIndex < d.steps().size());
        if (typed.get().isEmpty()) {
            recheck();
        } else {
            typed.set("");
        }
    }

    private void recheck() {
        cancelFlag.set(true);
        int gen = ++generation;
        String line = typed.get();
        Derivation d = derivation;
        int at = index;
        if (line == null || line.isBlank() || !available.get()) {
            state.set(State.EMPTY);
            verdict.set("");
            detail.set("");
            clearFeedback();
            return;
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        cancelFlag = cancelled;
        state.set(State.CHECKING);
        verdict.set("Checking\u2026");
        detail.set("");
        clearFeedback();
        background.execute(() -> {
            StepResult r;
            String failure = null;
            try {
                r = cancelled.get() ? null : checker.check(d, at, line, cancelled::get);
            } catch (RuntimeException e) {
                r = null;
                failure = "Cannot check this line: " + e.getMessage();
            }
            StepResult result = r;
            String problem = failure;
            ui.execute(() -> {
                if (gen == generation && !cancelled.get()) {
                    publish(result, problem);
                }
            });
        });
    }

    private void clearFeedback() {
        hint.set("");
        hintKind.set(null);
        correction.set("");
    }

    private void publish(StepResult r, String problem) {
        clearFeedback();
        if (r == null) {
            state.set(problem == null ? State.EMPTY : State.UNDECIDED);
            verdict.set(problem == null ? "" : problem);
            detail.set("");
            return;
        }
        StringBuilder more = new StringBuilder();
        if (r.counterexample() != null) {
            more.append("Counterexample: ").append(StudentReport.words(r.counterexample()));
        }
        if (r.hint() != null) {
            more.append(more.length() == 0 ? "" : "\n").append("Hint: ").append(r.hint());
            hint.set(r.hint());
            hintKind.set(r.hintKind());
        }
        if (r.correction() != null) {
            // the right side only: the box continues the current step's chain
            correction.set("= " + r.correction().rhsTex());
            more.append(more.length() == 0 ? "" : "\n").append("Corrected line (checked: it holds): ").append(correction.get());
        }
        if (r.rhsExpr() == null) {
            state.set(State.UNREADABLE);
            verdict.set("Cannot read this line: " + r.error());
        } else if (r.link() == Boolean.TRUE || r.link() == null && r.holds() == Boolean.TRUE) {
            state.set(State.FOLLOWS);
            verdict.set(r.link() == null ? "\u2713 Holds (a new chain: it equals the true value of its left side)."
                    : "\u2713 Follows from the current step" + (r.holds() == Boolean.TRUE ? " and is correct." : "."));
        } else if (r.link() == Boolean.FALSE || r.holds() == Boolean.FALSE) {
            state.set(State.WRONG);
            verdict.set(r.link() == Boolean.FALSE ? "\u2717 Does not follow from the current step."
                    : "\u2717 Not equal to the true value of its left side.");
        } else {
            state.set(State.UNDECIDED);
            verdict.set("Undecided: " + (r.error() == null ? "no check could decide" : r.error()));
        }
        detail.set(more.toString());
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** The hint on a wrong line (its maths as LaTeX inside the words), empty otherwise. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** The kind of mistake the hint names, null when there is no hint. */
    public ReadOnlyObjectProperty<dev.gradstep.check.HintKind> hintKindProperty() {
        return hintKind.getReadOnlyProperty();
    }

    /** TeX of a corrected line ({@code = ...}) that was checked and holds; empty when none was verified. */
    public ReadOnlyStringProperty correctionProperty() {
        return correction.getReadOnlyProperty();
    }

    /** True when there is a current step to continue from. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }
}
