package dev.gradstep.ui;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javax.imageio.ImageIO;
import org.jfree.fx.FXGraphics2D;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * The one bridge to JLaTeXMath: parses LaTeX, paints it on a Canvas (vector, crisp at any output
 * scale) and exports SVG and PNG. {@code \gshl{..}} marks the changed part of a step; it is painted
 * in the caller's highlight colour.
 */
public final class FormulaRenderer {

    /** Marker macro for the part of a step that changed; replaced by a colour at paint time. */
    public static final String HIGHLIGHT = "\\gshl";
    /** The highlight colour in exported images (the light theme's). */
    static final String PRINT_HIGHLIGHT = "#c0392b";

    /** A laid-out formula: its size in pixels at the requested font size. */
    public static final class Layout {
        private final TeXIcon icon;

        private Layout(TeXIcon icon) {
            this.icon = icon;
        }

        public double width() {
            return icon.getIconWidth();
        }

        public double height() {
            return icon.getIconHeight();
        }
    }

    /** Recently laid-out formulas; stepping back and forth reuses them. */
    private final Map<String, Layout> cache = new LinkedHashMap<>(128, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Layout> eldest) {
            return size() > 256;
        }
    };
    private final CompletableFuture<Void> warm = new CompletableFuture<>();
    private final Object initLock = new Object();
    private boolean initialised;
    private boolean fxFontsLoaded;

    /**
     * Registers fonts and shims and lays out a first formula; call on a background thread once the
     * JavaFX toolkit is running (loading a JavaFX font earlier starts a second graphics pipeline).
     */
    public CompletableFuture<Void> warmUp() {
        try {
            ensureFxFonts();
            layout("\\frac{\\partial L}{\\partial z_j} = \\sum_i y_i", 20, "#000000");
            warm.complete(null);
        } catch (RuntimeException e) {
            warm.completeExceptionally(e);
        }
        return warm;
    }

    /**
     * Loads JLaTeXMath's classes and fonts (about a second) without touching JavaFX, so the launcher
     * can start it before the toolkit is up. Holds no state: the engine's own caches keep the work.
     */
    public static void preloadEngine() {
        skipSystemFontRegistration();
        new TeXFormula("\\frac{\\partial L}{\\partial z_j} = \\sum_{i=1}^{K} y_i \\log s_i")
                .createTeXIcon(TeXConstants.STYLE_DISPLAY, 20);
    }

    public CompletableFuture<Void> whenWarm() {
        return warm;
    }

    /** Empty when the LaTeX can be typeset, else JLaTeXMath's reason. */
    public Optional<String> problem(String tex) {
        try {
            layout(tex, 20, "#000000");
            return Optional.empty();
        } catch (ParseException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    /** Lays out LaTeX at a font size in pixels; throws JLaTeXMath's unchecked ParseException. */
    public Layout layout(String tex, double size, String highlightHex) {
        ensureInitialised();
        String resolved = resolveHighlight(tex, highlightHex);
        String key = size + "|" + resolved;
        synchronized (cache) {
            Layout hit = cache.get(key);
            if (hit != null) {
                return hit;
            }
        }
        TeXFormula formula = new TeXFormula(resolved);
        TeXIcon icon = formula.createTeXIcon(TeXConstants.STYLE_DISPLAY, (float) size);
        icon.setInsets(new Insets(2, 2, 2, 2));
        Layout layout = new Layout(icon);
        synchronized (cache) {
            cache.put(key, layout);
        }
        return layout;
    }

    /** Lays out formulas ahead of time (background thread) so stepping to them costs only painting. */
    public void prepare(List<String> texts, double size, String highlightHex) {
        for (String t : texts) {
            try {
                layout(t, size, highlightHex);
            } catch (RuntimeException e) {
                // A formula that cannot be typeset is reported when it is shown.
            }
        }
    }

    /** Paints a laid-out formula onto a canvas at (x, y) in the given colour. */
    public void paint(Canvas canvas, Layout layout, double x, double y, javafx.scene.paint.Color color) {
        ensureFxFonts();
        GraphicsContext gc = canvas.getGraphicsContext2D();
        FXGraphics2D g2 = new FXGraphics2D(gc);
        g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        layout.icon.setForeground(toAwt(color));
        layout.icon.paintIcon(null, g2, (int) Math.round(x), (int) Math.round(y));
    }

    /** The formula as a standalone SVG document with glyphs drawn as paths. */
    public String toSvg(String tex, double size, javafx.scene.paint.Color color) {
        Layout l = layout(tex, size, hex(color));
        SVGGraphics2D g2 = new SVGGraphics2D(l.width(), l.height());
        g2.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        l.icon.setForeground(toAwt(color));
        l.icon.paintIcon(null, g2, 0, 0);
        return g2.getSVGDocument();
    }

    /** The formula as PNG bytes on a transparent background, at {@code scale} times the font size. */
    public byte[] toPng(String tex, double size, double scale, javafx.scene.paint.Color color) {
        Layout l = layout(tex, size * scale, hex(color));
        BufferedImage image = new BufferedImage(Math.max(1, (int) Math.ceil(l.width())),
                Math.max(1, (int) Math.ceil(l.height())), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            l.icon.setForeground(toAwt(color));
            l.icon.paintIcon(null, g2, 0, 0);
        } finally {
            g2.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * For a file: marked parts in the light theme's highlight red, which reads on white paper
     * and slides whichever theme the window shows.
     */
    static String forPrint(String tex) {
        return resolveHighlight(tex, PRINT_HIGHLIGHT);
    }

    /** {@code \gshl{x}} becomes {@code \textcolor{#rrggbb}{x}}; plain when no colour is given. */
    static String resolveHighlight(String tex, String highlightHex) {
        if (!tex.contains(HIGHLIGHT)) {
            return tex;
        }
        String replacement = highlightHex == null ? "" : "\\textcolor{" + highlightHex + "}";
        return tex.replace(HIGHLIGHT, replacement);
    }

    public static String hex(javafx.scene.paint.Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }

    private static Color toAwt(javafx.scene.paint.Color c) {
        return new Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
    }

    /** JLaTeXMath alone: layout, SVG and PNG need no JavaFX, so tests and exports never start the toolkit. */
    private void ensureInitialised() {
        synchronized (initLock) {
            if (initialised) {
                return;
            }
            skipSystemFontRegistration();
            new TeXFormula("x");
            initialised = true;
        }
    }

    /**
     * JLaTeXMath paints with the Font objects it creates, so registering them with AWT by name adds
     * nothing; it would make AWT list every font on the system first (a third of JLaTeXMath's start).
     */
    private static void skipSystemFontRegistration() {
        TeXFormula.registerFonts(false);
    }

    private void ensureFxFonts() {
        ensureInitialised();
        synchronized (initLock) {
            if (fxFontsLoaded) {
                return;
            }
            registerFonts();
            fxFontsLoaded = true;
        }
    }

    /** Without these JavaFX fonts FXGraphics2D draws JLaTeXMath's glyphs as garbage. */
    private static void registerFonts() {
        ClassLoader loader = TeXFormula.class.getClassLoader();
        List<String> anchors = List.of("org/scilab/forge/jlatexmath/fonts/base/jlm_cmmi10.ttf",
                "org/scilab/forge/jlatexmath/greek/fonts/language_greek.xml",
                "org/scilab/forge/jlatexmath/cyrillic/fonts/language_cyrillic.xml");
        for (String anchor : anchors) {
            URL url = loader.getResource(anchor);
            if (url == null) {
                continue;
            }
            for (String name : fontEntries(url)) {
                try (InputStream in = loader.getResourceAsStream(name)) {
                    if (in != null) {
                        Font.loadFont(in, 10);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static List<String> fontEntries(URL anchor) {
        List<String> names = new ArrayList<>();
        try {
            if (anchor.openConnection() instanceof JarURLConnection jar) {
                jar.setUseCaches(false);
                try (JarFile file = jar.getJarFile()) {
                    Enumeration<JarEntry> entries = file.entries();
                    while (entries.hasMoreElements()) {
                        String n = entries.nextElement().getName();
                        if (n.endsWith(".ttf") && n.substring(n.lastIndexOf('/') + 1).startsWith("jlm_")) {
                            names.add(n);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
