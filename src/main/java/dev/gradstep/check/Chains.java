package dev.gradstep.check;

import dev.gradstep.derivation.Notation;
import dev.gradstep.derivation.Step;
import dev.gradstep.expr.Condition;
import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Line;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where each step stands in its chain: a line {@code A = B} starts a chain whose left side is A; a
 * continuation {@code = C} is compared with that left side (does it hold?) and with the previous
 * right side (does it follow?).
 */
final class Chains {

    /** A step's place: the chain's left side, the previous right side (or null), its condition. */
    record Link(Step step, Expr chainLeft, Expr previous, List<Expr> rights, Condition condition) {
    }

    private Chains() {
    }

    static List<Link> of(List<Step> steps) {
        List<Link> out = new ArrayList<>();
        Expr chainLeft = null;
        Condition chainCondition = Condition.ALWAYS;
        Expr previous = null;
        for (Step step : steps) {
            Line line = step.line();
            Condition condition;
            if (line.isContinuation()) {
                if (chainLeft == null) {
                    throw new IllegalArgumentException("step " + step.number() + " continues a chain that was never started");
                }
                condition = merge(chainCondition, line.condition());
            } else {
                chainLeft = line.lhs();
                chainCondition = line.condition();
                condition = chainCondition;
                previous = null;
            }
            out.add(new Link(step, chainLeft, previous, line.rights(), condition));
            previous = line.rights().get(line.rights().size() - 1);
        }
        return out;
    }

    private static Condition merge(Condition a, Condition b) {
        if (b.isAlways()) {
            return a;
        }
        List<Condition.Relation> all = new ArrayList<>(a.relations());
        for (Condition.Relation r : b.relations()) {
            if (!all.contains(r)) {
                all.add(r);
            }
        }
        return new Condition(all);
    }

    /** Index names that are free (not bound by a sum) in the given expressions and condition. */
    static List<String> freeIndices(List<Expr> exprs, Condition condition, Notation notation) {
        Set<String> found = new LinkedHashSet<>();
        for (Expr e : exprs) {
            if (e != null) {
                collect(e, Set.of(), false, found);
            }
        }
        for (Condition.Relation r : condition.relations()) {
            collect(r.left(), Set.of(), true, found);
            collect(r.right(), Set.of(), true, found);
        }
        if (notation.onehot() != null) {
            found.add(notation.onehot());
        }
        found.remove(notation.classes());
        if (notation.batch() != null) {
            found.remove(notation.batch());
        }
        return List.copyOf(found);
    }

    private static void collect(Expr e, Set<String> bound, boolean indexPosition, Set<String> out) {
        if (e instanceof Expr.Sym s) {
            if (s.isPlain() && indexPosition && !bound.contains(s.name())) {
                out.add(s.name());
            }
            for (Expr i : s.indices()) {
                collect(i, bound, true, out);
            }
        } else if (e instanceof Expr.Add a) {
            a.terms().forEach(t -> collect(t, bound, indexPosition, out));
        } else if (e instanceof Expr.Mul m) {
            m.factors().forEach(t -> collect(t, bound, indexPosition, out));
        } else if (e instanceof Expr.Neg n) {
            collect(n.arg(), bound, indexPosition, out);
        } else if (e instanceof Expr.Div d) {
            collect(d.numerator(), bound, indexPosition, out);
            collect(d.denominator(), bound, indexPosition, out);
        } else if (e instanceof Expr.Pow p) {
            collect(p.base(), bound, indexPosition, out);
            collect(p.exponent(), bound, indexPosition, out);
        } else if (e instanceof Expr.Exp x) {
            collect(x.arg(), bound, indexPosition, out);
        } else if (e instanceof Expr.Log l) {
            collect(l.arg(), bound, indexPosition, out);
        } else if (e instanceof Expr.Delta d) {
            collect(d.left(), bound, true, out);
            collect(d.right(), bound, true, out);
        } else if (e instanceof Expr.Deriv d) {
            collect(d.of(), bound, indexPosition, out);
            collect(d.wrt(), bound, indexPosition, out);
        } else if (e instanceof Expr.Fn f) {
            f.args().forEach(a -> collect(a, bound, indexPosition, out));
            f.indices().forEach(i -> collect(i, bound, true, out));
        } else if (e instanceof Expr.Sum s) {
            Set<String> inner = new LinkedHashSet<>(bound);
            inner.add(s.index());
            if (s.from() != null) {
                collect(s.from(), bound, true, out);
            }
            if (s.to() != null && !(s.to() instanceof Expr.Sym top && top.isPlain())) {
                // a letter that only bounds a sum (J in \\sum_{j=1}^{J}) is a count, not an index
                collect(s.to(), bound, true, out);
            }
            for (Condition.Relation r : s.where().relations()) {
                collect(r.left(), inner, true, out);
                collect(r.right(), inner, true, out);
            }
            collect(s.body(), inner, indexPosition, out);
        }
    }
}
