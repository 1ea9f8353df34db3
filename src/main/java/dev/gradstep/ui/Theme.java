package dev.gradstep.ui;

/** The two looks; each is a style sheet under {@code styles/}. */
public enum Theme {
    LIGHT("styles/light.css"), DARK("styles/dark.css");

    private final String styleSheet;

    Theme(String styleSheet) {
        this.styleSheet = styleSheet;
    }

    public String styleSheet() {
        return styleSheet;
    }

    static Theme fromName(String name) {
        for (Theme t : values()) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        return LIGHT;
    }
}
