package dev.gradstep.ui;

import dev.gradstep.check.DerivationReport;
import dev.gradstep.check.QuotientParts;
import dev.gradstep.check.StepVerdict;
import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.DerivationLoader;
import dev.gradstep.derivation.NotationChange;
import dev.gradstep.derivation.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The derivation being read: which one, which step, what is hidden in reveal mode, and each step's
 * check status. Checks run on the background executor; results come back through the UI executor.
 */
public final class DerivationViewModel {

    /** Runs the checker; blocking, called on the background executor. */
    @FunctionalInterface
    public interface CheckService {
        DerivationReport check(Derivation derivation, Consumer<StepVerdict> onVerdict, BooleanSupplier cancelled);
    }

    /** Reads a derivation file chosen by the user. */
    @FunctionalInterface
    public interface FileSource {
        Derivation load(Path file) throws DerivationLoader.LoadException;
    }

    /** One row of the outline. Hidden rows are steps not yet revealed in reveal mode. */
    public record StepItem(int number, String title, StepStatus status, boolean hidden) {
    }

    /** Everything the step pane shows for the current step. */
    public record StepView(int number, int total, String tex, String displayTex, String previousTex,
                           String ruleTitle, String ruleExample, String why, Map<String, String> parts,
                           StepStatus status, String verdictDetail, String mistakeNote) {
    }

    private static final String UNREADABLE = "Some derivation files could not be read:";
    private static final String KEPT = "Kept in their own notation:";

    /** Problem lines shown before the rest are counted. */
    public static final int MAX_PROBLEM_LINES = 4;

    private final Executor background;
    private final Executor ui;
    private final CheckService checks;
    private final FileSource files;
    private final ChangeHighlighter highlighter;

    private final ObservableList<Derivation> derivations = FXCollections.observableArrayList();
    private final ObservableList<StepItem> outline = FXCollections.observableArrayList();
    /** Read-only views, kept: a fresh wrapper per call holds its listeners weakly and loses them to GC. */
    private final ObservableList<Derivation> readOnlyDerivations = FXCollections.unmodifiableObservableList(derivations);
    private final ObservableList<StepItem> readOnlyOutline = FXCollections.unmodifiableObservableList(outline);
    private final ReadOnlyObjectWrapper<Derivation> derivation = new ReadOnlyObjectWrapper<>(this, "derivation");
    private final ReadOnlyIntegerWrapper currentIndex = new ReadOnlyIntegerWrapper(this, "currentIndex", -1);
    private final ReadOnlyObjectWrapper<StepView> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyBooleanWrapper revealMode = new ReadOnlyBooleanWrapper(this, "revealMode");
    private final ReadOnlyIntegerWrapper revealed = new ReadOnlyIntegerWrapper(this, "revealed");
    private final ReadOnlyBooleanWrapper canNext = new ReadOnlyBooleanWrapper(this, "canNext");
    private final ReadOnlyBooleanWrapper canPrevious = new ReadOnlyBooleanWrapper(this, "canPrevious");
    private final ReadOnlyBooleanWrapper canReveal = new ReadOnlyBooleanWrapper(this, "canReveal");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final Map<String, Derivation> originals = new java.util.HashMap<>();
    private final NotationChange notationChange = new NotationChange();
    private final ReadOnlyObjectWrapper<NotationChoice> notationChoice =
            new ReadOnlyObjectWrapper<>(this, "notationChoice", NotationChoice.AS_WRITTEN);
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper checkSummary = new ReadOnlyStringWrapper(this, "checkSummary", "");

    private List<String> displayCache;
    private boolean checksPaused;
    private boolean checkWanted;
    private StepStatus[] statuses = new StepStatus[0];
    private StepVerdict[] verdicts = new StepVerdict[0];
    private final QuotientParts quotientParts = new QuotientParts();
    private int generation;
    private AtomicBoolean cancelFlag = new AtomicBoolean();

    public DerivationViewModel(Executor background, Executor ui, CheckService checks, FileSource files,
                               ChangeHighlighter highlighter) {
        this.background = background;
        this.ui = ui;
        this.checks = checks;
        this.files = files;
        this.highlighter = highlighter;
    }

    /** Offers these derivations; load problems are shown as a message and nothing else stops. */
    public void setLibrary(List<Derivation> available, List<String> problems) {
        originals.clear();
        available.forEach(d -> originals.put(d.id(), d));
        notationChoice.set(NotationChoice.AS_WRITTEN);
        derivations.setAll(available);
        if (!problems.isEmpty()) {
            message.set(summarise(UNREADABLE, problems));
        }
        if (!available.isEmpty() && derivation.get() == null) {
            select(available.get(0));
        }
    }

