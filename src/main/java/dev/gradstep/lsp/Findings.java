package dev.gradstep.lsp;

import dev.gradstep.check.StudentNotation;
import dev.gradstep.check.StudentReport;
import dev.gradstep.check.StudentReport.StepResult;
import dev.gradstep.tex.TexDocument;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * One checked text and what the editor is told about it: a diagnostic per step that does not hold,
 * the step under a {@code =}, and the correction of a wrong step. Pure: built from a report and the
 * text it was made from, so it can be tested without a client.
 */
final class Findings {

    /** Diagnostics say where they come from, so an editor can tell them from LaTeX linters'. */
    static final String SOURCE = "gradstep";

    /** One step and where its {@code =} is in the text (offset -1 when the row has none that was read). */
    record Located(StudentReport.Chain chain, StepResult step, int equalsOffset, int endOffset) {
    }

    private final String text;
    private final StudentReport report;
    private final String notationError;
    private final List<Located> located;
    private final int[] lineStarts;

    private Findings(String text, StudentReport report, String notationError) {
        this.text = text;
        this.report = report;
        this.notationError = notationError;
        this.lineStarts = lineStarts(text);
        this.located = report == null ? List.of() : locate(text, report);
    }

    static Findings of(String text, StudentReport report) {
        return new Findings(text, report, null);
    }

    /** A text whose notation (comment or setting) cannot be read: one error, nothing checked. */
    static Findings notationProblem(String text, String message) {
        return new Findings(text, null, message);
    }

    StudentReport report() {
        return report;
    }

    String text() {
        return text;
    }

    List<Diagnostic> diagnostics() {
        List<Diagnostic> out = new ArrayList<>();
        if (notationError != null) {
            int line = lineOfNotationError(notationError);
            out.add(diagnostic(lineRange(line), DiagnosticSeverity.Error, "notation: " + notationError, "notation"));
            return out;
        }
        if (report.notation().source() == StudentNotation.Source.GUESSED && !report.chains().isEmpty()) {
            out.add(diagnostic(lineRange(0), DiagnosticSeverity.Information, "notation guessed: " + report.notation().describe()
                    + " (a line '% notation: ...' at the top says which symbol is which)", "guessed"));
        }
        for (Located l : located) {
            StepResult s = l.step();
            if (s.definition() || s.holds() == Boolean.TRUE) {
                continue;
            }
            Range range = rangeOf(l);
            if (s.holds() == Boolean.FALSE) {
                out.add(diagnostic(range, DiagnosticSeverity.Error, wrongMessage(s), "wrong"));
            } else if (s.rhsExpr() == null) {
                out.add(diagnostic(range, DiagnosticSeverity.Warning, "unreadable: " + orElse(s.error(), "this line could not be read"),
                        "unreadable"));
            } else {
                out.add(diagnostic(range, DiagnosticSeverity.Warning, "undecided: " + orElse(s.error(), "could not be decided"),
                        "undecided"));
            }
        }
        return out;
    }

    /** The message of a wrong line: what is wrong, the counterexample, the hint. */
    static String wrongMessage(StepResult s) {
        StringBuilder sb = new StringBuilder("wrong: this line does not equal the left side");
        if (s.link() == Boolean.TRUE) {
            sb.append(" (it follows from the line before, which was already wrong)");
        }
        if (s.counterexample() != null) {
            sb.append("\ncounterexample: ").append(StudentReport.words(s.counterexample()));
        } else if (s.error() != null) {
            sb.append("\n").append(s.error());
        }
        if (s.hint() != null) {
            sb.append("\nhint: ").append(s.hint());
        }
        if (s.correction() != null) {
            sb.append("\ncorrection (checked: it holds): ").append(s.correction().tex());
        }
        return sb.toString();
    }

    /** The step whose {@code =} is at (or right beside) the position, if any. */
    Located stepAt(Position p) {
        int offset = offsetOf(p);
        if (offset < 0) {
            return null;
        }
        for (Located l : located) {
            if (l.equalsOffset() >= 0 && Math.abs(l.equalsOffset() - offset) <= 1
                    && (l.equalsOffset() == offset || charAt(l.equalsOffset()) == '=')) {
                return l;
            }
        }
        // any other '=' on a line with a step (one in a condition, one a row the reader could not split)
        if (charAt(offset) == '=' || charAt(offset - 1) == '=') {
            for (Located l : located) {
                if (l.step().line() - 1 == p.getLine()) {
                    return l;
                }
            }
        }
        return null;
    }

    /** Hover text for a step, in Markdown: its verdict and what it rests on. */
    static String hover(Located l) {
        StepResult s = l.step();
        StringBuilder sb = new StringBuilder();
        if (s.definition()) {
            sb.append("**definition**: names a new symbol; the lines after it may use it");
        } else if (s.holds() == Boolean.TRUE) {
            sb.append("**holds**, by ").append(basisWords(s.basis()));
            if (s.link() == Boolean.FALSE) {
                sb.append(" (right again, but it does not follow from the line before)");
            }
        } else if (s.holds() == Boolean.FALSE) {
            sb.append("**wrong**").append(s.basis() == null ? "" : ", by " + basisWords(s.basis()));
            if (s.counterexample() != null) {
                sb.append("  \ncounterexample: ").append(StudentReport.words(s.counterexample()));
            }
            if (s.hint() != null) {
                sb.append("  \nhint: ").append(s.hint());
            }
            if (s.correction() != null) {
                sb.append("  \ncorrection (checked: it holds): $").append(s.correction().tex()).append('$');
            }
        } else if (s.rhsExpr() == null) {
            sb.append("**unreadable**: ").append(orElse(s.error(), "this line could not be read"));
        } else {
            sb.append("**undecided**: ").append(orElse(s.error(), "not checked yet"));
        }
        if (s.detail() != null && !s.detail().isEmpty() && !s.definition() && s.holds() != Boolean.FALSE) {
            sb.append("  \nrests on: ").append(s.detail());
        }
        return sb.toString();
    }

