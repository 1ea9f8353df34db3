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
 * sign), one term negated, a constant factor, a factor dropped from a term, a term missing from the
 * previous line, a sum that should not be there or that was collapsed to one term, an index swapped
 * in a sum, the Jacobian's diagonal only, the case it only holds in, a one-hot label or labels that
 * must sum to one. Each repair is checked by numbers before it is offered, so a hint is never a
 * guess; {@link Corrections} checks the repaired line again in full before offering it.
 */
final class StudentHints {

    /** Most repairs tried per step: bounds the time a hopeless line costs. */
    private static final int MAX_TRIES = 60;

    private final DerivationChecker quick;
    private final TexWriter writer = new TexWriter();

    StudentHints(CheckSettings settings) {
        this.quick = new DerivationChecker(null, new CheckSettings(settings.minClasses(),
                Math.min(settings.maxClasses(), settings.minClasses() + 2), 1, settings.seed(), settings.symbolicTimeout(),
                settings.symbolicMaxClasses()));
    }

    /**
     * A repair: the repaired right side, condition and assumptions, the kind of mistake it names and
     * the hint it gives when it makes the step hold. {@code rhs} is null for a hint that states a
     * fact about the line (an index free on one side only) and repairs nothing.
     */
    record Repair(Expr rhs, Condition condition, Set<Assumption> assumptions, HintKind kind, String hint) {

        /** True when the repair changes only the right side: the repaired line is then a correction as it stands. */
        boolean sameClaim(Condition original, Set<Assumption> base) {
            return rhs != null && condition.equals(original) && assumptions.equals(base);
        }
    }

