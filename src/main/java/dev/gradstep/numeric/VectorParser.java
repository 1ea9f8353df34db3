package dev.gradstep.numeric;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a vector of doubles from whatever people paste: comma, space, tab, semicolon or newline
 * separated numbers, a spreadsheet row or column, or a NumPy / PyTorch print such as
 * {@code [2.  1.  0.1]}, {@code array([2.0, 1.0, 0.1])} or {@code tensor([2., 1.], dtype=torch.float64)}.
 * A decimal comma cannot be told from a separator, so {@code 0,5} reads as two numbers.
 */
public final class VectorParser {

    private static final Pattern NUMBER =
            Pattern.compile("[+\\-\u2212]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+\\-\u2212]?\\d+)?");
    private static final Pattern KEYWORD_ARGUMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");
    private static final Set<String> WRAPPERS =
            Set.of("array", "np.array", "numpy.array", "tensor", "torch.tensor", "matrix", "np.matrix");
    private static final Set<String> NANS = Set.of("nan", "+nan", "-nan");
    private static final Set<String> INFINITIES =
            Set.of("inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "\u221e", "+\u221e", "-\u221e");

    private VectorParser() {
    }

    /**
     * The numbers read and where each was written: number i is {@code text.substring(starts[i], ends[i])},
     * so that a caller that rejects a value (a label out of range) can point at its token.
     */
    public record Entries(double[] values, int[] starts, int[] ends) {
        public int size() {
            return values.length;
        }
    }

    /**
     * @param what the name used in error messages ("logits", "labels")
     * @throws NumericInputException naming the offending token with its offset and length
     */
    /** A million logits are about 20 MB of text; larger files are refused unread. */
    public static final long MAX_FILE_BYTES = 64L << 20;

    /**
     * The text itself, or for {@code @FILE} the file's text (UTF-8, at most {@link #MAX_FILE_BYTES}):
     * how the command line and the app take vectors too long to type.
     */
    public static String textOrFile(String text, String what) {
        if (!text.startsWith("@")) {
            return text;
        }
        Path file = Path.of(text.substring(1).trim());
        try {
            if (!Files.isRegularFile(file)) {
                throw NumericInputException.general(what, file + ": no such file");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw NumericInputException.general(what, file + " is larger than " + (MAX_FILE_BYTES >> 20)
                        + " MiB; it is not read");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw NumericInputException.general(what, file + " is not UTF-8 text");
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw NumericInputException.general(what, file + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    public static double[] parse(String text, String what) {
        return entries(text, what).values();
    }

    /** As {@link #parse}, with each number's position in the text. */
    public static Entries entries(String text, String what) {
        if (text == null) {
            throw NumericInputException.atToken(what, "no numbers given", 0, 0);
        }
        int capacity = Math.max(4, text.length() / 2 + 1);
        double[] values = new double[capacity];
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        int count = 0;
        // The last ',' or ';' with no token after it yet: a second one means an entry was left empty.
        int openSeparator = -1;
        int depth = 0;
        int innerRows = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char ch = text.charAt(i);
            if (ch == '[') {
                openSeparator = -1;
                depth++;
                if (depth >= 2 && ++innerRows > 1) {
                    throw NumericInputException.atToken(what,
                            "more than one row: give a single vector, not a matrix", i, 1);
                }
                i++;
                continue;
            }
            if (isSeparator(ch)) {
                if (ch == ']') {
                    depth--;
                }
                if (ch == ',' || ch == ';') {
                    if (openSeparator >= 0) {
                        throw NumericInputException.atToken(what, "empty entry: no number between "
                                + (text.charAt(openSeparator) == ',' && ch == ',' ? "these two commas" : "these separators"),
                                openSeparator, i - openSeparator + 1);
                    }
                    openSeparator = i;
                } else if (!Character.isWhitespace(ch) && ch != '\u00a0') {
                    openSeparator = -1;
                }
                i++;
                continue;
            }
            openSeparator = -1;
            int start = i;
            while (i < n && !isSeparator(text.charAt(i))) {
                i++;
            }
            String token = text.substring(start, i);
            if (isWrapper(token, text, i) || KEYWORD_ARGUMENT.matcher(token).matches()) {
                continue;
            }
            if (count == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
                starts = Arrays.copyOf(starts, values.length);
                ends = Arrays.copyOf(ends, values.length);
            }
            starts[count] = start;
            ends[count] = i;
            values[count++] = number(token, what, start);
        }
        if (count == 0) {
            throw NumericInputException.atToken(what, "no numbers given", 0, n);
        }
        return new Entries(Arrays.copyOf(values, count), Arrays.copyOf(starts, count), Arrays.copyOf(ends, count));
    }

    private static double number(String token, String what, int offset) {
        String lower = token.toLowerCase(Locale.ROOT);
        if (NANS.contains(lower)) {
            throw NumericInputException.atToken(what, "NaN is not allowed", offset, token.length());
        }
        if (INFINITIES.contains(lower)) {
            throw NumericInputException.atToken(what, "Infinity is not allowed", offset, token.length());
        }
        if (token.equals("...") || token.equals("\u2026")) {
            throw NumericInputException.atToken(what, "'" + token + "' means the print was shortened: "
                    + "print the full array (np.set_printoptions(threshold=sys.maxsize) or .tolist())",
                    offset, token.length());
        }
        if (!NUMBER.matcher(token).matches()) {
            throw NumericInputException.atToken(what, "'" + token + "' is not a number", offset, token.length());
        }
        double value = Double.parseDouble(token.replace('\u2212', '-'));
        if (Double.isInfinite(value)) {
            throw NumericInputException.atToken(what,
                    "'" + token + "' is too large for a double: Infinity is not allowed", offset, token.length());
        }
        return value;
    }

    /** NumPy and PyTorch prints wrap the list in array(...) or tensor(...): skip the name. */
    private static boolean isWrapper(String token, String text, int end) {
        if (!WRAPPERS.contains(token.toLowerCase(Locale.ROOT))) {
            return false;
        }
        int j = end;
        while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        return j < text.length() && text.charAt(j) == '(';
    }

    private static boolean isSeparator(char ch) {
        return ch == ',' || ch == ';' || ch == '[' || ch == ']' || ch == '(' || ch == ')'
                || Character.isWhitespace(ch) || ch == '\u00a0';
    }
}
