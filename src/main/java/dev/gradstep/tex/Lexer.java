package dev.gradstep.tex;

import dev.gradstep.tex.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits LaTeX into tokens, tracking 1-based line and column. Spacing and layout commands that
 * carry no mathematics are dropped here so the parser never sees them; {@code \quad} is kept as a
 * token because it separates an equation from its trailing condition.
 */
final class Lexer {

    /** Commands removed outright: spacing, styles, line breaks, numbering. */
    private static final Set<String> DROPPED = Set.of(
            "displaystyle", "textstyle", "scriptstyle", "nonumber", "notag", "limits", "nolimits");

    /** Commands removed together with their braced argument. */
    private static final Set<String> DROPPED_WITH_ARG = Set.of(
            "label", "tag", "hspace", "vspace", "phantom", "hphantom", "vphantom");

    /** Sizing prefixes that announce a delimiter: {@code \left(}, {@code \Bigr]}. */
    private static final Set<String> SIZERS = Set.of(
            "left", "right", "middle", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr",
            "biggl", "biggr", "Biggl", "Biggr", "bigm", "Bigm");

    /** Text-mode commands: their argument is words, not math. */
    private static final Set<String> TEXT_COMMANDS = Set.of(
            "text", "textrm", "textit", "textnormal", "textbf", "mbox", "textup");

    /** Upright-name commands: a word argument names an operator or a multi-letter symbol. */
    private static final Set<String> NAME_COMMANDS = Set.of("mathrm", "operatorname", "mathit", "mathsf");

    private final String src;
    private final List<Token> out = new ArrayList<>();
    private int i;
    private int line = 1;
    private int col = 1;

    private Lexer(String src) {
        this.src = src;
    }

    /** The tokens of {@code src}, always ending with an {@code END} token. */
    static List<Token> tokenize(String src) {
        return new Lexer(src).run();
    }

