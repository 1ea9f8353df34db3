package dev.gradstep.tex;

/**
 * One lexical token. {@code text} is the source as written (for messages); {@code value} is the
 * normalised form the parser matches on ({@code \left(} has value {@code (}).
 */
record Token(Kind kind, String text, String value, int line, int column) {

    enum Kind {
        LETTER, NUMBER, COMMAND, NAME, TEXT, SYMBOL, OPEN, CLOSE, NOT_EQUAL, QUAD, END
    }

    boolean is(Kind k, String v) {
        return kind == k && value.equals(v);
    }

    boolean isSymbol(String v) {
        return is(Kind.SYMBOL, v);
    }

    boolean isCommand(String v) {
        return is(Kind.COMMAND, v);
    }

    /** The same token at the same place with another kind/value, used when a number is split. */
    Token with(Kind k, String newText, int columnShift) {
        return new Token(k, newText, newText, line, column + columnShift);
    }
}
