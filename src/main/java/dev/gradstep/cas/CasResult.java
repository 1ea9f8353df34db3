package dev.gradstep.cas;

/** The typed outcome of one evaluation: never Symja's Null or $Aborted. */
public sealed interface CasResult {
    /** A value, in Symja input form. */
    record Ok(String value) implements CasResult {
    }

    /** Stopped by a time limit or size cap; {@code reason} says which. */
    record Aborted(String reason) implements CasResult {
    }

    /** Refused before evaluation, or failed; {@code message} says why in plain words. */
    record Error(String message) implements CasResult {
    }
}
