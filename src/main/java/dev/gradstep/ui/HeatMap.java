package dev.gradstep.ui;

import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The softmax Jacobian as a heat map: positive entries (the diagonal s_i(1 - s_i)) in one colour,
 * negative (-s_i s_j) in another, strength by magnitude. Colours come from CSS.
 */
public final class HeatMap extends Region {

    private static final StyleablePropertyFactory<HeatMap> CSS =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    private final Canvas canvas = new Canvas();
    private final StyleableProperty<Color> positive =
            CSS.createStyleableColorProperty(this, "positive", "-gs-positive-color", h -> h.positive, Color.web("#1f77b4"));
    private final StyleableProperty<Color> negative =
            CSS.createStyleableColorProperty(this, "negative", "-gs-negative-color", h -> h.negative, Color.web("#d62728"));
    private final StyleableProperty<Color> neutral =
            CSS.createStyleableColorProperty(this, "neutral", "-gs-neutral-color", h -> h.neutral, Color.WHITE);
    private double[][] values;

    public HeatMap() {
        getStyleClass().add("heat-map");
        getChildren().add(canvas);
        widthProperty().addListener((o, a, b) -> draw());
        heightProperty().addListener((o, a, b) -> draw());
        ((ObservableValue<?>) positive).addListener((o, a, b) -> draw());
        ((ObservableValue<?>) negative).addListener((o, a, b) -> draw());
        ((ObservableValue<?>) neutral).addListener((o, a, b) -> draw());
        setPrefSize(260, 260);
        setMinSize(120, 120);
    }

    public void setValues(double[][] matrix) {
        values = matrix;
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
        double max = 1e-300;
        for (double[] row : values) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        double cell = size / k;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double v = values[i][j] / max;
                Color base = v >= 0 ? positive.getValue() : negative.getValue();
                gc.setFill(neutral.getValue().interpolate(base, Math.min(1, Math.abs(v))));
                gc.fillRect(j * cell, i * cell, Math.ceil(cell), Math.ceil(cell));
            }
        }
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
