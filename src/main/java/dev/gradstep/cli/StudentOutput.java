package dev.gradstep.cli;

import dev.gradstep.check.Counterexample;
import dev.gradstep.check.Correction;
import dev.gradstep.check.StudentNotation;
import dev.gradstep.check.StudentReport;
import dev.gradstep.check.StudentReport.StepResult;
import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.Notation;
import dev.gradstep.tex.DocumentText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The report of {@code check FILE.tex}: readable text, or the JSON shape documented in the README. */
final class StudentOutput {

    private StudentOutput() {
    }

    /** One word per step: OK, WRONG, AMBIGUOUS, UNDECIDED, UNREADABLE or DEFINES. */
    static String mark(StepResult s) {
        if (s.definition()) {
            return "DEFINES";
        }
        if (s.ambiguous()) {
            return "AMBIGUOUS";
        }
        if (s.holds() == Boolean.TRUE) {
            return "OK";
        }
        if (s.holds() == Boolean.FALSE) {
            return "WRONG";
        }
        return s.rhsExpr() == null ? "UNREADABLE" : "UNDECIDED";
    }

    static void print(StudentReport report, List<Derivation> library, PrintWriter out) {
        print(report, library, false, out);
    }

    /** @param verbose also say what each checked verdict rests on (and whether Symja's answers came from the cache) */
    static void print(StudentReport report, List<Derivation> library, boolean verbose, PrintWriter out) {
        StudentNotation n = report.notation();
        out.println(report.file() + ": notation " + n.describe() + " (" + n.source().words() + ")"
                + (report.kind() == DocumentText.Kind.LATEX ? "" : ", read as " + report.kind().words()));
        report.warnings().forEach(w -> out.println("  warning: " + w));
        int ok = 0;
        int wrong = 0;
        int unreadable = 0;
        int undecided = 0;
        int ambiguous = 0;
        boolean firstWrongShown = false;
        for (StudentReport.Chain chain : report.chains()) {
            boolean first = true;
            for (StepResult s : chain.steps()) {
                String mark = mark(s);
                String text = (first ? chain.lhs() + " " : "") + "= " + s.rhs()
                        + (s.conditionTex() == null ? "" : "  (" + s.conditionTex() + ")");
                first = false;
                boolean firstWrong = s.holds() == Boolean.FALSE && !firstWrongShown;
                out.printf("  %-8s  %-10s %s%s%n", place(report, s.line()), mark + (firstWrong ? "*" : ""), text,
                        s.holds() == Boolean.TRUE && s.basis() != null && !s.definition() ? "   [" + basisWords(s.basis()) + "]" : "");
                if (s.holds() == Boolean.TRUE && s.link() == Boolean.FALSE) {
                    out.println("                       note: right again, but it does not follow from the line before");
                }
                if (s.holds() == Boolean.FALSE && s.link() == Boolean.TRUE) {
                    out.println("                       follows from the line before, which was already wrong");
                }
                if (s.reason() != null) {
                    out.println("                       stated reason: " + s.reason());
                }
                if (s.reading() != null) {
                    out.println("                       " + (s.ambiguous() ? "" : "read with ") + s.reading());
                }
                if (s.counterexample() != null) {
                    out.println("                       counterexample: " + StudentReport.words(s.counterexample()));
                }
                if (s.hint() != null) {
                    out.println("                       hint: " + s.hint());
                }
                if (s.correction() != null) {
                    out.println("                       correction: " + s.correction().tex() + "   [checked: holds, by "
                            + basisWords(s.correction().basis()) + "]");
                }
                if (s.error() != null && s.holds() == null) {
                    out.println("                       " + s.error());
                }
                if (verbose && s.detail() != null && !s.detail().isEmpty()) {
                    out.println("                       rests on: " + s.detail());
                }
                switch (mark) {
                    case "OK", "DEFINES" -> ok++;
                    case "WRONG" -> wrong++;
                    case "UNREADABLE" -> unreadable++;
                    case "AMBIGUOUS" -> ambiguous++;
                    default -> undecided++;
                }
                firstWrongShown |= firstWrong;
            }
        }
        int total = ok + wrong + unreadable + undecided + ambiguous;
        out.printf("  %d step%s: %d hold, %d wrong, %d unreadable, %d undecided%s%s%n", total, total == 1 ? "" : "s", ok,
                wrong, unreadable, undecided, ambiguous == 0 ? "" : ", " + ambiguous + " ambiguous", report.passes() ? "" : " -- NOT OK" + (wrong > 0 ? " (* first wrong line)" : ""));
    }

