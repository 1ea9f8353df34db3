package dev.gradstep.tex;

import dev.gradstep.tex.Token.Kind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renames symbols in LaTeX as written, token by token, so the author's layout ({@code \left(},
 * {@code \mathbf}, spacing) survives: {@code s_i} becomes {@code \hat{y}_i}, {@code \mathbf{z}} becomes
 * {@code \mathbf{x}}. A symbol is a letter, a Greek letter, an accented letter ({@code \hat{y}}) or
 * an upright name ({@code \mathrm{CE}}), named as the reader names it. All renames happen at once,
 * so {@code z -> s, s -> z} swaps the two.
 */
public final class SymbolRenamer {

    private SymbolRenamer() {
    }

    /**
     * The LaTeX with every symbol whose name is a key replaced by its value.
     *
     * @throws TexParseException when the text cannot be tokenised
     */
    public static String rename(String tex, Map<String, String> renames) {
        List<Token> toks = Lexer.tokenize(tex);
        int[] lineStarts = lineStarts(tex);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int t = 0; t < toks.size(); t++) {
            int[] span = symbolAt(toks, t);
            if (span == null) {
                continue;
            }
            String name = nameOf(toks, t, span[0]);
            String to = renames.get(name);
            int end = span[0];
            if (to != null) {
                int from = offset(lineStarts, toks.get(t));
                int until = offset(lineStarts, toks.get(end)) + toks.get(end).text().length();
                out.append(tex, copied, from).append(to);
                // a command name must not run into a following letter: \theta s, not \thetas
                if (to.matches(".*\\\\[A-Za-z]+") && until < tex.length() && Character.isLetter(tex.charAt(until))) {
                    out.append(' ');
                }
                copied = until;
            }
            t = end;
        }
        return out.append(tex.substring(copied)).toString();
    }

    /** Every symbol name in the LaTeX, in order of first appearance. */
    public static Set<String> symbols(String tex) {
        List<Token> toks = Lexer.tokenize(tex);
        Set<String> out = new LinkedHashSet<>();
        for (int t = 0; t < toks.size(); t++) {
            int[] span = symbolAt(toks, t);
            if (span != null) {
                out.add(nameOf(toks, t, span[0]));
                t = span[0];
            }
        }
        return out;
    }

    /** The index of the last token of the symbol starting at t, in a one-element array; null when none starts there. */
    private static int[] symbolAt(List<Token> toks, int t) {
        Token tok = toks.get(t);
        if (tok.kind() == Kind.LETTER || tok.kind() == Kind.NAME
                || tok.kind() == Kind.COMMAND && Vocabulary.isSymbolCommand(tok.value())) {
            return new int[] {t};
        }
        if (tok.kind() == Kind.COMMAND && Vocabulary.DECORATIONS.containsKey(tok.value())) {
            Token a = toks.get(t + 1);
            if (isPlainBase(a)) {
                return new int[] {t + 1};
            }
            if (a.is(Kind.OPEN, "{") && isPlainBase(toks.get(t + 2)) && toks.get(t + 3).kind() == Kind.CLOSE) {
                return new int[] {t + 3};
            }
        }
        return null;
    }

    private static boolean isPlainBase(Token t) {
        return t.kind() == Kind.LETTER || t.kind() == Kind.COMMAND && Vocabulary.isSymbolCommand(t.value());
    }

    private static String nameOf(List<Token> toks, int start, int end) {
        Token first = toks.get(start);
        if (start == end) {
            return first.value();
        }
        Token base = toks.get(end).kind() == Kind.CLOSE ? toks.get(end - 1) : toks.get(end);
        return Vocabulary.DECORATIONS.get(first.value()) + "{" + base.value() + "}";
    }

    private static int[] lineStarts(String tex) {
        int lines = 1;
        for (int i = 0; i < tex.length(); i++) {
            if (tex.charAt(i) == '\n') {
                lines++;
            }
        }
        int[] starts = new int[lines];
        int l = 1;
        for (int i = 0; i < tex.length(); i++) {
            if (tex.charAt(i) == '\n') {
                starts[l++] = i + 1;
            }
        }
        return starts;
    }

    private static int offset(int[] lineStarts, Token t) {
        return lineStarts[t.line() - 1] + t.column() - 1;
    }
}
