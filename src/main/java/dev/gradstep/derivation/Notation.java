package dev.gradstep.derivation;

import java.util.Objects;

/**
 * What the symbols of a derivation mean. Names are canonical LaTeX bases as the reader produces
 * them ({@code z}, {@code \hat{y}}). {@code probs} may also name a function applied to the logits
 * ({@code \sigma}); {@code batch} and {@code onehot} are null when absent.
 */
public record Notation(String logits, String probs, String labels, String loss, String classes,
                       String batch, String onehot) {

    public static final Notation DEFAULT = new Notation("z", "s", "y", "L", "K", null, null);

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
        return sb.toString();
    }
}
