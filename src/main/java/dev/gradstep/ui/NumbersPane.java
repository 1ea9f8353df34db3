package dev.gradstep.ui;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The "Your numbers" tab: inputs, tables, charts and the Jacobian heat map, bound to its view model. */
final class NumbersPane extends ScrollPane {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final double MIN_CHART_WIDTH = 300;
    /** As wide as most numbers the tables show (six significant digits and a sign, as num writes them). */
    private static final String NUMBER_SAMPLE = "-0.0985659";

    final NumbersField logits;
    final NumbersField labels;
    final Label logitsMessage = new Label();
    final Label labelsMessage = new Label();
    final Label summary = new Label();
    final Label labelsNote = new Label();
    final Label moreRows = new Label();
    final TableView<NumbersViewModel.Row> table = new TableView<>();
    final TableView<NumbersViewModel.StepValue> stepTable = new TableView<>();
    final Label stepNote = new Label();
    final BarChart<String, Number> probabilities = new BarChart<>(new CategoryAxis(), new NumberAxis());
    final BarChart<String, Number> gradient = new BarChart<>(new CategoryAxis(), new NumberAxis());
    /** Kept for the pane's life and updated in place, so a new result neither flickers nor rebuilds the charts. */
    private final XYChart.Series<String, Number> softmaxSeries = series("s (softmax)");
    private final XYChart.Series<String, Number> labelSeries = series("y (label)");
    private final XYChart.Series<String, Number> analyticSeries = series("analytic s\u00b7\u03a3y \u2212 y");
    private final XYChart.Series<String, Number> numericSeries = series("numeric check");
    private final HeatMap heatMap = new HeatMap();
    private final Label heatNote = new Label();

