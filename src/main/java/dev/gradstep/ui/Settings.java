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

    private final Store store;

    public Settings(Store store) {
        this.store = store;
    }

    /** The real user's store: java.util.prefs under {@code dev/gradstep}. */
    public static Settings userSettings() {
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

    public void flush() {
        store.flush();
    }

    private double number(String key, double fallback) {
        try {
            return store.get(key).map(Double::parseDouble).filter(v -> v >= 200 && v < 20000).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
