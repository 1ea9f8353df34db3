package dev.gradstep.derivation;

import java.util.Objects;

/**
 * What the symbols of a derivation mean. Names are canonical LaTeX bases as the reader produces
 * them ({@code z}, {@code \hat{y}}). {@code probs} may also name a function applied to the logits
 * ({@code \sigma}); {@code batch}, {@code onehot} and {@code temperature} are null when absent. A
 * temperature is a positive parameter (checked at random values), never a size like K.
 */
public record Notation(String logits, String probs, String labels, String loss, String classes,
                       String batch, String onehot, String temperature) {

    public static final Notation DEFAULT = new Notation("z", "s", "y", "L", "K", null, null);

    /** A notation without a temperature. */
    public Notation(String logits, String probs, String labels, String loss, String classes, String batch,
                    String onehot) {
        this(logits, probs, labels, loss, classes, batch, onehot, null);
    }

    public Notation {
        Objects.requireNonNull(logits, "logits");
        Objects.requireNonNull(probs, "probs");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(classes, "classes");
    }

    /** The notation line form used in files and on the command line. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("logits=").append(logits).append(" probs=").append(probs).append(" labels=")
                .append(labels).append(" loss=").append(loss).append(" classes=").append(classes);
        if (batch != null) {
            sb.append(" batch=").append(batch);
        }
        if (onehot != null) {
            sb.append(" onehot=").append(onehot);
        }
        if (temperature != null) {
            sb.append(" temperature=").append(temperature);
        }
        return sb.toString();
    }
}
