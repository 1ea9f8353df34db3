package dev.gradstep.check;

import dev.gradstep.derivation.Notation;
import dev.gradstep.expr.Condition;
import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Expr.Add;
import dev.gradstep.expr.Expr.Sum;
import java.util.ArrayList;
import java.util.List;

/**
 * Other readings of an operator's scope, for a line that is wrong as read. The reader ends
 * {@code \sum_i} at the end of its product term, so {@code \sum_i a_i + b_i} is
 * {@code (\sum_i a_i) + b_i}; when a later term uses the summation index the author may have meant
 * {@code \sum_i (a_i + b_i)}. {@code \frac{\partial}{\partial a} f \cdot g} is read as
 * {@code (\partial f/\partial a) g}, perhaps meant as the derivative of the product; and in
 * {@code \frac{\partial}{\partial a}\left(\sum\right)^{-1}} the power may belong to the bracket.
 */
final class SumScope {

    private SumScope() {
    }

    /** The expression with every such sum widened over the terms after it, or null when there is none. */
    static Expr widened(Expr e) {
        boolean[] changed = {false};
        Expr out = ExprMap.map(e, node -> {
            Expr w = node instanceof Add a ? widen(a) : null;
            if (w != null) {
                changed[0] = true;
            }
            return w;
        });
        return changed[0] ? out : null;
    }

    private static Expr widen(Add a) {
        List<Expr> terms = a.terms();
        for (int t = 0; t < terms.size() - 1; t++) {
            if (terms.get(t) instanceof Sum s && usesIndex(terms.subList(t + 1, terms.size()), s.index())) {
                List<Expr> body = new ArrayList<>();
                body.add(s.body());
                body.addAll(terms.subList(t + 1, terms.size()));
                Expr wide = new Sum(s.index(), s.from(), s.to(), s.where(), new Add(body));
                List<Expr> out = new ArrayList<>(terms.subList(0, t));
                out.add(wide);
                return out.size() == 1 ? wide : new Add(out);
            }
        }
        return null;
    }

    /** A derivative operator applied to the whole product after it, or null when the line has none. */
    static Expr wholeProduct(Expr e) {
        boolean[] changed = {false};
        Expr out = ExprMap.map(e, node -> {
            if (node instanceof Expr.Mul m) {
                List<Expr> f = m.factors();
                for (int i = 0; i < f.size() - 1; i++) {
                    if (f.get(i) instanceof Expr.Deriv d) {
                        List<Expr> product = new ArrayList<>();
                        product.add(d.of());
                        product.addAll(f.subList(i + 1, f.size()));
                        List<Expr> kept = new ArrayList<>(f.subList(0, i));
                        kept.add(new Expr.Deriv(new Expr.Mul(product), d.wrt()));
                        changed[0] = true;
                        return kept.size() == 1 ? kept.get(0) : new Expr.Mul(kept);
                    }
                }
            }
            return null;
        });
        return changed[0] ? out : null;
    }

    /** {@code (\partial X / \partial a)^{p}} read as {@code \partial (X^{p}) / \partial a}, or null. */
    static Expr powerInside(Expr e) {
        boolean[] changed = {false};
        Expr out = ExprMap.map(e, node -> {
            if (node instanceof Expr.Pow p && p.base() instanceof Expr.Deriv d) {
                changed[0] = true;
                return new Expr.Deriv(new Expr.Pow(d.of(), p.exponent()), d.wrt());
            }
            return null;
        });
        return changed[0] ? out : null;
    }

    /** Most terms of a written-out sum read as naming every class: beyond this it is not a list of classes. */
    private static final int MAX_NAMED_CLASSES = 6;

    /**
     * A sum written out over classes named by letters ({@code e^{z_a}+e^{z_b}+e^{z_c}}, "three outputs
     * a, b, c" in the prose) read as the sum over all the classes: the terms are one body with a
     * different free index letter each, and one of those letters is free on the left too. Null when the
     * line has no such sum. The result holds the terms' count, so the reading can say "K = 3".
     */
    static Named namedClasses(Expr e, List<String> leftIndices, String classes) {
        Named[] found = {null};
        Expr out = ExprMap.map(e, node -> {
            if (found[0] != null || !(node instanceof Add a) || a.terms().size() < 2
                    || a.terms().size() > MAX_NAMED_CLASSES) {
                return null;
            }
            String fresh = "k'";
            Expr body = null;
            List<String> letters = new ArrayList<>();
            for (Expr term : a.terms()) {
                List<String> free = Chains.freeIndices(List.of(term), Condition.ALWAYS, Notation.DEFAULT);
                if (free.size() != 1 || letters.contains(free.get(0))) {
                    return null;
                }
                String letter = free.get(0);
                Expr renamed = ExprMap.map(term, n -> n instanceof Expr.Sym s && s.isPlain() && s.name().equals(letter)
                        ? new Expr.Sym(fresh) : null);
                if (body != null && !body.equals(renamed)) {
                    return null;
                }
                body = renamed;
                letters.add(letter);
            }
            if (letters.stream().noneMatch(leftIndices::contains)) {
                return null;
            }
            String index = "k";
            while (letters.contains(index) || leftIndices.contains(index)) {
                index = index + "'";
            }
            String k = index;
            Expr sumBody = ExprMap.map(body, n -> n instanceof Expr.Sym s && s.isPlain() && s.name().equals(fresh)
                    ? new Expr.Sym(k) : null);
            found[0] = new Named(null, letters);
            return new Sum(k, dev.gradstep.expr.Exprs.ONE, new Expr.Sym(classes), Condition.ALWAYS, sumBody);
        });
        return found[0] == null ? null : new Named(out, found[0].letters());
    }

    /** A line with its written-out sum over named classes read as the sum over all classes, and the letters. */
    record Named(Expr expr, List<String> letters) {
    }

    /** The summation index outside its sum: free in the terms that follow. */
    static boolean usesIndex(List<Expr> terms, String index) {
        return Chains.freeIndices(terms, Condition.ALWAYS, Notation.DEFAULT).contains(index);
    }
}
