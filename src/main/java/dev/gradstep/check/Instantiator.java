package dev.gradstep.check;

import dev.gradstep.derivation.Notation;
import dev.gradstep.expr.Condition;
import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Expr.Add;
import dev.gradstep.expr.Expr.Delta;
import dev.gradstep.expr.Expr.Deriv;
import dev.gradstep.expr.Expr.Div;
import dev.gradstep.expr.Expr.Exp;
import dev.gradstep.expr.Expr.Fn;
import dev.gradstep.expr.Expr.Log;
import dev.gradstep.expr.Expr.Mul;
import dev.gradstep.expr.Expr.Neg;
import dev.gradstep.expr.Expr.Num;
import dev.gradstep.expr.Expr.Pow;
import dev.gradstep.expr.Expr.Sum;
import dev.gradstep.expr.Expr.Sym;
import dev.gradstep.expr.Exprs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns an index-notation expression into a concrete one for K classes and given index values:
 * sums are expanded, deltas decided, and symbols take the notation's meaning (probabilities
 * become the softmax of the logits, the loss becomes cross-entropy).
 */
final class Instantiator {

    /** How symbols with a definition are treated. */
    enum Mode {
        /** Probabilities are softmax(z) and the loss is cross-entropy of them: everything in z and y. */
        LOGITS,
        /** Probabilities are independent variables (inside a derivative with respect to one). */
        PROBS,
        /** Nothing is expanded: indices become numbers and sums are written out, for display. */
        DISPLAY
    }

    private final Notation notation;
    private final int classes;
    private final boolean resolveLogitDerivatives;
    private final Expr[] softmax;

    /**
     * @param resolveLogitDerivatives true to differentiate here (numeric check); false to keep
     *     derivatives with respect to the logits for the CAS to take
     */
    Instantiator(Notation notation, int classes, boolean resolveLogitDerivatives) {
        this.notation = notation;
        this.classes = classes;
        this.resolveLogitDerivatives = resolveLogitDerivatives;
        List<Expr> exps = new ArrayList<>();
        for (int k = 1; k <= classes; k++) {
            exps.add(new Exp(logit(k)));
        }
        Expr denominator = Exprs.add(exps);
        this.softmax = new Expr[classes + 1];
        for (int k = 1; k <= classes; k++) {
            softmax[k] = new Div(exps.get(k - 1), denominator);
        }
    }

    int classes() {
        return classes;
    }

    Sym logit(int k) {
        return Sym.indexed(notation.logits(), Num.of(k));
    }

    Sym label(int k) {
        return Sym.indexed(notation.labels(), Num.of(k));
    }

    Sym probVariable(int k) {
        return Sym.indexed(notation.probs(), Num.of(k));
    }

    Expr instantiate(Expr e, Map<String, Integer> env, Mode mode) {
        if (e instanceof Num) {
            return e;
        }
        if (e instanceof Sym s) {
            return symbol(s, env, mode);
        }
        if (e instanceof Add a) {
            return Exprs.add(each(a.terms(), env, mode));
        }
        if (e instanceof Mul m) {
            return Exprs.mul(each(m.factors(), env, mode));
        }
        if (e instanceof Neg n) {
            return Exprs.neg(instantiate(n.arg(), env, mode));
        }
        if (e instanceof Div d) {
            return new Div(instantiate(d.numerator(), env, mode), instantiate(d.denominator(), env, mode));
        }
        if (e instanceof Pow p) {
            return new Pow(instantiate(p.base(), env, mode), instantiate(p.exponent(), env, mode));
        }
        if (e instanceof Exp x) {
            return new Exp(instantiate(x.arg(), env, mode));
        }
        if (e instanceof Log l) {
            return new Log(instantiate(l.arg(), env, mode));
        }
        if (e instanceof Delta d) {
            return index(d.left(), env) == index(d.right(), env) ? Exprs.ONE : Exprs.ZERO;
        }
        if (e instanceof Sum s) {
            return sum(s, env, mode);
        }
        if (e instanceof Deriv d) {
            return derivative(d, env, mode);
        }
        if (e instanceof Fn f) {
            return function(f, env, mode);
        }
        throw new InstantiationException("cannot instantiate " + e);
    }

