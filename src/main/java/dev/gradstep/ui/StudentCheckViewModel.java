package dev.gradstep.ui;

import dev.gradstep.check.Correction;
import dev.gradstep.check.HintKind;
import dev.gradstep.check.StudentChecker;
import dev.gradstep.check.StudentNotation;
import dev.gradstep.check.StudentReport;
import dev.gradstep.check.StudentReport.StepResult;
import dev.gradstep.derivation.Derivation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Check my derivation": the user's LaTeX (pasted or opened), read at once so its lines show,
 * then checked in the background; each line gets a mark, the first wrong one is singled out with
 * its counterexample, hint and, where one was verified, the corrected line.
 */
public final class StudentCheckViewModel {

    /** The mark on a line. */
    public enum Mark {
        PENDING("\u2026", "checking"), HOLDS("\u2713", "holds"), WRONG("\u2717", "wrong"),
        UNREADABLE("?", "cannot be read"), UNDECIDED("~", "undecided"), DEFINES("\u2254", "a definition"),
        AMBIGUOUS("\u2248", "ambiguous: two readings");

        private final String symbol;
        private final String words;

        Mark(String symbol, String words) {
            this.symbol = symbol;
            this.words = words;
        }

        public String symbol() {
            return symbol;
        }

        public String words() {
            return words;
        }

