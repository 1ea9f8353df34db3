package dev.gradstep.check;

import dev.gradstep.cas.SymjaGateway;
import dev.gradstep.derivation.Assumption;
import dev.gradstep.derivation.Definition;
import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.Notation;
import dev.gradstep.derivation.Rule;
import dev.gradstep.derivation.Step;
import dev.gradstep.expr.Condition;
import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Exprs;
import dev.gradstep.expr.Line;
import dev.gradstep.tex.DocumentText;
import dev.gradstep.tex.TexDocument;
import dev.gradstep.tex.TexParseException;
import dev.gradstep.tex.TexReader;
import dev.gradstep.tex.TexWriter;
import dev.gradstep.check.StudentReport.StepResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Checks a student's own LaTeX derivation line by line: the file's display blocks become chains of
 * steps (one per {@code =}), which {@link DerivationChecker} verifies against the declared (or
 * guessed) notation. A failing step gets a counterexample and, where one is found, a hint. A line
 * that cannot be read gets an error naming the token; the rest is still checked.
 */
public final class StudentChecker {

    /** Most rows read from one file: far beyond any homework, and it keeps a hostile file fast. */
    public static final int MAX_ROWS = 1000;

    /** Most '=' signs in one row whose sides are read one by one after the row fails to read. */
    private static final int MAX_SIDES = 40;

    /** Most chains whose results one checker remembers. */
    private static final int MAX_REMEMBERED_CHAINS = 2000;

    private final DerivationChecker checker;
    private final StudentHints hints;
    private final Corrections corrections;
    /** A chain's step results by its canonical content (see {@link #chainKey}); null to remember none. */
    private final Map<String, Map<Integer, StepResult>> remembered;

    /** @param gateway the CAS for symbolic confirmation; null for numeric-only checking */
    public StudentChecker(SymjaGateway gateway, CheckSettings settings) {
        this(gateway, settings, false);
    }

    /**
     * @param rememberChains keep each chain's results by what it says, so that checking an edited
     *     text again re-verifies only the chains whose content (or whose notation and definitions) changed
     */
    public StudentChecker(SymjaGateway gateway, CheckSettings settings, boolean rememberChains) {
        this(gateway, settings, rememberChains, bundled());
    }

