package dev.gradstep.derivation;

/** Facts a derivation may use beyond the definitions; a verdict that relies on one says so. */
public enum Assumption {
    /** The labels sum to one: {@code \sum_i y_i = 1}. */
    LABELS_SUM_TO_ONE("labels-sum-to-one", "\\sum_i y_i = 1"),
    /** The labels are one-hot at the class named by the notation's {@code onehot}. */
    ONE_HOT("one-hot", "y_i = [i = c]");

    private final String fileName;
    private final String tex;

    Assumption(String fileName, String tex) {
        this.fileName = fileName;
        this.tex = tex;
    }

    public String fileName() {
        return fileName;
    }

    public String tex() {
        return tex;
    }

    public static Assumption fromFileName(String name) {
        for (Assumption a : values()) {
            if (a.fileName.equals(name.trim())) {
                return a;
            }
        }
        return null;
    }
}
