package dev.gradstep.check;

import dev.gradstep.derivation.Assumption;
import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.Notation;
import dev.gradstep.derivation.Rule;
import dev.gradstep.derivation.Step;
import dev.gradstep.expr.Condition;
import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Line;
import dev.gradstep.tex.TexWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The feedback on a wrong step: a hint (from {@link StudentHints}) and a corrected line. Every
 * candidate correction is checked by the same checker as the student's line, in the student's
 * notation, case, assumptions and definitions, and offered only if it holds; when none holds,
 * nothing is offered. The best candidate is the student's own line with the hint's one repair
 * (it keeps their structure); then library steps with the same left side, closest in shape
 * first, never an exercise's planted mistake nor a route with symbols the file does not use.
 */
final class Corrections {

    /** Most library candidates checked for one step: each is a full check. */
    private static final int MAX_LIBRARY_CHECKS = 3;

    private final DerivationChecker full;
    private final StudentHints hints;
    private final Supplier<List<Derivation>> library;
    private final TexWriter writer = new TexWriter();

    Corrections(DerivationChecker full, StudentHints hints, Supplier<List<Derivation>> library) {
        this.full = full;
        this.hints = hints;
        this.library = library;
    }

    /** A hint, its kind and a verified correction; any may be null. */
    record Feedback(String hint, HintKind kind, Correction correction) {
        static final Feedback NONE = new Feedback(null, null, null);
    }

    /**
     * Feedback for a wrong step whose right side {@code rhs} should equal the true value of
     * {@code left}. {@code fileNames} are the symbol names the student's file uses; {@code context}
     * the expressions of the step's chain, where the student's way of writing the probabilities
     * (as a function, {@code s(X_n)_i}) is found.
     */
    Feedback find(Derivation base, Expr left, Expr previous, Expr rhs, Condition condition, Step failing,
                  Set<String> fileNames, List<Expr> context, BooleanSupplier cancelled) {
        if (left == null || rhs == null) {
            return Feedback.NONE;
        }
        StepVerdict[] confirmed = new StepVerdict[1];
        StudentHints.Repair hint = hints.find(base, left, previous, rhs, condition, failing, cancelled, r -> {
            confirmed[0] = verdict(base, left, r.rhs(), r.condition(), r.assumptions(), failing, cancelled);
            return confirmed[0] != null && confirmed[0].holds() == Boolean.TRUE;
        });
        if (hint == null) {
            return new Feedback(null, null, cancelled.getAsBoolean() ? null
                    : fromLibrary(base, left, rhs, condition, failing, fileNames, context, cancelled));
        }
        if (hint.sameClaim(condition, base.assumptions()) && confirmed[0] != null) {
            return new Feedback(hint.hint(), hint.kind(), correction(left, hint.rhs(), hint.condition(), confirmed[0],
                    Correction.From.REPAIR));
        }
        Correction c = cancelled.getAsBoolean() ? null
                : fromLibrary(base, left, rhs, condition, failing, fileNames, context, cancelled);
        if (c == null && hint.rhs() != null && hint.assumptions().equals(base.assumptions()) && confirmed[0] != null) {
            // the line as it stands, with the case it holds in stated
            c = correction(left, hint.rhs(), hint.condition(), confirmed[0], Correction.From.REPAIR);
        }
        return new Feedback(hint.hint(), hint.kind(), c);
    }

    private Correction correction(Expr left, Expr rhs, Condition condition, StepVerdict v, Correction.From from) {
        return new Correction(writer.write(new Line(left, List.of(rhs), condition)), writer.write(rhs), rhs, condition,
                v.basisName(), v.detail(), from);
    }