    /**
     * The rest of the library, read after the first derivation was already shown: the list fills
     * in, while the derivation on screen, its step, its checks and any file opened meanwhile stay
     * as they are. New entries appear in the notation the user has chosen.
     */
    public void completeLibrary(List<Derivation> all, List<String> problems) {
        List<Derivation> merged = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (Derivation d : all) {
            Optional<Derivation> shown = derivations.stream().filter(x -> sameFile(x, d)).findFirst();
            if (shown.isPresent()) {
                merged.add(shown.get());
                continue;
            }
            originals.putIfAbsent(d.id(), d);
            merged.add(inNotation(d, notationChoice.get(), kept));
        }
        derivations.stream().filter(x -> all.stream().noneMatch(d -> sameFile(x, d))).forEach(merged::add);
        derivations.setAll(merged);
        List<String> parts = new ArrayList<>();
        if (!problems.isEmpty()) {
            parts.add(summarise(UNREADABLE, problems));
        }
        if (!kept.isEmpty()) {
            parts.add(summarise(KEPT, kept));
        }
        if (!parts.isEmpty()) {
            message.set(String.join("\n", parts));
        }
        if (!merged.isEmpty() && derivation.get() == null) {
            select(merged.get(0));
        }
    }

    private static boolean sameFile(Derivation a, Derivation b) {
        return a.id().equals(b.id()) && a.source().equals(b.source());
    }

    /** A derivation renamed into a notation choice; one that cannot be renamed stays as written, and says why. */
    private Derivation inNotation(Derivation original, NotationChoice choice, List<String> kept) {
        if (choice.notation() == null) {
            return original;
        }
        try {
            return notationChange.apply(original, choice.notation());
        } catch (IllegalArgumentException e) {
            kept.add(original.title() + ": " + e.getMessage());
            return original;
        }
    }

    public void select(Derivation d) {
        if (d == null || d == derivation.get()) {
            return;
        }
        cancelCheck();
        displayCache = null;
        derivation.set(d);
        int n = d.steps().size();
        statuses = new StepStatus[n];
        Arrays.fill(statuses, StepStatus.PENDING);
        verdicts = new StepVerdict[n];
        revealed.set(revealMode.get() ? Math.min(1, n) : n);
        currentIndex.set(n == 0 ? -1 : 0);
        refresh();
        startCheck();
    }

    /**
     * Shows every derivation in another notation by renaming its symbols (the checks run again on
     * the renamed steps). A derivation that already uses a target letter for something else keeps
     * its own notation, and the message says why.
     */
    public void showIn(NotationChoice choice) {
        Derivation current = derivation.get();
        List<Derivation> renamed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (Derivation shown : derivations) {
            renamed.add(inNotation(originals.getOrDefault(shown.id(), shown), choice, kept));
        }
        notationChoice.set(choice);
        derivations.setAll(renamed);
        message.set(kept.isEmpty() ? "" : summarise(KEPT, kept));
        if (current != null) {
            int index = currentIndex.get();
            renamed.stream().filter(d -> d.id().equals(current.id())).findFirst().ifPresent(d -> {
                select(d);
                if (index >= 0 && index < d.steps().size()) {
                    goTo(index);
                }
            });
        }
    }

    public ReadOnlyObjectProperty<NotationChoice> notationChoiceProperty() {
        return notationChoice.getReadOnlyProperty();
    }

    /** Selects the derivation with this id, if there is one. */
    public boolean selectById(String id) {
        Optional<Derivation> match = derivations.stream().filter(d -> d.id().equals(id)).findFirst();
        match.ifPresent(this::select);
        return match.isPresent();
    }

    /** Loads a file in the background; a problem becomes the message and the current derivation stays. */
    public void open(Path file) {
        background.execute(() -> {
            try {
                Derivation d = files.load(file);
                ui.execute(() -> {
                    derivations.removeIf(x -> x.id().equals(d.id()) && x.source().equals(d.source()));
                    derivations.add(d);
                    message.set("");
                    select(d);
                });
            } catch (DerivationLoader.LoadException e) {
                List<String> lines = new ArrayList<>();
                e.problems().forEach(p -> lines.add(p.describe()));
                if (lines.isEmpty()) {
                    lines.add(String.valueOf(e.getMessage()));
                }
                ui.execute(() -> message.set(summarise("Could not open " + file.getFileName() + ":", lines)));
            } catch (RuntimeException e) {
                ui.execute(() -> message.set("Could not open " + file.getFileName() + ": " + e.getMessage()));
            }
        });
    }