    /**
     * A hint for a failing step, or null when no small repair explains it. {@code confirm} sees each
     * repair the quick numbers confirm and may still refuse it (the full check disagrees); the first
     * it accepts is the hint. A hint that repairs nothing comes only when no repair was confirmed.
     */
    Repair find(Derivation base, Expr left, Expr previous, Expr rhs, Condition condition, Step failing,
                BooleanSupplier cancelled, java.util.function.Predicate<Repair> confirm) {
        if (left == null || rhs == null) {
            return null;
        }
        Notation n = base.notation();
        List<String> freeLeft = Chains.freeIndices(List.of(left), condition, n);
        List<String> freeRight = Chains.freeIndices(List.of(rhs), condition, n);
        List<Repair> repairs = new ArrayList<>();
        diagonalOnly(base, left, rhs, condition, repairs);
        for (Expr node : nodes(rhs)) {
            if (node instanceof Expr.Sum s && freeLeft.contains(s.index()) && !freeRight.contains(s.index())) {
                repairs.add(new Repair(replace(rhs, node, s.body()), condition, base.assumptions(), HintKind.SUM_KEPT,
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
                    repairs.add(new Repair(replace(rhs, node, body), condition, base.assumptions(), HintKind.INDEX_FOR_SUM,
                            "index: remove the sum over " + s.index() + " and write " + missing + " for " + s.index()
                                    + ": the left side has one value for each " + missing));
                }
            }
        }
        if (!base.assumptions().contains(Assumption.LABELS_SUM_TO_ONE) && n.onehot() == null) {
            labelSumRepairs(base, left, rhs, condition, repairs);
            repairs.add(new Repair(rhs, condition, EnumSet.of(Assumption.LABELS_SUM_TO_ONE), HintKind.LABELS_SUM_ASSUMED,
                    "this holds only when the labels sum to one, and here they need not (labelsum=any): keep the factor "
                            + "\\sum_i " + n.labels() + "_i"));
        }
        oneHotRepairs(base, left, previous, rhs, condition, freeLeft, repairs);
        repairs.add(new Repair(negated(rhs), condition, base.assumptions(), HintKind.SIGN,
                "sign: the right side is the negative of the true value"));
        factorRepairs(base, rhs, condition, failing, repairs);
        if (rhs instanceof Expr.Add a) {
            for (int t = 0; t < a.terms().size(); t++) {
                List<Expr> terms = new ArrayList<>(a.terms());
                Expr term = terms.get(t);
                terms.set(t, Exprs.neg(term));
                repairs.add(new Repair(Exprs.add(terms), condition, base.assumptions(), HintKind.SIGN_IN_TERM,
                        "sign: the term " + writer.write(term) + " has the wrong sign"));
            }
        }
        droppedFactors(base, left, previous, rhs, condition, repairs);
        sumRepairs(base, rhs, condition, freeLeft, freeRight, repairs);
        unusedSumIndex(base, rhs, condition, repairs);
        collapsedSums(base, left, previous, rhs, condition, freeLeft, repairs);
        if (previous != null) {
            for (Expr t : terms(previous)) {
                repairs.add(new Repair(Exprs.add(rhs, t), condition, base.assumptions(), HintKind.MISSING_TERM,
                        "a term of the previous line is missing: " + writer.write(t)));
            }
        }
        if (rhs instanceof Expr.Add a) {
            for (Expr t : a.terms()) {
                List<Expr> rest = new ArrayList<>(a.terms());
                rest.remove(t);
                repairs.add(new Repair(Exprs.add(rest), condition, base.assumptions(), HintKind.EXTRA_TERM,
                        "the term " + writer.write(t) + " should not be there"));
            }
        }
        caseRepairs(base, left, rhs, condition, freeLeft, repairs);
        int tries = 0;
        for (Repair r : repairs) {
            if (cancelled.getAsBoolean() || tries++ >= MAX_TRIES) {
                break;
            }
            if (holds(base, left, r, failing) && !cancelled.getAsBoolean() && confirm.test(r)) {
                return r;
            }
        }
        String fact = structural(rhs, freeLeft, freeRight);
        return fact == null ? null : new Repair(null, condition, base.assumptions(), HintKind.FREE_INDEX, fact);
    }

    /** What the indices of a line say is wrong, without repairing it: true of the line as written. */
    private static String structural(Expr rhs, List<String> freeLeft, List<String> freeRight) {
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

    /**
     * The chain rule with only the diagonal path ({@code dL/dz_j = dL/ds_j ds_j/dz_j}, no sum): the
     * repair sums the same product over every probability, with a fresh index.
     */
    private void diagonalOnly(Derivation base, Expr left, Expr rhs, Condition condition, List<Repair> repairs) {
        Notation n = base.notation();
        if (!(left instanceof Expr.Deriv d) || !(d.of() instanceof Expr.Sym loss) || !loss.name().equals(n.loss())
                || !d.wrt().name().equals(n.logits()) || d.wrt().indices().isEmpty()) {
            return;
        }
        Expr j = d.wrt().indices().get(d.wrt().indices().size() - 1);
        for (Expr node : nodes(rhs)) {
            if (node instanceof Expr.Sum) {
                return;
            }
        }
        for (Expr node : nodes(rhs)) {
            if (node instanceof Expr.Deriv inner && inner.of() instanceof Expr.Sym p && p.name().equals(n.probs())
                    && !p.indices().isEmpty() && p.indices().get(p.indices().size() - 1).equals(j)
                    && inner.wrt().equals(d.wrt())) {
                String k = freshIndex(List.of(left, rhs));
                List<Expr> indices = new ArrayList<>(p.indices());
                indices.set(indices.size() - 1, new Expr.Sym(k));
                Expr.Sym pk = new Expr.Sym(p.name(), indices);
                Expr body = ExprMap.map(rhs, x -> x.equals(p) ? pk : null);
                Expr sum = new Expr.Sum(k, Expr.Num.of(1), new Expr.Sym(n.classes()), Condition.ALWAYS, body);
                String zj = writer.write(d.wrt());
                repairs.add(new Repair(sum, condition, base.assumptions(), HintKind.DIAGONAL_ONLY,
                        "only the path through " + writer.write(p) + ": " + zj + " reaches " + n.loss()
                                + " through every probability (they share one denominator), so the chain rule sums over all of them"));
                return;
            }
        }
    }

    /** The negative, term by term where the side is a sum ({@code y_j - s_j} becomes {@code -y_j + s_j}). */
    static Expr negated(Expr rhs) {
        return rhs instanceof Expr.Add a ? Exprs.add(a.terms().stream().map(Exprs::neg).toList()) : Exprs.neg(rhs);
    }

    /** The side divided by c, cancelling a factor c where each term has one ({@code 2 q_j - 2 t_j} becomes {@code q_j - t_j}). */
    static Expr divided(Expr rhs, int c) {
        Expr cancelled = cancel(rhs, Expr.Num.of(c));
        return cancelled != null ? cancelled : new Expr.Div(rhs, Expr.Num.of(c));
    }

    private static Expr cancel(Expr e, Expr.Num c) {
        if (e instanceof Expr.Add a) {
            List<Expr> out = new ArrayList<>();
            for (Expr t : a.terms()) {
                Expr x = cancel(t, c);
                if (x == null) {
                    return null;
                }
                out.add(x);
            }
            return Exprs.add(out);
        }
        if (e instanceof Expr.Neg n) {
            Expr x = cancel(n.arg(), c);
            return x == null ? null : Exprs.neg(x);
        }
        if (e instanceof Expr.Mul m && m.factors().contains(c)) {
            List<Expr> rest = new ArrayList<>(m.factors());
            rest.remove(c);
            return Exprs.mul(rest);
        }
        return null;
    }

    /**
     * {@code s_j - y_j} where the labels need not sum to one: the repair keeps the factor
     * {@code \sum_k y_k} on the term with the probability and no label.
     */
    private void labelSumRepairs(Derivation base, Expr left, Expr rhs, Condition condition, List<Repair> repairs) {
        Notation n = base.notation();
        if (n.batch() != null) {
            return;
        }
        List<Expr> terms = terms(rhs);
        for (int t = 0; t < terms.size(); t++) {
            Set<String> used = StudentChecker.names(terms.get(t));
            if (!used.contains(n.probs()) || used.contains(n.labels())) {
                continue;
            }
            String k = freshIndex(List.of(left, rhs));
            Expr sum = new Expr.Sum(k, Expr.Num.of(1), new Expr.Sym(n.classes()), Condition.ALWAYS,
                    new Expr.Sym(n.labels(), List.of(new Expr.Sym(k))));
            Expr term = terms.get(t);
            Expr bare = term instanceof Expr.Neg neg ? neg.arg() : term;
            List<Expr> fixed = new ArrayList<>(terms);
            fixed.set(t, term instanceof Expr.Neg ? Exprs.neg(Exprs.mul(bare, sum)) : Exprs.mul(bare, sum));
            repairs.add(new Repair(Exprs.add(fixed), condition, base.assumptions(), HintKind.LABELS_SUM_ASSUMED,
                    "this holds only when the labels sum to one, and here they need not (labelsum=any): keep the factor "
                            + writer.write(sum)));
        }
    }

    /** An index letter the expressions do not use. */
    static String freshIndex(List<Expr> used) {
        Set<String> names = new java.util.HashSet<>();
        for (Expr e : used) {
            for (Expr x : nodes(e)) {
                if (x instanceof Expr.Sym s) {
                    names.add(s.name());
                    s.indices().forEach(i -> nodes(i).forEach(y -> {
                        if (y instanceof Expr.Sym t) {
                            names.add(t.name());
                        }
                    }));
                } else if (x instanceof Expr.Sum s) {
                    names.add(s.index());
                } else if (x instanceof Expr.Fn f) {
                    f.indices().forEach(i -> nodes(i).forEach(y -> {
                        if (y instanceof Expr.Sym t) {
                            names.add(t.name());
                        }
                    }));
                } else if (x instanceof Expr.Deriv dv) {
                    names.add(dv.wrt().name());
                    dv.wrt().indices().forEach(i -> nodes(i).forEach(y -> {
                        if (y instanceof Expr.Sym t) {
                            names.add(t.name());
                        }
                    }));
                }
            }
        }
        for (String c : List.of("k", "m", "l", "i", "j", "r", "q")) {
            if (!names.contains(c)) {
                return c;
            }
        }
        return "k'";
    }

    /**
     * The label written as 1, as if the labels were one-hot at the free index
     * ({@code \sigma(A_i) - Y_i = \sigma(A_i) - 1}): the repair writes the label back.
     */
    private void oneHotRepairs(Derivation base, Expr left, Expr previous, Expr rhs, Condition condition,
                               List<String> freeLeft, List<Repair> repairs) {
        Notation n = base.notation();
        if (n.onehot() != null || freeLeft.isEmpty()) {
            return;
        }
        Set<Expr> labels = new java.util.LinkedHashSet<>();
        for (Expr e : java.util.Arrays.asList(previous, rhs, left)) {
            if (e == null) {
                continue;
            }
            for (Expr x : nodes(e)) {
                if (x instanceof Expr.Sym s && s.name().equals(n.labels()) && !s.isPlain()
                        && s.indices().stream().allMatch(i -> i instanceof Expr.Sym is && freeLeft.contains(is.name()))) {
                    labels.add(s);
                }
            }
        }
        if (labels.isEmpty() && freeLeft.size() == 1 && n.batch() == null) {
            labels.add(new Expr.Sym(n.labels(), List.of(new Expr.Sym(freeLeft.get(0)))));
        }
        List<Expr> ones = nodes(rhs).stream().filter(x -> x instanceof Expr.Num num && Exprs.isOne(num)).toList();
        for (Expr label : labels) {
            for (Expr one : ones) {
                Expr fixed = ExprMap.map(rhs, x -> x == one ? label : null);
                if (fixed.equals(rhs)) {
                    continue;
                }
                String y = writer.write(label);
                repairs.add(new Repair(fixed, condition, base.assumptions(), HintKind.ONE_HOT_ASSUMED,
                        "one-hot: " + y + " is written as 1, which holds only when the labels are one-hot and the index is the "
                                + "true class; the file does not assume that, so keep " + y));
            }
        }
    }

    /**
     * A factor dropped while multiplying out ({@code -y_i(1 - p_i) = -y_i + p_i}): one term of the
     * line multiplied by an indexed factor of the line before (or of the left side's quantities).
     */
    private void droppedFactors(Derivation base, Expr left, Expr previous, Expr rhs, Condition condition,
                                List<Repair> repairs) {
        if (previous == null) {
            return;
        }
        Notation n = base.notation();
        Set<Expr> factors = new java.util.LinkedHashSet<>();
        for (Expr x : nodes(previous)) {
            if (x instanceof Expr.Mul m) {
                for (Expr f : m.factors()) {
                    if (f instanceof Expr.Sym s && !s.isPlain() && !s.name().equals(n.logits())) {
                        factors.add(f);
                    }
                }
            }
        }
        List<Expr> terms = terms(rhs);
        for (Expr f : factors.stream().limit(3).toList()) {
            for (int t = 0; t < terms.size() && t < 4; t++) {
                Expr term = terms.get(t);
                Expr bare = term instanceof Expr.Neg neg ? neg.arg() : term;
                if (nodes(bare).contains(f)) {
                    continue;
                }
                Expr times = Exprs.mul(f, bare);
                List<Expr> fixed = new ArrayList<>(terms);
                fixed.set(t, term instanceof Expr.Neg ? Exprs.neg(times) : times);
                repairs.add(new Repair(Exprs.add(fixed), condition, base.assumptions(), HintKind.DROPPED_FACTOR,
                        "a factor dropped: the term " + writer.write(term) + " should be " + writer.write(fixed.get(t))
                                + " (multiply every term of the bracket by " + writer.write(f) + ")"));
            }
        }
    }

    /**
     * A sum collapsed to one of its terms ({@code -Y_i(1 - \sigma(A_i))} for the whole chain-rule
     * sum): the terms with the summation index different from the free one are added back, from the
     * sum on the line before, or as the softmax's off-diagonal terms when there is no line before.
     */
    private void collapsedSums(Derivation base, Expr left, Expr previous, Expr rhs, Condition condition,
                               List<String> freeLeft, List<Repair> repairs) {
        Notation n = base.notation();
        for (String free : freeLeft) {
            List<Expr> others = new ArrayList<>();
            // the softmax's off-diagonal terms first: the line the student was heading for
            if (n.batch() == null && left instanceof Expr.Deriv d && d.of() instanceof Expr.Sym loss
                    && loss.name().equals(n.loss()) && d.wrt().name().equals(n.logits()) && d.wrt().indices().size() == 1) {
                String k = freshIndex(previous == null ? List.of(left, rhs) : List.of(left, rhs, previous));
                Expr body = Exprs.mul(new Expr.Sym(n.labels(), List.of(new Expr.Sym(k))),
                        Corrections.written(new Expr.Sym(n.probs(), List.of(new Expr.Sym(free))), n,
                                Corrections.template(n, java.util.Arrays.asList(left, rhs, previous))));
                others.add(new Expr.Sum(k, null, null, notEqual(k, free), body));
            }
            if (previous != null) {
                for (Expr x : nodes(previous)) {
                    if (x instanceof Expr.Sum s && s.where().isAlways() && !freeLeft.contains(s.index())
                            && usesIndex(s.body(), free)) {
                        others.add(new Expr.Sum(s.index(), null, null, notEqual(s.index(), free), s.body()));
                    }
                }
            }
            for (Expr other : others) {
                String what = writer.write(other);
                repairs.add(new Repair(Exprs.add(rhs, other), condition, base.assumptions(), HintKind.SUM_COLLAPSED,
                        "a sum collapsed to one term: this is only the term where the summation index equals " + free
                                + "; the other terms, " + what + ", are missing"));
            }
        }
    }

    private static Condition notEqual(String index, String free) {
        return new Condition(List.of(new Condition.Relation(new Expr.Sym(index), Condition.Op.NE, new Expr.Sym(free))));
    }

    private void factorRepairs(Derivation base, Expr rhs, Condition condition, Step failing, List<Repair> repairs) {
        Notation n = base.notation();
        if (n.batch() != null) {
            Expr size = new Expr.Sym(n.batch());
            repairs.add(new Repair(new Expr.Div(rhs, size), condition, base.assumptions(), HintKind.MISSING_1_OVER_N,
                    "a factor: the right side is " + n.batch() + " times the true value (the 1/" + n.batch()
                            + " of the batch mean is missing)"));
            repairs.add(new Repair(Exprs.mul(size, rhs), condition, base.assumptions(), HintKind.MISSING_1_OVER_N,
                    "a factor: the true value is " + n.batch() + " times the right side (an extra 1/" + n.batch() + ")"));
        }
        for (int c : new int[] {2, 3, 4}) {
            HintKind kind = c == 2 ? HintKind.FACTOR_TWO : HintKind.FACTOR;
            repairs.add(new Repair(divided(rhs, c), condition, base.assumptions(), kind,
                    "a factor: the right side is " + c + " times the true value (an extra factor of " + c + ")"));
            repairs.add(new Repair(Exprs.mul(Expr.Num.of(c), rhs), condition, base.assumptions(), kind,
                    "a factor: the true value is " + c + " times the right side (a factor of " + c + " is missing)"));
        }
    }

    /** One index of one symbol in a sum's body swapped between the sum's index and a free index. */
    private void sumRepairs(Derivation base, Expr rhs, Condition condition, List<String> freeLeft, List<String> freeRight,
                            List<Repair> repairs) {
        // a letter free on the right only ({@code \\sum_i e^{\\theta_j}} for a line about k) may be the sum's own index
        List<String> letters = new ArrayList<>(freeLeft);
        freeRight.stream().filter(x -> !freeLeft.contains(x)).forEach(letters::add);
        Notation n = base.notation();
        for (Expr node : nodes(rhs)) {
            if (!(node instanceof Expr.Sum s)) {
                continue;
            }
            if (n.batch() != null && s.to() instanceof Expr.Sym to && to.name().equals(n.batch())
                    && !indexOfRow(s.body(), s.index(), n)) {
                Expr fixed = new Expr.Sum(s.index(), s.from(), new Expr.Sym(n.classes()), s.where(), s.body());
                repairs.add(new Repair(replace(rhs, node, fixed), condition, base.assumptions(), HintKind.SUM_BOUND,
                        "the sum over " + s.index() + " runs to " + n.batch() + " (the batch size), but it is over the "
                                + n.classes() + " classes"));
            }
            if (s.to() instanceof Expr.Sym to && to.name().equals(n.classes()) && n.batch() != null
                    && indexOfRow(s.body(), s.index(), n)) {
                Expr fixed = new Expr.Sum(s.index(), s.from(), new Expr.Sym(n.batch()), s.where(), s.body());
                repairs.add(new Repair(replace(rhs, node, fixed), condition, base.assumptions(), HintKind.SUM_BOUND,
                        "the sum over " + s.index() + " runs to " + n.classes() + " (the classes), but it is over the "
                                + n.batch() + " rows of the batch"));
            }
            for (String free : letters) {
                boolean rightOnly = !freeLeft.contains(free);
                for (Expr inner : nodes(s.body())) {
                    if (!(inner instanceof Expr.Sym sym) || sym.isPlain()) {
                        continue;
                    }
                    for (int i = 0; i < sym.indices().size(); i++) {
                        Expr idx = sym.indices().get(i);
                        String to = idx.equals(new Expr.Sym(s.index())) && !rightOnly ? free
                                : idx.equals(new Expr.Sym(free)) ? s.index() : null;
                        if (to == null) {
                            continue;
                        }
                        List<Expr> indices = new ArrayList<>(sym.indices());
                        indices.set(i, new Expr.Sym(to));
                        Expr.Sym swapped = new Expr.Sym(sym.name(), indices);
                        Expr body = replace(s.body(), inner, swapped);
                        Expr sum = new Expr.Sum(s.index(), s.from(), s.to(), s.where(), body);
                        boolean denominator = nodes(s.body()).stream().anyMatch(x -> x instanceof Expr.Exp);
                        repairs.add(new Repair(replace(rhs, node, sum), condition, base.assumptions(),
                                denominator ? HintKind.DENOMINATOR_INDEX : HintKind.SWAPPED_INDEX,
                                (denominator ? "the softmax denominator sums over " + s.index() + ", so its exponent must use "
                                        + s.index() + ": " : "index: in the sum over " + s.index() + ", ")
                                        + writer.write(sym) + " should be " + writer.write(swapped)));
                    }
                }
            }
        }
    }

    /**
     * A sum whose body never uses its index ({@code \\sum_k y_i} where {@code \\sum_k t_k y_i} was
     * meant): the label of that index, dropped, is put back.
     */
    private void unusedSumIndex(Derivation base, Expr rhs, Condition condition, List<Repair> repairs) {
        Notation n = base.notation();
        if (n.batch() != null) {
            return;
        }
        for (Expr node : nodes(rhs)) {
            if (node instanceof Expr.Sum s && !usesIndex(s.body(), s.index())) {
                Expr label = new Expr.Sym(n.labels(), List.of(new Expr.Sym(s.index())));
                Expr body = Exprs.mul(label, s.body());
                Expr sum = new Expr.Sum(s.index(), s.from(), s.to(), s.where(), body);
                repairs.add(new Repair(replace(rhs, node, sum), condition, base.assumptions(), HintKind.DROPPED_FACTOR,
                        "a factor dropped: the sum over " + s.index() + " never uses " + s.index() + "; "
                                + writer.write(s.body()) + " should be " + writer.write(body)));
            }
        }
    }

    /** The step holds only in one index case: it is missing the other. */
    private void caseRepairs(Derivation base, Expr left, Expr rhs, Condition condition, List<String> freeLeft,
                             List<Repair> repairs) {
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
                    boolean jacobian = op == Condition.Op.EQ && base.notation() != null && isJacobian(left, base.notation());
                    repairs.add(new Repair(rhs, new Condition(more), base.assumptions(),
                            jacobian ? HintKind.DIAGONAL_ONLY : HintKind.CASE_MISSING,
                            (jacobian ? "only the diagonal of the Jacobian: " : "") + "this holds only when " + when + ": the case " + other + " is missing (state the case, or use \\delta_{"
                                    + x + y + "})"));
                }
            }
        }
    }

    /** {@code \\partial s_i / \\partial z_j}: a derivative of a probability by a logit. */
    private static boolean isJacobian(Expr left, Notation n) {
        return left instanceof Expr.Deriv d && d.wrt().name().equals(n.logits())
                && (d.of() instanceof Expr.Sym p && p.name().equals(n.probs())
                || d.of() instanceof Expr.Fn f && f.name().equals(n.probs()));
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

    static List<Expr> children(Expr e) {
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
