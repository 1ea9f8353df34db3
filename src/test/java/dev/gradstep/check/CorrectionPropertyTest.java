package dev.gradstep.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.check.StudentReport.StepResult;
import dev.gradstep.derivation.Assumption;
import dev.gradstep.derivation.Definition;
import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.DerivationLoader;
import dev.gradstep.derivation.Step;
import dev.gradstep.expr.Condition;
import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Exprs;
import dev.gradstep.expr.Line;
import dev.gradstep.tex.TexWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every bundled derivation, one correct step mutated (a sign, one term's sign, a factor, an index,
 * a dropped term), written as a student's file and checked: whenever a correction is offered it
 * holds, by another checker with another seed. Mutants are sampled with a fixed seed within a
 * budget, so the run is repeatable and bounded; the figures go to target/correction-figures.txt.
 */
class CorrectionPropertyTest {

    private static final long SEED = 20261206L;
    /** Mutated files checked: a few hundred keep the test near half a minute on two cores. */
    private static final int BUDGET = 200;

    private final TexWriter writer = new TexWriter();
    private final StudentChecker checker = new StudentChecker(null, CheckSettings.defaults());
    private final StudentChecker referee = new StudentChecker(null, new CheckSettings(2, 5, 3, 4242L,
            Duration.ofSeconds(2), 3));

    /** One chain of a derivation as rows: the left side, then each right side with its case. */
    record Chain(Derivation derivation, Expr lhs, List<Expr> rights, List<Condition> conditions) {
    }

    /** A chain with one right side replaced, and what was done to it. */
    record Mutant(Chain chain, int row, String kind, Expr rhs) {
    }

