package dev.gradstep.tex;

/**
 * LaTeX that cannot be read. Line and column are 1-based within the text given to the reader;
 * {@code token} is the offending token as written (empty at end of input).
 */
public final class TexParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;
    private final String token;

    public TexParseException(String message, int line, int column, String token) {
        super(message);
        this.line = line;
        this.column = column;
        this.token = token == null ? "" : token;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String token() {
        return token;
    }

    /** The reason without position, e.g. {@code unexpected '}'}. */
    public String reason() {
        return getMessage();
    }

    /** {@code line 2, column 7: unexpected '}' (at '}')}. */
    public String describe() {
        return "line " + line + ", column " + column + ": " + getMessage()
                + (token.isEmpty() ? "" : " (at '" + token + "')");
    }
}
