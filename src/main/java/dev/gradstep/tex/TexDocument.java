package dev.gradstep.tex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The display math of a LaTeX file, cut into rows for checking: {@code align}, {@code align*},
 * {@code aligned}, {@code equation}, {@code gather}, {@code multline}, {@code \[ \]} and
 * {@code $$ $$} blocks; everything else is ignored. Rows are split at {@code \\}; a row without a
 * top-level {@code =} continues the row before it (a long right side broken over lines).
 *
 * <p>Rows keep their place in the file: what carries no math ({@code &}, {@code \\},
 * {@code \label}, {@code \nonumber}, {@code \notag}, {@code \intertext}, comments,
 * nested {@code aligned}/{@code split}) is blanked with spaces rather than removed, so a position in a
 * row's text maps back to the file's line and column by {@link Row#position(int, int)}.
 * A row's annotations ({@code \tag{3}}, a trailing {@code \text{(chain rule)}}, {@code eq.(1)}, an
 * {@code &#92;underbrace} label) are its stated reason, blanked from its text (see {@link Annotations}).
 * Nothing here throws on bad input: an unclosed block is a {@link Block} with an error.
 */
public final class TexDocument {

    /** Longest file read, in characters: far beyond any homework, short enough to stay fast. */
    public static final int MAX_LENGTH = 1_000_000;

    /** Most display blocks read from one file. */
    public static final int MAX_BLOCKS = 1000;

    private static final Set<String> DISPLAY = Set.of("align", "align*", "aligned", "equation", "equation*",
            "gather", "gather*", "multline", "multline*", "flalign", "flalign*", "eqnarray", "eqnarray*",
            "displaymath", "split", "alignat", "alignat*");
    private static final Pattern NOTATION = Pattern.compile(
            "^[ \\t]*%+[ \\t]*notation[ \\t]*:(.*)$|<!--[ \\t]*notation[ \\t]*:(.*?)-->",
            Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);
    private static final Pattern ENVIRONMENT = Pattern.compile("\\\\(begin|end)[ \\t]*\\{([A-Za-z]+\\*?)\\}");
    private static final Pattern BEGIN = Pattern.compile("\\\\begin[ \\t]*\\{([A-Za-z]+\\*?)\\}");
    private static final Pattern INNER = Pattern.compile(
            "\\\\(begin|end)[ \\t]*\\{(aligned|split|gathered|alignedat)\\}(\\[[a-z]\\])?(\\{\\d+\\})?");
    private static final Pattern NOISE = Pattern.compile(
            "\\\\(nonumber|notag|displaystyle|allowbreak)(?![A-Za-z])"
                    + "|\\\\(label|intertext|shortintertext)[ \\t]*\\{[^{}]*\\}");
    private static final Pattern ROW_GAP = Pattern.compile("^\\*?[ \\t]*\\[[ \\t]*-?[0-9.]+[ \\t]*(pt|em|ex|mm|cm|in|mu|bp)[ \\t]*\\]");
    private static final Pattern COLUMNS = Pattern.compile("^[ \\t]*\\{[0-9]+\\}");

    private final String source;
    private final int[] lineStarts;
    private final String clean;
    private final String notation;
    private final int notationLine;
    private final List<Block> blocks;
    private final List<String> warnings = new ArrayList<>();
    private final DocumentText.Places places;
    private final DocumentText.Kind kind;
    private String commentless;

    /** A place in the file: 1-based line and column. */
    public record Position(int line, int column) {
    }

    /**
     * One row of a display block: its text (same length as the source span, with noise blanked),
     * where it starts, and the file line of each top-level {@code =} in it; the reason written beside it
     * ({@link Annotations}), the case of a {@code cases} it is, and the range written after it
     * ({@code i = 1, \\dots, K}, {@code for all j}), each null when it has none.
     */
    public record Row(String text, int offset, Position start, List<Integer> equalsLines, List<Integer> equalsOffsets,
                      TexDocument document, String reason, Case of, String domain) {
        public Row {
            equalsLines = List.copyOf(equalsLines);
            equalsOffsets = List.copyOf(equalsOffsets);
        }

        /** A row without a stated reason, not a case. */
        public Row(String text, int offset, Position start, List<Integer> equalsLines, List<Integer> equalsOffsets,
                   TexDocument document) {
            this(text, offset, start, equalsLines, equalsOffsets, document, null, null, null);
        }

        /** Whether the row goes on the chain before it ({@code &= ...}): it has no left side of its own. */
        public boolean continues() {
            return text.trim().startsWith("=");
        }

        /**
         * The row's text between two of its top-level {@code =} (-1 for the start, size for the end) with
         * everything else blanked, so a position in it is still one in the row.
         */
        public String sideText(int fromEquals, int toEquals) {
            StringBuilder sb = new StringBuilder(text);
            int from = fromEquals < 0 ? 0 : equalsOffsets.get(fromEquals) - offset;
            int to = toEquals >= equalsOffsets.size() ? sb.length() : equalsOffsets.get(toEquals) - offset;
            for (int i = 0; i < sb.length(); i++) {
                if ((i < from || i >= to) && sb.charAt(i) != '\n') {
                    sb.setCharAt(i, ' ');
                }
            }
            return sb.toString();
        }

        /** The same row with other text of the same length (a rewritten habit), its reason and case kept. */
        public Row withText(String newText) {
            return new Row(newText, offset, start, equalsLines, equalsOffsets, document, reason, of, domain);
        }

        /** The file position of a 1-based line and column within {@link #text()}. */
        public Position position(int lineInRow, int columnInRow) {
            int at = 0;
            for (int l = 1; l < lineInRow && at < text.length(); l++) {
                int nl = text.indexOf('\n', at);
                if (nl < 0) {
                    break;
                }
                at = nl + 1;
            }
            return document.positionOf(offset + Math.min(text.length(), at + Math.max(0, columnInRow - 1)));
        }

        /** The text between the given top-level {@code =} signs (-1 for the start, size for the end), trimmed. */
        public String segment(int fromEquals, int toEquals) {
            int from = fromEquals < 0 ? 0 : equalsOffsets.get(fromEquals) - offset + 1;
            int to = toEquals >= equalsOffsets.size() ? text.length() : equalsOffsets.get(toEquals) - offset;
            // spacing left where a remark was taken out ("\\quad \\text{by ..}") is not part of the maths
            return squeeze(text.substring(Math.min(from, to), to)).replaceAll("(\\s*(\\\\(quad|qquad|[,;: !])|~))+$", "");
        }

        @Override
        public String toString() {
            return "Row[line " + start.line() + ": " + squeeze(text) + "]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && r.offset == offset && r.text.equals(text);
        }

        @Override
        public int hashCode() {
            return offset * 31 + text.hashCode();
        }
    }

    /**
     * One case of a {@code \\begin{cases}} on a right side: the row holds that case's value alone, and
     * this its condition as written ({@code i = j}, {@code \\text{if } i \\neq j}); null for
     * {@code \\text{otherwise}}, whose meaning is the opposite of the {@code others}.
     */
    public record Case(String condition, List<String> others) {
        public Case {
            others = List.copyOf(others);
        }
    }

    /** A display block: its environment ({@code \[} or {@code $$} for the bracket forms), its line, rows or an error. */
    public record Block(String environment, int line, List<Row> rows, String error, String statedCase,
                        boolean afterHeading) {
        public Block {
            rows = List.copyOf(rows);
        }

        public Block(String environment, int line, List<Row> rows, String error) {
            this(environment, line, rows, error, null, false);
        }

        /** Whether this is inline maths ({@code $..$}, {@code \\(..\\)}) read as a claim. */
        public boolean inline() {
            return environment.equals(INLINE_DOLLAR) || environment.equals(INLINE_PAREN);
        }
    }

    private TexDocument(String source, DocumentText.Kind kind, DocumentText.Places places) {
        this.source = source;
        this.kind = kind;
        this.places = places;
        this.lineStarts = lineStarts(source);
        Matcher m = NOTATION.matcher(source);
        if (m.find()) {
            notation = (m.group(1) != null ? m.group(1) : m.group(2)).trim();
            notationLine = positionOf(m.start()).line();
        } else {
            notation = null;
            notationLine = 0;
        }
        this.commentless = blankComments(source);
        this.clean = blankNoise(commentless);
        this.blocks = withLeadText(findBlocks());
        warnMismatchedEnvironments();
        this.commentless = null;
    }

    /** Reads a LaTeX file's text; never throws (overlong text gives one block with an error). */
    public static TexDocument read(String text) {
        return read(text, DocumentText.Kind.LATEX, DocumentText.Places.LINES);
    }

    /** Reads any document's maths (LaTeX, Markdown, a notebook's Markdown cells); never throws. */
    public static TexDocument read(DocumentText document) {
        TexDocument doc = read(document.text(), document.kind(), document.places());
        if (document.error() != null) {
            doc.blocks.add(0, new Block("document", 1, List.of(), document.error()));
        }
        return doc;
    }

    private static TexDocument read(String text, DocumentText.Kind kind, DocumentText.Places places) {
        if (text == null) {
            text = "";
        }
        if (text.length() > MAX_LENGTH) {
            TexDocument empty = new TexDocument("", kind, places);
            empty.blocks.add(new Block("document", 1, List.of(), "the file is too long (" + text.length()
                    + " characters; the limit is " + MAX_LENGTH + ")"));
            return empty;
        }
        return new TexDocument(text, kind, places);
    }

    /** What the text was read as. */
    public DocumentText.Kind kind() {
        return kind;
    }

    /** Where the text's lines are in the file (a notebook's cells). */
    public DocumentText.Places places() {
        return places;
    }

    /** What was read with a doubt, each naming its line: a block closed by another environment's end. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The words after {@code % notation:}, or null when the file has no such comment. */
    public String notation() {
        return notation;
    }

    /** The line of the notation comment, or 0. */
    public int notationLine() {
        return notationLine;
    }

    public List<Block> blocks() {
        return List.copyOf(blocks);
    }

    public String source() {
        return source;
    }

    Position positionOf(int offset) {
        int at = java.util.Arrays.binarySearch(lineStarts, offset);
        int line = at >= 0 ? at : -at - 2;
        return new Position(line + 1, offset - lineStarts[line] + 1);
    }

    private static int[] lineStarts(String s) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    static String squeeze(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    /** Blanks {@code %} comments (not {@code \%}) up to the end of their line. */
    private static String blankComments(String s) {
        StringBuilder sb = new StringBuilder(s);
        boolean comment = false;
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (c == '\n') {
                comment = false;
            } else if (comment) {
                sb.setCharAt(i, ' ');
            } else if (c == '%' && !escaped(s, i)) {
                comment = true;
                sb.setCharAt(i, ' ');
            }
        }
        return sb.toString();
    }

    private static boolean escaped(String s, int i) {
        int backslashes = 0;
        for (int j = i - 1; j >= 0 && s.charAt(j) == '\\'; j--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static String blankNoise(String s) {
        StringBuilder sb = new StringBuilder(s);
        for (Pattern p : List.of(NOISE, INNER)) {
            Matcher m = p.matcher(sb);
            List<int[]> spans = new ArrayList<>();
            while (m.find()) {
                spans.add(new int[] {m.start(), m.end()});
            }
            for (int[] span : spans) {
                blank(sb, span[0], span[1]);
            }
        }
        return sb.toString();
    }

    static void blank(StringBuilder sb, int from, int to) {
        for (int i = from; i < to; i++) {
            if (sb.charAt(i) != '\n') {
                sb.setCharAt(i, ' ');
            }
        }
    }

    /**
     * Each block with what the prose since the block before says of it: a case stated there (as
     * written, {@code i \\neq j}) and whether a heading came between.
     */
    private List<Block> withLeadText(List<Block> found) {
        List<Block> out = new ArrayList<>(found.size());
        int textFrom = 0;
        for (Block b : found) {
            if (b.rows().isEmpty()) {
                out.add(b);
                continue;
            }
            Row first = b.rows().get(0);
            // an inline block's own opening ($, \\() is not text before it
            int start = Math.min(first.offset(), source.length()) - (b.environment().equals(INLINE_DOLLAR) ? 1
                    : b.environment().equals(INLINE_PAREN) ? 2 : 0);
            String stated = LeadText.statedCase(source, textFrom, start);
            boolean heading = LeadText.heading(source, textFrom, start);
            Row last = b.rows().get(b.rows().size() - 1);
            textFrom = Math.max(textFrom, last.offset() + last.text().length());
            out.add(new Block(b.environment(), b.line(), b.rows(), b.error(), stated, heading));
        }
        return out;
    }

    private List<Block> findBlocks() {
        List<Block> out = new ArrayList<>();
        int i = 0;
        int n = clean.length();
        while (i < n) {
            if (out.size() >= MAX_BLOCKS) {
                out.add(new Block("document", positionOf(i).line(), List.of(), "more than " + MAX_BLOCKS
                        + " display blocks: the rest of the file is not read"));
                return out;
            }
            char c = clean.charAt(i);
            if (c == '$' && !escaped(clean, i)) {
                i = i + 1 < n && clean.charAt(i + 1) == '$' ? delimited("$$", "$$", i, out) : inline("$", "$", i, out);
                continue;
            }
            if (c != '\\') {
                i++;
                continue;
            }
            if (clean.startsWith("\\[", i)) {
                i = delimited("\\[", "\\]", i, out);
                continue;
            }
            if (clean.startsWith("\\(", i)) {
                i = inline("\\(", "\\)", i, out);
                continue;
            }
            Matcher m = clean.startsWith("\\begin", i) ? BEGIN.matcher(clean).region(i, n) : null;
            if (m != null && m.lookingAt() && DISPLAY.contains(m.group(1))) {
                String env = m.group(1);
                String endTag = "\\end{" + env + "}";
                int end = clean.indexOf(endTag, m.end());
                int nextBegin = nextDisplayBegin(m.end());
                if (end >= 0 && (nextBegin < 0 || end < nextBegin)) {
                    out.add(block(env, i, m.end(), end));
                    i = end + endTag.length();
                    continue;
                }
                Matcher other = otherEnd(m.end(), nextBegin < 0 ? n : nextBegin);
                if (other == null) {
                    out.add(unclosed(env, i, endTag));
                    return out;
                }
                warnings.add("line " + positionOf(i).line() + ": \\begin{" + env + "} is closed by \\end{" + other.group(1)
                        + "} on line " + positionOf(other.start()).line() + "; read as one block");
                out.add(block(env, i, m.end(), other.start()));
                i = other.end();
                continue;
            }
            i += i + 1 < n && !Character.isLetter(clean.charAt(i + 1)) ? 2 : 1;
        }
        return out;
    }

    private int nextDisplayBegin(int from) {
        Matcher b = BEGIN.matcher(clean);
        int at = from;
        while (b.find(at)) {
            if (DISPLAY.contains(b.group(1))) {
                return b.start();
            }
            at = b.end();
        }
        return -1;
    }

    /** The first {@code \end} of any display environment between two offsets, in the text before inner ones were blanked. */
    private Matcher otherEnd(int from, int to) {
        Matcher e = Pattern.compile("\\\\end[ \\t]*\\{([A-Za-z]+\\*?)\\}").matcher(commentless).region(from, to);
        while (e.find()) {
            if (DISPLAY.contains(e.group(1)) || e.group(1).equals("gathered") || e.group(1).equals("alignedat")) {
                return e;
            }
        }
        return null;
    }

    /** Says where an environment is closed by another one's end ({@code \begin{split} .. \end{aligned}}). */
    private void warnMismatchedEnvironments() {
        java.util.Deque<String[]> open = new java.util.ArrayDeque<>();
        Matcher m = ENVIRONMENT.matcher(commentless);
        while (m.find() && warnings.size() < MAX_BLOCKS) {
            String env = m.group(2);
            if (!DISPLAY.contains(env) && !env.equals("gathered") && !env.equals("alignedat")) {
                continue;
            }
            if (m.group(1).equals("begin")) {
                open.push(new String[] {env, String.valueOf(m.start())});
            } else if (!open.isEmpty()) {
                String[] top = open.pop();
                String warning = "line " + positionOf(Integer.parseInt(top[1])).line() + ": \\begin{" + top[0]
                        + "} is closed by \\end{" + env + "} on line " + positionOf(m.start()).line() + "; read as one block";
                if (!top[0].equals(env) && !warnings.contains(warning)) {
                    warnings.add(warning);
                }
            }
        }
    }

    /**
     * Inline maths ({@code $..$}, {@code \\(..\\)}) within one paragraph is skipped whole, so a
     * {@code $} inside it is not taken for a delimiter, unless it is a claim worth checking (see
     * {@link #inlineClaim}): then it is a block of one row. An opening {@code $} with no closing one in
     * its paragraph is a dollar sign.
     */
    private int inline(String open, String close, int at, List<Block> out) {
        int from = at + open.length();
        int end = from;
        while (true) {
            end = clean.indexOf(close, end);
            if (end < 0 || clean.substring(from, end).contains("\n\n")) {
                return from;
            }
            if (close.equals("$") && (escaped(clean, end) || end + 1 < clean.length() && clean.charAt(end + 1) == '$')) {
                if (!escaped(clean, end)) {
                    return from;
                }
                end++;
                continue;
            }
            break;
        }
        // a display environment written inside $..$ (a notebook's "$\\begin{align*}..$") is still read
        if (clean.substring(from, end).contains("\\begin")) {
            return from;
        }
        if (inlineClaim(from, end, at, end + close.length())) {
            out.add(block(open.equals("$") ? INLINE_DOLLAR : INLINE_PAREN, at, from, end));
        }
        return end + close.length();
    }

    /** The environment names of inline blocks: a row there that cannot be read is prose maths, not reported. */
    public static final String INLINE_DOLLAR = "$";
    public static final String INLINE_PAREN = "\\(";

    private static final Pattern DERIVATIVE = Pattern.compile(
            "\\\\partial|∂|\\\\nabla|\\\\frac\\s*\\{\\s*(d|\\\\mathrm\\s*\\{\\s*d\\s*\\}|\\\\delta)\\s*[A-Za-z\\\\]");
    private static final Pattern NOT_AN_EQUATION = Pattern.compile("\\\\(approx|propto|sim|simeq|to|mapsto|neq?|leq?|geq?|in)(?![A-Za-z])|[<>≈≠]");
    /** Words that qualify a claim in its sentence ("for the true class", "if $i = j$"): such a claim is not checked. */
    private static final Pattern QUALIFIER = Pattern.compile("(?i)\\b(if|when|whenever|for|case|cases|otherwise|unless|only|"
            + "except|assume|assuming|suppose|supposing|given|correct|true|target|ground|approximately|roughly|"
            + "element|component|entry|row|column|vector|matrix|batch|sample|example)\\b");
    private static final Pattern INLINE_MATH = Pattern.compile("\\$[^$]*\\$|\\\\\\(.*?\\\\\\)", Pattern.DOTALL);
    private static final Pattern SENTENCE_END = Pattern.compile("[.?!:;](\\s|$)");
    /** Longest inline formula read as a claim. */
    private static final int MAX_INLINE = 600;

    /**
     * Inline maths is checked only when it is unmistakably a claim about the gradient: an equation
     * whose left side is a derivative ({@code $\\frac{\\partial L}{\\partial z_i} = p_i - y_i$}), in a
     * sentence that puts no words around it that would change its meaning (a case, "for the true
     * class", "of the vector"); prose conditions cannot be attached, so a qualified claim is left alone.
     */
    private boolean inlineClaim(int from, int end, int openAt, int closeEnd) {
        String math = clean.substring(from, end);
        if (math.length() > MAX_INLINE || math.trim().startsWith("=")) {
            return false;
        }
        List<Integer> equals = topLevelEquals(math);
        if (equals.isEmpty() || NOT_AN_EQUATION.matcher(math).find()) {
            return false;
        }
        String left = math.substring(0, equals.get(0));
        if (!DERIVATIVE.matcher(left).find()) {
            return false;
        }
        int paraStart = clean.lastIndexOf("\n\n", openAt);
        paraStart = paraStart < 0 ? 0 : paraStart + 2;
        int paraEnd = clean.indexOf("\n\n", closeEnd);
        paraEnd = paraEnd < 0 ? clean.length() : paraEnd;
        String before = INLINE_MATH.matcher(clean.substring(paraStart, openAt)).replaceAll(" M ");
        String after = INLINE_MATH.matcher(clean.substring(closeEnd, paraEnd)).replaceAll(" M ");
        Matcher stop = SENTENCE_END.matcher(before);
        int sentenceStart = 0;
        while (stop.find()) {
            sentenceStart = stop.end();
        }
        Matcher next = SENTENCE_END.matcher(after);
        String sentence = before.substring(sentenceStart) + " " + (next.find() ? after.substring(0, next.start()) : after);
        return !QUALIFIER.matcher(sentence).find();
    }

    /** A block between two delimiters starting at {@code at}; returns where reading goes on (the end when unclosed). */
    private int delimited(String open, String close, int at, List<Block> out) {
        int end = clean.indexOf(close, at + open.length());
        if (end < 0) {
            out.add(unclosed(open, at, close));
            return clean.length();
        }
        out.add(block(open, at, at + open.length(), end));
        return end + close.length();
    }

    private Block unclosed(String env, int at, String endTag) {
        return new Block(env, positionOf(at).line(), List.of(), "the block opened here is never closed (no "
                + endTag + ")");
    }

    /** Splits a block body at top-level {@code \\} and joins rows that have no {@code =}. */
    private Block block(String env, int open, int from, int to) {
        StringBuilder body = new StringBuilder(clean.substring(from, to));
        Matcher columns = COLUMNS.matcher(body);
        if (env.startsWith("alignat") && columns.find()) {
            blank(body, 0, columns.end());
        }
        List<int[]> rows = new ArrayList<>();
        // rows split at \\ outside nested environments (cases, matrices), even inside an unclosed brace,
        // so one student's missing } costs one row, not the rest of the block
        int environments = 0;
        int rowStart = 0;
        for (int k = 0; k < body.length(); k++) {
            char c = body.charAt(k);
            if (c == '\\' && k + 1 < body.length()) {
                char d = body.charAt(k + 1);
                if (d == '\\' && environments == 0) {
                    rows.add(new int[] {rowStart, k});
                    int skip = k + 2;
                    // a region, not a copy of the rest: a copy per row made long blocks quadratic
                    Matcher gap = ROW_GAP.matcher(body).region(skip, body.length());
                    if (gap.lookingAt()) {
                        skip = gap.end();
                    }
                    blank(body, k, skip);
                    rowStart = skip;
                    k = skip - 1;
                    continue;
                }
                if (startsAt(body, "begin", k + 1)) {
                    environments++;
                } else if (startsAt(body, "end", k + 1)) {
                    environments = Math.max(0, environments - 1);
                }
                k++;
                continue;
            }
            if (c == '&') {
                body.setCharAt(k, ' ');
            }
        }
        rows.add(new int[] {rowStart, body.length()});
        String text = body.toString();
        List<Row> out = new ArrayList<>();
        int joinedStart = -1;
        int joinedEnd = -1;
        for (int[] r : rows) {
            String part = text.substring(r[0], r[1]);
            if (part.isBlank()) {
                continue;
            }
            boolean continues = topLevelEquals(part).isEmpty() && joinedStart >= 0;
            if (continues) {
                joinedEnd = r[1];
                continue;
            }
            if (joinedStart >= 0) {
                out.addAll(rows(text, from, joinedStart, joinedEnd));
            }
            joinedStart = r[0];
            joinedEnd = r[1];
        }
        if (joinedStart >= 0) {
            out.addAll(rows(text, from, joinedStart, joinedEnd));
        }
        return new Block(env.toLowerCase(Locale.ROOT), positionOf(open).line(), out, null);
    }

    private static boolean startsAt(CharSequence s, String word, int at) {
        return at + word.length() <= s.length() && s.subSequence(at, at + word.length()).toString().equals(word);
    }

    /** A row, or one row per case when its right side is a {@code \\begin{cases}}. */
    private List<Row> rows(String body, int bodyOffset, int from, int to) {
        StringBuilder blanked = new StringBuilder(body.substring(from, to));
        String reason = Annotations.take(blanked);
        String domain = Annotations.takeDomain(blanked);
        if (domain != null && reason == null) {
            // "... , i = 1, ..., K \\quad \\text{(chain rule)}": the remark may stand before the range too
            reason = Annotations.take(blanked);
        }
        String text = blanked.toString();
        String stated = reason;
        List<Row> cases = Cases.split(text, clean.substring(bodyOffset + from, bodyOffset + to)).stream()
                .map(c -> row(c.text(), bodyOffset + from, stated, c.of(), domain, bodyOffset + from + c.valueAt())).toList();
        return cases.isEmpty() ? List.of(row(text, bodyOffset + from, stated, null, domain, -1)) : cases;
    }

    /** @param valueAt where a case's value starts: its step is on that line, not on the line of the '=' */
    private Row row(String text, int at, String reason, Case of, String domain, int valueAt) {
        List<Integer> lines = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        for (int k : topLevelEquals(text)) {
            offsets.add(at + k);
            lines.add(positionOf(at + k).line());
        }
        if (valueAt >= 0 && !lines.isEmpty()) {
            lines.set(lines.size() - 1, positionOf(valueAt).line());
        }
        int lead = 0;
        while (lead < text.length() && Character.isWhitespace(text.charAt(lead))) {
            lead++;
        }
        return new Row(text, at, positionOf(at + lead), lines, offsets, this, reason, of, domain);
    }

    /**
     * Offsets of {@code =} outside braces, brackets and parentheses. In a row with an unclosed
     * group, the signs at the smallest depth any sign has, so the row's steps are still found.
     */
    static List<Integer> topLevelEquals(String s) {
        List<Integer> at = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        int depth = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\\') {
                k++;
                continue;
            }
            switch (c) {
                case '{', '(', '[' -> depth++;
                case '}', ')', ']' -> depth = Math.max(0, depth - 1);
                case '=' -> {
                    at.add(k);
                    depths.add(depth);
                }
                default -> {
                }
            }
        }
        int wanted = depth == 0 ? 0 : depths.stream().mapToInt(Integer::intValue).min().orElse(0);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < at.size(); i++) {
            if (depths.get(i) == wanted) {
                out.add(at.get(i));
            }
        }
        return out;
    }
}
