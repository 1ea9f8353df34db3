package dev.gradstep.numeric;

/**
 * Bad numeric input, with enough position to point at it: the character offset and length of the
 * offending token in pasted text, or the element index in an array (-1 when not applicable).
 */
public final class NumericInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String what;
    private final int offset;
    private final int length;
    private final int index;

    private NumericInputException(String what, String message, int offset, int length, int index) {
        super(message);
        this.what = what;
        this.offset = offset;
        this.length = length;
        this.index = index;
    }

    /** A problem with one token of pasted text, e.g. {@code 'abc' is not a number}. */
    public static NumericInputException atToken(String what, String message, int offset, int length) {
        return new NumericInputException(what, message, offset, length, -1);
    }

    /** A problem with one element of an array, e.g. a negative label. */
    public static NumericInputException atIndex(String what, String message, int index) {
        return new NumericInputException(what, message, -1, 0, index);
    }

    /** A problem with the input as a whole, e.g. a length mismatch. */
    public static NumericInputException general(String what, String message) {
        return new NumericInputException(what, message, -1, 0, -1);
    }

    /** What was being read, as the caller named it: "logits", "labels", "class". */
    public String what() {
        return what;
    }

    /** 0-based character offset of the offending token, or -1. */
    public int offset() {
        return offset;
    }

    /** Length in characters of the offending token (0 when there is no token). */
    public int length() {
        return length;
    }

    /** 0-based element index of the offending value, or -1. */
    public int index() {
        return index;
    }
}
