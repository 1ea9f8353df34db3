package dev.gradstep.ui;

import dev.gradstep.derivation.Step;
import dev.gradstep.expr.Condition.Relation;
import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Exprs;
import dev.gradstep.expr.Line;
import dev.gradstep.tex.Marks;
import dev.gradstep.tex.TexWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Marks what a step changed: the previous and current right sides are compared as trees and the
 * smallest subtrees of the current one that differ are marked, inside sums, quotients, products,
 * powers, function arguments and derivatives alike. Parsed expressions, not strings, are compared,
 * which ignores spacing and notation noise; any surprise falls back to the step's own LaTeX.
 */
public final class ChangeHighlighter {

    /** A part with this many marks inside, mostly marked, is marked as one piece instead. */
    private static final int CONFETTI_MARKS = 3;
    private static final double CONFETTI_SHARE = 0.6;
    /** Average size in nodes up to which marks count as small. */
    private static final int CONFETTI_PIECE = 4;

    private final TexWriter writer;

    public ChangeHighlighter(TexWriter writer) {
        this.writer = writer;
    }

    /** The current step's LaTeX with changed parts wrapped in {@code \gshl{..}}, or empty. */
    public Optional<String> highlight(Step previous, Step current) {
        if (previous == null || current == null) {
            return Optional.empty();
        }
        try {
            Line line = current.line();
            Line earlier = previous.line();
            // two statements about different things: nothing of one "changed" into the other; and
            // the marked text is written anew, which must not lose the author's bold
            if (line.lhs() != null && earlier.lhs() != null && !line.lhs().equals(earlier.lhs())
                    || !writer.keepsLook(current.tex())) {
                return Optional.empty();
            }
            Expr now = last(line);
            Expr before = last(earlier);
            Found found = new Found();
            diff(before, now, found);
            // nothing marked says nothing, and everything marked says no more than nothing
            if (found.whole.isEmpty() && found.lower.isEmpty() || keptLeaves(now, found) == 0) {
                return Optional.empty();
            }
            Marks marks = Marks.of(FormulaRenderer.HIGHLIGHT, found.whole, found.lower);
            String marked = writer.write(line, marks);
            // the marks must be all that was added; anything else is a surprise shown plain
            return marks.unmark(marked).equals(writer.write(line)) ? Optional.of(marked) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The marks found so far, by identity: equal subtrees may sit in several places. */
    private static final class Found {
        final Set<Expr> whole = Collections.newSetFromMap(new IdentityHashMap<>());
        final Set<Expr> lower = Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /** Marks the parts of {@code now} that {@code before} did not have. */
    private static void diff(Expr before, Expr now, Found found) {
        if (before.equals(now)) {
            return;
        }
        if (now instanceof Expr.Add || before instanceof Expr.Add || now instanceof Expr.Mul
                || before instanceof Expr.Mul) {
            diffUnits(before, now, found);
        } else if (before.getClass() != now.getClass()) {
            found.whole.add(now);
        } else if (now instanceof Expr.Div n && before instanceof Expr.Div b) {
            diff(b.numerator(), n.numerator(), found);
            diff(b.denominator(), n.denominator(), found);
        } else if (now instanceof Expr.Pow n && before instanceof Expr.Pow b) {
            diff(b.base(), n.base(), found);
            diff(b.exponent(), n.exponent(), found);
        } else if (now instanceof Expr.Neg n && before instanceof Expr.Neg b) {
            diff(b.arg(), n.arg(), found);
        } else if (now instanceof Expr.Exp n && before instanceof Expr.Exp b) {
            diff(b.arg(), n.arg(), found);
        } else if (now instanceof Expr.Log n && before instanceof Expr.Log b) {
            diff(b.arg(), n.arg(), found);
        } else if (now instanceof Expr.Sum n && before instanceof Expr.Sum b && n.index().equals(b.index())) {
            diffSum(b, n, found);
        } else if (now instanceof Expr.Deriv n && before instanceof Expr.Deriv b
                && (n.of().equals(b.of()) || n.wrt().equals(b.wrt()))) {
            diff(b.of(), n.of(), found);
            diff(b.wrt(), n.wrt(), found);
        } else if (now instanceof Expr.Fn n && before instanceof Expr.Fn b && n.name().equals(b.name())
                && n.indices().equals(b.indices()) && n.args().size() == b.args().size()) {
            for (int i = 0; i < n.args().size(); i++) {
                diff(b.args().get(i), n.args().get(i), found);
            }
        } else {
            // symbols, deltas and numbers: a change in a subscript marks the whole symbol
            found.whole.add(now);
        }
        coalesce(now, found);
    }

    /** A sum's limits and body; index, start and exclusions are one piece under the sign. */
    private static void diffSum(Expr.Sum before, Expr.Sum now, Found found) {
        boolean sameLower = before.where().equals(now.where()) && (before.from() == null) == (now.from() == null);
        if (!sameLower) {
            found.lower.add(now);
        } else if (now.from() != null) {
            diff(before.from(), now.from(), found);
        }
        if (now.to() != null) {
            if (before.to() == null) {
                found.whole.add(now.to());
            } else {
                diff(before.to(), now.to(), found);
            }
        }
        diff(before.body(), now.body(), found);
    }

    /**
     * Terms (or factors) that were there before stay unmarked wherever they moved; a new one is
     * compared with the old one of its kind that it shares most with, and the rest are new.
     */
    private static void diffUnits(Expr before, Expr now, Found found) {
        List<Expr> own = units(now, now instanceof Expr.Add);
        if (own.contains(before)) {
            // the whole old side became one piece of the new one, as in c (a + b) from a + b
            List<Expr> rest = new ArrayList<>(own);
            rest.remove(before);
            found.whole.addAll(rest);
            return;
        }
        boolean terms = now instanceof Expr.Add || before instanceof Expr.Add;
        List<Expr> newUnits = units(now, terms);
        List<Expr> remaining = new ArrayList<>(units(before, terms));
        List<Expr> changed = new ArrayList<>();
        for (Expr unit : newUnits) {
            if (!remaining.remove(unit)) {
                changed.add(unit);
            }
        }
        for (Expr unit : changed) {
            Expr best = null;
            Found bestFound = null;
            int bestKept = 0;
            for (Expr old : remaining) {
                if (!replaces(old, unit, terms)) {
                    continue;
                }
                Found trial = new Found();
                diff(old, unit, trial);
                int kept = keptLeaves(unit, trial);
                if (kept > bestKept) {
                    best = old;
                    bestFound = trial;
                    bestKept = kept;
                }
            }
            if (best == null) {
                found.whole.add(unit);
            } else {
                remaining.remove(best);
                found.whole.addAll(bestFound.whole);
                found.lower.addAll(bestFound.lower);
            }
        }
    }

    /** An old unit a new one may have replaced: as a term with the same sign, of the same kind. */
    private static boolean replaces(Expr old, Expr now, boolean terms) {
        if (terms && (old instanceof Expr.Neg) != (now instanceof Expr.Neg)) {
            return false;
        }
        Expr a = terms && old instanceof Expr.Neg n ? n.arg() : old;
        Expr b = terms && now instanceof Expr.Neg n ? n.arg() : now;
        return a.getClass() == b.getClass() || isList(a) || isList(b);
    }

    private static boolean isList(Expr e) {
        return e instanceof Expr.Add || e instanceof Expr.Mul;
    }

    /**
     * A part whose every piece is marked is marked as one; many small marks over most of a part read
     * as confetti, so that part is marked as one too.
     */
    private static void coalesce(Expr now, Found found) {
        if (found.whole.contains(now)) {
            return;
        }
        int marks = marks(now, found);
        int marked = markedWeight(now, found);
        boolean confetti = marks >= CONFETTI_MARKS && marked >= CONFETTI_SHARE * weight(now)
                && marked <= CONFETTI_PIECE * marks;
        if (!confetti && (marks < 2 || keptLeaves(now, found) > 0)) {
            return;
        }
        unmark(now, found);
        found.whole.add(now);
    }

    private static void unmark(Expr e, Found found) {
        found.whole.remove(e);
        found.lower.remove(e);
        for (Expr c : Exprs.children(e)) {
            unmark(c, found);
        }
    }

    private static int marks(Expr e, Found found) {
        if (found.whole.contains(e)) {
            return 1;
        }
        int n = found.lower.contains(e) ? 1 : 0;
        for (Expr c : Exprs.children(e)) {
            n += marks(c, found);
        }
        return n;
    }

    /** The leaves of {@code e} left unmarked; a sum's index counts as one when its limit is unmarked. */
    private static int keptLeaves(Expr e, Found found) {
        if (found.whole.contains(e)) {
            return 0;
        }
        List<Expr> children = Exprs.children(e);
        if (children.isEmpty()) {
            return 1;
        }
        boolean lowerMarked = found.lower.contains(e);
        int n = e instanceof Expr.Sum && !lowerMarked ? 1 : 0;
        for (Expr c : children) {
            if (!(lowerMarked && c == ((Expr.Sum) e).from())) {
                n += keptLeaves(c, found);
            }
        }
        return n;
    }

    /** How much of {@code e}, in nodes, is marked. */
    private static int markedWeight(Expr e, Found found) {
        if (found.whole.contains(e)) {
            return weight(e);
        }
        int w = 0;
        if (e instanceof Expr.Sum s && found.lower.contains(e)) {
            w += 1 + (s.from() == null ? 0 : weight(s.from())) + whereWeight(s);
        }
        for (Expr c : Exprs.children(e)) {
            if (!(e instanceof Expr.Sum s && found.lower.contains(e) && c == s.from())) {
                w += markedWeight(c, found);
            }
        }
        return w;
    }

    /** Size in nodes: subscripts and a sum's exclusions count, as they take room on screen. */
    private static int weight(Expr e) {
        int w = 1;
        if (e instanceof Expr.Sum s) {
            w += whereWeight(s);
        }
        for (Expr c : Exprs.children(e)) {
            w += weight(c);
        }
        return w;
    }

    private static int whereWeight(Expr.Sum s) {
        int w = 0;
        for (Relation r : s.where().relations()) {
            w += 1 + weight(r.left()) + weight(r.right());
        }
        return w;
    }

    private static Expr last(Line line) {
        return line.rights().get(line.rights().size() - 1);
    }

    /** The terms of a sum or the factors of a product; anything else is a single unit. */
    private static List<Expr> units(Expr e, boolean terms) {
        if (terms && e instanceof Expr.Add add) {
            return add.terms();
        }
        if (!terms && e instanceof Expr.Mul mul) {
            return mul.factors();
        }
        return List.of(e);
    }
}
