package dev.gradstep.tex;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file's text made ready for {@link TexDocument}, decided by its content as much as its name:
 * LaTeX is taken as it is; Markdown (MathJax or kramdown, from a Q&A site, a blog, GitHub or
 * Obsidian) has its code spans, code fences and HTML comments blanked so they are never read as
 * maths, and GitHub's {@code ```math} fences become {@code $$} blocks; a Jupyter notebook's
 * Markdown cells are joined into one text, and {@link Places} maps its lines back to cell and line.
 * Blanking keeps every character's offset, so positions in the result are positions in the file.
 */
public final class DocumentText {

    /** Longest notebook file parsed, in characters (outputs with images make notebooks large). */
    public static final int MAX_NOTEBOOK = 50_000_000;

    /** What a text was read as. */
    public enum Kind {
        LATEX("LaTeX"), MARKDOWN("Markdown"), NOTEBOOK("Jupyter notebook");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** What GradStep reads, for the message about a file it cannot use. */
    public static final String WHAT_IS_READ = "GradStep reads derivation files (.yaml), and the maths of LaTeX (.tex), "
            + "Markdown (.md, .markdown, .txt) and Jupyter notebooks (.ipynb): $$...$$, \\[...\\], \\(...\\), "
            + "an equality in $...$, and align, gather, equation, multline and eqnarray environments";

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})[ \\t]*([A-Za-z]*)[^\\n]*$", Pattern.MULTILINE);
    private static final Pattern LATEX_MARKERS = Pattern.compile("\\\\documentclass|\\\\begin\\s*\\{document\\}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Kind kind;
    private final String text;
    private final Places places;
    private final String error;

    private DocumentText(Kind kind, String text, Places places, String error) {
        this.kind = kind;
        this.text = text;
        this.places = places;
        this.error = error;
    }

    /**
     * Reads a file's text; {@code name} (a path, or null for pasted text) is a hint only: a
     * notebook is known by its JSON, LaTeX by {@code \documentclass} or a {@code .tex} name,
     * everything else is read as Markdown (which LaTeX maths inside it survives). Never throws.
     */
    public static DocumentText read(String name, String text) {
        String t = text == null ? "" : text;
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        String start = t.stripLeading();
        if (lower.endsWith(".ipynb") || start.startsWith("{") && start.contains("\"cells\"")) {
            return notebook(t);
        }
        if (lower.endsWith(".tex") || lower.endsWith(".latex") || LATEX_MARKERS.matcher(t).find()) {
            return new DocumentText(Kind.LATEX, t, Places.LINES, null);
        }
        return new DocumentText(Kind.MARKDOWN, markdown(t), Places.LINES, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The text to read maths from: the file's, with what is not maths blanked. */
    public String text() {
        return text;
    }

    public Places places() {
        return places;
    }

    /** Why the file could not be read at all (a broken notebook), or null. */
    public String error() {
        return error;
    }

    /** Where a line of {@link #text()} is in the file: plain lines, or a notebook's cells. */
    public record Places(List<Integer> cellStarts, List<Integer> cellNumbers) {

        /** Plain files: line n is line n. */
        public static final Places LINES = new Places(List.of(), List.of());

        public Places {
            cellStarts = List.copyOf(cellStarts);
            cellNumbers = List.copyOf(cellNumbers);
        }

        /** The cell holding a line (1-based, counting every cell of the notebook), or 0 for plain files. */
        public int cell(int line) {
            int at = cellIndex(line);
            return at < 0 ? 0 : cellNumbers.get(at);
        }

        /** The line within its cell (1-based), or the line itself for plain files. */
        public int lineInCell(int line) {
            int at = cellIndex(line);
            return at < 0 ? line : line - cellStarts.get(at) + 1;
        }

        /** {@code line 12}, or {@code cell 3, line 2} in a notebook. */
        public String label(int line) {
            int at = cellIndex(line);
            return at < 0 ? "line " + line : "cell " + cellNumbers.get(at) + ", line " + lineInCell(line);
        }

        private int cellIndex(int line) {
            int at = -1;
            for (int i = 0; i < cellStarts.size() && cellStarts.get(i) <= line; i++) {
                at = i;
            }
            return at;
        }
    }

    private static DocumentText notebook(String t) {
        if (t.length() > MAX_NOTEBOOK) {
            return new DocumentText(Kind.NOTEBOOK, "", Places.LINES, "the notebook is too large (" + t.length()
                    + " characters; the limit is " + MAX_NOTEBOOK + ")");
        }
        JsonNode root;
        try {
            root = JSON.readTree(t);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            return new DocumentText(Kind.NOTEBOOK, "", Places.LINES, "not a readable notebook: broken JSON" + where);
        }
        JsonNode cells = root == null ? null : root.get("cells");
        if (cells == null || !cells.isArray()) {
            return new DocumentText(Kind.NOTEBOOK, "", Places.LINES, "not a readable notebook: it has no \"cells\" list");
        }
        StringBuilder sb = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        int line = 1;
        for (int c = 0; c < cells.size(); c++) {
            JsonNode cell = cells.get(c);
            if (!"markdown".equals(cell.path("cell_type").asText())) {
                continue;
            }
            String source = source(cell.get("source"));
            starts.add(line);
            numbers.add(c + 1);
            // a blank line after each cell, so an unclosed $$ in one cell cannot swallow the next silently
            sb.append(source).append(source.endsWith("\n") ? "\n" : "\n\n");
            line += lines(source) + 1;
        }
        return new DocumentText(Kind.NOTEBOOK, markdown(sb.toString()), new Places(starts, numbers), null);
    }

    private static String source(JsonNode source) {
        if (source == null) {
            return "";
        }
        if (source.isArray()) {
            StringBuilder sb = new StringBuilder();
            source.forEach(part -> sb.append(part.asText()));
            return sb.toString();
        }
        return source.asText();
    }

    /** Lines a cell's text takes, counting an unterminated last line. */
    private static int lines(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return s.isEmpty() || s.endsWith("\n") ? n : n + 1;
    }

    /** Markdown with code fences, code spans and HTML comments blanked; {@code ```math} fences become {@code $$}. */
    static String markdown(String s) {
        StringBuilder sb = new StringBuilder(s);
        blankFences(sb);
        blankCodeSpans(sb);
        blankComments(sb);
        return sb.toString();
    }

    private static void blankFences(StringBuilder sb) {
        Matcher m = FENCE.matcher(sb.toString());
        int from = 0;
        while (m.find(from)) {
            String marker = m.group(1);
            boolean math = m.group(2).equalsIgnoreCase("math");
            Pattern closing = Pattern.compile("^ {0,3}" + Pattern.quote(marker.substring(0, 1)) + "{" + marker.length()
                    + ",}[ \\t]*$", Pattern.MULTILINE);
            Matcher close = closing.matcher(sb.toString());
            boolean closed = close.find(m.end());
            int end = closed ? close.end() : sb.length();
            if (math) {
                // the fence lines become $$ of the same length, so the maths inside keeps its place
                replaceSpan(sb, m.start(), m.end(), "$$");
                if (closed) {
                    replaceSpan(sb, close.start(), close.end(), "$$");
                }
            } else {
                TexDocument.blank(sb, m.start(), end);
            }
            if (end >= sb.length()) {
                return;
            }
            from = end;
        }
    }

    private static void replaceSpan(StringBuilder sb, int from, int to, String with) {
        TexDocument.blank(sb, from, to);
        for (int i = 0; i < with.length() && from + i < to; i++) {
            sb.setCharAt(from + i, with.charAt(i));
        }
    }

    /** Inline code: a run of backticks up to the next run of the same length (within the paragraph). */
    private static void blankCodeSpans(StringBuilder sb) {
        int i = 0;
        while (i < sb.length()) {
            if (sb.charAt(i) != '`' || i > 0 && sb.charAt(i - 1) == '\\') {
                i++;
                continue;
            }
            int run = 0;
            while (i + run < sb.length() && sb.charAt(i + run) == '`') {
                run++;
            }
            int close = closingRun(sb, i + run, run);
            if (close < 0) {
                i += run;
                continue;
            }
            TexDocument.blank(sb, i, close + run);
            i = close + run;
        }
    }

    private static int closingRun(StringBuilder sb, int from, int run) {
        int k = from;
        while (k < sb.length()) {
            char c = sb.charAt(k);
            if (c == '\n' && k + 1 < sb.length() && sb.charAt(k + 1) == '\n') {
                return -1;
            }
            if (c == '`') {
                int n = 0;
                while (k + n < sb.length() && sb.charAt(k + n) == '`') {
                    n++;
                }
                if (n == run) {
                    return k;
                }
                k += n;
                continue;
            }
            k++;
        }
        return -1;
    }

    private static void blankComments(StringBuilder sb) {
        int at = sb.indexOf("<!--");
        while (at >= 0) {
            int end = sb.indexOf("-->", at + 4);
            int stop = end < 0 ? sb.length() : end + 3;
            if (!sb.substring(at, stop).matches("(?s)<!--\\s*notation\\s*:.*")) {
                TexDocument.blank(sb, at, stop);
            }
            at = sb.indexOf("<!--", stop);
        }
    }
}
