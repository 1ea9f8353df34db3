package dev.gradstep.ui;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Light clean-up of the bits of LaTeX that authors put in titles and reasons ("Case i \neq j",
 * "s_i"), so labels read as text instead of showing backslashes.
 */
final class PlainText {

    private static final Map<String, String> MACROS = Map.of("\\neq", "\u2260", "\\ne", "\u2260", "\\delta", "\u03b4",
            "\\sum", "\u03a3", "\\partial", "\u2202", "\\cdot", "\u00b7", "\\log", "log", "\\to", "\u2192");
    private static final Pattern MACRO = Pattern.compile("\\\\[a-zA-Z]+");
    private static final Pattern SUBSCRIPT = Pattern.compile("(?<=[A-Za-z\u03b4])_(\\{([ijkn0-9]{1,2})\\}|([ijkn0-9]))");
    private static final String FROM = "0123456789ijkn";
    private static final String TO = "\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089\u1d62\u2c7c\u2096\u2099";

    private PlainText() {
    }

    static String of(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        Matcher m = MACRO.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(MACROS.getOrDefault(m.group(), m.group())));
        }
        m.appendTail(sb);
        Matcher s = SUBSCRIPT.matcher(sb.toString());
        StringBuilder out = new StringBuilder();
        while (s.find()) {
            String idx = s.group(2) != null ? s.group(2) : s.group(3);
            StringBuilder sub = new StringBuilder();
            for (char c : idx.toCharArray()) {
                sub.append(TO.charAt(FROM.indexOf(c)));
            }
            s.appendReplacement(out, Matcher.quoteReplacement(sub.toString()));
        }
        s.appendTail(out);
        String text2 = out.toString().replaceAll("\\^\\{([^{}]*)\\}", "^($1)");
        return text2.replaceAll("\\s+\u2260", " \u2260").trim();
    }
}
