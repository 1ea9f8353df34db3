package dev.gradstep.check;

import dev.gradstep.derivation.Notation;
import dev.gradstep.expr.Condition;
import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Expr.Add;
import dev.gradstep.expr.Expr.Sum;
import java.util.ArrayList;
import java.util.List;

/**
 * The other reading of a sum's scope. The reader ends {@code \sum_i} at the end of its product term,
 * so {@code \sum_i a_i + b_i} is {@code (\sum_i a_i) + b_i}; when a later term of the same sum uses
 * the summation index, the author may have meant {@code \sum_i (a_i + b_i)}. This gives that wider
 * reading, or null when the line has no such sum.
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

    /** The summation index outside its sum: free in the terms that follow. */
    static boolean usesIndex(List<Expr> terms, String index) {
        return Chains.freeIndices(terms, Condition.ALWAYS, Notation.DEFAULT).contains(index);
    }
}