    /**
     * @param library the derivations whose steps may be offered, once verified, as the corrected
     *     line of a wrong step (called only when a wrong step has no verified repair)
     */
    public StudentChecker(SymjaGateway gateway, CheckSettings settings, boolean rememberChains,
                          java.util.function.Supplier<List<Derivation>> library) {
        this.checker = new DerivationChecker(gateway, settings);
        this.hints = new StudentHints(settings);
        this.corrections = new Corrections(checker, hints, library);
        this.remembered = rememberChains ? java.util.Collections.synchronizedMap(
                new java.util.LinkedHashMap<>(64, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, Map<Integer, StepResult>> eldest) {
                        return size() > MAX_REMEMBERED_CHAINS;
                    }
                }) : null;
    }

    /** The bundled derivations, read once on first use; none when they cannot be read. */
    private static java.util.function.Supplier<List<Derivation>> bundled() {
        List<List<Derivation>> loaded = new ArrayList<>();
        return () -> {
            synchronized (loaded) {
                if (loaded.isEmpty()) {
                    List<Derivation> all;
                    try {
                        all = new dev.gradstep.derivation.DerivationLoader().loadBundled().derivations();
                    } catch (RuntimeException e) {
                        all = List.of();
                    }
                    loaded.add(all);
                }
                return loaded.get(0);
            }
        };
    }

    /** How many chains the last {@link #check} verified afresh (the others were remembered). */
    public int chainsVerifiedLastTime() {
        return chainsVerified.get();
    }

    private final java.util.concurrent.atomic.AtomicInteger chainsVerified = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Checks the text of a file.
     *
     * @param notationWords the notation given on the command line, or null to use the file's
     *     {@code % notation:} comment, or a guess when it has none
     * @throws StudentNotation.NotationException when the given notation cannot be read
     */
    public StudentReport check(String file, String text, String notationWords, BooleanSupplier cancelled) {
        StudentReport read = read(file, text, notationWords);
        TexDocument doc = document(file, text);
        StudentNotation notation = read.notation();
        List<Pending> chains = chains(doc, reader(notation), notation.notation());
        return run(file, notation, chains, cancelled, true).withDocument(doc, notationWarnings(doc, notationWords));
    }

    /** A file's maths, read by what the text is (LaTeX, Markdown, a notebook) and not only by its name. */
    private static TexDocument document(String file, String text) {
        return TexDocument.read(DocumentText.read(file, text));
    }

    /**
     * A reader for the file's notation: the probabilities' function name, and the loss, which authors
     * write with its arguments ({@code L(u)}, {@code J(\\theta)}).
     */
    private static TexReader reader(StudentNotation notation) {
        java.util.Set<String> names = new java.util.HashSet<>(notation.functionNames());
        names.add(notation.notation().loss());
        return new TexReader(names);
    }

    public StudentReport check(String file, String text, String notationWords) {
        return check(file, text, notationWords, () -> false);
    }

    /**
     * Reads the file as {@link #check} does but checks nothing: every readable step has holds and
     * link null and no error, an unreadable one its error. Fast, for showing the lines at once.
     *
     * @throws StudentNotation.NotationException when the given notation cannot be read
     */
    public static StudentReport read(String file, String text, String notationWords) {
        TexDocument doc = document(file, text);
        StudentNotation notation = notationOf(doc, notationWords);
        List<Pending> chains = chains(doc, reader(notation), notation.notation());
        if (notation.source() == StudentNotation.Source.GUESSED) {
            List<Line> lines = new ArrayList<>();
            for (Pending c : chains) {
                lines.addAll(c.lines());
            }
            notation = StudentNotation.guess(lines);
            chains = chains(doc, reader(notation), notation.notation());
        }
        return new StudentChecker(null, CheckSettings.defaults()).run(file, notation, chains, () -> false, false)
                .withDocument(doc, notationWarnings(doc, notationWords));
    }

    /**
     * Checks one line a user typed as the next step after step {@code index} of a library
     * derivation: {@code link} says whether it follows from that step, {@code holds} whether it
     * equals the true value of the chain's left side. A line with its own left side starts a
     * chain of its own. Null for blank input.
     */
    public StepResult checkNext(Derivation library, int index, String typed, BooleanSupplier cancelled) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        Chains.Link current = Chains.of(library.steps()).get(index);
        Expr previous = current.rights().get(current.rights().size() - 1);
        String probs = library.notation().probs();
        TexReader reader = new TexReader(probs.startsWith("\\") && !probs.contains("{") ? Set.of(probs) : Set.of());
        Line line;
        try {
            line = reader.readLine(typed);
        } catch (TexParseException e) {
            String error = "column " + e.column() + ": " + e.reason() + (e.token().isEmpty() ? "" : " (at '" + e.token() + "')");
            return new StepResult(1, typed.trim(), null, null, null, Condition.ALWAYS, null, null, null, null, error,
                    e.column(), false);
        }
        Expr rhs = line.rights().get(line.rights().size() - 1);
        boolean continues = line.lhs() == null || line.lhs().equals(current.chainLeft());
        Expr left = continues ? current.chainLeft() : line.lhs();
        List<Step> steps = new ArrayList<>();
        if (continues) {
            steps.add(new Step(1, "", new Line(current.chainLeft(), List.of(previous), current.condition()), Rule.SIMPLIFY, "",
                    Map.of(), null, 0));
            steps.add(new Step(2, typed, new Line(null, List.of(rhs), line.condition()), Rule.SIMPLIFY, "", Map.of(), null, 0));
        } else {
            steps.add(new Step(1, typed, new Line(line.lhs(), List.of(rhs), line.condition()), Rule.SIMPLIFY, "", Map.of(),
                    null, 0));
        }
        Derivation d = new Derivation("next", library.title(), "", library.notation(), library.assumptions(), steps,
                library.source(), library.definitions());
        StepVerdict v = checker.check(d, x -> { }, cancelled).verdicts().get(steps.size() - 1);
        Condition condition = continues ? mergedCondition(current.condition(), line.condition()) : line.condition();
        Corrections.Feedback feedback = Corrections.Feedback.NONE;
        if (v.holds() == Boolean.FALSE && !cancelled.getAsBoolean()) {
            // the derivation itself is the library here: its own later lines are the natural corrections
            Set<String> fileNames = new HashSet<>();
            for (Step s : library.steps()) {
                if (s.line().lhs() != null) {
                    fileNames.addAll(names(s.line().lhs()));
                }
                s.line().rights().forEach(r -> fileNames.addAll(names(r)));
            }
            fileNames.addAll(names(rhs));
            feedback = new Corrections(checker, hints, () -> List.of(library)).find(d, continues ? previous : left, null,
                    rhs, condition, steps.get(steps.size() - 1), fileNames, List.of(rhs), cancelled);
        }
        String basis = "none".equals(v.basisName()) ? null : v.basisName();
        String error = v.outcome() == Outcome.UNDECIDED || v.holds() == Boolean.FALSE && v.counterexample() == null
                ? v.detail() : null;
        return new StepResult(1, typed.trim(), rhs, v.holds(), continues ? v.link() : null, condition,
                conditionTex(condition, new TexWriter()), basis, v.counterexample(), null, error, 0, false, v.detail())
                .withFeedback(feedback.hint(), feedback.kind(), feedback.correction());
    }

    private static Condition mergedCondition(Condition a, Condition b) {
        List<Condition.Relation> all = new ArrayList<>(a.relations());
        b.relations().stream().filter(r -> !all.contains(r)).forEach(all::add);
        return new Condition(all);
    }

    private static List<String> notationWarnings(TexDocument doc, String words) {
        if (words != null && !words.isBlank() || doc.notation() == null) {
            return List.of();
        }
        return StudentNotation.unknownKeys(doc.notation(), new StringBuilder()).stream()
                .map(w -> doc.places().label(doc.notationLine()) + ": " + w).toList();
    }

    private static StudentNotation notationOf(TexDocument doc, String words) {
        if (words != null && !words.isBlank()) {
            return StudentNotation.parse(words, StudentNotation.Source.COMMAND_LINE);
        }
        if (doc.notation() != null) {
            try {
                StringBuilder known = new StringBuilder();
                StudentNotation.unknownKeys(doc.notation(), known);
                return StudentNotation.parse(known.toString(), StudentNotation.Source.FILE);
            } catch (StudentNotation.NotationException e) {
                throw new StudentNotation.NotationException("line " + doc.notationLine() + ": " + e.getMessage());
            }
        }
        return new StudentNotation(Notation.DEFAULT, Set.of(), true, StudentNotation.Source.GUESSED);
    }

    /** One right side as read: its line, LaTeX, tree (null when unreadable) and condition. */
    private record Entry(int line, String tex, Expr rhs, Condition condition, String error, int column, String reason,
                         String note) {
        Entry(int line, String tex, Expr rhs, Condition condition, String error, int column) {
            this(line, tex, rhs, condition, error, column, null, null);
        }

        Entry withReason(String stated) {
            return new Entry(line, tex, rhs, condition, error, column, stated, note);
        }

        Entry withNote(String how) {
            return new Entry(line, tex, rhs, condition, error, column, reason, how);
        }
    }

    /** A chain as read: its left side (null when unreadable or missing) and right sides. */
    private record Pending(int line, String lhsTex, Expr lhs, String lhsError, int lhsColumn, List<Entry> entries) {
        List<Line> lines() {
            List<Line> out = new ArrayList<>();
            for (Entry e : entries) {
                if (e.rhs() != null) {
                    out.add(new Line(lhs, List.of(e.rhs()), e.condition()));
                }
            }
            return out;
        }
    }

    private static List<Pending> chains(TexDocument doc, TexReader reader, Notation notation) {
        TexWriter writer = new TexWriter();
        List<Pending> out = new ArrayList<>();
        int rows = 0;
        // a block that starts with '=' continues the chain of the block before (text may come between)
        Pending current = null;
        // a case stated in the text holds for the blocks after it that go on deriving the same left side
        Condition lead = Condition.ALWAYS;
        Expr leadLeft = null;
        for (TexDocument.Block block : doc.blocks()) {
            if (!block.rows().isEmpty()) {
                Condition stated = statedCase(block, reader);
                if (!stated.isAlways()) {
                    lead = stated;
                    leadLeft = null;
                } else if (block.afterHeading()) {
                    lead = Condition.ALWAYS;
                }
            }
            if (rows + block.rows().size() > MAX_ROWS) {
                String why = "more than " + MAX_ROWS + " lines of display math: this block and the rest are not read";
                out.add(new Pending(block.line(), "", null, why, 0,
                        List.of(new Entry(block.line(), "", null, Condition.ALWAYS, doc.places().label(block.line()) + ": " + why, 0))));
                break;
            }
            rows += block.rows().size();
            if (block.error() != null) {
                out.add(new Pending(block.line(), "", null, block.error(), 0,
                        List.of(new Entry(block.line(), "", null, Condition.ALWAYS,
                                doc.places().label(block.line()) + ": " + block.error(), 0))));
                current = null;
                continue;
            }
            for (TexDocument.Row given : block.rows()) {
                if (given.equalsLines().isEmpty()) {
                    continue;
                }
                TexDocument.Row row = given;
                boolean continuation = row.continues();
                Pending before = current;
                int entriesBefore = current == null ? 0 : current.entries().size();
                Line line;
                boolean inline = block.inline();
                List<String> notes;
                try {
                    TexReader.Reading reading = reader.read(row);
                    line = reading.line();
                    notes = reading.notes();
                } catch (TexParseException e) {
                    if (inline) {
                        // inline maths that does not read is prose notation, not a line the author set out to check
                        continue;
                    }
                    current = unreadable(row, e, continuation, current, reader, out, lead);
                    attachReason(given, current, current == before ? entriesBefore : 0);
                    continue;
                }
                try {
                    line = reader.withCase(line, row);
                } catch (TexParseException e) {
                    // a case without a readable condition is reported, never checked for every index
                    if (!continuation && line.lhs() != null) {
                        current = new Pending(row.start().line(), given.segment(-1, 0), line.lhs(), null, 0, new ArrayList<>());
                        out.add(current);
                    } else if (current == null) {
                        current = new Pending(lineOf(row, 0), "", null, "the block starts with '=': there is no left side", 0,
                                new ArrayList<>());
                        out.add(current);
                    }
                    current.entries().add(new Entry(lineOf(row, 0), given.segment(0, given.equalsOffsets().size()), null,
                            Condition.ALWAYS, doc.places().label(row.start().line()) + ": " + e.reason(), 0));
                    continue;
                }
                if (!continuation && line.lhs() != null && !lead.isAlways()) {
                    if (leadLeft == null) {
                        leadLeft = line.lhs();
                    } else if (!leadLeft.equals(line.lhs())) {
                        lead = Condition.ALWAYS;
                    }
                }
                if (!continuation && line.lhs() != null) {
                    current = new Pending(row.start().line(), given.segment(-1, 0), line.lhs(), null, 0, new ArrayList<>());
                    out.add(current);
                } else if (current == null) {
                    current = new Pending(lineOf(row, 0), "", null, "the block starts with '=': there is no left side", 0,
                            new ArrayList<>());
                    out.add(current);
                }
                for (int k = 0; k < line.rights().size(); k++) {
                    Expr rhs = line.rights().get(k);
                    boolean last = k == line.rights().size() - 1;
                    String tex = last && !line.condition().isAlways() || row.equalsLines().size() < line.rights().size()
                            ? writer.write(rhs) : given.segment(k, k + 1);
                    Condition condition = line.condition().isAlways() ? lead : line.condition();
                    Entry entry = new Entry(lineOf(row, k), tex, rhs, condition, null, 0);
                    current.entries().add(k == 0 && !notes.isEmpty() ? entry.withNote(String.join("; ", notes)) : entry);
                }
                attachReason(given, current, current == before ? entriesBefore : 0);
            }
        }
        return out;
    }

    /** The reason written beside a row belongs to the row's last step (the one it ends). */
    private static void attachReason(TexDocument.Row row, Pending chain, int firstOfRow) {
        if (row.reason() != null && chain != null && chain.entries().size() > firstOfRow) {
            int last = chain.entries().size() - 1;
            chain.entries().set(last, chain.entries().get(last).withReason(row.reason()));
        }
    }

    /** The case the text before a block states ({@code If \\(i=j\\),}), read; always when none or unreadable. */
    private static Condition statedCase(TexDocument.Block block, TexReader reader) {
        if (block.statedCase() == null) {
            return Condition.ALWAYS;
        }
        try {
            return reader.readCondition(block.statedCase());
        } catch (TexParseException e) {
            return Condition.ALWAYS;
        }
    }

    private static int lineOf(TexDocument.Row row, int k) {
        return k < row.equalsLines().size() ? row.equalsLines().get(k) : row.start().line();
    }

    /** A row that cannot be read: find which of its sides is unreadable, keep the others. */
    private static Pending unreadable(TexDocument.Row row, TexParseException e, boolean continuation, Pending current,
                                      TexReader reader, List<Pending> out, Condition lead) {
        TexDocument.Position at = row.position(e.line(), e.column());
        String message = describe(row, at, e);
        // each side is read alone to find the unreadable one; a row with very many signs is reported whole
        int signs = row.equalsLines().size() > MAX_SIDES ? 0 : row.equalsLines().size();
        if (!continuation) {
            Expr lhs = null;
            String lhsError = null;
            int lhsColumn = 0;
            try {
                lhs = reader.readExpr(row.sideText(-1, 0));
            } catch (TexParseException le) {
                TexDocument.Position p = row.position(le.line(), le.column());
                lhsError = describe(row, p, le);
                lhsColumn = p.column();
            }
            current = new Pending(row.start().line(), row.segment(-1, 0), lhs, lhsError, lhsColumn, new ArrayList<>());
            out.add(current);
        } else if (current == null) {
            current = new Pending(lineOf(row, 0), "", null, "the block starts with '=': there is no left side", 0, new ArrayList<>());
            out.add(current);
        }
        boolean blamed = false;
        for (int k = 0; k < signs; k++) {
            String text = row.sideText(k, k + 1);
            try {
                Line part = reader.readLine(text);
                current.entries().add(new Entry(lineOf(row, k), row.segment(k, k + 1), part.rights().get(0),
                        part.condition().isAlways() ? lead : part.condition(), null, 0));
            } catch (TexParseException pe) {
                TexDocument.Position p = row.position(pe.line(), pe.column());
                current.entries().add(new Entry(lineOf(row, k), row.segment(k, k + 1), null, Condition.ALWAYS,
                        describe(row, p, pe), p.column()));
                blamed = true;
            }
        }
        if (!blamed && (current.lhsError() == null || signs == 0)) {
            // the sides read alone but not together (a stray '=' in a condition): report the whole row
            current.entries().add(new Entry(at.line(), row.segment(-1, row.equalsOffsets().size()), null, Condition.ALWAYS, message,
                    at.column()));
        }
        return current;
    }

    private static String describe(TexDocument.Row row, TexDocument.Position at, TexParseException e) {
        return row.document().places().label(at.line()) + ", column " + at.column() + ": " + e.reason()
                + (e.token().isEmpty() ? "" : " (at '" + e.token() + "')");
    }

    /** Where a checked step came from: its chain and entry, and how its verdict maps back. */
    private record Slot(int chain, int entry, boolean leftKnown, boolean firstOfSegment) {
    }

    private StudentReport run(String file, StudentNotation sn, List<Pending> chains, BooleanSupplier cancelled,
                              boolean checkSteps) {
        Notation notation = sn.notation();
        List<Definition> definitions = new ArrayList<>(declared(sn));
        Set<Integer> definitionChains = new HashSet<>();
        TexWriter writer = new TexWriter();
        for (int c = 0; c < chains.size(); c++) {
            Definition d = definitionOf(chains.get(c), notation, writer);
            if (d != null) {
                definitions.add(d);
                definitionChains.add(c);
            }
        }
        Set<String> known = knownNames(notation, definitions);
        List<Step> steps = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        StepResult[][] results = new StepResult[chains.size()][];
        String[] keys = new String[chains.size()];
        // steps are numbered as in the whole file even when remembered chains are left out, so the
        // random points (seeded by step number) and so every verdict are those of a full check
        int number = 0;
        int fresh = 0;
        for (int c = 0; c < chains.size(); c++) {
            Pending chain = chains.get(c);
            results[c] = new StepResult[chain.entries().size()];
            Map<Integer, StepResult> recalled = null;
            if (remembered != null && checkSteps && !definitionChains.contains(c)) {
                keys[c] = chainKey(sn, definitions, chain);
                recalled = remembered.get(keys[c]);
            }
            Expr previous = null;
            boolean segmentOpen = false;
            for (int k = 0; k < chain.entries().size(); k++) {
                Entry e = chain.entries().get(k);
                String conditionTex = conditionTex(e.condition(), writer);
                if (e.rhs() == null) {
                    results[c][k] = result(e, null, null, conditionTex, null, null, null, e.error(), e.column(), false);
                    previous = null;
                    segmentOpen = false;
                    continue;
                }
                if (definitionChains.contains(c)) {
                    results[c][k] = result(e, Boolean.TRUE, Boolean.TRUE, conditionTex, null, null, null, null, 0, true);
                    continue;
                }
                String unknown = unknownSymbol(e.rhs(), chain.lhs(), known);
                if (unknown != null) {
                    results[c][k] = result(e, null, null, conditionTex, null, null, null,
                            "'" + unknown + "' has no meaning in the notation (" + sn.describe()
                                    + "); define it on a line of its own, as in " + unknown + " = ...", 0, false);
                    previous = null;
                    segmentOpen = false;
                    continue;
                }
                boolean leftKnown = chain.lhs() != null;
                Line line;
                if (segmentOpen) {
                    line = new Line(null, List.of(e.rhs()), e.condition());
                } else if (leftKnown) {
                    line = new Line(chain.lhs(), List.of(e.rhs()), e.condition());
                } else if (previous != null) {
                    line = new Line(previous, List.of(e.rhs()), e.condition());
                } else {
                    String why = chain.lhsError() != null ? "the left side could not be read (" + chain.lhsError() + ")"
                            : chain.entries().size() > 0 && chain.lhsTex().isEmpty() ? "no left side to compare with"
                            : "the left side could not be read";
                    results[c][k] = result(e, null, null, conditionTex, null, null, null, why, chain.lhsColumn(), false);
                    previous = e.rhs();
                    continue;
                }
                number++;
                if (recalled != null && recalled.containsKey(k)) {
                    StepResult r = recalled.get(k);
                    results[c][k] = result(e, r.holds(), r.link(), conditionTex, r.basis(), r.counterexample(), null,
                            r.error(), 0, false).withDetail(r.detail()).withFeedback(r.hint(), r.hintKind(), r.correction());
                } else {
                    steps.add(new Step(number, e.tex(), line, Rule.SIMPLIFY, "", Map.of(), null, e.line()));
                    slots.add(new Slot(c, k, leftKnown, !segmentOpen));
                }
                segmentOpen = true;
                previous = e.rhs();
            }
            fresh += recalled == null && keys[c] != null ? 1 : 0;
        }
        chainsVerified.set(fresh);
        Set<Assumption> assumptions = sn.labelsSumToOne() && notation.onehot() == null
                ? EnumSet.of(Assumption.LABELS_SUM_TO_ONE) : EnumSet.noneOf(Assumption.class);
        Derivation derivation = new Derivation("student", file, "", notation, assumptions, steps, file, definitions);
        List<StepVerdict> verdicts = steps.isEmpty() || !checkSteps ? List.of()
                : checker.check(derivation, v -> { }, cancelled).verdicts();
        for (int i = 0; i < verdicts.size(); i++) {
            StepVerdict v = verdicts.get(i);
            Slot slot = slots.get(i);
            Pending chain = chains.get(slot.chain());
            Entry e = chain.entries().get(slot.entry());
            boolean afterCaseChange = slot.entry() > 0 && conditionChanged(chain, slot.entry());
            Boolean holds;
            Boolean link;
            String error = null;
            if (slot.leftKnown()) {
                holds = v.holds();
                link = slot.entry() == 0 ? v.holds() : slot.firstOfSegment() || afterCaseChange ? null : v.link();
                if (v.outcome() == Outcome.UNDECIDED || v.holds() == Boolean.FALSE && v.counterexample() == null) {
                    error = v.detail();
                }
            } else {
                holds = null;
                link = afterCaseChange ? null : slot.firstOfSegment() ? v.holds() : v.link();
                error = chain.lhsError() != null ? "the left side could not be read (" + chain.lhsError() + ")"
                        : "no left side to compare with";
            }
            String basis = "none".equals(v.basisName()) ? null : v.basisName();
            Counterexample counterexample = holds == Boolean.FALSE ? v.counterexample() : null;
            Corrections.Feedback feedback = Corrections.Feedback.NONE;
            if (holds == Boolean.FALSE && !cancelled.getAsBoolean()) {
                Expr previous = previousRight(chain, slot.entry());
                feedback = corrections.find(derivation, chain.lhs(), previous, e.rhs(),
                        derivation.steps().get(i).line().condition(), steps.get(i), fileNames(chains, definitions),
                        chainExprs(chain), cancelled);
            }
            results[slot.chain()][slot.entry()] = result(e, holds, link, conditionTex(e.condition(), writer), basis,
                    counterexample, null, error, 0, false).withDetail(v.detail())
                    .withFeedback(feedback.hint(), feedback.kind(), feedback.correction());
        }
        if (!verdicts.isEmpty()) {
            rereadScopes(derivation, verdicts, slots, chains, results, cancelled);
        }
        if (remembered != null && checkSteps && !cancelled.getAsBoolean()) {
            remember(slots, keys, results);
        }
        List<StudentReport.Chain> out = new ArrayList<>();
        for (int c = 0; c < chains.size(); c++) {
            Pending chain = chains.get(c);
            List<StepResult> stepResults = new ArrayList<>();
            for (int k = 0; k < chain.entries().size(); k++) {
                StepResult r = results[c][k];
                if (r == null) {
                    Entry e = chain.entries().get(k);
                    r = result(e, null, null, conditionTex(e.condition(), writer), null, null, null,
                            checkSteps ? "cancelled" : null, 0, false);
                }
                stepResults.add(r);
            }
            out.add(new StudentReport.Chain(chain.line(), chain.lhsTex(), chain.lhs(), stepResults));
        }
        return new StudentReport(file, sn, out);
    }

    /**
     * A wrong step whose sum may cover the terms after it ({@code \\sum_i a_i + b_i}) is checked again
     * in that reading. When the wider reading holds, the step is read so if the summation index would
     * otherwise be free (a note says so), and is ambiguous otherwise: never wrong.
     */
    private void rereadScopes(Derivation derivation, List<StepVerdict> verdicts, List<Slot> slots, List<Pending> chains,
                              StepResult[][] results, BooleanSupplier cancelled) {
        List<Step> wide = new ArrayList<>();
        List<Integer> which = new ArrayList<>();
        List<String> how = new ArrayList<>();
        for (int i = 0; i < verdicts.size(); i++) {
            Slot slot = slots.get(i);
            StepResult r = results[slot.chain()][slot.entry()];
            if (r.holds() != Boolean.FALSE || !slot.leftKnown()) {
                continue;
            }
            Line step = derivation.steps().get(i).line();
            Line line = new Line(chains.get(slot.chain()).lhs(), step.rights(), step.condition());
            List<String> leftFree = line.lhs() == null ? List.of()
                    : Chains.freeIndices(List.of(line.lhs()), line.condition(), derivation.notation());
            SumScope.Named named = SumScope.namedClasses(r.rhsExpr(), leftFree, derivation.notation().classes());
            Expr[] readings = {SumScope.widened(r.rhsExpr()), SumScope.wholeProduct(r.rhsExpr()),
                    SumScope.powerInside(r.rhsExpr()), named == null ? null : named.expr()};
            String[] words = {"sum", "the derivative read as applying to the whole product after it",
                    "the power read as belonging to the bracket inside the derivative",
                    named == null ? null : "the terms over " + String.join(", ", named.letters())
                            + " read as the sum over all the classes (K = " + named.letters().size() + ", "
                            + String.join(", ", named.letters()) + " the classes)"};
            for (int k = 0; k < readings.length; k++) {
                if (readings[k] != null) {
                    wide.add(new Step(wide.size() + 1, r.rhs(), new Line(line.lhs(), List.of(readings[k]),
                            line.condition()), Rule.SIMPLIFY, "", Map.of(), null, r.line()));
                    which.add(i);
                    how.add(words[k]);
                }
            }
        }
        if (wide.isEmpty() || cancelled.getAsBoolean()) {
            return;
        }
        Derivation again = new Derivation(derivation.id(), derivation.title(), "", derivation.notation(),
                derivation.assumptions(), wide, derivation.source(), derivation.definitions());
        List<StepVerdict> second = checker.check(again, v -> { }, cancelled).verdicts();
        for (int w = 0; w < second.size(); w++) {
            if (second.get(w).holds() != Boolean.TRUE) {
                continue;
            }
            int i = which.get(w);
            Slot slot = slots.get(i);
            StepResult r = results[slot.chain()][slot.entry()];
            if (r.holds() != Boolean.FALSE) {
                continue;
            }
            Line line = wide.get(w).line();
            List<String> outside = Chains.freeIndices(List.of(r.rhsExpr()), Condition.ALWAYS, derivation.notation());
            List<String> left = line.lhs() == null ? List.of()
                    : Chains.freeIndices(List.of(line.lhs()), line.condition(), derivation.notation());
            boolean sum = how.get(w).equals("sum");
            if (how.get(w).startsWith("the terms over ")) {
                // as written the other letters are free indices; the author named K classes: both readings stand
                results[slot.chain()][slot.entry()] = r.read(null, "two readings: with the letters as free indices, "
                        + "not equal to the left side; with " + how.get(w) + ", it equals the left side", true);
                continue;
            }
            String index = sum ? widenedIndex(r.rhsExpr()) : null;
            String as = sum ? "the sum over " + index + " read as covering the terms after it" : how.get(w);
            if (index != null && outside.contains(index) && !left.contains(index)) {
                results[slot.chain()][slot.entry()] = r.read(Boolean.TRUE, as + " (" + index
                        + " would otherwise be free)", false);
            } else {
                String first = r.counterexample() == null ? "not equal to the left side"
                        : "at " + StudentReport.words(r.counterexample()) + " it is not the true value";
                results[slot.chain()][slot.entry()] = r.read(null, "two readings: as the operators are usually"
                        + " scoped, " + first + "; with " + as + ", it equals the left side", true);
            }
        }
    }

    private static String widenedIndex(Expr e) {
        String[] found = {null};
        ExprMap.map(e, node -> {
            if (found[0] == null && node instanceof Expr.Add a) {
                for (int t = 0; t < a.terms().size() - 1; t++) {
                    if (a.terms().get(t) instanceof Expr.Sum s
                            && SumScope.usesIndex(a.terms().subList(t + 1, a.terms().size()), s.index())) {
                        found[0] = s.index();
                    }
                }
            }
            return null;
        });
        return found[0];
    }

    /** Keeps the fresh results of each chain checked whole (a cancelled check keeps nothing). */
    private void remember(List<Slot> slots, String[] keys, StepResult[][] results) {
        Map<Integer, Map<Integer, StepResult>> byChain = new java.util.HashMap<>();
        for (Slot slot : slots) {
            if (keys[slot.chain()] != null) {
                byChain.computeIfAbsent(slot.chain(), x -> new java.util.HashMap<>())
                        .put(slot.entry(), results[slot.chain()][slot.entry()]);
            }
        }
        byChain.forEach((c, entries) -> remembered.put(keys[c], Map.copyOf(entries)));
    }

    /**
     * What a chain's verdicts depend on, and nothing else (not its lines or spacing): the notation,
     * the file's definitions, and the chain's sides and conditions as read.
     */
    private static String chainKey(StudentNotation sn, List<Definition> definitions, Pending chain) {
        StringBuilder sb = new StringBuilder(sn.describe()).append('|').append(sn.labelsSumToOne())
                .append('|').append(sn.functionNames());
        for (Definition d : definitions) {
            sb.append("|def ").append(d.symbol()).append('=').append(d.value());
        }
        sb.append("|lhs ").append(chain.lhs()).append('|').append(chain.lhsError()).append('|')
                .append(chain.lhsTex().isEmpty());
        for (Entry e : chain.entries()) {
            sb.append("|= ").append(e.rhs()).append(" if ").append(e.condition()).append(e.error() != null);
        }
        return sb.toString();
    }

    /** The symbol names a file uses anywhere: a correction may use these and no others. */
    private static Set<String> fileNames(List<Pending> chains, List<Definition> definitions) {
        Set<String> out = new HashSet<>();
        for (Pending p : chains) {
            chainExprs(p).forEach(x -> out.addAll(names(x)));
        }
        for (Definition d : definitions) {
            out.add(d.symbol().name());
        }
        return out;
    }

    /** A chain's left side and right sides as read. */
    private static List<Expr> chainExprs(Pending chain) {
        List<Expr> out = new ArrayList<>();
        if (chain.lhs() != null) {
            out.add(chain.lhs());
        }
        for (Entry e : chain.entries()) {
            if (e.rhs() != null) {
                out.add(e.rhs());
            }
        }
        return out;
    }

    private static boolean conditionChanged(Pending chain, int k) {
        Condition before = chain.entries().get(k - 1).condition();
        return !before.isAlways() && !before.equals(chain.entries().get(k).condition());
    }

    private static Expr previousRight(Pending chain, int k) {
        return k > 0 ? chain.entries().get(k - 1).rhs() : null;
    }

    private static StepResult result(Entry e, Boolean holds, Boolean link, String conditionTex, String basis,
                                     Counterexample counterexample, String hint, String error, int column,
                                     boolean definition) {
        return new StepResult(e.line(), e.tex(), e.rhs(), holds, link, e.condition(), conditionTex, basis, counterexample,
                hint, error, column, definition).withReason(e.reason()).withReading(e.note());
    }

    private static String conditionTex(Condition c, TexWriter writer) {
        if (c.isAlways()) {
            return null;
        }
        String line = writer.write(new Line(null, List.of(Exprs.ZERO), c));
        int at = line.indexOf("\\quad (");
        return at < 0 ? line : line.substring(at + "\\quad (".length(), line.length() - 1);
    }

    /**
     * A chain {@code u = ...} that defines a symbol the notation does not know (or the logits
     * through a layer, {@code z_i = \sum_j h_j w_{ji} + b_i}): a definition, not a claim.
     */
    /**
     * What the notation's activation and objective make of the probabilities and the loss, as the
     * library's routes define them (derivations/sigmoid-bce.yaml, mse-softmax.yaml, label-smoothing.yaml): the file's own
     * lines are then checked against these meanings.
     */
    static List<Definition> declared(StudentNotation sn) {
        Notation n = sn.notation();
        String p = n.probs() + "_{i}";
        String y = n.labels() + "_{i}";
        List<String> tex = new ArrayList<>();
        if (sn.activation().equals("sigmoid")) {
            tex.add(p + " = \\frac{1}{1 + e^{-" + n.logits() + "_{i}}}");
        } else if (n.temperature() != null) {
            String t = n.temperature();
            tex.add(p + " = \\frac{e^{" + n.logits() + "_{i} / " + t + "}}{\\sum_{k=1}^{" + n.classes() + "} e^{"
                    + n.logits() + "_{k} / " + t + "}}");
        }
        if (sn.smoothing() != null) {
            tex.add(y + " = (1 - " + sn.smoothing() + ") \\delta_{i " + n.onehot() + "} + \\frac{" + sn.smoothing() + "}{"
                    + n.classes() + "}");
        }
        switch (sn.objective()) {
            case "bce" -> tex.add(n.loss() + " = -\\sum_{i=1}^{" + n.classes() + "} \\left(" + y + " \\log " + p
                    + " + (1 - " + y + ") \\log(1 - " + p + ")\\right)");
            case "mse" -> tex.add(n.loss() + " = \\frac{1}{2} \\sum_{i=1}^{" + n.classes() + "} (" + p + " - " + y + ")^2");
            default -> { }
        }
        TexReader reader = new TexReader();
        List<Definition> out = new ArrayList<>();
        for (String d : tex) {
            Line line = reader.readLine(d);
            out.add(new Definition(d, (Expr.Sym) line.lhs(), line.rights().get(0), 0));
        }
        return out;
    }

    private static Definition definitionOf(Pending chain, Notation n, TexWriter writer) {
        if (!(chain.lhs() instanceof Expr.Sym s) || chain.entries().size() != 1 || chain.entries().get(0).rhs() == null) {
            return null;
        }
        for (Expr i : s.indices()) {
            if (!(i instanceof Expr.Sym is) || !is.isPlain()) {
                return null;
            }
        }
        Expr value = chain.entries().get(0).rhs();
        Set<String> meaningful = Set.copyOf(List.of(n.probs(), n.labels(), n.loss(), n.classes()));
        boolean layer = s.name().equals(n.logits()) && !names(value).contains(n.logits());
        // L_i = -\\log s_i names a per-class (or per-example) loss: the loss itself has no index
        boolean indexedLoss = s.name().equals(n.loss()) && !s.indices().isEmpty();
        if (meaningful.contains(s.name()) && !indexedLoss || s.name().equals(n.logits()) && !layer
                || n.batch() != null && s.name().equals(n.batch())) {
            return null;
        }
        try {
            return new Definition(writer.write(new Line(s, List.of(value), Condition.ALWAYS)), s, value, chain.line());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Set<String> knownNames(Notation n, List<Definition> definitions) {
        Set<String> known = new HashSet<>(List.of(n.logits(), n.probs(), n.labels(), n.loss(), n.classes(), "softmax", "e"));
        if (n.batch() != null) {
            known.add(n.batch());
        }
        for (Definition d : definitions) {
            known.add(d.symbol().name());
            known.addAll(names(d.value()));
        }
        return known;
    }

    /** The first symbol (in value position) that neither the notation nor a definition gives a meaning. */
    private static String unknownSymbol(Expr rhs, Expr lhs, Set<String> known) {
        Set<String> used = new LinkedHashSet<>(names(rhs));
        if (lhs != null) {
            used.addAll(names(lhs));
        }
        for (String name : used) {
            // a capital letter used as a value is a count only when the notation names it one (classes,
            // batch): an S the author defined in prose is not silently the number of classes
            if (!known.contains(name)) {
                return name;
            }
        }
        return null;
    }

    /** Names of symbols used as values (not as indices), and of functions. */
    static Set<String> names(Expr e) {
        Set<String> out = new LinkedHashSet<>();
        collectNames(e, out);
        return out;
    }

    private static void collectNames(Expr e, Set<String> out) {
        if (e instanceof Expr.Sym s) {
            out.add(s.name());
        } else if (e instanceof Expr.Fn f) {
            out.add(f.name());
            f.args().forEach(a -> collectNames(a, out));
        } else if (e instanceof Expr.Add a) {
            a.terms().forEach(t -> collectNames(t, out));
        } else if (e instanceof Expr.Mul m) {
            m.factors().forEach(t -> collectNames(t, out));
        } else if (e instanceof Expr.Neg n) {
            collectNames(n.arg(), out);
        } else if (e instanceof Expr.Div d) {
            collectNames(d.numerator(), out);
            collectNames(d.denominator(), out);
        } else if (e instanceof Expr.Pow p) {
            collectNames(p.base(), out);
            collectNames(p.exponent(), out);
        } else if (e instanceof Expr.Exp x) {
            collectNames(x.arg(), out);
        } else if (e instanceof Expr.Log l) {
            collectNames(l.arg(), out);
        } else if (e instanceof Expr.Sum s) {
            collectNames(s.body(), out);
        } else if (e instanceof Expr.Deriv d) {
            collectNames(d.of(), out);
            out.add(d.wrt().name());
        }
    }
}
