package dev.gradstep.cas;

/**
 * The outcome of asking the CAS whether an expression is identically zero. {@code cached}: the
 * answer was Symja's to the same question earlier, taken from an {@link AnswerCache}.
 */
public record Proof(Status status, String detail, boolean cached) {
    public enum Status {
        /** Symja simplified it to zero. */
        PROVED,
        /** Symja finished but could not show zero (not evidence of non-zero). */
        NOT_PROVED,
        /** The time limit or a size cap stopped it. */
        ABORTED,
        /** Refused or failed. */
        ERROR
    }

    public Proof(Status status, String detail) {
        this(status, detail, false);
    }
}
