package dev.gradstep.ui;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Light clean-up of the bits of LaTeX that authors put in titles and reasons ("Case i \neq j",
 * "s_i"), so labels read as text instead of showing backslashes.
 */
final class PlainText {

    private static final Map<String, String> MACROS = Map.ofEntries(Map.entry("\\neq", "\u2260"),
            Map.entry("\\ne", "\u2260"), Map.entry("\\delta", "\u03b4"), Map.entry("\\sum", "\u03a3"),
            Map.entry("\\partial", "\u2202"), Map.entry("\\cdot", "\u00b7"), Map.entry("\\log", "log"),
            Map.entry("\\to", "\u2192"), Map.entry("\\theta", "\u03b8"), Map.entry("\\sigma", "\u03c3"),
            Map.entry("\\alpha", "\u03b1"), Map.entry("\\beta", "\u03b2"), Map.entry("\\lambda", "\u03bb"),
            Map.entry("\\epsilon", "\u03b5"), Map.entry("\\varepsilon", "\u03b5"), Map.entry("\\mu", "\u03bc"));
    /** {@code \hat{y}} as y with a combining circumflex, so renamed reasons read like the formulas. */
    private static final Pattern HAT = Pattern.compile("\\\\hat\\{([A-Za-z])\\}");
    private static final Pattern MACRO = Pattern.compile("\\\\[a-zA-Z]+");
    private static final Pattern SUBSCRIPT = Pattern.compile("(?<=[A-Za-z\u03b1-\u03c9\u0302])_(\\{([ijkn0-9]{1,2})\\}|([ijkn0-9]))");
    private static final String FROM = "0123456789ijkn";
    private static final String TO = "\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089\u1d62\u2c7c\u2096\u2099";

    private PlainText() {
    }

    static String of(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        Matcher m = MACRO.matcher(HAT.matcher(text).replaceAll("$1\u0302"));
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
