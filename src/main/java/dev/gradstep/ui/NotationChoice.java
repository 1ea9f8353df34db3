package dev.gradstep.ui;

import dev.gradstep.derivation.Notation;

/**
 * The notations a reader can switch a derivation to (View › Notation), as the references students
 * meet write them; "as written" keeps the file's own.
 */
public enum NotationChoice {
    AS_WRITTEN("As written in the file", null),
    Z_S("z, s, y (logits z, softmax s)", new Notation("z", "s", "y", "L", "K", null, null)),
    X_YHAT("x, \u0177, y (logits x, predictions \u0177)", new Notation("x", "\\hat{y}", "y", "L", "K", null, null)),
    THETA_P("\u03b8, p, t (logits \u03b8, probabilities p, targets t)",
            new Notation("\\theta", "p", "t", "L", "K", null, null));

    private final String label;
    private final Notation notation;

    NotationChoice(String label, Notation notation) {
        this.label = label;
        this.notation = notation;
    }

    public String label() {
        return label;
    }

    /** The target notation; null for the file's own. */
    public Notation notation() {
        return notation;
    }
}