    /** The full verdict on {@code left = rhs} in the student's setting; null when it could not be run. */
    private StepVerdict verdict(Derivation base, Expr left, Expr rhs, Condition condition, Set<Assumption> assumptions,
                                Step failing, BooleanSupplier cancelled) {
        if (rhs == null) {
            return null;
        }
        Step step = new Step(failing.number(), failing.tex(), new Line(left, List.of(rhs), condition), Rule.SIMPLIFY, "",
                Map.of(), null, failing.sourceLine());
        Derivation d = new Derivation("correction", base.title(), "", base.notation(), assumptions, List.of(step),
                base.source(), base.definitions());
        try {
            StepVerdict v = full.check(d, x -> { }, cancelled).verdicts().get(0);
            return v.outcome() == Outcome.UNDECIDED ? null : v;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The closest-shaped library line for this left side and case that holds in the student's setting. */
    private Correction fromLibrary(Derivation base, Expr left, Expr wrong, Condition condition, Step failing,
                                   Set<String> fileNames, List<Expr> context, BooleanSupplier cancelled) {
        List<Expr> candidates = candidates(base.notation(), left, wrong, condition, fileNames, context);
        int checks = 0;
        for (Expr c : candidates) {
            if (checks++ >= MAX_LIBRARY_CHECKS || cancelled.getAsBoolean()) {
                break;
            }
            StepVerdict v = verdict(base, left, c, condition, base.assumptions(), failing, cancelled);
            if (v != null && v.holds() == Boolean.TRUE) {
                return correction(left, c, condition, v, Correction.From.LIBRARY);
            }
        }
        return null;
    }

    /** Library right sides for the same left side and case, in the student's symbols, closest in shape first. */
    List<Expr> candidates(Notation student, Expr left, Expr wrong, Condition condition, Set<String> fileNames,
                          List<Expr> context) {
        Expr plainLeft = plain(left, student);
        // a line about the loss itself restates a definition: another route's expansion of it is no correction
        if (!(plainLeft instanceof Expr.Deriv) && !(plainLeft instanceof Expr.Sym p && p.name().equals(student.probs()))) {
            return List.of();
        }
        Expr.Fn template = template(student, context);
        Set<Expr> found = new LinkedHashSet<>();
        for (Derivation d : library.get()) {
            if (d.isExercise()) {
                continue;
            }
            Map<String, String> names = renaming(d.notation(), student);
            if (names == null) {
                continue;
            }
            List<Chains.Link> links;
            try {
                links = Chains.of(d.steps());
            } catch (IllegalArgumentException e) {
                continue;
            }
            for (Chains.Link link : links) {
                if (link.step().markedWrong()) {
                    continue;
                }
                Expr chainLeft = plain(rename(link.chainLeft(), names), student);
                Map<String, String> indices = indexPermutation(chainLeft, plainLeft, student);
                if (indices == null || !condition.equals(permute(ExprMap.map(link.condition(), renamer(names)), indices))) {
                    continue;
                }
                for (Expr right : link.rights()) {
                    Expr candidate = written(permute(rename(right, names), indices), student, template);
                    if (candidate == null || plain(candidate, student).equals(plain(wrong, student))) {
                        continue;
                    }
                    if (fileNames.containsAll(StudentChecker.names(candidate))) {
                        found.add(candidate);
                    }
                }
            }
        }
        String wrongShape = shape(wrong);
        String wrongTex = writer.write(wrong);
        Map<Expr, int[]> score = new HashMap<>();
        for (Expr c : found) {
            score.put(c, new int[] {distance(shape(c), wrongShape), distance(writer.write(c), wrongTex)});
        }
        // a line of another shape altogether is a different derivation, not a correction of this one
        List<Expr> out = new ArrayList<>(found.stream().filter(c -> 2 * score.get(c)[0]
                <= Math.max(shape(c).length(), wrongShape.length())).toList());
        out.sort(Comparator.<Expr>comparingInt(c -> score.get(c)[0]).thenComparingInt(c -> score.get(c)[1]));
        return out;
    }

    /**
     * The renaming of index letters (a permutation, so bound indices never clash with free ones)
     * that turns the library's left side into the student's ({@code \\partial L/\\partial z_j} into
     * {@code \\partial L/\\partial z_i}); empty when they are equal, null when no such renaming exists.
     */
    static Map<String, String> indexPermutation(Expr libraryLeft, Expr studentLeft, Notation n) {
        if (libraryLeft.equals(studentLeft)) {
            return Map.of();
        }
        List<String> from = Chains.freeIndices(List.of(libraryLeft), Condition.ALWAYS, n);
        List<String> to = Chains.freeIndices(List.of(studentLeft), Condition.ALWAYS, n);
        if (from.size() != to.size() || from.isEmpty()) {
            return null;
        }
        Map<String, String> perm = new HashMap<>();
        for (int k = 0; k < from.size(); k++) {
            perm.put(from.get(k), to.get(k));
        }
        List<String> freed = from.stream().filter(x -> !to.contains(x)).toList();
        List<String> taken = to.stream().filter(x -> !from.contains(x)).toList();
        for (int k = 0; k < taken.size(); k++) {
            perm.put(taken.get(k), freed.get(k));
        }
        return permute(libraryLeft, perm).equals(studentLeft) ? perm : null;
    }

    /** The expression with index letters renamed, bound ones (sum indices) included. */
    static Expr permute(Expr e, Map<String, String> perm) {
        if (perm.isEmpty()) {
            return e;
        }
        return ExprMap.map(e, new UnaryOperator<>() {
            @Override
            public Expr apply(Expr x) {
                if (x instanceof Expr.Sym s && s.isPlain() && perm.containsKey(s.name())) {
                    return new Expr.Sym(perm.get(s.name()));
                }
                if (x instanceof Expr.Sum s) {
                    return new Expr.Sum(perm.getOrDefault(s.index(), s.index()),
                            s.from() == null ? null : ExprMap.map(s.from(), this), s.to() == null ? null : ExprMap.map(s.to(), this),
                            ExprMap.map(s.where(), this), ExprMap.map(s.body(), this));
                }
                return null;
            }
        });
    }

    private static Condition permute(Condition c, Map<String, String> perm) {
        return perm.isEmpty() ? c : new Condition(c.relations().stream().map(r -> new Condition.Relation(
                permute(r.left(), perm), r.op(), permute(r.right(), perm))).toList());
    }

    /** The student's way of writing a probability as a function ({@code s(X_n)_i}, {@code \\sigma(A_i)}), or null. */
    static Expr.Fn template(Notation n, List<Expr> context) {
        for (Expr e : context) {
            if (e == null) {
                continue;
            }
            for (Expr x : StudentHints.nodes(e)) {
                if (x instanceof Expr.Fn f && f.name().equals(n.probs()) && f.args().size() == 1
                        && f.args().get(0) instanceof Expr.Sym) {
                    return f;
                }
            }
        }
        return null;
    }

    /** Probabilities written as the student writes them: {@code S_{n,i}} becomes {@code s(X_n)_i} where they do. */
    static Expr written(Expr e, Notation n, Expr.Fn template) {
        if (e == null || template == null) {
            return e;
        }
        Expr.Sym arg = (Expr.Sym) template.args().get(0);
        return ExprMap.map(e, x -> {
            if (!(x instanceof Expr.Sym s) || !s.name().equals(n.probs()) || s.isPlain()) {
                return null;
            }
            List<Expr> idx = s.indices();
            if (template.indices().isEmpty()) {
                return new Expr.Fn(template.name(), List.of(new Expr.Sym(arg.name(), idx)), List.of());
            }
            Expr.Sym a = n.batch() != null && idx.size() == 2 ? new Expr.Sym(arg.name(), List.of(idx.get(0))) : arg;
            return new Expr.Fn(template.name(), List.of(a), List.of(idx.get(idx.size() - 1)));
        });
    }

    /** The inverse of {@link #written}: a probability as a plain indexed symbol, for comparing lines. */
    static Expr plain(Expr e, Notation n) {
        return ExprMap.map(e, x -> {
            if (!(x instanceof Expr.Fn f) || !f.name().equals(n.probs()) || f.args().size() != 1
                    || !(f.args().get(0) instanceof Expr.Sym a)) {
                return null;
            }
            if (!f.indices().isEmpty()) {
                Expr cls = f.indices().get(f.indices().size() - 1);
                return n.batch() != null && a.indices().size() == 1 ? new Expr.Sym(n.probs(), List.of(a.indices().get(0), cls))
                        : new Expr.Sym(n.probs(), List.of(cls));
            }
            return a.isPlain() ? null : new Expr.Sym(n.probs(), a.indices());
        });
    }

    /** Library names to student names, or null when the two notations differ in kind (batch, one-hot, temperature). */
    static Map<String, String> renaming(Notation from, Notation to) {
        if ((from.batch() == null) != (to.batch() == null) || (from.onehot() == null) != (to.onehot() == null)
                || (from.temperature() == null) != (to.temperature() == null)) {
            return null;
        }
        Map<String, String> m = new HashMap<>();
        m.put(from.logits(), to.logits());
        m.put(from.probs(), to.probs());
        m.put(from.labels(), to.labels());
        m.put(from.loss(), to.loss());
        m.put(from.classes(), to.classes());
        if (from.batch() != null) {
            m.put(from.batch(), to.batch());
        }
        if (from.onehot() != null) {
            m.put(from.onehot(), to.onehot());
        }
        if (from.temperature() != null) {
            m.put(from.temperature(), to.temperature());
        }
        return m;
    }

    private static Expr rename(Expr e, Map<String, String> names) {
        return ExprMap.map(e, renamer(names));
    }

    /** Renames symbols and functions (with their indices and arguments); other nodes are rebuilt as they are. */
    private static UnaryOperator<Expr> renamer(Map<String, String> names) {
        return new UnaryOperator<>() {
            @Override
            public Expr apply(Expr x) {
                if (x instanceof Expr.Sym s) {
                    return new Expr.Sym(names.getOrDefault(s.name(), s.name()),
                            s.indices().stream().map(i -> ExprMap.map(i, this)).toList());
                }
                if (x instanceof Expr.Fn f) {
                    return new Expr.Fn(names.getOrDefault(f.name(), f.name()),
                            f.args().stream().map(a -> ExprMap.map(a, this)).toList(),
                            f.indices().stream().map(i -> ExprMap.map(i, this)).toList());
                }
                return null;
            }
        };
    }

    /** The tree's shape, one letter per node kind in prefix order: lines with the same structure look alike. */
    static String shape(Expr e) {
        StringBuilder sb = new StringBuilder();
        shape(e, sb);
        return sb.length() > 200 ? sb.substring(0, 200) : sb.toString();
    }

    private static void shape(Expr e, StringBuilder sb) {
        if (sb.length() > 200) {
            return;
        }
        sb.append(e instanceof Expr.Add ? '+' : e instanceof Expr.Mul ? '*' : e instanceof Expr.Neg ? '-'
                : e instanceof Expr.Div ? '/' : e instanceof Expr.Pow ? '^' : e instanceof Expr.Exp ? 'e'
                : e instanceof Expr.Log ? 'l' : e instanceof Expr.Sum ? 'S' : e instanceof Expr.Deriv ? 'd'
                : e instanceof Expr.Num ? 'n' : e instanceof Expr.Delta ? 'D' : 's');
        List<Expr> parts = StudentHints.children(e);
        if (!parts.isEmpty()) {
            sb.append('(');
            parts.forEach(p -> shape(p, sb));
            sb.append(')');
        }
    }

    /** Edit distance, capped in length so a long line stays cheap. */
    static int distance(String a, String b) {
        a = a.length() > 400 ? a.substring(0, 400) : a;
        b = b.length() > 400 ? b.substring(0, 400) : b;
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