    /**
     * What a save changed, for {@code check --watch}: each step whose mark changed or that was
     * edited, each new step, each step no longer there, then the new totals ({@code no change} when
     * nothing did). Steps are matched by what they say first (lines move when text is added
     * above), then an edited step by its line.
     */
    static void printChanges(StudentReport before, StudentReport after, PrintWriter out) {
        record Seen(String key, StepResult step) {
        }
        List<Seen> old = new ArrayList<>();
        eachStep(before, (key, s) -> old.add(new Seen(key, s)));
        List<Seen> now = new ArrayList<>();
        eachStep(after, (key, s) -> now.add(new Seen(key, s)));
        Seen[] pair = new Seen[now.size()];
        for (int i = 0; i < now.size(); i++) {
            for (Seen o : old) {
                if (o.key().equals(now.get(i).key())) {
                    pair[i] = o;
                    old.remove(o);
                    break;
                }
            }
        }
        for (int i = 0; i < now.size(); i++) {
            for (Seen o : old) {
                if (pair[i] == null && o.step().line() == now.get(i).step().line()) {
                    pair[i] = o;
                    old.remove(o);
                    break;
                }
            }
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            StepResult s = now.get(i).step();
            String mark = mark(s);
            String change;
            if (pair[i] == null) {
                change = "new: " + mark;
            } else if (!mark(pair[i].step()).equals(mark)) {
                change = mark(pair[i].step()) + " -> " + mark;
            } else if (!pair[i].key().equals(now.get(i).key())) {
                change = mark + " (edited)";
            } else {
                continue;
            }
            lines.add(String.format("  line %3d  %-18s %s", s.line(), change, now.get(i).key()));
            if (s.counterexample() != null) {
                lines.add("                       counterexample: " + StudentReport.words(s.counterexample()));
            }
            if (s.hint() != null) {
                lines.add("                       hint: " + s.hint());
            }
            if (s.correction() != null) {
                lines.add("                       correction: " + s.correction().tex());
            }
        }
        old.forEach(o -> lines.add(String.format("  line %3d  %-18s %s", o.step().line(), "removed", o.key())));
        long changes = lines.stream().filter(l -> l.startsWith("  line")).count();
        out.println(after.file() + ": saved; " + (changes == 0 ? "no change" : changes == 1 ? "1 change" : changes + " changes"));
        lines.forEach(out::println);
        int[] counts = new int[4];
        eachStep(after, (key, s) -> counts[switch (mark(s)) {
            case "OK", "DEFINES" -> 0;
            case "WRONG" -> 1;
            case "UNREADABLE" -> 2;
            default -> 3;
        }]++);
        int total = counts[0] + counts[1] + counts[2] + counts[3];
        out.printf("  %d step%s: %d hold, %d wrong, %d unreadable, %d undecided%s%n", total, total == 1 ? "" : "s",
                counts[0], counts[1], counts[2], counts[3], after.passes() ? "" : " -- NOT OK");
    }

    private static void eachStep(StudentReport report, java.util.function.BiConsumer<String, StepResult> each) {
        for (StudentReport.Chain chain : report.chains()) {
            for (StepResult s : chain.steps()) {
                each.accept(chain.lhs() + " = " + s.rhs() + (s.conditionTex() == null ? "" : "  (" + s.conditionTex() + ")"), s);
            }
        }
    }

    /** {@code line  12}, or {@code c3:l2} (cell 3, line 2) in a notebook, in the report's narrow column. */
    private static String place(StudentReport report, int line) {
        int cell = report.places().cell(line);
        return cell == 0 ? String.format("line %3d", line) : "c" + cell + ":l" + report.places().lineInCell(line);
    }

    private static String basisWords(String basis) {
        return switch (basis) {
            case "both" -> "numbers + Symja";
            case "symbolic" -> "Symja";
            default -> "numbers";
        };
    }

    static Map<String, Object> json(StudentReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("file", report.file());
        root.put("notation", notation(report.notation()));
        root.put("readAs", report.kind().name().toLowerCase(java.util.Locale.ROOT));
        root.put("warnings", report.warnings());
        List<Object> blocks = new ArrayList<>();
        for (StudentReport.Chain chain : report.chains()) {
            Map<String, Object> b = new LinkedHashMap<>();
            putPlace(b, report, chain.line());
            b.put("lhs", chain.lhs());
            List<Object> steps = new ArrayList<>();
            for (StepResult s : chain.steps()) {
                Map<String, Object> m = new LinkedHashMap<>();
                putPlace(m, report, s.line());
                m.put("rhs", s.rhs());
                m.put("holds", s.holds());
                m.put("link", s.link());
                m.put("condition", s.conditionTex());
                m.put("basis", s.basis());
                m.put("counterexample", s.counterexample() == null ? null : counterexample(s.counterexample()));
                m.put("hint", s.hint());
                m.put("hintKind", s.hintKind() == null ? null : s.hintKind().name());
                m.put("correction", s.correction() == null ? null : correction(s.correction()));
                m.put("error", s.error());
                m.put("ambiguous", s.ambiguous());
                m.put("reading", s.reading());
                m.put("reason", s.reason());
                steps.add(m);
            }
            b.put("steps", steps);
            blocks.add(b);
        }
        root.put("blocks", blocks);
        return root;
    }

    /** {@code "line"}, and in a notebook {@code "cell"} with {@code "line"} counted within that cell. */
    private static void putPlace(Map<String, Object> m, StudentReport report, int line) {
        int cell = report.places().cell(line);
        if (cell > 0) {
            m.put("cell", cell);
        }
        m.put("line", report.places().lineInCell(line));
    }

    private static Map<String, Object> notation(StudentNotation sn) {
        Notation n = sn.notation();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("logits", n.logits());
        m.put("probs", sn.functionNames().contains(n.probs()) ? n.probs() + "(" + n.logits() + ")" : n.probs());
        m.put("labels", n.labels());
        m.put("loss", n.loss());
        m.put("classes", n.classes());
        m.put("batch", n.batch());
        m.put("onehot", n.onehot());
        m.put("labelsum", sn.labelsSumToOne() ? "one" : "any");
        m.put("source", sn.source().words());
        return m;
    }

    /** A corrected line with the verdict basis of its own check, and where it came from. */
    private static Map<String, Object> correction(Correction c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tex", c.tex());
        m.put("rhs", c.rhsTex());
        m.put("holds", true);
        m.put("basis", c.basis());
        m.put("from", c.from().name().toLowerCase(java.util.Locale.ROOT));
        return m;
    }

    private static Map<String, Object> counterexample(Counterexample c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("classes", c.classes());
        m.put("indices", new TreeMap<>(c.indices()));
        m.put("logits", c.logits());
        m.put("labels", c.labels());
        m.put("parameters", new TreeMap<>(c.parameters()));
        m.put("left", c.left());
        m.put("right", c.right());
        return m;
    }
}
