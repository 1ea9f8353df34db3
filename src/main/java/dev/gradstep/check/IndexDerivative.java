package dev.gradstep.check;

import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Expr.Add;
import dev.gradstep.expr.Expr.Delta;
import dev.gradstep.expr.Expr.Div;
import dev.gradstep.expr.Expr.Exp;
import dev.gradstep.expr.Expr.Log;
import dev.gradstep.expr.Expr.Mul;
import dev.gradstep.expr.Expr.Neg;
import dev.gradstep.expr.Expr.Num;
import dev.gradstep.expr.Expr.Pow;
import dev.gradstep.expr.Expr.Sum;
import dev.gradstep.expr.Expr.Sym;
import dev.gradstep.expr.Exprs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Differentiation in index notation, for showing a rule's parts: d e^{z_i} / d z_j is
 * {@code \delta_{ij} e^{z_i}}, and a sum over a delta collapses ({@code \sum_k \delta_{kj} e^{z_k}}
 * is {@code e^{z_j}}). Only the variable's own symbol depends on it; empty when an expression has
 * something this cannot take apart. Its answers are confirmed by the CAS before they are trusted.
 */
final class IndexDerivative {

    private final String classes;

    /** @param classes the class-count symbol: only sums over the whole range 1..K collapse */
    IndexDerivative(String classes) {
        this.classes = classes;
    }

    Optional<Expr> of(Expr e, Sym wrt) {
        try {
            return Optional.of(d(e, wrt));
        } catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    private Expr d(Expr e, Sym v) {
        if (e instanceof Num) {
            return Exprs.ZERO;
        }
        if (e instanceof Sym s) {
            return symbol(s, v);
        }
        if (e instanceof Add a) {
            List<Expr> terms = new ArrayList<>();
            a.terms().forEach(t -> terms.add(d(t, v)));
            return Exprs.add(terms);
        }
        if (e instanceof Mul m) {
            return Differentiator.productRule(m.factors(), f -> d(f, v));
        }
        if (e instanceof Neg n) {
            return Exprs.neg(d(n.arg(), v));
        }
        if (e instanceof Div q) {
            Expr da = d(q.numerator(), v);
            Expr db = d(q.denominator(), v);
            Expr top = Exprs.sub(Exprs.mul(da, q.denominator()), Exprs.mul(q.numerator(), db));
            return Exprs.div(top, new Pow(q.denominator(), Num.of(2)));
        }
        if (e instanceof Pow p && p.exponent() instanceof Num n) {
            Expr db = d(p.base(), v);
            Num lower = new Num(n.value().subtract(java.math.BigDecimal.ONE));
            Expr power = Exprs.isOne(lower) ? p.base() : new Pow(p.base(), lower);
            return Exprs.mul(List.of(n, power, db));
        }
        if (e instanceof Exp x) {
            return Exprs.mul(d(x.arg(), v), e);
        }
        if (e instanceof Log l) {
            return Exprs.div(d(l.arg(), v), l.arg());
        }
        if (e instanceof Sum s) {
            return collapse(new Sum(s.index(), s.from(), s.to(), s.where(), d(s.body(), v)));
        }
        throw new IllegalArgumentException("cannot differentiate " + e.getClass().getSimpleName() + " in index form");
    }

    /** Another symbol is independent; the variable's own symbol gives a delta per index. */
    private static Expr symbol(Sym s, Sym v) {
        if (!s.name().equals(v.name())) {
            return Exprs.ZERO;
        }
        if (s.indices().size() != v.indices().size()) {
            throw new IllegalArgumentException("index count differs");
        }
        List<Expr> deltas = new ArrayList<>();
        for (int k = 0; k < s.indices().size(); k++) {
            Expr a = s.indices().get(k);
            Expr b = v.indices().get(k);
            if (!a.equals(b)) {
                deltas.add(new Delta(a, b));
            }
        }
        return Exprs.mul(deltas);
    }

    /** {@code \sum_k \delta_{kj} f(k)} over the whole range is {@code f(j)}; 0 sums vanish. */
    private Expr collapse(Sum s) {
        if (Exprs.isZero(s.body())) {
            return Exprs.ZERO;
        }
        boolean wholeRange = (s.from() == null || Exprs.isOne(s.from()))
                && (s.to() == null || s.to() instanceof Sym t && t.isPlain() && t.name().equals(classes));
        if (!s.where().isAlways() || !wholeRange) {
            return s;
        }
        List<Expr> factors = s.body() instanceof Mul m ? m.factors() : List.of(s.body());
        for (int i = 0; i < factors.size(); i++) {
            if (factors.get(i) instanceof Delta delta) {
                Expr other = bound(delta, s.index());
                if (other != null) {
                    List<Expr> rest = new ArrayList<>(factors);
                    rest.remove(i);
                    return rename(Exprs.mul(rest), s.index(), other);
                }
            }
        }
        return s;
    }

    private static Expr bound(Delta delta, String index) {
        Sym k = new Sym(index);
        if (delta.left().equals(k) && !delta.right().equals(k)) {
            return delta.right();
        }
        if (delta.right().equals(k) && !delta.left().equals(k)) {
            return delta.left();
        }
        return null;
    }

    /** Puts {@code to} for the free index {@code index} (a collapsed sum's variable). */
    private static Expr rename(Expr e, String index, Expr to) {
        if (e instanceof Sym sym) {
            if (sym.isPlain()) {
                return sym.name().equals(index) ? to : sym;
            }
            List<Expr> idx = new ArrayList<>();
            sym.indices().forEach(i -> idx.add(rename(i, index, to)));
            return new Sym(sym.name(), idx);
        }
        if (e instanceof Num) {
            return e;
        }
        Expr arithmetic = Exprs.mapArithmetic(e, t -> rename(t, index, to));
        if (arithmetic != null) {
            return arithmetic;
        }
        if (e instanceof Delta d) {
            return new Delta(rename(d.left(), index, to), rename(d.right(), index, to));
        }
        if (e instanceof Sum s && !s.index().equals(index)) {
            return new Sum(s.index(), s.from(), s.to(), s.where(), rename(s.body(), index, to));
        }
        throw new IllegalArgumentException("cannot rename an index inside " + e.getClass().getSimpleName());
    }
}