    /**
     * The verified correction of a wrong step — the one {@code check} prints — as an edit of its
     * right side (from its {@code =} to the end of that side); null when none was verified.
     */
    Correction correction(Located l) {
        StepResult s = l.step();
        if (s.holds() != Boolean.FALSE || s.correction() == null || l.equalsOffset() < 0 || report == null) {
            return null;
        }
        dev.gradstep.check.Correction c = s.correction();
        // the edit covers the side with its case, so the corrected side brings its own case along
        String right = "= " + c.rhsTex() + conditionSuffix(c.tex());
        return new Correction(new Range(positionOf(l.equalsOffset()), positionOf(l.endOffset())), right, c.tex());
    }

    /** The {@code \quad (i = j)} a correction adds when it holds only in a case the line did not state. */
    private static String conditionSuffix(String line) {
        int at = line.lastIndexOf(" \\quad (");
        return at < 0 ? "" : line.substring(at);
    }

    /** Replace {@code range} with {@code newText}; {@code line} is the whole corrected line, for the title. */
    record Correction(Range range, String newText, String line) {
    }

    List<Located> located() {
        return located;
    }

    private static String basisWords(String basis) {
        if (basis == null) {
            return "nothing decided";
        }
        return switch (basis) {
            case "both" -> "numbers + Symja";
            case "symbolic" -> "Symja";
            default -> "numbers";
        };
    }

    private static String orElse(String s, String other) {
        return s == null || s.isBlank() ? other : s;
    }

    private static Diagnostic diagnostic(Range range, DiagnosticSeverity severity, String message, String code) {
        Diagnostic d = new Diagnostic(range, message, severity, SOURCE);
        d.setCode(code);
        return d;
    }

    private Range rangeOf(Located l) {
        int line = Math.max(0, l.step().line() - 1);
        if (l.step().rhsExpr() == null && l.step().column() > 0) {
            Range whole = lineRange(line);
            int col = Math.min(l.step().column() - 1, whole.getEnd().getCharacter());
            return new Range(new Position(line, col), whole.getEnd());
        }
        if (l.equalsOffset() >= 0 && positionOf(l.equalsOffset()).getLine() == line) {
            Position end = positionOf(l.endOffset());
            return new Range(positionOf(l.equalsOffset()), end.getLine() == line ? end : lineRange(line).getEnd());
        }
        return lineRange(line);
    }

    /** The text of a line from its first non-blank character to its end. */
    private Range lineRange(int line) {
        if (line >= lineStarts.length) {
            return new Range(new Position(line, 0), new Position(line, 0));
        }
        int start = lineStarts[line];
        int end = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length();
        while (end > start && (text.charAt(end - 1) == '\r' || text.charAt(end - 1) == '\n')) {
            end--;
        }
        int first = start;
        while (first < end && Character.isWhitespace(text.charAt(first))) {
            first++;
        }
        return new Range(new Position(line, first - start), new Position(line, end - start));
    }

    private static int lineOfNotationError(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^line (\\d+):").matcher(message);
        return m.find() ? Integer.parseInt(m.group(1)) - 1 : 0;
    }

    /**
     * Pairs every step with the {@code =} it stands for: steps carry their line, and a row's signs
     * their offsets, so on each line the n-th step is the n-th sign.
     */
    private static List<Located> locate(String text, StudentReport report) {
        TexDocument doc = TexDocument.read(text);
        java.util.Map<Integer, List<int[]>> signs = new java.util.HashMap<>();
        for (TexDocument.Block b : doc.blocks()) {
            for (TexDocument.Row r : b.rows()) {
                for (int k = 0; k < r.equalsOffsets().size(); k++) {
                    int end = k + 1 < r.equalsOffsets().size() ? r.equalsOffsets().get(k + 1) : r.offset() + r.text().length();
                    while (end > r.equalsOffsets().get(k) + 1 && Character.isWhitespace(r.text().charAt(end - 1 - r.offset()))) {
                        end--;
                    }
                    signs.computeIfAbsent(r.equalsLines().get(k), x -> new ArrayList<>())
                            .add(new int[] {r.equalsOffsets().get(k), end});
                }
            }
        }
        java.util.Map<Integer, Integer> used = new java.util.HashMap<>();
        List<Located> out = new ArrayList<>();
        for (StudentReport.Chain c : report.chains()) {
            for (StepResult s : c.steps()) {
                List<int[]> onLine = signs.getOrDefault(s.line(), List.of());
                int n = used.merge(s.line(), 1, Integer::sum) - 1;
                int[] sign = n < onLine.size() ? onLine.get(n) : null;
                out.add(new Located(c, s, sign == null ? -1 : sign[0], sign == null ? -1 : sign[1]));
            }
        }
        return out;
    }

    private char charAt(int offset) {
        return offset >= 0 && offset < text.length() ? text.charAt(offset) : '\0';
    }

    int offsetOf(Position p) {
        if (p.getLine() < 0 || p.getLine() >= lineStarts.length) {
            return -1;
        }
        int at = lineStarts[p.getLine()] + p.getCharacter();
        return at <= text.length() ? at : -1;
    }

    Position positionOf(int offset) {
        int line = java.util.Arrays.binarySearch(lineStarts, offset);
        if (line < 0) {
            line = -line - 2;
        }
        return new Position(line, offset - lineStarts[line]);
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
