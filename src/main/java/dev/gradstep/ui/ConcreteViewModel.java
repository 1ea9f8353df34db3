package dev.gradstep.ui;

import dev.gradstep.check.StepInstances;
import dev.gradstep.derivation.Derivation;
import dev.gradstep.tex.TexWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The current step written out for a small class count K: a few index cases typeset, and for a
 * step with two free indices the K x K matrix of its right side. Instantiation runs off the UI thread.
 */
public final class ConcreteViewModel {

    public static final int MIN_K = 2;
    public static final int MAX_K = 5;
    /** Index cases listed; more would not fit and teach nothing new. */
    public static final int SHOWN_CASES = 6;
    /** Longest LaTeX of one matrix row; a wider matrix could not be read at any window size, the cases can. */
    public static final int MAX_MATRIX_ROW_TEX = 160;

    /** One index case, typeset. */
    public record Case(String label, String tex) {
    }

    private final Executor background;
    private final Executor ui;
    private final StepInstances instances;
    private final TexWriter writer;
    private final ReadOnlyIntegerWrapper classes = new ReadOnlyIntegerWrapper(this, "classes", 3);
    private final ObservableList<Case> cases = FXCollections.observableArrayList();
    /** One read-only view, kept: a fresh wrapper per call holds its listeners weakly and loses them to GC. */
    private final ObservableList<Case> readOnlyCases = FXCollections.unmodifiableObservableList(cases);
    private final ReadOnlyStringWrapper matrixTex = new ReadOnlyStringWrapper(this, "matrixTex", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private Derivation derivation;
    private int stepIndex = -1;
    private int generation;

    public ConcreteViewModel(Executor background, Executor ui, StepInstances instances, TexWriter writer) {
        this.background = background;
        this.ui = ui;
        this.instances = instances;
        this.writer = writer;
    }

    public void setClasses(int k) {
        int clamped = Math.max(MIN_K, Math.min(MAX_K, k));
        if (clamped != classes.get()) {
            classes.set(clamped);
            recompute();
        }
    }

    public void show(Derivation d, int index) {
        derivation = d;
        stepIndex = index;
        recompute();
    }

    private void recompute() {
        int gen = ++generation;
        Derivation d = derivation;
        int idx = stepIndex;
        int k = classes.get();
        if (d == null || idx < 0) {
            cases.clear();
            matrixTex.set("");
            busy.set(false);
            return;
        }
        busy.set(true);
        background.execute(() -> {
            List<Case> out = new ArrayList<>();
            String matrix = "";
            String message;
            try {
                List<StepInstances.Instance> list = instances.instances(d, idx, k);
                for (StepInstances.Instance in : list.subList(0, Math.min(SHOWN_CASES, list.size()))) {
                    out.add(new Case(label(in.indices()), writer.write(in.left()) + " = " + writer.write(in.right())));
                }
                matrix = matrix(list, k);
                message = list.size() <= SHOWN_CASES ? ""
                        : !matrix.isEmpty() ? "The matrix holds all " + list.size() + " index cases; the first "
                        + SHOWN_CASES + " are written out in full."
                        : (list.size() - SHOWN_CASES) + " more index cases not shown.";
                if (list.isEmpty()) {
                    message = "No index case applies for K = " + k + ".";
                }
            } catch (RuntimeException e) {
                message = "This step cannot be written out for K = " + k + ": " + e.getMessage();
            }
            String m = matrix;
            String msg = message;
            ui.execute(() -> {
                if (gen == generation) {
                    busy.set(false);
                    cases.setAll(out);
                    matrixTex.set(m);
                    note.set(msg);
                }
            });
        });
    }

    /** With exactly two free indices and every (a, b) present, the right sides form a K x K matrix. */
    private String matrix(List<StepInstances.Instance> list, int k) {
        if (list.size() != k * k || list.isEmpty() || list.get(0).indices().size() != 2) {
            return "";
        }
        List<String> names = new ArrayList<>(new TreeSet<>(list.get(0).indices().keySet()));
        String[][] cells = new String[k][k];
        for (StepInstances.Instance in : list) {
            int r = in.indices().get(names.get(0)) - 1;
            int c = in.indices().get(names.get(1)) - 1;
            cells[r][c] = writer.write(in.right());
        }
        for (String[] row : cells) {
            int length = 0;
            for (String cell : row) {
                length += cell == null ? 0 : cell.length();
            }
            if (length > MAX_MATRIX_ROW_TEX) {
                return "";
            }
        }
        StringBuilder sb = new StringBuilder("\\left[\\begin{array}{" + "c".repeat(k) + "}");
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                sb.append(c > 0 ? " & " : "").append(cells[r][c] == null ? "" : cells[r][c]);
            }
            sb.append(r < k - 1 ? " \\\\ " : "");
        }
        sb.append("\\end{array}\\right]");
        return "\\text{rows } " + names.get(0) + ", \\text{ columns } " + names.get(1) + ": \\quad " + sb;
    }

    private static String label(Map<String, Integer> indices) {
        if (indices.isEmpty()) {
            return "no free index";
        }
        return indices.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", "));
    }

    public ReadOnlyIntegerProperty classesProperty() {
        return classes.getReadOnlyProperty();
    }

    public ObservableList<Case> cases() {
        return readOnlyCases;
    }

    public ReadOnlyStringProperty matrixTexProperty() {
        return matrixTex.getReadOnlyProperty();
    }

    /** True while the current step is being written out in the background. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }
}