    private List<Expr> each(List<Expr> parts, Map<String, Integer> env, Mode mode) {
        List<Expr> out = new ArrayList<>(parts.size());
        for (Expr p : parts) {
            out.add(instantiate(p, env, mode));
        }
        return out;
    }

    private Expr symbol(Sym s, Map<String, Integer> env, Mode mode) {
        if (s.isPlain()) {
            if (env.containsKey(s.name())) {
                return Num.of(env.get(s.name()));
            }
            if (s.name().equals(notation.classes())) {
                return Num.of(classes);
            }
            if (s.name().equals(notation.loss())) {
                return mode == Mode.DISPLAY ? s : loss(env, mode);
            }
            if (s.name().equals(notation.logits()) || s.name().equals(notation.probs())
                    || s.name().equals(notation.labels())) {
                throw new InstantiationException("'" + s.name() + "' is a vector here: give it an index, as in "
                        + s.name() + "_i");
            }
            return s;
        }
        List<Expr> idx = new ArrayList<>();
        for (Expr i : s.indices()) {
            idx.add(Num.of(index(i, env)));
        }
        if (s.name().equals(notation.logits()) || s.name().equals(notation.labels())
                || s.name().equals(notation.probs())) {
            if (idx.size() != 1) {
                throw new InstantiationException("'" + s.name() + "' takes one index, not " + idx.size());
            }
            int k = rangeChecked(((Num) idx.get(0)).value().intValueExact(), s.name());
            if (s.name().equals(notation.labels())) {
                return labelValue(k, env, mode);
            }
            if (s.name().equals(notation.probs())) {
                return mode == Mode.LOGITS ? softmax[k] : probVariable(k);
            }
            return logit(k);
        }
        return new Sym(s.name(), idx);
    }

    private Expr labelValue(int k, Map<String, Integer> env, Mode mode) {
        if (notation.onehot() != null && mode != Mode.DISPLAY) {
            Integer c = env.get(notation.onehot());
            if (c == null) {
                throw new InstantiationException("the true class '" + notation.onehot() + "' has no value");
            }
            return k == c ? Exprs.ONE : Exprs.ZERO;
        }
        return label(k);
    }

    private int rangeChecked(int k, String name) {
        if (k < 1 || k > classes) {
            throw new InstantiationException("index " + k + " of " + name + " is outside 1.." + classes);
        }
        return k;
    }

    /** Cross-entropy, -sum_k y_k log s_k, in the mode's variables. */
    private Expr loss(Map<String, Integer> env, Mode mode) {
        List<Expr> terms = new ArrayList<>();
        for (int k = 1; k <= classes; k++) {
            Expr p = mode == Mode.LOGITS ? softmax[k] : probVariable(k);
            Expr y = labelValue(k, env, mode);
            terms.add(Exprs.mul(y, new Log(p)));
        }
        return Exprs.neg(Exprs.add(terms));
    }

    private Expr sum(Sum s, Map<String, Integer> env, Mode mode) {
        int from = s.from() == null ? 1 : index(s.from(), env);
        int to = s.to() == null ? classes : index(s.to(), env);
        List<Expr> terms = new ArrayList<>();
        Map<String, Integer> inner = new HashMap<>(env);
        for (int v = from; v <= to; v++) {
            inner.put(s.index(), v);
            if (holds(s.where(), inner)) {
                terms.add(instantiate(s.body(), inner, mode));
            }
        }
        return Exprs.add(terms);
    }

    private Expr derivative(Deriv d, Map<String, Integer> env, Mode mode) {
        Expr wrtExpr = symbol(d.wrt(), env, Mode.PROBS);
        if (mode == Mode.DISPLAY) {
            Expr of = instantiate(d.of(), env, Mode.DISPLAY);
            return new Deriv(of, (Sym) symbol(d.wrt(), env, Mode.DISPLAY));
        }
        if (!(wrtExpr instanceof Sym v)) {
            throw new InstantiationException("cannot differentiate with respect to " + d.wrt().name());
        }
        if (d.wrt().name().equals(notation.probs())) {
            Expr inner = instantiate(d.of(), env, Mode.PROBS);
            Expr result = Differentiator.d(inner, v);
            return mode == Mode.PROBS ? result : substituteProbs(result);
        }
        Expr inner = instantiate(d.of(), env, Mode.LOGITS);
        return resolveLogitDerivatives ? Differentiator.d(inner, v) : new Deriv(inner, v);
    }