    private List<Token> run() {
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            int l = line;
            int cl = col;
            if (Character.isWhitespace(c) || c == '&' || c == '~') {
                advance(1);
            } else if (c == '%') {
                while (i < n && src.charAt(i) != '\n') {
                    advance(1);
                }
            } else if (isLetter(c)) {
                advance(1);
                add(Kind.LETTER, String.valueOf(c), l, cl);
            } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(src.charAt(i + 1)))) {
                number(l, cl);
            } else if (c == '\\') {
                command(l, cl);
            } else if (c == '(' || c == '[' || c == '{') {
                advance(1);
                add(Kind.OPEN, String.valueOf(c), l, cl);
            } else if (c == ')' || c == ']' || c == '}') {
                advance(1);
                out.add(new Token(Kind.CLOSE, String.valueOf(c), opener(c), l, cl));
            } else if (c == '!' && i + 1 < n && src.charAt(i + 1) == '=') {
                advance(2);
                out.add(new Token(Kind.NOT_EQUAL, "!=", "\\neq", l, cl));
            } else if ("+-*/=^_',:|!.<>".indexOf(c) >= 0) {
                advance(1);
                add(Kind.SYMBOL, String.valueOf(c), l, cl);
            } else if (c == '\u2212') {
                advance(1);
                out.add(new Token(Kind.SYMBOL, "\u2212", "-", l, cl));
            } else if (c == '\u00b7' || c == '\u00d7') {
                advance(1);
                out.add(new Token(Kind.SYMBOL, String.valueOf(c), "*", l, cl));
            } else if (c == '\u2260') {
                advance(1);
                out.add(new Token(Kind.NOT_EQUAL, "\u2260", "\\neq", l, cl));
            } else if (PASTED.containsKey(c)) {
                advance(1);
                pasted(c, l, cl);
            } else {
                throw new TexParseException("unexpected character '" + c + "'", l, cl, String.valueOf(c));
            }
        }
        out.add(new Token(Kind.END, "", "", line, col));
        return out;
    }

    /**
     * Characters pasted from a web page, read as the LaTeX they render: the en dash that blogs
     * typeset for a minus, ∂, Σ, ŷ, Greek letters, the ellipsis.
     */
    private static final Map<Character, String> PASTED = Map.ofEntries(
            Map.entry('\u2013', "-"), Map.entry('\u2202', "\\partial "), Map.entry('\u03a3', "\\sum"),
            Map.entry('\u2211', "\\sum"), Map.entry('\u2026', "\\dots "), Map.entry('\u22ef', "\\cdots "),
            Map.entry('\u0177', "\\hat{y}"), Map.entry('\u03c3', "\\sigma "), Map.entry('\u03b8', "\\theta "),
            Map.entry('\u03b4', "\\delta "), Map.entry('\u2019', "'"), Map.entry('\u2032', "'"),
            Map.entry('\u2264', "\\leq "), Map.entry('\u2265', "\\geq "));

    /** Adds the tokens of a pasted character's LaTeX, all placed where the character stands. */
    private void pasted(char c, int l, int cl) {
        List<Token> sub = tokenize(PASTED.get(c));
        for (Token t : sub.subList(0, sub.size() - 1)) {
            out.add(new Token(t.kind(), String.valueOf(c), t.value(), l, cl));
        }
    }

    private static String opener(char close) {
        return close == ')' ? "(" : close == ']' ? "[" : "{";
    }

    private void number(int l, int cl) {
        int start = i;
        int n = src.length();
        while (i < n && isDigit(src.charAt(i))) {
            advance(1);
        }
        if (i + 1 < n && src.charAt(i) == '.' && isDigit(src.charAt(i + 1))) {
            advance(1);
            while (i < n && isDigit(src.charAt(i))) {
                advance(1);
            }
        }
        add(Kind.NUMBER, src.substring(start, i), l, cl);
    }

    private void command(int l, int cl) {
        int n = src.length();
        advance(1);
        if (i >= n) {
            throw new TexParseException("a lone '\\' ends the input", l, cl, "\\");
        }
        char c = src.charAt(i);
        if (!isLetter(c)) {
            advance(1);
            String text = "\\" + c;
            switch (c) {
                case ',', ';', ':', '!', ' ', '\\', '>', '\n', '\t' -> {
                    // spacing and line breaks carry no mathematics
                }
                case '{' -> out.add(new Token(Kind.OPEN, text, "\\{", l, cl));
                case '}' -> out.add(new Token(Kind.CLOSE, text, "\\{", l, cl));
                default -> throw new TexParseException("unknown command " + text, l, cl, text);
            }
            return;
        }
        int start = i;
        while (i < n && isLetter(src.charAt(i))) {
            advance(1);
        }
        String name = src.substring(start, i);
        if (i < n && src.charAt(i) == '*' && (name.equals("operatorname") || name.equals("tag"))) {
            advance(1);
        }
        String text = "\\" + name;
        if (DROPPED.contains(name)) {
            return;
        }
        if (DROPPED_WITH_ARG.contains(name)) {
            rawArgument(text, l, cl);
            return;
        }
        if (SIZERS.contains(name)) {
            delimiter(text, l, cl);
            return;
        }
        if (TEXT_COMMANDS.contains(name)) {
            String words = rawArgument(text, l, cl).trim().replaceAll("\\s+", " ");
            if (!words.isEmpty()) {
                out.add(new Token(Kind.TEXT, text + "{" + words + "}", words, l, cl));
            }
            return;
        }
        if (NAME_COMMANDS.contains(name) || name.equals("operatorname")) {
            int save = i;
            int saveLine = line;
            int saveCol = col;
            String arg = rawArgument(text, l, cl).replaceAll("\\s+", "");
            if (arg.matches("[A-Za-z]+")) {
                out.add(new Token(Kind.NAME, text + "{" + arg + "}", arg, l, cl));
                return;
            }
            if (name.equals("operatorname")) {
                throw new TexParseException("\\operatorname needs a plain name, e.g. \\operatorname{softmax}",
                        l, cl, text);
            }
            i = save;
            line = saveLine;
            col = saveCol;
            out.add(new Token(Kind.COMMAND, text, "\\mathrm", l, cl));
            return;
        }
        switch (name) {
            case "quad", "qquad" -> out.add(new Token(Kind.QUAD, text, "\\quad", l, cl));
            case "neq", "ne" -> out.add(new Token(Kind.NOT_EQUAL, text, "\\neq", l, cl));
            case "not" -> notEqual(text, l, cl);
            case "lbrace" -> out.add(new Token(Kind.OPEN, text, "\\{", l, cl));
            case "rbrace" -> out.add(new Token(Kind.CLOSE, text, "\\{", l, cl));
            case "lbrack" -> out.add(new Token(Kind.OPEN, text, "[", l, cl));
            case "rbrack" -> out.add(new Token(Kind.CLOSE, text, "[", l, cl));
            case "prime" -> out.add(new Token(Kind.SYMBOL, text, "'", l, cl));
            case "colon", "mid" -> out.add(new Token(Kind.SYMBOL, text, ":", l, cl));
            case "ast" -> out.add(new Token(Kind.SYMBOL, text, "*", l, cl));
            default -> out.add(new Token(Kind.COMMAND, text, text, l, cl));
        }
    }

    private void notEqual(String text, int l, int cl) {
        skipSpaces();
        if (i < src.length() && src.charAt(i) == '=') {
            advance(1);
            out.add(new Token(Kind.NOT_EQUAL, "\\not=", "\\neq", l, cl));
            return;
        }
        throw new TexParseException("\\not is only understood as \\not=", l, cl, text);
    }

    /** {@code \left(} and friends: emit the delimiter itself; {@code \left.} emits nothing. */
    private void delimiter(String sizer, int l, int cl) {
        skipSpaces();
        int n = src.length();
        if (i >= n) {
            throw new TexParseException("missing delimiter after " + sizer, l, cl, sizer);
        }
        char c = src.charAt(i);
        String delim;
        if (c == '\\') {
            int start = i;
            advance(1);
            if (i < n && !isLetter(src.charAt(i))) {
                advance(1);
            } else {
                while (i < n && isLetter(src.charAt(i))) {
                    advance(1);
                }
            }
            delim = src.substring(start, i);
        } else {
            advance(1);
            delim = String.valueOf(c);
        }
        String text = sizer + delim;
        switch (delim) {
            case "." -> {
                // \left. and \right. are invisible
            }
            case "(", "[" -> out.add(new Token(Kind.OPEN, text, delim, l, cl));
            case ")" -> out.add(new Token(Kind.CLOSE, text, "(", l, cl));
            case "]" -> out.add(new Token(Kind.CLOSE, text, "[", l, cl));
            case "\\{", "\\lbrace" -> out.add(new Token(Kind.OPEN, text, "\\{", l, cl));
            case "\\}", "\\rbrace" -> out.add(new Token(Kind.CLOSE, text, "\\{", l, cl));
            case "\\lbrack" -> out.add(new Token(Kind.OPEN, text, "[", l, cl));
            case "\\rbrack" -> out.add(new Token(Kind.CLOSE, text, "[", l, cl));
            case "|", "\\|", "\\vert", "\\lvert", "\\rvert", "\\Vert" ->
                    out.add(new Token(Kind.SYMBOL, text, "|", l, cl));
            default -> throw new TexParseException("unsupported delimiter after " + sizer, l, cl, text);
        }
    }

    /** The raw text of a braced argument ({@code \text{for }}), braces balanced. */
    private String rawArgument(String command, int l, int cl) {
        skipSpaces();
        int n = src.length();
        if (i >= n || src.charAt(i) != '{') {
            throw new TexParseException("expected '{' after " + command, line, col,
                    i < n ? String.valueOf(src.charAt(i)) : "");
        }
        int openLine = line;
        int openCol = col;
        advance(1);
        int start = i;
        int depth = 1;
        while (i < n) {
            char c = src.charAt(i);
            if (c == '\\' && i + 1 < n) {
                advance(2);
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                String s = src.substring(start, i);
                advance(1);
                return s;
            }
            advance(1);
        }
        throw new TexParseException("unbalanced '{'", openLine, openCol, "{");
    }

    private void skipSpaces() {
        while (i < src.length() && Character.isWhitespace(src.charAt(i))) {
            advance(1);
        }
    }

    private void add(Kind kind, String text, int l, int cl) {
        out.add(new Token(kind, text, text, l, cl));
    }

    private void advance(int k) {
        for (int j = 0; j < k && i < src.length(); j++) {
            if (src.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
            i++;
        }
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
