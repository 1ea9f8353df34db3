package dev.gradstep.tex;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A right side written as {@code \begin{cases} a & i = j \\ b & \text{otherwise} \end{cases}}: one
 * row per case, each the row's text with the other cases (and the environment's markup) blanked, so
 * every position still maps to the file, and the case's condition as written beside it.
 */
final class Cases {

    private Cases() {
    }

    /** A case's row text, where its value starts in it, and its condition. */
    record Split(String text, int valueAt, TexDocument.Case of) {
    }

    private static final Pattern BEGIN = Pattern.compile("\\\\begin\\s*\\{(d?cases\\*?)\\}");
    private static final Pattern OTHERWISE = Pattern.compile(
            "(?i)^[\\s,.]*(\\\\text(rm|it|normal)?\\s*\\{\\s*(otherwise|else|sonst)\\s*[.,]?\\s*\\}|otherwise|else)[\\s,.]*$");
    /** More cases than this is not a derivation step; the row is read as written. */
    private static final int MAX_CASES = 12;

    /**
     * The cases of the row's right side, or an empty list when the row has no {@code cases} after a
     * top-level {@code =} that ends the row.
     *
     * @param text the row with its ampersands blanked
     * @param raw the same span of the file with its ampersands (which separate value from condition)
     */
    static List<Split> split(String text, String raw) {
        Matcher m = BEGIN.matcher(text);
        if (!m.find() || text.length() != raw.length()) {
            return List.of();
        }
        String env = m.group(1);
        String endTag = "\\end{" + env + "}";
        int bodyStart = m.end();
        int end = text.indexOf(endTag, bodyStart);
        if (end < 0 || text.indexOf("\\begin", bodyStart) >= 0 && text.indexOf("\\begin", bodyStart) < end) {
            return List.of();
        }
        int after = end + endTag.length();
        String rest = text.substring(after).replace("\\right.", "").replaceAll("[\\s.,;]", "");
        String head = text.substring(0, m.start()).replace("\\left\\{", "").replace("\\left.", "");
        if (!rest.isEmpty() || TexDocument.topLevelEquals(head).isEmpty() || !head.trim().endsWith("=")) {
            return List.of();
        }
        List<int[]> spans = rows(text, bodyStart, end);
        if (spans.size() < 2 || spans.size() > MAX_CASES) {
            return List.of();
        }
        int leftBrace = text.lastIndexOf("\\left\\{", m.start());
        int open = leftBrace >= 0 && text.substring(leftBrace + 7, m.start()).isBlank() ? leftBrace : m.start();
        int rightDot = text.indexOf("\\right.", after);
        int close = rightDot >= 0 && text.substring(after, rightDot).isBlank() ? rightDot + 7 : after;
        List<String> conditions = new ArrayList<>();
        List<int[]> values = new ArrayList<>();
        for (int[] span : spans) {
            int amp = ampersand(raw, span[0], span[1]);
            int valueEnd = amp < 0 ? span[1] : amp;
            values.add(new int[] {span[0], valueEnd});
            conditions.add(amp < 0 ? "" : TexDocument.squeeze(raw.substring(amp + 1, span[1])));
        }
        List<Split> out = new ArrayList<>();
        for (int c = 0; c < spans.size(); c++) {
            StringBuilder row = new StringBuilder(text);
            TexDocument.blank(row, open, values.get(c)[0]);
            TexDocument.blank(row, values.get(c)[1], close);
            String condition = conditions.get(c);
            List<String> others = new ArrayList<>(conditions);
            others.remove(c);
            int at = values.get(c)[0];
            while (at < values.get(c)[1] && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            out.add(new Split(row.toString(), at, new TexDocument.Case(
                    OTHERWISE.matcher(condition).matches() ? null : condition, others)));
        }
        return out;
    }

    /** The cases' spans: the body split at {@code \\} outside braces and nested environments. */
    private static List<int[]> rows(String text, int from, int to) {
        List<int[]> out = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c == '\\' && k + 1 < to) {
                if (text.charAt(k + 1) == '\\' && depth == 0) {
                    out.add(new int[] {start, k});
                    start = k + 2;
                }
                k++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            }
        }
        out.add(new int[] {start, to});
        out.removeIf(s -> text.substring(s[0], s[1]).isBlank());
        return out;
    }

    private static int ampersand(String raw, int from, int to) {
        int depth = 0;
        for (int k = from; k < to; k++) {
            char c = raw.charAt(k);
            if (c == '\\') {
                k++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (c == '&' && depth == 0) {
                return k;
            }
        }
        return -1;
    }
}
