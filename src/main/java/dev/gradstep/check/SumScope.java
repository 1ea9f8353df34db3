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

    /** The summation index outside its sum: free in the terms that follow. */
    static boolean usesIndex(List<Expr> terms, String index) {
        return Chains.freeIndices(terms, Condition.ALWAYS, Notation.DEFAULT).contains(index);
    }
}
