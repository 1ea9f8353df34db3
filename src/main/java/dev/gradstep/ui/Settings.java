package dev.gradstep.ui;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Remembered between runs: theme, window size, last derivation. The backing store is injected so
 * tests use a map and never touch the real user's preferences.
 */
public final class Settings {

    /** Where settings live. */
    public interface Store {
        Optional<String> get(String key);

        void put(String key, String value);

        void flush();
    }

    public static final String THEME = "theme";
    public static final String WIDTH = "window.width";
    public static final String HEIGHT = "window.height";
    public static final String DERIVATION = "derivation";
    public static final String STUDENT_TEXT = "student.text";
    public static final String STUDENT_PARTS = "student.parts";
    static final int PART_LENGTH = 4000;
    static final int MAX_STUDENT_PARTS = 64;

    private final Store store;

    public Settings(Store store) {
        this.store = store;
    }

    /**
     * The JDK logs "Created user preferences directory" at INFO to the terminal on a first start;
     * held here because the logging system keeps loggers only weakly.
     */
    private static final java.util.logging.Logger PREFS_LOG = java.util.logging.Logger.getLogger("java.util.prefs");

    /** The real user's store: java.util.prefs under {@code dev/gradstep}. */
    public static Settings userSettings() {
        PREFS_LOG.setLevel(java.util.logging.Level.WARNING);
        Preferences node = Preferences.userRoot().node("dev/gradstep");
        return new Settings(new Store() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(node.get(key, null));
            }

            @Override
            public void put(String key, String value) {
                node.put(key, value);
            }

            @Override
            public void flush() {
                try {
                    node.flush();
                } catch (BackingStoreException e) {
                    // Losing remembered window size is harmless; the app must still close.
                }
            }
        });
    }

    /** A store in memory, for tests and for runs that must not persist anything. */
    public static Settings inMemory() {
        Map<String, String> map = new HashMap<>();
        return new Settings(new Store() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(map.get(key));
            }

            @Override
            public void put(String key, String value) {
                map.put(key, value);
            }

            @Override
            public void flush() {
            }
        });
    }

    public Theme theme() {
        return store.get(THEME).map(Theme::fromName).orElse(Theme.LIGHT);
    }

    public void setTheme(Theme theme) {
        store.put(THEME, theme.name());
    }

    public double width(double fallback) {
        return number(WIDTH, fallback);
    }

    public double height(double fallback) {
        return number(HEIGHT, fallback);
    }

    public void setSize(double width, double height) {
        store.put(WIDTH, Double.toString(width));
        store.put(HEIGHT, Double.toString(height));
    }

    public Optional<String> lastDerivation() {
        return store.get(DERIVATION);
    }

    public void setLastDerivation(String id) {
        store.put(DERIVATION, id);
    }

    /** What the user last had in "Check my derivation", so closing the window loses none of it. */
    public String studentText() {
        int parts = (int) number(STUDENT_PARTS, 0, 0, MAX_STUDENT_PARTS + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            sb.append(store.get(STUDENT_TEXT + "." + i).orElse(""));
        }
        return sb.toString();
    }

    /**
     * Keeps the text in pieces of {@value #PART_LENGTH} characters (a preferences value holds at
     * most 8192); text beyond {@value #MAX_STUDENT_PARTS} pieces is not kept.
     */
    public void setStudentText(String text) {
        int parts = Math.min(MAX_STUDENT_PARTS, (text.length() + PART_LENGTH - 1) / PART_LENGTH);
        for (int i = 0; i < parts; i++) {
            store.put(STUDENT_TEXT + "." + i, text.substring(i * PART_LENGTH, Math.min(text.length(), (i + 1) * PART_LENGTH)));
        }
        store.put(STUDENT_PARTS, Integer.toString(parts));
    }

    public void flush() {
        store.flush();
    }

    private double number(String key, double fallback) {
        return number(key, fallback, 200, 20000);
    }

    private double number(String key, double fallback, double min, double below) {
        try {
            return store.get(key).map(Double::parseDouble).filter(v -> v >= min && v < below).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