    private Expr function(Fn f, Map<String, Integer> env, Mode mode) {
        boolean isProbs = f.name().equals(notation.probs()) || f.name().equals("softmax");
        if (!isProbs) {
            throw new InstantiationException("unknown function '" + f.name() + "': the notation gives it no meaning");
        }
        Expr idx;
        if (f.indices().size() == 1) {
            idx = f.indices().get(0);
        } else if (f.indices().isEmpty() && f.args().size() == 1 && f.args().get(0) instanceof Sym a
                && a.indices().size() == 1) {
            idx = a.indices().get(0);
        } else {
            throw new InstantiationException("cannot tell which probability '" + f.name() + "(..)' means: give it one index");
        }
        int k = rangeChecked(index(idx, env), f.name());
        return mode == Mode.LOGITS ? softmax[k] : probVariable(k);
    }

    /** Replaces the probability variables by the softmax of the logits. */
    Expr substituteProbs(Expr e) {
        return substitute(e, s -> {
            if (s.name().equals(notation.probs()) && s.indices().size() == 1 && s.indices().get(0) instanceof Num n) {
                return softmax[n.value().intValueExact()];
            }
            return s;
        });
    }

    static Expr substitute(Expr e, Function<Sym, Expr> f) {
        if (e instanceof Sym s) {
            return f.apply(s);
        }
        if (e instanceof Num) {
            return e;
        }
        if (e instanceof Add a) {
            return Exprs.add(a.terms().stream().map(t -> substitute(t, f)).toList());
        }
        if (e instanceof Mul m) {
            return Exprs.mul(m.factors().stream().map(t -> substitute(t, f)).toList());
        }
        if (e instanceof Neg n) {
            return Exprs.neg(substitute(n.arg(), f));
        }
        if (e instanceof Div d) {
            return new Div(substitute(d.numerator(), f), substitute(d.denominator(), f));
        }
        if (e instanceof Pow p) {
            return new Pow(substitute(p.base(), f), substitute(p.exponent(), f));
        }
        if (e instanceof Exp x) {
            return new Exp(substitute(x.arg(), f));
        }
        if (e instanceof Log l) {
            return new Log(substitute(l.arg(), f));
        }
        if (e instanceof Deriv d) {
            return new Deriv(substitute(d.of(), f), d.wrt());
        }
        throw new InstantiationException("cannot substitute into " + e.getClass().getSimpleName());
    }

    /** Evaluates an index expression (a number, an index symbol, K, or sums of them). */
    int index(Expr e, Map<String, Integer> env) {
        if (e instanceof Num n) {
            try {
                return n.value().intValueExact();
            } catch (ArithmeticException ex) {
                throw new InstantiationException("index " + n.value() + " is not a whole number");
            }
        }
        if (e instanceof Sym s && s.isPlain()) {
            Integer v = env.get(s.name());
            if (v != null) {
                return v;
            }
            if (s.name().equals(notation.classes())) {
                return classes;
            }
            throw new InstantiationException("index '" + s.name() + "' has no value");
        }
        if (e instanceof Add a) {
            int total = 0;
            for (Expr t : a.terms()) {
                total += index(t, env);
            }
            return total;
        }
        if (e instanceof Neg n) {
            return -index(n.arg(), env);
        }
        throw new InstantiationException("cannot use " + e.getClass().getSimpleName() + " as an index");
    }

    boolean holds(Condition c, Map<String, Integer> env) {
        for (Condition.Relation r : c.relations()) {
            boolean equal = index(r.left(), env) == index(r.right(), env);
            if (equal != (r.op() == Condition.Op.EQ)) {
                return false;
            }
        }
        return true;
    }

    /** A step that cannot be made concrete: the message says why, in the user's terms. */
    static final class InstantiationException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InstantiationException(String message) {
            super(message);
        }
    }
}