    public void dismissMessage() {
        message.set("");
    }

    public void next() {
        goTo(currentIndex.get() + 1);
    }

    public void previous() {
        goTo(currentIndex.get() - 1);
    }

    public void first() {
        goTo(0);
    }

    public void last() {
        goTo(lastVisible());
    }

    /** Moves to a step; refused (no change) outside the derivation or onto a hidden step. */
    public void goTo(int index) {
        if (index < 0 || index > lastVisible() || index == currentIndex.get()) {
            return;
        }
        currentIndex.set(index);
        refresh();
    }

    public void setRevealMode(boolean on) {
        if (on == revealMode.get()) {
            return;
        }
        revealMode.set(on);
        revealed.set(on ? currentIndex.get() + 1 : size());
        refresh();
    }

    /** Shows the next hidden step and moves to it. */
    public void revealNext() {
        if (!revealMode.get() || revealed.get() >= size()) {
            return;
        }
        revealed.set(revealed.get() + 1);
        currentIndex.set(revealed.get() - 1);
        hint.set("");
        refresh();
    }

    /**
     * The rule the next hidden step uses, so a student gets a nudge without the answer. Only the
     * name: a step's reason often states the result it reaches.
     */
    public void showHint() {
        if (canReveal.get()) {
            Step next = steps().get(revealed.get());
            hint.set("Hint: the next step uses the rule \u201c" + PlainText.of(next.rule().title()) + "\u201d.");
        }
    }

    public void cancelCheck() {
        cancelFlag.set(true);
        if (checking.get()) {
            checking.set(false);
            generation++;
            for (int i = 0; i < statuses.length; i++) {
                if (statuses[i] == StepStatus.CHECKING) {
                    statuses[i] = StepStatus.PENDING;
                }
            }
            checkSummary.set("Check cancelled.");
            refresh();
        }
    }

    /**
     * Holds checks back (start-up: the first step must be painted before the checker takes the
     * CPU); {@link #resumeChecks} starts any check asked for meanwhile.
     */
    public void pauseChecks() {
        checksPaused = true;
    }

    public void resumeChecks() {
        checksPaused = false;
        if (checkWanted) {
            checkWanted = false;
            startCheck();
        }
    }

    /** (Re)checks the current derivation in the background; badges fill in as verdicts arrive. */
    public void startCheck() {
        Derivation d = derivation.get();
        if (d == null || checking.get()) {
            return;
        }
        if (checksPaused) {
            checkWanted = true;
            checkSummary.set("Checks start in a moment\u2026");
            return;
        }
        int gen = ++generation;
        AtomicBoolean cancelled = new AtomicBoolean();
        cancelFlag = cancelled;
        Arrays.fill(statuses, StepStatus.CHECKING);
        checking.set(true);
        progress.set(0);
        checkSummary.set("Checking " + d.steps().size() + " steps\u2026");
        refresh();
        background.execute(() -> {
            try {
                DerivationReport report = checks.check(d, v -> ui.execute(() -> accept(gen, v)), cancelled::get);
                ui.execute(() -> finish(gen, report, null));
            } catch (RuntimeException | StackOverflowError e) {
                ui.execute(() -> finish(gen, null, e));
            }
        });
    }

    private void accept(int gen, StepVerdict v) {
        if (gen != generation || v.step() < 1 || v.step() > statuses.length) {
            return;
        }
        statuses[v.step() - 1] = StepStatus.of(v);
        verdicts[v.step() - 1] = v;
        long done = Arrays.stream(statuses).filter(s -> s != StepStatus.CHECKING && s != StepStatus.PENDING).count();
        progress.set((double) done / Math.max(1, statuses.length));
        refresh();
    }

    private void finish(int gen, DerivationReport report, Throwable failure) {
        if (gen != generation) {
            return;
        }
        checking.set(false);
        progress.set(1);
        for (int i = 0; i < statuses.length; i++) {
            if (statuses[i] == StepStatus.CHECKING || statuses[i] == StepStatus.PENDING) {
                statuses[i] = StepStatus.UNAVAILABLE;
            }
        }
        if (failure != null) {
            checkSummary.set("Checks unavailable: " + failure.getMessage());
        } else {
            long ok = Arrays.stream(statuses).filter(s -> s == StepStatus.VERIFIED_NUMERIC || s == StepStatus.VERIFIED_SYMBOLIC).count();
            checkSummary.set(ok + " of " + statuses.length + " steps verified"
                    + (report != null && report.passes() ? "." : " \u2014 see the badges."));
        }
        refresh();
    }

