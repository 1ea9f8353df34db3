package dev.gradstep.check;

import dev.gradstep.derivation.Assumption;
import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.Notation;
import dev.gradstep.derivation.Rule;
import dev.gradstep.derivation.Step;
import dev.gradstep.expr.Condition;
import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Exprs;
import dev.gradstep.expr.Line;
import dev.gradstep.tex.TexWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Why a student's step is wrong, where a small repair makes it right: the right side negated (a
 * sign), one term negated, a constant factor, a term missing from the previous line, a sum that
 * should not be there, an index swapped in a sum, the case it only holds in, or labels that must
 * sum to one. Each repair is checked by numbers before it is offered, so a hint is never a guess.
 */
final class StudentHints {

    /** Most repairs tried per step: bounds the time a hopeless line costs. */
    private static final int MAX_TRIES = 40;

    private final DerivationChecker quick;
    private final TexWriter writer = new TexWriter();

    StudentHints(CheckSettings settings) {
        this.quick = new DerivationChecker(null, new CheckSettings(settings.minClasses(),
                Math.min(settings.maxClasses(), settings.minClasses() + 2), 1, settings.seed(), settings.symbolicTimeout(),
                settings.symbolicMaxClasses()));
    }

    /** A repair to try and the hint it gives when it makes the step hold. */
    private record Repair(Expr rhs, Condition condition, Set<Assumption> assumptions, String hint) {
    }

    /** A hint for a failing step, or null when no small repair explains it. */
    String find(Derivation base, Expr left, Expr previous, Expr rhs, Condition condition, Step failing,
                BooleanSupplier cancelled) {
        if (left == null || rhs == null) {
            return null;
        }
        Notation n = base.notation();
        List<String> freeLeft = Chains.freeIndices(List.of(left), condition, n);
        List<String> freeRight = Chains.freeIndices(List.of(rhs), condition, n);
        String diagonal = diagonalOnly(left, rhs, n);
        if (diagonal != null) {
            return diagonal;
        }
        List<Repair> repairs = new ArrayList<>();
        for (Expr node : nodes(rhs)) {
            if (node instanceof Expr.Sum s && freeLeft.contains(s.index()) && !freeRight.contains(s.index())) {
                repairs.add(new Repair(replace(rhs, node, s.body()), condition, base.assumptions(),
                        "remove the sum over " + s.index() + ": " + s.index() + " is a free index on the left, so there is "
                                + "one value for each " + s.index() + ", not a sum"));
            }
        }
        for (String missing : freeLeft) {
            if (freeRight.contains(missing)) {
                continue;
            }
            for (Expr node : nodes(rhs)) {
                if (node instanceof Expr.Sum s && !freeLeft.contains(s.index())) {
                    Expr.Sym from = new Expr.Sym(s.index());
                    Expr.Sym to = new Expr.Sym(missing);
                    Expr body = ExprMap.map(s.body(), x -> x.equals(from) ? to : null);
                    repairs.add(new Repair(replace(rhs, node, body), condition, base.assumptions(),
                            "index: remove the sum over " + s.index() + " and write " + missing + " for " + s.index()
                                    + ": the left side has one value for each " + missing));
                }
            }
        }
        if (!base.assumptions().contains(Assumption.LABELS_SUM_TO_ONE) && n.onehot() == null) {
            repairs.add(new Repair(rhs, condition, EnumSet.of(Assumption.LABELS_SUM_TO_ONE),
                    "this holds only when the labels sum to one, and here they need not (labelsum=any): keep the factor "
                            + "\\sum_i " + n.labels() + "_i"));
        }
        repairs.add(new Repair(Exprs.neg(rhs), condition, base.assumptions(),
                "sign: the right side is the negative of the true value"));
        factorRepairs(base, rhs, condition, failing, repairs);
        if (rhs instanceof Expr.Add a) {
            for (int t = 0; t < a.terms().size(); t++) {
                List<Expr> terms = new ArrayList<>(a.terms());
                Expr term = terms.get(t);
                terms.set(t, Exprs.neg(term));
                repairs.add(new Repair(Exprs.add(terms), condition, base.assumptions(),
                        "sign: the term " + writer.write(term) + " has the wrong sign"));
            }
        }
        sumRepairs(base, rhs, condition, freeLeft, repairs);
        if (previous != null) {
            for (Expr t : terms(previous)) {
                repairs.add(new Repair(Exprs.add(rhs, t), condition, base.assumptions(),
                        "a term of the previous line is missing: " + writer.write(t)));
            }
        }
        if (rhs instanceof Expr.Add a) {
            for (Expr t : a.terms()) {
                List<Expr> rest = new ArrayList<>(a.terms());
                rest.remove(t);
                repairs.add(new Repair(Exprs.add(rest), condition, base.assumptions(),
                        "the term " + writer.write(t) + " should not be there"));
            }
        }
        caseRepairs(base, rhs, condition, freeLeft, repairs);
        int tries = 0;
        for (Repair r : repairs) {
            if (cancelled.getAsBoolean() || tries++ >= MAX_TRIES) {
                break;
            }
            if (holds(base, left, r, failing)) {
                return r.hint();
            }
        }
        for (String index : freeLeft) {
            if (!freeRight.contains(index)) {
                return "the index " + index + " is free on the left but not on the right: the right side must depend on "
                        + index + " (is a sum there that should not be?)";
            }
        }
        for (String index : freeRight) {
            if (!freeLeft.contains(index)) {
                return "the index " + index + " is free on the right but not on the left: bind it with a sum or use "
                        + (freeLeft.isEmpty() ? "the left side's index" : "one of " + String.join(", ", freeLeft));
            }
        }
        for (Expr node : nodes(rhs)) {
            if (node instanceof Expr.Sum s && !usesIndex(s.body(), s.index())) {
                return "the sum over " + s.index() + " never uses " + s.index() + " in its body: check its indices";
            }
        }
        return null;
    }

