package dev.gradstep.tex;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prose just before a display block, as far as it bears on the block's maths: a case stated
 * there ({@code If \(i=j\),}, {@code Case 2: $i \neq k$}, {@code When $i = k$, ... we get:}), and
 * whether a heading starts a new part (a case stated before it no longer holds).
 */
final class LeadText {

    private LeadText() {
    }

    private static final Pattern INLINE_MATH = Pattern.compile("\\\\\\((.+?)\\\\\\)|(?<![$\\\\])\\$([^$\\n]+)\\$(?!\\$)");
    private static final Pattern HEADING = Pattern.compile("(?m)^\\s*(#|\\\\(sub)*section)");
    private static final Pattern CASE_WORD = Pattern.compile("(?i)(\\bif|\\bwhen|\\bcase\\s*\\d*\\s*:?|\\bfor)\\W{0,4}$");
    private static final Pattern INDEX_RELATION =
            Pattern.compile("\\s*[A-Za-z]\\s*(=|\\\\neq?|\\\\ne|\\\\not\\s*=|!=|\u2260)\\s*[A-Za-z]\\s*");

    /**
     * The one inline relation between two index letters stated as a case in the last paragraph of
     * {@code source[from, to)}, as written, or null when there is none or more than one.
     */
    static String statedCase(String source, int from, int to) {
        if (to <= from || to > source.length()) {
            return null;
        }
        // the block's own opening ($$, \[, \begin{align}) is not text before it
        String lead = source.substring(from, to).replaceFirst("(?:\\s|\\$\\$|\\\\\\[|\\\\begin\\{[A-Za-z*]+\\})+$", "");
        String[] paragraphs = lead.split("\\n\\s*\\n");
        String last = paragraphs.length == 0 ? "" : paragraphs[paragraphs.length - 1];
        Matcher m = INLINE_MATH.matcher(last);
        String relation = null;
        while (m.find()) {
            String math = m.group(1) != null ? m.group(1) : m.group(2);
            String before = last.substring(0, m.start()).replaceAll("[*_`>-]", " ").trim();
            boolean stated = before.isEmpty() || CASE_WORD.matcher(before).find();
            if (stated && INDEX_RELATION.matcher(math).matches()) {
                if (relation != null) {
                    return null;
                }
                relation = math;
            }
        }
        return relation;
    }

    /** Whether {@code source[from, to)} holds a heading (Markdown {@code #}, LaTeX {@code \section}). */
    static boolean heading(String source, int from, int to) {
        return from < to && to <= source.length() && HEADING.matcher(source.substring(from, to)).find();
    }
}
