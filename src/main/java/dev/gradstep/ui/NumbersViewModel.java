package dev.gradstep.ui;

import dev.gradstep.check.StepInstances;
import dev.gradstep.derivation.Derivation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Your numbers": the user's logits and labels, and what the derivation says about them. All
 * arithmetic runs on the background executor; typing never waits for it. Large inputs are
 * summarised (the largest classes) and the K x K Jacobian is kept only for small K.
 */
public final class NumbersViewModel {

    /** Rows shown in tables and charts; the rest is counted. */
    public static final int SHOWN_ROWS = 20;
    /** Largest K for the Jacobian heat map. */
    public static final int MAX_HEATMAP = 50;

    /**
     * Where the typed text is wrong, and why: the offending token is {@code text.substring(start, end)}
     * of the text as typed; {@code start == end} when no single token is to blame.
     */
    public record InputError(int start, int end, String message) {
        public InputError {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad token span " + start + ".." + end);
            }
        }

        /** True when there is a token to point at. */
        public boolean hasToken() {
            return end > start;
        }
    }

    /** Thrown by the engine's parser. */
    public static final class BadInput extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient InputError error;

        public BadInput(InputError error) {
            super(error.message());
            this.error = error;
        }

        public InputError error() {
            return error;
        }
    }

    /** The arithmetic: parsing, softmax, loss, gradient and its numeric check. */
    public interface Engine {
        double[] parseLogits(String text) throws BadInput;

        /** Labels as a distribution over K classes; a single class index becomes one-hot. */
        double[] parseLabels(String text, int classes) throws BadInput;

        Analysis analyze(double[] logits, double[] labels);
    }

    /** Results for one input. {@code jacobian} is null beyond the size limit. */
    public record Analysis(double[] probabilities, double loss, double[] gradient, double[] numericGradient,
                           double relativeError, String checkMethod, double[][] jacobian, List<String> warnings) {
    }

    /** One class in the tables, numbered from 0 like the class index the user types. */
    public record Row(int index, double logit, double probability, double label, double gradient,
                      double numericGradient) {
    }

    /** The current step's two sides at the user's numbers, for one index case. */
    public record StepValue(String indices, double left, double right, boolean agrees) {
    }

    /** Everything the panel shows. */
    public record Result(int classes, double loss, double labelSum, double relativeError, String checkMethod,
                         List<Row> rows, int hiddenRows, double[][] jacobian, String jacobianNote,
                         List<StepValue> stepValues, String stepNote, String labelsNote, List<String> warnings) {
        public Result {
            rows = List.copyOf(rows);
            stepValues = List.copyOf(stepValues);
            warnings = List.copyOf(warnings);
        }
    }

    private final Executor background;
    private final Executor ui;
    private final Engine engine;
    private final StepInstances instances;
    private final StringProperty logitsText = new SimpleStringProperty(this, "logitsText", "2.0, 1.0, 0.1");
    private final StringProperty labelsText = new SimpleStringProperty(this, "labelsText", "0");
    private final ReadOnlyObjectWrapper<InputError> logitsError = new ReadOnlyObjectWrapper<>(this, "logitsError");
    private final ReadOnlyObjectWrapper<InputError> labelsError = new ReadOnlyObjectWrapper<>(this, "labelsError");
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    /** One read-only view, kept: a fresh wrapper per call holds its listeners weakly and loses them to GC. */
    private final ObservableList<Row> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private Derivation derivation;
    private int stepIndex = -1;
    /** Written on the UI thread, read by background jobs so that superseded inputs are skipped. */
    private volatile int generation;

    public NumbersViewModel(Executor background, Executor ui, StepInstances instances, Engine engine) {
        this.background = background;
        this.ui = ui;
        this.instances = instances;
        this.engine = engine;
        logitsText.addListener((o, a, b) -> recompute());
        labelsText.addListener((o, a, b) -> recompute());
        recompute();
    }

    public NumbersViewModel(Executor background, Executor ui, StepInstances instances) {
        this(background, ui, instances, CoreNumbers.engine());
    }

    /** Input: the logits as typed (comma, space or NumPy style). */
    public StringProperty logitsTextProperty() {
        return logitsText;
    }

    /** Input: a class index (0..K-1, as in NumPy and PyTorch) or a distribution over the classes. */
    public StringProperty labelsTextProperty() {
        return labelsText;
    }

    /** Takes the logits from a file (one million work): the field shows {@code @FILE}, read off the UI thread. */
    public void loadLogits(java.nio.file.Path file) {
        logitsText.set("@" + file.toAbsolutePath());
    }

    /** The step whose two sides are evaluated at the user's numbers. */
    public void showStep(Derivation d, int index) {
        derivation = d;
        stepIndex = index;
        recompute();
    }

    public void recompute() {
        int gen = ++generation;
        String logits = logitsText.get();
        String labels = labelsText.get();
        Derivation d = derivation;
        int step = stepIndex;
        busy.set(true);
        background.execute(() -> {
            if (gen != generation) {
                return;
            }
            InputError le = null;
            InputError ye = null;
            Result r = null;
            try {
                // '@FILE' (typed, or set by Load logits from file…) reads the logits here, off the UI thread
                double[] z = engine.parseLogits(dev.gradstep.numeric.VectorParser.textOrFile(logits, "logits"));
                try {
                    double[] y = engine.parseLabels(labels, z.length);
                    r = analyse(z, y, d, step, gen);
                } catch (BadInput e) {
                    ye = e.error();
                }
            } catch (BadInput e) {
                le = e.error();
            } catch (RuntimeException e) {
                le = new InputError(0, 0, "Cannot compute: " + e.getMessage());
            }
            InputError fle = le;
            InputError fye = ye;
            Result fr = r;
            ui.execute(() -> publish(gen, fle, fye, fr));
        });
    }

    private void publish(int gen, InputError le, InputError ye, Result r) {
        if (gen != generation) {
            return;
        }
        busy.set(false);
        logitsError.set(le);
        labelsError.set(ye);
        stale.set(r == null && result.get() != null);
        if (r != null) {
            result.set(r);
            rows.setAll(r.rows());
            summary.set(String.format(Locale.ROOT, "K = %d, loss = %.6g, gradient check (%s): relative error %.2e",
                    r.classes(), r.loss(), r.checkMethod(), r.relativeError()));
        } else if (result.get() != null) {
            summary.set("Fix the input above: the results below are still those of the last numbers that could be read.");
        }
    }

    private Result analyse(double[] z, double[] y, Derivation d, int step, int gen) {
        int k = z.length;
        Analysis a = engine.analyze(z, y);
        double labelSum = 0;
        for (double v : y) {
            labelSum += v;
        }
        List<Integer> order = IntStream.range(0, k).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -Math.abs(a.gradient()[i])).thenComparing(i -> i))
                .limit(SHOWN_ROWS).sorted().collect(Collectors.toList());
        List<Row> shown = new ArrayList<>();
        for (int i : order) {
            shown.add(new Row(i, z[i], a.probabilities()[i], y[i], a.gradient()[i],
                    a.numericGradient() == null ? Double.NaN : a.numericGradient()[i]));
        }
        String jacobianNote = a.jacobian() == null || k > MAX_HEATMAP
                ? "The Jacobian heat map is drawn for K \u2264 " + MAX_HEATMAP + " (here K = " + k + ")." : "";
        double[][] jac = k > MAX_HEATMAP ? null : a.jacobian();
        List<StepValue> values = new ArrayList<>();
        String stepNote = "";
        if (d != null && step >= 0) {
            if (k > StepInstances.MAX_CLASSES) {
                stepNote = "Steps are evaluated for K \u2264 " + StepInstances.MAX_CLASSES + ".";
            } else {
                try {
                    for (StepInstances.Evaluation e : instances.evaluate(d, step, z, y)) {
                        values.add(new StepValue(indices(e.indices()), e.left(), e.right(), e.agrees()));
                    }
                } catch (RuntimeException e) {
                    stepNote = "This step cannot be evaluated at numbers: " + e.getMessage();
                }
            }
        }
        String labelsNote = "";
        if (Math.abs(labelSum - 1) > 1e-9) {
            labelsNote = labelsNote(d, z, y, labelSum, k, gen);
        }
        return new Result(k, a.loss(), labelSum, a.relativeError(), a.checkMethod(), shown, k - shown.size(),
                jac, jacobianNote, values, stepNote, labelsNote, a.warnings());
    }

    /** Names the first step whose two sides disagree at these labels, and the gradient that holds. */
    private String labelsNote(Derivation d, double[] z, double[] y, double sum, int k, int gen) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "Your labels sum to %.6g, not 1. The shortcut s \u2212 y is then wrong; the gradient that holds is "
                        + "s\u00b7\u03a3y \u2212 y (shown in the table).", sum));
        if (d != null && k <= StepInstances.MAX_CLASSES) {
            for (int i = 0; i < d.steps().size(); i++) {
                try {
                    if (generation != gen) {
                        break;
                    }
                    boolean broken = instances.evaluate(d, i, z, y).stream()
                            .anyMatch(e -> !e.agrees());
                    if (broken) {
                        sb.append(" In \u201c").append(d.title()).append("\u201d, step ").append(i + 1)
                                .append(" (").append(d.steps().get(i).rule().title()).append(") is the first that stops holding.");
                        break;
                    }
                } catch (RuntimeException e) {
                    // A step that cannot be evaluated at numbers says nothing about the labels.
                }
            }
        }
        return sb.toString();
    }

    private static String indices(Map<String, Integer> m) {
        return m.isEmpty() ? "\u2014" : m.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    public ReadOnlyObjectProperty<InputError> logitsErrorProperty() {
        return logitsError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<InputError> labelsErrorProperty() {
        return labelsError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True while the input cannot be read and the result shown belongs to an earlier input. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return readOnlyRows;
    }
}