        public String styleClass() {
            return "mark-" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One line to show: its file line, LaTeX to typeset ({@code source} as written when it cannot
     * be read), its mark, and the details of a problem; {@code reason} is what the author wrote beside the
     * line to justify it ({@code \\text{(chain rule)}}, {@code \\tag{3}}), shown with the verdict, or null.
     * {@code correction} is the TeX of a corrected
     * line that was checked and holds ({@code correctionBasis} says by what), {@code hintKind} the
     * kind of mistake the hint names; all null on a line that is not wrong.
     */
    public record LineItem(int line, String tex, String source, Mark mark, boolean firstWrong, String counterexample,
                           String hint, String error, String correction, String reason, HintKind hintKind,
                           String correctionBasis) {

        public LineItem(int line, String tex, String source, Mark mark, boolean firstWrong, String counterexample,
                        String hint, String error, String correction) {
            this(line, tex, source, mark, firstWrong, counterexample, hint, error, correction, null, null, null);
        }

        /** The words above a correction: that it was checked, and by what. */
        public String correctionLabel() {
            if (correction == null) {
                return "";
            }
            String by = "both".equals(correctionBasis) ? "numbers and Symja" : "symbolic".equals(correctionBasis) ? "Symja"
                    : "numbers";
            return "Corrected line (checked: it holds, by " + by + "):";
        }
    }

    /** Runs the check (blocking; called on the background executor). */
    public interface Checker {
        StudentReport check(String text, String notation, BooleanSupplier cancelled);
    }

    private final Executor background;
    private final Executor ui;
    private final Checker checker;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final StringProperty notation = new SimpleStringProperty(this, "notation", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper notationSummary = new ReadOnlyStringWrapper(this, "notationSummary", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyIntegerWrapper firstWrong = new ReadOnlyIntegerWrapper(this, "firstWrong", -1);
    private final ObservableList<LineItem> lines = FXCollections.observableArrayList();
    // one read-only view, kept: a fresh wrapper per call would drop its listeners when collected
    private final ObservableList<LineItem> readOnlyLines = FXCollections.unmodifiableObservableList(lines);
    private int generation;
    private AtomicBoolean cancelFlag = new AtomicBoolean();
    /** Where the user is in the text (the editor's caret), kept across a reload from disk. */
    private final javafx.beans.property.IntegerProperty caret = new javafx.beans.property.SimpleIntegerProperty(this, "caret", 0);
    private final javafx.beans.property.ReadOnlyObjectWrapper<Path> watched =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "watched");
    /** The file's text as last loaded, and the disk text already announced as not loaded (edits kept). */
    private String loaded;
    private String announced;
    private boolean looking;

    public StudentCheckViewModel(Executor background, Executor ui, Checker checker) {
        this.background = background;
        this.ui = ui;
        this.checker = checker;
    }

    /**
     * For callers that still pass the library: corrections now come from the checker, each one
     * verified, so the library is not read here.
     */
    public StudentCheckViewModel(Executor background, Executor ui, Checker checker, Supplier<List<Derivation>> library) {
        this(background, ui, checker);
    }

    /** Input: the LaTeX as pasted or opened. */
    public StringProperty textProperty() {
        return text;
    }

    /** Input: notation words overriding the file's {@code % notation:} line; blank to use the file's or a guess. */
    public StringProperty notationProperty() {
        return notation;
    }

    /**
     * Reads a .tex file into the text and checks it; from then on {@link #reloadIfChanged()} follows
     * the file. A file that cannot be read leaves a message instead.
     */
    public void open(Path file) {
        try {
            String content = dev.gradstep.tex.SourceText.read(file);
            text.set(content);
            loaded = content;
            announced = null;
            watched.set(file);
            caret.set(0);
            message.set("");
            check();
        } catch (dev.gradstep.tex.SourceText.NotText e) {
            message.set(file.getFileName() + ": " + e.getMessage());
        } catch (IOException | java.io.UncheckedIOException e) {
            message.set(file.getFileName() + ": cannot read the file (" + e.getMessage() + ")");
        }
    }

    /** The file opened last, which {@link #reloadIfChanged()} follows; null when the text was pasted. */
    public javafx.beans.property.ReadOnlyObjectProperty<Path> watchedProperty() {
        return watched.getReadOnlyProperty();
    }

    /** The caret offset in the text; the view keeps it in step with its editor. */
    public javafx.beans.property.IntegerProperty caretProperty() {
        return caret;
    }

    /**
     * Looks at the opened file (reading it on the background executor) and, when it changed on
     * disk, loads and checks it again with the caret on the same line and column, so a student
     * can write in their own editor and watch the marks here. When the text here was edited since
     * it was loaded, nothing is replaced: a message says the file changed and the edits are kept.
     * Called by the view every second or so; does nothing while a look is under way.
     */
    public void reloadIfChanged() {
        Path file = watched.get();
        if (file == null || looking) {
            return;
        }
        looking = true;
        background.execute(() -> {
            String disk;
            try {
                disk = Files.size(file) > 4L * dev.gradstep.tex.TexDocument.MAX_LENGTH ? null
                        : dev.gradstep.tex.SourceText.read(file);
            } catch (IOException | java.io.UncheckedIOException | SecurityException e) {
                disk = null; // gone or mid-save: look again next time
            }
            String now = disk;
            ui.execute(() -> {
                looking = false;
                if (now == null || file != watched.get() || now.equals(loaded) || now.equals(announced)) {
                    return;
                }
                if (!text.get().equals(loaded)) {
                    announced = now;
                    message.set(file.getFileName() + " changed on disk; your edits here are kept (Open it again to load the file).");
                    return;
                }
                int[] place = lineAndColumn(text.get(), caret.get());
                text.set(now);
                loaded = now;
                caret.set(offsetOf(now, place[0], place[1]));
                check();
                message.set("Reloaded " + file.getFileName() + ": it changed on disk.");
            });
        });
    }

    private static int[] lineAndColumn(String s, int offset) {
        int at = Math.max(0, Math.min(offset, s.length()));
        int line = 0;
        int start = 0;
        for (int i = 0; i < at; i++) {
            if (s.charAt(i) == '\n') {
                line++;
                start = i + 1;
            }
        }
        return new int[] {line, at - start};
    }

    private static int offsetOf(String s, int line, int column) {
        int start = 0;
        for (int l = 0; l < line; l++) {
            int nl = s.indexOf('\n', start);
            if (nl < 0) {
                return s.length();
            }
            start = nl + 1;
        }
        int end = s.indexOf('\n', start);
        return Math.min(start + column, end < 0 ? s.length() : end);
    }

    /** Shows the lines at once (marked as being checked), then checks them in the background. */
    public void check() {
        cancel();
        int gen = ++generation;
        String tex = text.get();
        String words = notation.get();
        AtomicBoolean cancelled = new AtomicBoolean();
        cancelFlag = cancelled;
        StudentReport read;
        try {
            read = StudentChecker.read("pasted", tex, words);
        } catch (StudentNotation.NotationException e) {
            message.set("Notation: " + e.getMessage());
            lines.clear();
            summary.set("");
            firstWrong.set(-1);
            return;
        }
        message.set("");
        publish(read, true);
        busy.set(true);
        background.execute(() -> {
            StudentReport report;
            String problem = null;
            try {
                report = checker.check(tex, words, cancelled::get);
            } catch (RuntimeException e) {
                report = null;
                problem = "Checking failed: " + e.getMessage();
            }
            List<LineItem> items = report == null ? null : items(report, false);
            StudentReport finished = report;
            String failure = problem;
            ui.execute(() -> {
                if (gen != generation) {
                    return;
                }
                if (finished == null) {
                    message.set(failure);
                } else {
                    show(finished, items);
                }
                busy.set(false);
            });
        });
    }

    /** Stops a running check; its result is dropped. */
    public void cancel() {
        cancelFlag.set(true);
        if (busy.get()) {
            generation++;
            busy.set(false);
            summary.set("Check cancelled.");
        }
    }

    private void publish(StudentReport report, boolean pending) {
        show(report, items(report, pending));
    }

    private void show(StudentReport report, List<LineItem> items) {
        lines.setAll(items);
        int wrong = -1;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).firstWrong()) {
                wrong = i;
                break;
            }
        }
        firstWrong.set(wrong);
        StudentNotation n = report.notation();
        notationSummary.set("Notation (" + n.source().words() + "): " + n.describe());
        summary.set(summarise(items));
    }