    private void refresh() {
        Derivation d = derivation.get();
        int n = size();
        int idx = currentIndex.get();
        List<StepItem> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Step s = d.steps().get(i);
            items.add(new StepItem(s.number(), PlainText.of(s.rule().title()), statuses[i], i > lastVisible()));
        }
        if (outline.size() != items.size()) {
            outline.setAll(items);
        } else {
            for (int i = 0; i < items.size(); i++) {
                if (!outline.get(i).equals(items.get(i))) {
                    outline.set(i, items.get(i));
                }
            }
        }
        canNext.set(idx >= 0 && idx < lastVisible());
        canPrevious.set(idx > 0);
        canReveal.set(revealMode.get() && revealed.get() < n);
        if (!canReveal.get() || idx != lastVisible()) {
            hint.set("");
        }
        current.set(idx < 0 ? null : view(d, idx));
    }

    private StepView view(Derivation d, int idx) {
        Step s = d.steps().get(idx);
        Step prev = idx > 0 ? d.steps().get(idx - 1) : null;
        if (displayCache == null || displayCache.size() != d.steps().size()) {
            displayCache = displayTexts();
        }
        String display = displayCache.get(idx);
        StepVerdict v = verdicts[idx];
        String detail = v == null ? statuses[idx].explanation() : v.detail();
        if (v != null && v.counterexample() != null) {
            detail = detail + (detail.isBlank() ? "" : "\n") + "Counterexample: " + v.counterexample().describe();
        }
        String mistake = s.mistake() == null ? "" : s.mistake().explanation();
        return new StepView(s.number(), d.steps().size(), s.tex(), display, prev == null ? "" : prev.tex(),
                PlainText.of(s.rule().title()), s.rule().example(), PlainText.of(s.why()),
                quotientParts.of(s, d.notation()).shown(), statuses[idx], detail,
                PlainText.of(mistake));
    }

    /** A few problems in full and a count of the rest, so the message never buries the window. */
    static String summarise(String heading, List<String> problems) {
        int shown = Math.min(problems.size(), MAX_PROBLEM_LINES);
        StringBuilder sb = new StringBuilder(heading);
        problems.subList(0, shown).forEach(p -> sb.append('\n').append(p));
        if (problems.size() > shown) {
            sb.append("\n\u2026 and ").append(problems.size() - shown).append(" more problems.");
        }
        return sb.toString();
    }

    private List<Step> steps() {
        return derivation.get().steps();
    }

    private int size() {
        return derivation.get() == null ? 0 : derivation.get().steps().size();
    }

    private int lastVisible() {
        return revealMode.get() ? revealed.get() - 1 : size() - 1;
    }

    public ObservableList<Derivation> derivations() {
        return readOnlyDerivations;
    }

    public ObservableList<StepItem> outline() {
        return readOnlyOutline;
    }

    public ReadOnlyObjectProperty<Derivation> derivationProperty() {
        return derivation.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty currentIndexProperty() {
        return currentIndex.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StepView> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty revealModeProperty() {
        return revealMode.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canNextProperty() {
        return canNext.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPreviousProperty() {
        return canPrevious.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRevealProperty() {
        return canReveal.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty checkSummaryProperty() {
        return checkSummary.getReadOnlyProperty();
    }

    /** Every step's LaTeX as the step pane shows it (changed parts marked), for prefetching. */
    public List<String> displayTexts() {
        Derivation d = derivation.get();
        List<String> out = new ArrayList<>();
        if (d != null) {
            for (int i = 0; i < d.steps().size(); i++) {
                Step s = d.steps().get(i);
                out.add(highlighter.highlight(i > 0 ? d.steps().get(i - 1) : null, s).orElse(s.tex()));
            }
        }
        return out;
    }

    /** Every step's own LaTeX. */
    public List<String> stepTexts() {
        Derivation d = derivation.get();
        return d == null ? List.of() : d.steps().stream().map(Step::tex).toList();
    }

    /** The verdicts known so far, in step order (for export). */
    public List<StepVerdict> verdicts() {
        List<StepVerdict> out = new ArrayList<>();
        for (StepVerdict v : verdicts) {
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }
}
