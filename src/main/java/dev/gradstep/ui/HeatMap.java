package dev.gradstep.ui;

import java.util.List;
import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The softmax Jacobian as a heat map: positive entries (the diagonal s_i(1 - s_i)) in one colour,
 * negative (-s_i s_j) in another, strength by magnitude. Colours come from CSS.
 */
public final class HeatMap extends Region {

    /** Below this cell size (pixels) index labels, and below the next the values, would be unreadable. */
    private static final double MIN_LABELLED_CELL = 9;
    private static final double MIN_VALUE_CELL = 44;

    private static final StyleablePropertyFactory<HeatMap> CSS =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    private final Canvas canvas = new Canvas();
    private final StyleableProperty<Color> positive =
            CSS.createStyleableColorProperty(this, "positive", "-gs-positive-color", h -> h.positive, Color.web("#1f77b4"));
    private final StyleableProperty<Color> negative =
            CSS.createStyleableColorProperty(this, "negative", "-gs-negative-color", h -> h.negative, Color.web("#d62728"));
    private final StyleableProperty<Color> neutral =
            CSS.createStyleableColorProperty(this, "neutral", "-gs-neutral-color", h -> h.neutral, Color.WHITE);
    private final StyleableProperty<Color> labelColor =
            CSS.createStyleableColorProperty(this, "labelColor", "-gs-label-color", h -> h.labelColor, Color.GRAY);
    private double[][] values;
    private int firstIndex;

    public HeatMap() {
        getStyleClass().add("heat-map");
        getChildren().add(canvas);
        widthProperty().addListener((o, a, b) -> draw());
        heightProperty().addListener((o, a, b) -> draw());
        ((ObservableValue<?>) positive).addListener((o, a, b) -> draw());
        ((ObservableValue<?>) negative).addListener((o, a, b) -> draw());
        ((ObservableValue<?>) neutral).addListener((o, a, b) -> draw());
        ((ObservableValue<?>) labelColor).addListener((o, a, b) -> draw());
        setPrefSize(300, 300);
        setMinSize(120, 120);
    }

    /** Shows a square matrix; rows and columns are numbered from {@code firstIndex}. */
    public void setValues(double[][] matrix, int firstIndex) {
        values = matrix;
        this.firstIndex = firstIndex;
        draw();
    }

    private void draw() {
        double size = Math.max(0, Math.min(getWidth() - snappedLeftInset() - snappedRightInset(),
                getHeight() - snappedTopInset() - snappedBottomInset()));
        canvas.setWidth(size);
        canvas.setHeight(size);
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.clearRect(0, 0, size, size);
        if (values == null || values.length == 0 || size == 0) {
            return;
        }
        int k = values.length;
        double cell0 = size / (k + 1);
        boolean labelled = cell0 >= MIN_LABELLED_CELL;
        double margin = labelled ? Math.min(cell0, 28) : 0;
        double max = 1e-300;
        for (double[] row : values) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        double cell = (size - margin) / k;
        boolean numbers = labelled && cell >= MIN_VALUE_CELL;
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.setFont(Font.font(Math.min(13, cell / 4.5)));
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double v = values[i][j] / max;
                Color base = v >= 0 ? positive.getValue() : negative.getValue();
                Color fill = neutral.getValue().interpolate(base, Math.min(1, Math.abs(v)));
                gc.setFill(fill);
                double x = margin + j * cell;
                double y = margin + i * cell;
                gc.fillRect(x, y, Math.ceil(cell), Math.ceil(cell));
                if (numbers) {
                    gc.setFill(fill.getBrightness() < 0.6 || luminance(fill) < 0.4 ? Color.WHITE : Color.BLACK);
                    gc.fillText(String.format(Locale.ROOT, "%.3g", values[i][j]), x + cell / 2, y + cell / 2);
                }
            }
        }
        if (labelled) {
            gc.setFill(labelColor.getValue());
            gc.setFont(Font.font(Math.min(13, margin / 2)));
            for (int i = 0; i < k; i++) {
                String n = Integer.toString(firstIndex + i);
                gc.fillText(n, margin + i * cell + cell / 2, margin / 2);
                gc.fillText(n, margin / 2, margin + i * cell + cell / 2);
            }
        }
    }

    private static double luminance(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }

    @Override
    protected void layoutChildren() {
        canvas.relocate(snappedLeftInset(), snappedTopInset());
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }
}