    private List<LineItem> items(StudentReport report, boolean pending) {
        List<LineItem> out = new ArrayList<>();
        boolean wrongSeen = false;
        for (StudentReport.Chain chain : report.chains()) {
            boolean first = true;
            for (StepResult s : chain.steps()) {
                String source = (first ? chain.lhs() + " " : "") + "= " + s.rhs();
                String tex = s.rhsExpr() == null ? "" : source
                        + (s.conditionTex() == null ? "" : " \\quad (" + s.conditionTex() + ")");
                first = false;
                Mark mark = mark(s, pending);
                boolean firstWrong = mark == Mark.WRONG && !wrongSeen;
                wrongSeen |= firstWrong;
                Correction fix = mark == Mark.WRONG ? s.correction() : null;
                out.add(new LineItem(s.line(), tex, source, mark, firstWrong,
                        s.counterexample() == null ? null : StudentReport.words(s.counterexample()),
                        mark == Mark.WRONG ? s.hint() : null, s.error() != null ? s.error() : s.reading(),
                        fix == null ? null : fix.tex(), s.reason(), mark == Mark.WRONG ? s.hintKind() : null,
                        fix == null ? null : fix.basis()));
            }
        }
        return out;
    }

    private static Mark mark(StepResult s, boolean pending) {
        if (s.rhsExpr() == null) {
            return Mark.UNREADABLE;
        }
        if (s.definition()) {
            return Mark.DEFINES;
        }
        if (pending && s.error() == null) {
            return Mark.PENDING;
        }
        if (s.ambiguous()) {
            return Mark.AMBIGUOUS;
        }
        if (s.holds() == Boolean.TRUE) {
            return Mark.HOLDS;
        }
        return s.holds() == Boolean.FALSE ? Mark.WRONG : Mark.UNDECIDED;
    }

    private static String summarise(List<LineItem> items) {
        if (items.isEmpty()) {
            return "No display math found: put each step in align, equation, \\[ \\] or $$ $$.";
        }
        int[] counts = new int[Mark.values().length];
        items.forEach(i -> counts[i.mark().ordinal()]++);
        if (counts[Mark.PENDING.ordinal()] > 0) {
            return items.size() + " steps read; checking\u2026";
        }
        StringBuilder sb = new StringBuilder(items.size() + (items.size() == 1 ? " step: " : " steps: ") + (counts[Mark.HOLDS.ordinal()]
                + counts[Mark.DEFINES.ordinal()]) + " hold, " + counts[Mark.WRONG.ordinal()] + " wrong, "
                + counts[Mark.UNREADABLE.ordinal()] + " unreadable, " + counts[Mark.UNDECIDED.ordinal()] + " undecided"
                + (counts[Mark.AMBIGUOUS.ordinal()] == 0 ? "" : ", " + counts[Mark.AMBIGUOUS.ordinal()] + " ambiguous")
                + ".");
        items.stream().filter(LineItem::firstWrong).findFirst()
                .ifPresent(i -> sb.append(" The first wrong line is line ").append(i.line()).append('.'));
        return sb.toString();
    }

    public ObservableList<LineItem> lines() {
        return readOnlyLines;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty notationSummaryProperty() {
        return notationSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Index in {@link #lines()} of the first wrong line, or -1. */
    public ReadOnlyIntegerProperty firstWrongProperty() {
        return firstWrong.getReadOnlyProperty();
    }
}
