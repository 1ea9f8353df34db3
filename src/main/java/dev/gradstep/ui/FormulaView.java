package dev.gradstep.ui;

import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.CssMetaData;
import javafx.css.StyleableProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.StyleablePropertyFactory;
import javafx.css.Styleable;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A typeset formula on a Canvas: vector painting keeps it crisp at any window size and output
 * scale. It shrinks the font to fit its width, never below a readable minimum (then it scrolls).
 * Colours and size come from CSS ({@code -gs-formula-color}, {@code -gs-highlight-color},
 * {@code -gs-formula-size}) so themes stay in the style sheets.
 */
public final class FormulaView extends Region {

    private static final StyleablePropertyFactory<FormulaView> CSS =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());
    private static final double MIN_SIZE = 14;

    private final FormulaRenderer renderer;
    private final Canvas canvas = new Canvas();
    private final StringProperty tex = new SimpleStringProperty(this, "tex", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final StyleableProperty<Color> formulaColor =
            CSS.createStyleableColorProperty(this, "formulaColor", "-gs-formula-color", v -> v.formulaColor, Color.BLACK);
    private final StyleableProperty<Color> highlightColor =
            CSS.createStyleableColorProperty(this, "highlightColor", "-gs-highlight-color", v -> v.highlightColor, Color.web("#c0392b"));
    private final StyleableProperty<Number> formulaSize =
            CSS.createStyleableNumberProperty(this, "formulaSize", "-gs-formula-size", v -> v.formulaSize, 24);
    private FormulaRenderer.Layout layout;
    private double layoutSize;
    /** True when even the minimum size is wider than the view: then it claims its width and the pane scrolls. */
    private boolean overflowing;
    private long paintCount;
    private boolean centred = true;

    public FormulaView(FormulaRenderer renderer) {
        this.renderer = renderer;
        getStyleClass().add("formula-view");
        getChildren().add(canvas);
        tex.addListener((o, a, b) -> relayout());
        ((ObservableValue<?>) formulaColor).addListener((o, a, b) -> relayout());
        ((ObservableValue<?>) highlightColor).addListener((o, a, b) -> relayout());
        ((ObservableValue<?>) formulaSize).addListener((o, a, b) -> relayout());
        widthProperty().addListener((o, a, b) -> relayout());
        setMinHeight(USE_PREF_SIZE);
    }

    public StringProperty texProperty() {
        return tex;
    }

    public void setTex(String value) {
        tex.set(value == null ? "" : value);
    }

    /** Empty, or why the LaTeX could not be typeset (the raw text is shown instead). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Lays out these formulas in the background at this view's size and colours, ready to show. */
    public void prefetch(List<String> texts, java.util.concurrent.Executor background) {
        double size = formulaSize.getValue().doubleValue();
        String hex = FormulaRenderer.hex(highlightColor.getValue());
        List<String> copy = List.copyOf(texts);
        background.execute(() -> renderer.prepare(copy, size, hex));
    }

    /** Centred in its width (default), or flush left where formulas are read as a list. */
    public void setCentred(boolean value) {
        centred = value;
        requestLayout();
    }

    public long paintCount() {
        return paintCount;
    }

    private void relayout() {
        String text = tex.get();
        layout = null;
        overflowing = false;
        if (text != null && !text.isBlank()) {
            double size = formulaSize.getValue().doubleValue();
            try {
                String hex = FormulaRenderer.hex(highlightColor.getValue());
                layout = renderer.layout(text, size, hex);
                double avail = getWidth() - snappedLeftInset() - snappedRightInset();
                if (avail > 0 && layout.width() > avail) {
                    FormulaRenderer.Layout smallest = renderer.layout(text, MIN_SIZE, hex);
                    if (Math.ceil(smallest.width()) >= avail - 0.5) {
                        // Stays at the minimum while the view is only as wide as the minimum: no creeping.
                        layout = smallest;
                        size = MIN_SIZE;
                        overflowing = true;
                    } else {
                        double fitted = Math.max(MIN_SIZE, size * avail / layout.width());
                        FormulaRenderer.Layout l = renderer.layout(text, fitted, hex);
                        if (l.width() > avail) {
                            fitted = Math.max(MIN_SIZE, fitted * avail / l.width() - 0.1);
                            l = renderer.layout(text, fitted, hex);
                        }
                        layout = l;
                        size = fitted;
                    }
                }
                layoutSize = size;
                problem.set("");
            } catch (RuntimeException e) {
                problem.set("Cannot typeset: " + e.getMessage());
                layout = null;
            }
        }
        requestLayout();
        repaint();
    }

    private void repaint() {
        double w = layout == null ? 0 : Math.ceil(layout.width());
        double h = layout == null ? 0 : Math.ceil(layout.height());
        canvas.setWidth(w);
        canvas.setHeight(h);
        canvas.getGraphicsContext2D().clearRect(0, 0, w, h);
        if (layout != null) {
            renderer.paint(canvas, layout, 0, 0, formulaColor.getValue());
        }
        paintCount++;
    }

    double laidOutSize() {
        return layoutSize;
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double w = getWidth() - in.getLeft() - in.getRight();
        double x = in.getLeft() + (centred ? Math.max(0, (w - canvas.getWidth()) / 2) : 0);
        canvas.relocate(snapPositionX(x), snapPositionY(in.getTop()));
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + canvas.getWidth();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + (overflowing ? canvas.getWidth() : 0);
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + snappedBottomInset() + canvas.getHeight();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }
}