    @Test
    void check_mutatedBundledSteps_everyOfferedCorrectionHolds() throws IOException {
        List<Derivation> library = new DerivationLoader().loadBundled().derivations();
        List<Chain> usable = new ArrayList<>();
        int chains = 0;
        for (Derivation d : library) {
            for (Chain c : chains(d)) {
                chains++;
                StudentReport base = checker.check("base.tex", file(c, -1, null), null);
                if (base.passes()) {
                    usable.add(c);
                }
            }
        }
        Random random = new Random(SEED);
        List<Mutant> all = new ArrayList<>();
        for (Chain c : usable) {
            for (int row = 0; row < c.rights().size(); row++) {
                all.addAll(mutants(c, row, random));
            }
        }
        Collections.shuffle(all, random);
        List<Mutant> tried = all.subList(0, Math.min(BUDGET, all.size()));
        int caught = 0;
        int offered = 0;
        int fromRepair = 0;
        Map<HintKind, Integer> kinds = new EnumMap<>(HintKind.class);
        Map<String, Integer> byMutation = new TreeMap<>();
        List<String> wrongCorrections = new ArrayList<>();
        for (Mutant m : tried) {
            String text = file(m.chain(), m.row(), m.rhs());
            StudentReport r = checker.check("mutant.tex", text, null);
            boolean found = false;
            for (StepResult s : r.steps()) {
                found |= s.holds() == Boolean.FALSE;
                if (s.hintKind() != null) {
                    kinds.merge(s.hintKind(), 1, Integer::sum);
                }
                if (s.correction() == null) {
                    continue;
                }
                offered++;
                fromRepair += s.correction().from() == Correction.From.REPAIR ? 1 : 0;
                String alone = header(m.chain().derivation()) + "\\[ " + s.correction().tex() + " \\]\n";
                StudentReport again = referee.check("correction.tex", alone, null);
                StepResult last = again.steps().isEmpty() ? null : again.steps().get(again.steps().size() - 1);
                if (last == null || last.holds() != Boolean.TRUE) {
                    wrongCorrections.add(m.chain().derivation().id() + " " + m.kind() + ": " + s.correction().tex() + "\n" + text);
                }
            }
            caught += found ? 1 : 0;
            byMutation.merge(m.kind() + (found ? " caught" : " equal (not wrong)"), 1, Integer::sum);
        }
        String figures = "derivations " + library.size() + ", chains " + chains + " (" + usable.size()
                + " read and verified as a student's file)\nmutants available " + all.size() + ", tried " + tried.size()
                + " (seed " + SEED + "), with a wrong line " + caught + "\ncorrections offered " + offered + " (" + fromRepair
                + " the student's repaired line, " + (offered - fromRepair) + " from the library), wrong corrections "
                + wrongCorrections.size() + "\nhints per kind " + kinds + "\nmutations " + byMutation + "\n";
        System.out.println(figures);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "correction-figures.txt"), figures);
        assertEquals(List.of(), wrongCorrections, figures);
        assertTrue(usable.size() >= 10, figures);
        assertTrue(caught >= tried.size() / 2, figures);
        assertTrue(offered >= caught / 3, figures);
    }

    /** The derivation's chains, each step's planted mistake (in an exercise) replaced by its correct line. */
    private static List<Chain> chains(Derivation d) {
        List<Step> steps = new ArrayList<>();
        for (Step s : d.steps()) {
            steps.add(s.markedWrong() && s.corrected() != null ? s.corrected() : s);
        }
        List<Chain> out = new ArrayList<>();
        Chain current = null;
        List<Chains.Link> links;
        try {
            links = Chains.of(steps);
        } catch (IllegalArgumentException e) {
            return out;
        }
        for (Chains.Link link : links) {
            if (current == null || !link.step().line().isContinuation()) {
                current = new Chain(d, link.chainLeft(), new ArrayList<>(), new ArrayList<>());
                out.add(current);
            }
            for (Expr r : link.rights()) {
                current.rights().add(r);
                current.conditions().add(link.condition());
            }
        }
        return out;
    }

    /** Sign, one term's sign, a factor of 2, an index changed, a term dropped: those that apply to this row. */
    private static List<Mutant> mutants(Chain c, int row, Random random) {
        Expr rhs = c.rights().get(row);
        List<Mutant> out = new ArrayList<>();
        out.add(new Mutant(c, row, "sign", Exprs.neg(rhs)));
        out.add(new Mutant(c, row, "factor", Exprs.mul(Expr.Num.of(2), rhs)));
        if (rhs instanceof Expr.Add a && a.terms().size() >= 2) {
            int t = random.nextInt(a.terms().size());
            List<Expr> terms = new ArrayList<>(a.terms());
            terms.set(t, Exprs.neg(terms.get(t)));
            out.add(new Mutant(c, row, "term sign", Exprs.add(terms)));
            List<Expr> rest = new ArrayList<>(a.terms());
            rest.remove(random.nextInt(rest.size()));
            out.add(new Mutant(c, row, "dropped term", Exprs.add(rest)));
        }
        Expr swapped = swapOneIndex(rhs, c, random);
        if (swapped != null) {
            out.add(new Mutant(c, row, "index", swapped));
        }
        return out;
    }

    /** One indexed symbol with one of its index letters replaced by another letter the line uses. */
    private static Expr swapOneIndex(Expr rhs, Chain c, Random random) {
        List<Expr.Sym> indexed = new ArrayList<>();
        Set<String> letters = new java.util.TreeSet<>();
        for (Expr e : StudentHints.nodes(rhs)) {
            if (e instanceof Expr.Sym s && !s.isPlain()) {
                indexed.add(s);
                s.indices().forEach(i -> {
                    if (i instanceof Expr.Sym is && is.isPlain() && is.name().length() == 1) {
                        letters.add(is.name());
                    }
                });
            }
        }
        if (c.lhs() != null) {
            for (Expr e : StudentHints.nodes(c.lhs())) {
                if (e instanceof Expr.Sym s) {
                    s.indices().forEach(i -> {
                        if (i instanceof Expr.Sym is && is.isPlain() && is.name().length() == 1) {
                            letters.add(is.name());
                        }
                    });
                }
            }
        }
        if (indexed.isEmpty() || letters.size() < 2) {
            return null;
        }
        Expr.Sym target = indexed.get(random.nextInt(indexed.size()));
        int at = random.nextInt(target.indices().size());
        if (!(target.indices().get(at) instanceof Expr.Sym old)) {
            return null;
        }
        List<String> others = letters.stream().filter(l -> !l.equals(old.name())).toList();
        List<Expr> indices = new ArrayList<>(target.indices());
        indices.set(at, new Expr.Sym(others.get(random.nextInt(others.size()))));
        Expr.Sym changed = new Expr.Sym(target.name(), indices);
        return ExprMap.map(rhs, x -> x == target ? changed : null);
    }

    /** The notation line a student would write for this derivation, then its definitions. */
    private String header(Derivation d) {
        StringBuilder sb = new StringBuilder("% notation: ").append(d.notation().describe());
        if (!d.assumptions().contains(Assumption.LABELS_SUM_TO_ONE) && d.notation().onehot() == null) {
            sb.append(" labelsum=any");
        }
        sb.append('\n');
        for (Definition def : d.definitions()) {
            sb.append("\\[ ").append(def.tex()).append(" \\]\n");
        }
        return sb.toString();
    }

    /** The chain as a student's align block; row {@code row} replaced by {@code rhs} (none when row is -1). */
    private String file(Chain c, int row, Expr rhs) {
        StringBuilder sb = new StringBuilder(header(c.derivation())).append("\\begin{align*}\n");
        for (int k = 0; k < c.rights().size(); k++) {
            Expr right = k == row ? rhs : c.rights().get(k);
            String side = writer.write(new Line(null, List.of(right), c.conditions().get(k)));
            sb.append(k == 0 ? writer.write(c.lhs()) + " &" : "&").append(side)
                    .append(k == c.rights().size() - 1 ? "\n" : " \\\\\n");
        }
        return sb.append("\\end{align*}\n").toString();
    }
}