    NumbersPane(NumbersViewModel vm) {
        getStyleClass().add("numbers-pane");
        setFitToWidth(true);
        logits = new NumbersField(vm.logitsTextProperty());
        labels = new NumbersField(vm.labelsTextProperty());
        logits.setPromptText("e.g. 2.0, 1.0, 0.1  or  [2. 1. 0.1]");
        labels.setPromptText("a class 0..K-1, or one value per class");
        logits.setTooltip(new Tooltip("Logits z: numbers separated by commas, spaces or new lines;\n"
                + "a spreadsheet row or a NumPy print pastes as is."));
        labels.setTooltip(new Tooltip("Labels y: the true class (0-based, as in NumPy/PyTorch) for one-hot labels,\n"
                + "or one value per class for soft labels."));
        for (Label l : new Label[] {logitsMessage, labelsMessage}) {
            l.getStyleClass().add("input-message");
            l.setWrapText(true);
            l.managedProperty().bind(l.textProperty().isNotEmpty());
            l.visibleProperty().bind(l.managedProperty());
        }
        Label zl = new Label("_Logits z");
        zl.setMnemonicParsing(true);
        zl.setLabelFor(logits);
        Label yl = new Label("La_bels y");
        yl.setMnemonicParsing(true);
        yl.setLabelFor(labels);
        ProgressIndicator busy = new ProgressIndicator();
        busy.getStyleClass().add("small-progress");
        busy.visibleProperty().bind(vm.busyProperty());
        busy.setTooltip(new Tooltip("Computing in the background"));
        GridPane inputs = new GridPane();
        inputs.getStyleClass().add("inputs");
        javafx.scene.control.Button fromFile = new javafx.scene.control.Button("Load logits from file\u2026");
        fromFile.setTooltip(new Tooltip("Read the logits from a text file (a million work); the field shows @FILE.\n"
                + "Typing @/path/to/logits.txt does the same."));
        fromFile.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle("Logits from a file");
            java.io.File chosen = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (chosen != null) {
                vm.loadLogits(chosen.toPath());
            }
        });
        inputs.addRow(0, zl, logits.holder(), busy, fromFile);
        inputs.add(logitsMessage, 1, 1);
        inputs.addRow(2, yl, labels.holder());
        inputs.add(labelsMessage, 1, 3);
        GridPane.setHgrow(logits.holder(), Priority.ALWAYS);
        GridPane.setHgrow(labels.holder(), Priority.ALWAYS);

        vm.logitsErrorProperty().addListener((o, a, e) -> mark(logits, logitsMessage, e));
        vm.labelsErrorProperty().addListener((o, a, e) -> mark(labels, labelsMessage, e));

        summary.getStyleClass().add("summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        labelsNote.getStyleClass().add("warning-note");
        labelsNote.setWrapText(true);
        moreRows.getStyleClass().add("muted");
        stepNote.getStyleClass().add("muted");
        stepNote.setWrapText(true);
        heatNote.getStyleClass().add("muted");
        heatNote.setWrapText(true);
        for (Label l : new Label[] {moreRows, stepNote, labelsNote}) {
            l.managedProperty().bind(l.textProperty().isNotEmpty());
            l.visibleProperty().bind(l.managedProperty());
        }

        table.getColumns().add(column("class", r -> Integer.toString(r.index())));
        table.getColumns().get(0).setPrefWidth(60);
        table.getColumns().add(column("z", r -> num(r.logit())));
        table.getColumns().add(column("s", r -> num(r.probability())));
        table.getColumns().add(column("y", r -> num(r.label())));
        table.getColumns().add(column("\u2202L/\u2202z", r -> num(r.gradient())));
        table.getColumns().add(column("numeric check", r -> num(r.numericGradient())));
        table.getColumns().forEach(c -> keepWhole(c, c == table.getColumns().get(0) ? "99" : NUMBER_SAMPLE));
        table.setItems(vm.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(26);
        table.prefHeightProperty().bind(javafx.beans.binding.Bindings.size(table.getItems()).multiply(26).add(34));
        table.setMinHeight(80);
        table.setTooltip(new Tooltip("The classes with the largest gradient (up to " + NumbersViewModel.SHOWN_ROWS + ")"));

        TableColumn<NumbersViewModel.StepValue, String> idx = new TableColumn<>("indices (1..K)");
        idx.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().indices()));
        stepTable.getColumns().add(idx);
        stepTable.getColumns().add(stepColumn("left side", v -> num(v.left())));
        stepTable.getColumns().add(stepColumn("right side", v -> num(v.right())));
        stepTable.getColumns().add(stepColumn("equal?", v -> v.agrees() ? "\u2713 equal" : "\u2717 differ"));
        stepTable.getColumns().forEach(c -> keepWhole(c, c == idx ? "i=5, j=5" : NUMBER_SAMPLE));
        stepTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        stepTable.setFixedCellSize(26);
        stepTable.prefHeightProperty().bind(javafx.beans.binding.Bindings.min(12, javafx.beans.binding.Bindings.size(
                stepTable.getItems())).multiply(26).add(34));
        stepTable.setMinHeight(60);
        stepTable.setTooltip(new Tooltip("The current step's two sides at your numbers, per index case"));

        probabilities.setTitle("Probabilities s vs labels y");
        gradient.setTitle("Gradient per class");
        for (BarChart<String, Number> c : java.util.List.of(probabilities, gradient)) {
            c.setAnimated(false);
            c.setPrefHeight(240);
            c.setMinWidth(MIN_CHART_WIDTH);
            c.getStyleClass().add("numbers-chart");
        }
        probabilities.getData().setAll(java.util.List.of(softmaxSeries, labelSeries));
        gradient.getData().setAll(java.util.List.of(analyticSeries));
        ((NumberAxis) gradient.getYAxis()).setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                // The axis's own labels print a rounding error at zero as "-0.0".
                double v = Math.abs(n.doubleValue()) < 1e-12 ? 0 : n.doubleValue();
                return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(3)).stripTrailingZeros()
                        .toPlainString();
            }

            @Override
            public Number fromString(String text) {
                return Double.valueOf(text);
            }
        });
        Tooltip.install(heatMap, new Tooltip("Softmax Jacobian \u2202s_i/\u2202z_j: diagonal positive, off-diagonal negative"));

        vm.resultProperty().addListener((o, a, r) -> show(r));

        Label tableTitle = new Label("Per class: the gradient s\u00b7\u03a3y \u2212 y and its numeric check "
                + "(classes numbered from 0, like the label you type)");
        tableTitle.setWrapText(true);
        tableTitle.getStyleClass().add("section-title");
        Label stepTitle = new Label("The current step at your numbers (indices 1..K, as in the maths)");
        stepTitle.setWrapText(true);
        stepTitle.getStyleClass().add("section-title");
        Label heatTitle = new Label("Jacobian \u2202s\u1d62/\u2202z\u2c7c");
        heatTitle.getStyleClass().add("section-title");
        FlowPane charts = new FlowPane(probabilities, gradient);
        charts.getStyleClass().add("charts");
        HBox.setHgrow(charts, Priority.ALWAYS);
        charts.widthProperty().addListener((o, a, w) -> sizeCharts(w.doubleValue() - charts.getHgap()));
        VBox heat = new VBox(heatTitle, heatMap, heatNote);
        heat.getStyleClass().add("section");
        VBox results = new VBox(labelsNote, tableTitle, table, moreRows, stepTitle, stepTable, stepNote, charts, heat);
        results.getStyleClass().add("numbers-results");
        results.opacityProperty().bind(javafx.beans.binding.Bindings.when(vm.staleProperty()).then(0.45).otherwise(1.0));
        VBox content = new VBox(inputs, summary, results);
        content.getStyleClass().add("numbers-content");
        content.setPadding(new Insets(12));
        charts.prefWrapLengthProperty().bind(content.widthProperty().subtract(30));
        setContent(content);
        if (vm.resultProperty().get() != null) {
            show(vm.resultProperty().get());
        }
    }

    /** Two charts side by side while each gets a readable width, else one above the other. */
    private void sizeCharts(double width) {
        double each = width / 2 >= MIN_CHART_WIDTH ? Math.floor(width / 2) : Math.max(MIN_CHART_WIDTH, width);
        probabilities.setPrefWidth(each);
        gradient.setPrefWidth(each);
    }

    private void show(NumbersViewModel.Result r) {
        if (r == null) {
            return;
        }
        labelsNote.setText(r.labelsNote());
        moreRows.setText(r.hiddenRows() > 0 ? "\u2026 " + r.hiddenRows() + " more classes (K = " + r.classes()
                + "); the table and charts show the " + r.rows().size() + " with the largest gradient." : "");
        java.util.List<String> classes = new java.util.ArrayList<>(r.rows().size());
        java.util.List<String> checked = new java.util.ArrayList<>(r.rows().size());
        double[] s = new double[r.rows().size()];
        double[] y = new double[s.length];
        double[] g = new double[s.length];
        double[] n = new double[s.length];
        for (NumbersViewModel.Row row : r.rows()) {
            String c = Integer.toString(row.index());
            int i = classes.size();
            classes.add(c);
            s[i] = row.probability();
            y[i] = row.label();
            g[i] = row.gradient();
            if (!Double.isNaN(row.numericGradient())) {
                n[checked.size()] = row.numericGradient();
                checked.add(c);
            }
        }
        update(softmaxSeries, classes, s);
        update(labelSeries, classes, y);
        update(analyticSeries, classes, g);
        update(numericSeries, checked, n);
        // The numeric bars sit beside the analytic ones: equal heights are the check passing.
        boolean numeric = !checked.isEmpty();
        if (numeric != gradient.getData().contains(numericSeries)) {
            if (numeric) {
                gradient.getData().add(numericSeries);
            } else {
                gradient.getData().remove(numericSeries);
            }
        }
        gradient.setLegendVisible(numeric);
        stepTable.getItems().setAll(r.stepValues());
        stepNote.setText(r.stepNote());
        heatMap.setValues(r.jacobian(), 0);
        heatMap.setVisible(r.jacobian() != null);
        heatMap.setManaged(r.jacobian() != null);
        heatNote.setText(r.jacobian() != null ? "Rows i, columns j (classes numbered from 0, as in the table). "
                + "Blue: positive (the diagonal s\u1d62(1 \u2212 s\u1d62)), red: negative (\u2212s\u1d62s\u2c7c). K = "
                + r.classes() : r.jacobianNote());
    }

    private static XYChart.Series<String, Number> series(String name) {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }

    /**
     * Gives the series the bars {@code classes[i] -> values[i]}: bars whose class stays in its place get
     * the new value, and only the rest are removed or added (a bar chart files a bar under the class it
     * was added with, so a bar cannot change its class).
     */
    static void update(XYChart.Series<String, Number> series, java.util.List<String> classes, double[] values) {
        javafx.collections.ObservableList<XYChart.Data<String, Number>> data = series.getData();
        int same = 0;
        while (same < data.size() && same < classes.size() && data.get(same).getXValue().equals(classes.get(same))) {
            XYChart.Data<String, Number> d = data.get(same);
            if (d.getYValue().doubleValue() != values[same]) {
                d.setYValue(values[same]);
            }
            same++;
        }
        if (same < data.size()) {
            data.remove(same, data.size());
        }
        if (same < classes.size()) {
            java.util.List<XYChart.Data<String, Number>> added = new java.util.ArrayList<>(classes.size() - same);
            for (int i = same; i < classes.size(); i++) {
                added.add(new XYChart.Data<>(classes.get(i), values[i]));
            }
            data.addAll(added);
        }
    }

    private static void mark(NumbersField field, Label message, NumbersViewModel.InputError e) {
        field.setProblem(e);
        message.setText(e == null ? "" : e.message());
    }

    /**
     * A column is never narrower than its header (bold 14 px, as the style sheet sets it) or a
     * typical value in it, padding included: in a narrow window the table scrolls sideways instead
     * of cutting titles and digits.
     */
    private static void keepWhole(TableColumn<?, ?> c, String typical) {
        double header = textWidth(c.getText(), javafx.scene.text.FontWeight.BOLD);
        double value = textWidth(typical, javafx.scene.text.FontWeight.NORMAL);
        c.setMinWidth(Math.ceil(Math.max(header, value)) + 24);
    }

    private static double textWidth(String text, javafx.scene.text.FontWeight weight) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(javafx.scene.text.Font.font(null, weight, 14));
        return t.getLayoutBounds().getWidth();
    }

    private static TableColumn<NumbersViewModel.Row, String> column(String title,
                                                                     Function<NumbersViewModel.Row, String> value) {
        TableColumn<NumbersViewModel.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> (ObservableValue<String>) new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setSortable(false);
        c.setPrefWidth(120);
        return c;
    }

    private static TableColumn<NumbersViewModel.StepValue, String> stepColumn(String title,
                                                                               Function<NumbersViewModel.StepValue, String> value) {
        TableColumn<NumbersViewModel.StepValue, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    /**
     * A one-line field over the view model's text. It keeps pasted tabs and line breaks as separators
     * (a plain TextField drops them, so a spreadsheet row {@code 2<TAB>1<TAB>0.1} would become 210.1),
     * and it never holds a huge paste: laying out 10^5 numbers as one line of text takes the UI thread
     * seconds. Beyond {@link #MAX_SHOWN_CHARS} it shows a summary, and any edit replaces the whole input.
     */
    static final class NumbersField extends TextField {
        static final int MAX_SHOWN_CHARS = 20_000;
        private static final PseudoClass SUMMARISED = PseudoClass.getPseudoClass("summarised");

        private final javafx.beans.property.StringProperty source;
        private final javafx.scene.layout.StackPane holder;
        private final javafx.scene.layout.Region underline = new javafx.scene.layout.Region();
        private NumbersViewModel.InputError problem;
        private boolean syncing;
        private boolean summarised;

        NumbersField(javafx.beans.property.StringProperty source) {
            this.source = source;
            underline.getStyleClass().add("token-underline");
            underline.setManaged(false);
            underline.setMouseTransparent(true);
            underline.setVisible(false);
            // The underline lies over the field, not in it: the skin owns the field's children.
            holder = new javafx.scene.layout.StackPane(this, underline);
            holder.getStyleClass().add("numbers-field-holder");
            holder.setAlignment(javafx.geometry.Pos.TOP_LEFT);
            // Moving the caret can scroll the text; the underline follows in the next layout.
            caretPositionProperty().addListener((o, a, b) -> requestLayout());
            show(source.get());
            source.addListener((o, a, b) -> {
                if (!syncing) {
                    show(b);
                }
            });
            textProperty().addListener((o, a, b) -> {
                if (!syncing && !summarised) {
                    syncing = true;
                    try {
                        source.set(b);
                    } finally {
                        syncing = false;
                    }
                }
            });
            focusedProperty().addListener((o, a, b) -> {
                if (b && summarised) {
                    javafx.application.Platform.runLater(this::selectAll);
                }
            });
        }

        /** The field with its underline over it: what goes into the layout. */
        javafx.scene.layout.StackPane holder() {
            return holder;
        }

        /** The mark under the offending token (hidden when there is none). */
        javafx.scene.layout.Region underline() {
            return underline;
        }

        /**
         * Underlines the problem's token. Where there is none to point at (no token, or a summary shown
         * instead of the text) the whole field is marked instead.
         */
        void setProblem(NumbersViewModel.InputError e) {
            problem = e;
            requestLayout();
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            placeUnderline();
        }

        private void placeUnderline() {
            NumbersViewModel.InputError e = problem;
            boolean token = e != null && e.hasToken() && !summarised && e.start() < getLength()
                    && getSkin() instanceof javafx.scene.control.skin.TextFieldSkin;
            pseudoClassStateChanged(INVALID, e != null && !token);
            javafx.scene.control.skin.TextFieldSkin skin = token ? (javafx.scene.control.skin.TextFieldSkin) getSkin() : null;
            int end = token ? Math.min(e.end(), getLength()) : 0;
            Rectangle2D first = token ? skin.getCharacterBounds(e.start()) : null;
            Rectangle2D last = token ? skin.getCharacterBounds(end - 1) : null;
            if (first == null || last == null) {
                underline.setVisible(false);
                return;
            }
            // A character's box is a little wider than its advance; the next character starts where it ends.
            Rectangle2D next = end < getLength() ? skin.getCharacterBounds(end) : null;
            double tokenRight = next != null && next.getMinX() > first.getMinX() ? next.getMinX() : last.getMaxX();
            // Only the part of the token inside the visible text area, which scrolls under a long text.
            double left = Math.max(snappedLeftInset(), first.getMinX());
            double right = Math.min(getWidth() - snappedRightInset(), tokenRight);
            double height = underline.prefHeight(-1);
            double y = Math.min(last.getMaxY(), getHeight() - snappedBottomInset() / 2 - height);
            underline.setVisible(right > left);
            underline.resizeRelocate(getLayoutX() + left, getLayoutY() + y, Math.max(0, right - left), height);
        }

        /** True while the field shows a summary instead of the text itself. */
        boolean summarised() {
            return summarised;
        }

        @Override
        public void replaceText(int start, int end, String text) {
            String clean = text == null ? "" : text.replaceAll("[\\t\\r\\n]+", " ");
            if (syncing) {
                super.replaceText(start, end, clean);
            } else if (summarised) {
                source.set(clean);
            } else if (getLength() - (end - start) + clean.length() > MAX_SHOWN_CHARS) {
                source.set(getText().substring(0, start) + clean + getText().substring(end));
            } else {
                super.replaceText(start, end, clean);
            }
        }

        private void show(String text) {
            String value = text == null ? "" : text;
            syncing = true;
            try {
                summarised = value.length() > MAX_SHOWN_CHARS;
                pseudoClassStateChanged(SUMMARISED, summarised);
                setText(summarised ? summary(value) : value);
                if (summarised) {
                    positionCaret(0);
                }
            } finally {
                syncing = false;
            }
        }

        private static String summary(String text) {
            String head = text.substring(0, 60).trim();
            String tail = text.substring(text.length() - 30).trim();
            return "\u2039" + String.format(Locale.ROOT, "%,d", text.length()) + " characters pasted; type or paste to "
                    + "replace\u203a  " + head + " \u2026 " + tail;
        }
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "\u2014";
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
