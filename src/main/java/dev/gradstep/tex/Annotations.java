package dev.gradstep.tex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What authors write beside a row to say why it holds: {@code \tag{3}}, a trailing
 * {@code & \text{(Apply product rule)}} or {@code \quad \text{by the chain rule}}, {@code eq.(1)}
 * or {@code \eqref{x}} after the maths, the label of an {@code &#92;underbrace{..}_{=1}}. They are the
 * row's stated reason: taken out of the row's text (blanked, so positions stay right) and never read
 * as maths. A trailing text that states a condition ({@code \text{if } i \neq j},
 * {@code \text{otherwise}}) is not a reason and stays for the expression reader.
 */
final class Annotations {

    private Annotations() {
    }

    private static final Pattern TAG = Pattern.compile("\\\\tag\\*?[ \\t]*\\{([^{}]*)\\}");
    private static final Pattern BRACE = Pattern.compile("\\\\(underbrace|overbrace)[ \\t]*\\{");
    /** {@code eq.(1)}, {@code (Eq. 3)}, {@code by equation 2}, {@code \eqref{x}} at the end of a row. */
    private static final Pattern EQ_REF = Pattern.compile(
            "(\\(\\s*)?((by|from|using|see)\\s+)?((\\\\text\\{\\s*)?(eq|Eq|eqn|Eqn|equation|Equation)s?\\.?\\s*\\}?\\s*~?"
                    + "\\(?\\s*\\d+[a-z]?\\s*\\)?|\\\\(eqref|ref)\\{[^{}]*\\})(\\s*\\))?[\\s.,;]*$");
    private static final Pattern TEXT_COMMAND = Pattern.compile("\\\\(text|textrm|textit|textbf|textnormal|mbox|textup)\\s*$");
    /** Spacing before an annotation: {@code \quad}, {@code \qquad}, {@code \,}, {@code \;}, {@code ~}, a comma. */
    private static final Pattern SPACING = Pattern.compile("(\\\\(quad|qquad|[,;: !])|~|,)\\s*$");
    private static final Set<String> CONDITION_WORDS = Set.of("for", "if", "when", "where", "whenever", "with",
            "provided", "and", "otherwise", "else", "all", "forall", "unless");
    private static final Set<String> REASON_WORDS = Set.of("by", "using", "since", "because", "from", "apply",
            "applying", "via", "as", "use", "substituting", "substitute", "definition", "def", "chain", "product",
            "quotient", "rule", "see", "note");
    private static final Pattern RELATION = Pattern.compile("=|\\\\ne|\\\\leq?|\\\\geq?|[<>\u2260]");
    /** Most annotations taken from one row; a row is short, this only bounds a hostile one. */
    private static final int MAX = 8;

    private static final String DOTS = "(?:\\\\[lc]?dots|\\.\\.\\.|…)";
    /**
     * A range after the maths: {@code ,\\: i=1,\\dots,n}, {@code \\text{for all } j}, {@code \\forall i, j},
     * {@code (j = 1, \\ldots, K)}, {@code \\text{for } j \\in \\{1, \\dots, K\\}}.
     */
    private static final Pattern DOMAIN = Pattern.compile(
            "(?<sep>(?:[,;~]|\\\\[,:;! ]|\\\\q?quad|\\s)*)(?<open>\\(\\s*)?"
                    + "(?<words>\\\\text\\{\\s*(?:for|for\\s+all|for\\s+each|for\\s+every|for\\s+any)\\s*\\}\\s*|\\\\forall\\s*)?"
                    + "(?<idx>[a-z](?:\\s*,\\s*[a-z])*)"
                    + "(?<range>\\s*=\\s*[01]\\s*,\\s*(?:2\\s*,\\s*)?" + DOTS + "\\s*,?\\s*[A-Za-z0-9]+"
                    + "|\\s*=\\s*[01]\\s*" + DOTS + "\\s*[A-Za-z0-9]+"
                    + "|\\s*\\\\in\\s*(?:\\\\\\{\\s*[01]\\s*,\\s*(?:2\\s*,\\s*)?" + DOTS + "\\s*,?\\s*[A-Za-z0-9]+\\s*\\\\\\}"
                    + "|\\[\\s*[A-Za-z0-9]+\\s*\\]))?"
                    + "(?<close>\\s*\\))?[\\s.,;]*$");

    /**
     * Takes a range written after the row's maths out of {@code row} (blanking it) and returns it in
     * words ({@code i = 1, ..., n}, {@code for all j}), or null. A range only says where the free
     * indices run, which checking covers anyway: it is neither a step nor a condition.
     */
    static String takeDomain(StringBuilder row) {
        if (row.length() > 20_000) {
            return null;
        }
        Matcher m = DOMAIN.matcher(row);
        for (int from = Math.max(0, row.length() - 200); from < row.length(); from++) {
            if (!m.find(from)) {
                return null;
            }
            from = m.start();
            boolean words = m.group("words") != null;
            boolean range = m.group("range") != null;
            boolean bracketed = m.group("open") != null && m.group("close") != null;
            int idx = m.start("idx");
            char before = idx > 0 ? row.charAt(idx - 1) : ' ';
            boolean apart = !Character.isLetterOrDigit(before) && before != '_' && before != '^' && before != '\\';
            if ((words || range) && apart && (m.group("open") == null) == (m.group("close") == null)
                    && (bracketed || !m.group("sep").isBlank() || words)) {
                String text = TexDocument.squeeze(row.substring(m.end("sep"), m.end()).replaceAll("\\\\text\\{\\s*([^}]*?)\\s*\\}", "$1")
                        .replaceAll("\\\\forall", "for all").replaceAll("^\\(|\\)?[\\s.,;]*$", ""));
                TexDocument.blank(row, m.start(), row.length());
                return text;
            }
        }
        return null;
    }

    /** Takes the row's annotations out of {@code row} (blanking them) and returns them, or null when it has none. */
    static String take(StringBuilder row) {
        List<int[]> spans = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        Matcher tag = TAG.matcher(row);
        while (tag.find() && tags.size() < MAX) {
            spans.add(new int[] {tag.start(), tag.end()});
            tags.add("(" + tag.group(1).trim() + ")");
        }
        List<String> reasons = new ArrayList<>();
        labels(row, spans, reasons);
        for (int[] s : spans) {
            TexDocument.blank(row, s[0], s[1]);
        }
        // pieces at the row's end are one remark ("\\text{by } \\eqref{x}"); tags come last, as written
        List<String> trailing = new ArrayList<>();
        for (int n = 0; n < MAX; n++) {
            String found = trailing(row);
            if (found == null) {
                break;
            }
            trailing.add(0, found);
        }
        if (!trailing.isEmpty()) {
            reasons.add(String.join(" ", trailing));
        }
        reasons.addAll(tags);
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    /** The labels of {@code &#92;underbrace{..}_{label}}: kept as reasons, blanked (the brace's body stays). */
    private static void labels(StringBuilder row, List<int[]> spans, List<String> reasons) {
        Matcher m = BRACE.matcher(row);
        int at = 0;
        while (reasons.size() < MAX && m.find(at)) {
            int close = closing(row, m.end() - 1);
            if (close < 0) {
                return;
            }
            int k = skipSpace(row, close + 1);
            at = close + 1;
            if (k >= row.length() || row.charAt(k) != '_' && row.charAt(k) != '^') {
                continue;
            }
            int l = skipSpace(row, k + 1);
            int end;
            String label;
            if (l < row.length() && row.charAt(l) == '{') {
                end = closing(row, l);
                if (end < 0) {
                    return;
                }
                label = row.substring(l + 1, end);
                end++;
            } else if (l < row.length()) {
                end = l + 1;
                label = row.substring(l, end);
            } else {
                return;
            }
            spans.add(new int[] {k, end});
            reasons.add("under the brace: " + words(label));
            at = end;
        }
    }

    /** Takes one annotation from the row's end, or returns null. */
    private static String trailing(StringBuilder row) {
        int end = row.length();
        while (end > 0 && (Character.isWhitespace(row.charAt(end - 1)) || ".,;".indexOf(row.charAt(end - 1)) >= 0)) {
            end--;
        }
        if (end == 0) {
            return null;
        }
        String head = row.substring(0, end);
        Matcher ref = EQ_REF.matcher(head);
        if (ref.find() && (ref.start() == 0 || !Character.isLetterOrDigit(head.charAt(ref.start() - 1))
                && head.charAt(ref.start() - 1) != '_' && head.charAt(ref.start() - 1) != '^')) {
            // "eq.(1)" is never maths an author means (e times q times 1): taken wherever it ends the row
            TexDocument.blank(row, ref.start(), row.length());
            return TexDocument.squeeze(ref.group().replaceAll("\\\\text\\{|\\}", " ").replaceAll("\\\\(eq)?ref\\{", "")
                    .replaceAll("[.,;]+$", ""));
        }
        int close = end - 1;
        boolean paren = false;
        if (row.charAt(close) == ')') {
            int k = close - 1;
            while (k >= 0 && Character.isWhitespace(row.charAt(k))) {
                k--;
            }
            if (k < 0 || row.charAt(k) != '}') {
                return null;
            }
            paren = true;
            close = k;
        }
        if (row.charAt(close) != '}') {
            return null;
        }
        int open = opening(row, close);
        if (open < 0) {
            return null;
        }
        Matcher command = TEXT_COMMAND.matcher(row.substring(0, open));
        if (!command.find()) {
            return null;
        }
        int start = command.start();
        if (paren) {
            int k = start - 1;
            while (k >= 0 && Character.isWhitespace(row.charAt(k))) {
                k--;
            }
            if (k < 0 || row.charAt(k) != '(') {
                return null;
            }
            start = k;
        }
        String content = TexDocument.squeeze(row.substring(open + 1, close));
        String before = row.substring(0, start);
        if (!isReason(content, paren, separated(before), before.isBlank())) {
            return null;
        }
        TexDocument.blank(row, start, row.length());
        return words(paren ? "(" + content + ")" : content);
    }

    private static boolean isReason(String content, boolean paren, boolean separated, boolean alone) {
        if (content.isEmpty()) {
            return false;
        }
        String bare = content.replaceAll("^[(\\[\\s]+", "");
        String first = bare.split("[^A-Za-z]+", 2)[0].toLowerCase(Locale.ROOT);
        if (CONDITION_WORDS.contains(first)) {
            return false;
        }
        boolean reasonWord = REASON_WORDS.contains(first);
        if (RELATION.matcher(content).find() && !reasonWord) {
            return false;
        }
        boolean bracketed = paren || content.startsWith("(") || content.startsWith("[");
        boolean phrase = content.trim().contains(" ") || reasonWord;
        return alone || bracketed || phrase && separated || phrase && content.trim().split("\\s+").length >= 2;
    }

    /** The text before ends in a spacing command or a comma (what separates a remark from the maths). */
    private static boolean separated(String before) {
        return SPACING.matcher(before).find() || before.isBlank();
    }

    /** A label in words: {@code \text{..}} unwrapped, spacing squeezed. */
    private static String words(String label) {
        return TexDocument.squeeze(label.replaceAll("\\\\(text|textrm|mathrm|mbox)\\s*\\{([^{}]*)\\}", "$2"));
    }

    private static int skipSpace(CharSequence s, int k) {
        while (k < s.length() && Character.isWhitespace(s.charAt(k))) {
            k++;
        }
        return k;
    }

    /** The index of the brace closing the one at {@code open}, or -1. */
    private static int closing(CharSequence s, int open) {
        int depth = 0;
        for (int k = open; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\\') {
                k++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    /** The index of the brace opening the one closing at {@code close}, or -1. */
    private static int opening(CharSequence s, int close) {
        int depth = 0;
        for (int k = close; k >= 0; k--) {
            char c = s.charAt(k);
            if (k > 0 && s.charAt(k - 1) == '\\') {
                continue;
            }
            if (c == '}') {
                depth++;
            } else if (c == '{' && --depth == 0) {
                return k;
            }
        }
        return -1;
    }
}