    private boolean holds(Derivation base, Expr left, Repair r, Step failing) {
        Step step = new Step(1, failing.tex(), new Line(left, List.of(r.rhs()), r.condition()), Rule.SIMPLIFY, "", Map.of(),
                null, failing.sourceLine());
        Derivation d = new Derivation("hint", base.title(), "", base.notation(), r.assumptions(), List.of(step),
                base.source(), base.definitions());
        try {
            return quick.check(d).verdicts().get(0).holds() == Boolean.TRUE;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The chain rule with only the diagonal path: dL/dz_j = dL/ds_j ds_j/dz_j and no sum. */
    private String diagonalOnly(Expr left, Expr rhs, Notation n) {
        if (!(left instanceof Expr.Deriv d) || !(d.of() instanceof Expr.Sym loss) || !loss.name().equals(n.loss())
                || !d.wrt().name().equals(n.logits()) || d.wrt().indices().isEmpty()) {
            return null;
        }
        Expr j = d.wrt().indices().get(d.wrt().indices().size() - 1);
        for (Expr node : nodes(rhs)) {
            if (node instanceof Expr.Sum) {
                return null;
            }
        }
        for (Expr node : nodes(rhs)) {
            if (node instanceof Expr.Deriv inner && inner.of() instanceof Expr.Sym p && p.name().equals(n.probs())
                    && !p.indices().isEmpty() && p.indices().get(p.indices().size() - 1).equals(j)
                    && inner.wrt().equals(d.wrt())) {
                String zj = writer.write(d.wrt());
                return "only the path through " + writer.write(p) + ": " + zj + " reaches " + n.loss()
                        + " through every probability (they share one denominator), so the chain rule sums over all of them";
            }
        }
        return null;
    }

    private void factorRepairs(Derivation base, Expr rhs, Condition condition, Step failing, List<Repair> repairs) {
        Notation n = base.notation();
        if (n.batch() != null) {
            Expr size = new Expr.Sym(n.batch());
            repairs.add(new Repair(new Expr.Div(rhs, size), condition, base.assumptions(),
                    "a factor: the right side is " + n.batch() + " times the true value (the 1/" + n.batch()
                            + " of the batch mean is missing)"));
            repairs.add(new Repair(Exprs.mul(size, rhs), condition, base.assumptions(),
                    "a factor: the true value is " + n.batch() + " times the right side (an extra 1/" + n.batch() + ")"));
        }
        for (int c : new int[] {2, 3, 4}) {
            repairs.add(new Repair(new Expr.Div(rhs, Expr.Num.of(c)), condition, base.assumptions(),
                    "a factor: the right side is " + c + " times the true value (an extra factor of " + c + ")"));
            repairs.add(new Repair(Exprs.mul(Expr.Num.of(c), rhs), condition, base.assumptions(),
                    "a factor: the true value is " + c + " times the right side (a factor of " + c + " is missing)"));
        }
    }

    /** One index of one symbol in a sum's body swapped between the sum's index and a free index. */
    private void sumRepairs(Derivation base, Expr rhs, Condition condition, List<String> freeLeft, List<Repair> repairs) {
        Notation n = base.notation();
        for (Expr node : nodes(rhs)) {
            if (!(node instanceof Expr.Sum s)) {
                continue;
            }
            if (n.batch() != null && s.to() instanceof Expr.Sym to && to.name().equals(n.batch())
                    && !indexOfRow(s.body(), s.index(), n)) {
                Expr fixed = new Expr.Sum(s.index(), s.from(), new Expr.Sym(n.classes()), s.where(), s.body());
                repairs.add(new Repair(replace(rhs, node, fixed), condition, base.assumptions(),
                        "the sum over " + s.index() + " runs to " + n.batch() + " (the batch size), but it is over the "
                                + n.classes() + " classes"));
            }
            if (s.to() instanceof Expr.Sym to && to.name().equals(n.classes()) && n.batch() != null
                    && indexOfRow(s.body(), s.index(), n)) {
                Expr fixed = new Expr.Sum(s.index(), s.from(), new Expr.Sym(n.batch()), s.where(), s.body());
                repairs.add(new Repair(replace(rhs, node, fixed), condition, base.assumptions(),
                        "the sum over " + s.index() + " runs to " + n.classes() + " (the classes), but it is over the "
                                + n.batch() + " rows of the batch"));
            }
            for (String free : freeLeft) {
                for (Expr inner : nodes(s.body())) {
                    if (!(inner instanceof Expr.Sym sym) || sym.isPlain()) {
                        continue;
                    }
                    for (int i = 0; i < sym.indices().size(); i++) {
                        Expr idx = sym.indices().get(i);
                        String to = idx.equals(new Expr.Sym(s.index())) ? free
                                : idx.equals(new Expr.Sym(free)) ? s.index() : null;
                        if (to == null) {
                            continue;
                        }
                        List<Expr> indices = new ArrayList<>(sym.indices());
                        indices.set(i, new Expr.Sym(to));
                        Expr.Sym swapped = new Expr.Sym(sym.name(), indices);
                        Expr body = replace(s.body(), inner, swapped);
                        Expr sum = new Expr.Sum(s.index(), s.from(), s.to(), s.where(), body);
                        repairs.add(new Repair(replace(rhs, node, sum), condition, base.assumptions(),
                                "index: in the sum over " + s.index() + ", " + writer.write(sym) + " should be "
                                        + writer.write(swapped)));
                    }
                }
            }
        }
    }

    /** The step holds only in one index case: it is missing the other. */
    private void caseRepairs(Derivation base, Expr rhs, Condition condition, List<String> freeLeft, List<Repair> repairs) {
        for (int a = 0; a < freeLeft.size(); a++) {
            for (int b = a + 1; b < freeLeft.size(); b++) {
                String x = freeLeft.get(a);
                String y = freeLeft.get(b);
                for (Condition.Op op : Condition.Op.values()) {
                    List<Condition.Relation> more = new ArrayList<>(condition.relations());
                    Condition.Relation r = new Condition.Relation(new Expr.Sym(x), op, new Expr.Sym(y));
                    if (more.stream().anyMatch(m -> mentions(m, x) && mentions(m, y))) {
                        continue;
                    }
                    more.add(r);
                    String when = x + (op == Condition.Op.EQ ? " = " : " \\neq ") + y;
                    String other = x + (op == Condition.Op.EQ ? " \\neq " : " = ") + y;
                    repairs.add(new Repair(rhs, new Condition(more), base.assumptions(),
                            "this holds only when " + when + ": the case " + other + " is missing (state the case, or use \\delta_{"
                                    + x + y + "})"));
                }
            }
        }
    }

    private static boolean mentions(Condition.Relation r, String name) {
        return r.left().equals(new Expr.Sym(name)) || r.right().equals(new Expr.Sym(name));
    }

    /** True when the index is the row (first) index of a logit, label or probability in the body. */
    private static boolean indexOfRow(Expr body, String index, Notation n) {
        for (Expr e : nodes(body)) {
            if (e instanceof Expr.Sym s && s.indices().size() == 2 && s.indices().get(0).equals(new Expr.Sym(index))) {
                return true;
            }
            if (e instanceof Expr.Fn f && f.args().size() == 1 && f.args().get(0) instanceof Expr.Sym a
                    && a.indices().size() == 1 && a.indices().get(0).equals(new Expr.Sym(index))) {
                return true;
            }
        }
        return false;
    }

    private static boolean usesIndex(Expr body, String index) {
        Expr.Sym i = new Expr.Sym(index);
        for (Expr e : nodes(body)) {
            if (e instanceof Expr.Sym s && s.indices().contains(i) || e instanceof Expr.Fn f && f.indices().contains(i)
                    || e.equals(i) || e instanceof Expr.Delta d && (d.left().equals(i) || d.right().equals(i))) {
                return true;
            }
            if (e instanceof Expr.Deriv d && d.wrt().indices().contains(i)) {
                return true;
            }
            if (e instanceof Expr.Fn f && f.args().stream().anyMatch(a -> a instanceof Expr.Sym s && s.indices().contains(i))) {
                return true;
            }
        }
        return false;
    }

    private static List<Expr> terms(Expr e) {
        return e instanceof Expr.Add a ? a.terms() : List.of(e);
    }

    /** Every sub-expression, parents before children. */
    static List<Expr> nodes(Expr e) {
        List<Expr> out = new ArrayList<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, List<Expr> out) {
        out.add(e);
        for (Expr c : children(e)) {
            collect(c, out);
        }
    }

    private static List<Expr> children(Expr e) {
        if (e instanceof Expr.Add a) {
            return a.terms();
        }
        if (e instanceof Expr.Mul m) {
            return m.factors();
        }
        if (e instanceof Expr.Neg n) {
            return List.of(n.arg());
        }
        if (e instanceof Expr.Div d) {
            return List.of(d.numerator(), d.denominator());
        }
        if (e instanceof Expr.Pow p) {
            return List.of(p.base(), p.exponent());
        }
        if (e instanceof Expr.Exp x) {
            return List.of(x.arg());
        }
        if (e instanceof Expr.Log l) {
            return List.of(l.arg());
        }
        if (e instanceof Expr.Sum s) {
            return List.of(s.body());
        }
        if (e instanceof Expr.Deriv d) {
            return List.of(d.of());
        }
        if (e instanceof Expr.Fn f) {
            return f.args();
        }
        return List.of();
    }

    /** The expression with every occurrence of {@code target} (compared by identity first) replaced. */
    static Expr replace(Expr e, Expr target, Expr with) {
        return ExprMap.map(e, x -> x == target ? with : null);
    }
}
