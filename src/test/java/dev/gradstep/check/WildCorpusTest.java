package dev.gradstep.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.check.StudentReport.StepResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Runs the student checker on every derivation of the wild corpus (src/test/resources/wild, real
 * writing by other authors) and compares every step with the verdict decided independently of
 * GradStep (expected.tsv, made by expect.py). No correct step may be called wrong and no wrong step
 * verified; every exception that is still open is listed, with its cause, in known-gaps.tsv, so a new
 * false verdict fails the test and so does a fixed one that is still listed.
 */
class WildCorpusTest {

    private static final Path DIR = Path.of("src/test/resources/wild");

    private final StudentChecker checker = new StudentChecker(null, CheckSettings.defaults());

    /** One expected step: line, n-th step on that line, verdict. */
    record Expected(int line, int n, String verdict, String note) {
    }

    /** One document of the corpus with the notation given for it (empty: guessed) and its steps. */
    record Doc(String file, String notation, List<Expected> steps) {
    }

    static List<Doc> corpus() {
        List<Doc> docs = new ArrayList<>();
        for (String row : lines(DIR.resolve("expected.tsv"))) {
            if (row.isBlank() || row.startsWith("#")) {
                continue;
            }
            String[] c = row.split("\t", -1);
            if (c[0].equals("doc")) {
                docs.add(new Doc(c[1], c.length > 2 ? c[2] : "", new ArrayList<>()));
            } else {
                docs.get(docs.size() - 1).steps().add(new Expected(Integer.parseInt(c[0]), Integer.parseInt(c[1]), c[2],
                        c.length > 3 ? c[3] : ""));
            }
        }
        return docs;
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What GradStep said of a step, in the words of the table. */
    static String said(StepResult s) {
        if (s.definition()) {
            return "definition";
        }
        if (s.ambiguous()) {
            return "ambiguous";
        }
        if (s.holds() == null) {
            return s.error() != null ? "unreadable" : "undecided";
        }
        return s.holds() ? "holds" : "wrong";
    }

    /** The figures of one run over the corpus, and every disagreement as "file:line.n kind". */
    record Figures(int documents, int lines, int decided, int right, int falseAlarms, int missed, int firstExact,
                   Set<String> problems, String table) {
        String summary() {
            return String.format("documents %d, lines %d, decided %d, right %d, false alarms %d, missed errors %d,"
                    + " first wrong line found exactly %d/%d", documents, lines, decided, right, falseAlarms, missed,
                    firstExact, documents);
        }
    }

    Figures run() {
        int lines = 0;
        int decided = 0;
        int right = 0;
        int falseAlarms = 0;
        int missed = 0;
        int firstExact = 0;
        List<Doc> docs = corpus();
        Set<String> problems = new TreeSet<>();
        StringBuilder table = new StringBuilder();
        for (Doc d : docs) {
            String text = String.join("\n", lines(DIR.resolve(d.file())));
            StudentReport r = checker.check(d.file(), text, d.notation().isEmpty() ? null : d.notation());
            Map<String, StepResult> reported = new LinkedHashMap<>();
            Map<Integer, Integer> perLine = new LinkedHashMap<>();
            String firstSaid = null;
            for (StepResult s : r.steps()) {
                int n = perLine.merge(s.line(), 1, Integer::sum);
                reported.put(s.line() + "." + n, s);
                if (firstSaid == null && "wrong".equals(said(s))) {
                    firstSaid = String.valueOf(s.line());
                }
            }
            String firstExpected = null;
            Map<String, Expected> expected = new LinkedHashMap<>();
            for (Expected e : d.steps()) {
                expected.put(e.line() + "." + e.n(), e);
                if (firstExpected == null && e.verdict().equals("wrong")) {
                    firstExpected = String.valueOf(e.line());
                }
            }
            for (Expected e : d.steps()) {
                StepResult s = reported.get(e.line() + "." + e.n());
                String got = s == null ? "not read" : said(s);
                String at = d.file() + ":" + e.line() + "." + e.n();
                table.append(at).append('\t').append(e.verdict()).append('\t').append(got).append('\n');
                boolean truth = e.verdict().equals("holds") || e.verdict().equals("wrong");
                if (truth) {
                    lines++;
                }
                if (got.equals("holds") || got.equals("wrong")) {
                    if (truth) {
                        decided++;
                    }
                    if (got.equals(e.verdict())) {
                        right++;
                    } else if (got.equals("wrong") && !e.verdict().equals("skip")) {
                        falseAlarms++;
                        problems.add(at + " false-alarm");
                    } else if (got.equals("holds") && e.verdict().equals("wrong")) {
                        missed++;
                        problems.add(at + " missed-error");
                    }
                }
            }
            for (Map.Entry<String, StepResult> s : reported.entrySet()) {
                String got = said(s.getValue());
                if (!expected.containsKey(s.getKey()) && (got.equals("holds") || got.equals("wrong"))) {
                    problems.add(d.file() + ":" + s.getKey() + " unlisted-" + got);
                }
            }
            if (java.util.Objects.equals(firstSaid, firstExpected)) {
                firstExact++;
            } else {
                problems.add(d.file() + " first-wrong " + firstSaid + " expected " + firstExpected);
            }
        }
        return new Figures(docs.size(), lines, decided, right, falseAlarms, missed, firstExact, problems,
                table.toString());
    }

    @Test
    void corpus_everyStepAgainstTheIndependentVerdict_noFalseVerdictBeyondTheListedGaps() throws IOException {
        Figures f = run();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/wild-figures.txt"), f.summary() + "\n\n" + f.table());
        Set<String> known = new TreeSet<>();
        for (String row : lines(DIR.resolve("known-gaps.tsv"))) {
            if (!row.isBlank() && !row.startsWith("#")) {
                known.add(row.split("\t")[0]);
            }
        }
        Set<String> fresh = new TreeSet<>(f.problems());
        fresh.removeAll(known);
        Set<String> fixed = new TreeSet<>(known);
        fixed.removeAll(f.problems());
        assertTrue(fresh.isEmpty(), "new disagreements with the expected verdicts: " + fresh + "\n" + f.summary());
        assertTrue(fixed.isEmpty(), "fixed, so remove from known-gaps.tsv: " + fixed + "\n" + f.summary());
    }

    @Test
    void corpus_isLargeAndVaried() {
        List<Doc> docs = corpus();
        assertTrue(docs.size() >= 30, "at least 30 documents");
        long wrong = docs.stream().filter(d -> d.steps().stream().anyMatch(e -> e.verdict().equals("wrong"))).count();
        assertTrue(wrong >= 8, "documents with a real mistake: " + wrong);
        for (Doc d : docs) {
            String first = lines(DIR.resolve(d.file())).get(0);
            assertTrue(first.contains("source:"), d.file() + " names its source in its first comment");
        }
        assertEquals(docs.size(), docs.stream().map(Doc::file).distinct().count());
    }
}
