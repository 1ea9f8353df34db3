package dev.gradstep.check;

import dev.gradstep.derivation.Definition;
import dev.gradstep.derivation.Notation;
import dev.gradstep.expr.Budget;
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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns an index-notation expression into a concrete one for K classes (and N rows of a batch)
 * and given index values: sums are expanded, deltas decided, and symbols take their meaning
 * (the file's definitions first, then the notation's: probabilities are the softmax of the
 * logits, the loss is cross-entropy). Other size symbols (such as H) take the value of K.
 *
 * <p>A derivative with respect to a symbol that has a meaning (d/ds_i, or d/dz_j when z is defined
 * by a layer) keeps that symbol as a variable while differentiating, then puts its meaning back.
 */
final class Instantiator {

    /** Whether meanings are expanded. */
    enum Mode {
        /** Every symbol takes its meaning: the result is in logits, labels and parameters. */
        LOGITS,
        /** Nothing is expanded: indices become numbers and sums are written out, for display. */
        DISPLAY
    }

    private final Budget budget;
    /** Sum terms written out by the current {@link #instantiate} call. */
    private long written;
    private final Notation notation;
    private final int classes;
    private final int rows;
    private final Map<String, Definition> definitions = new HashMap<>();
    private final boolean resolveDerivatives;
    private final Map<SoftmaxKey, Expr> softmaxCache = new HashMap<>();

    private record SoftmaxKey(int row, int k, Set<String> keep, Map<String, Integer> env) {
    }

    private final Map<DefinitionKey, Expr> definitionCache = new HashMap<>();

    private record DefinitionKey(String name, List<Integer> indices, Set<String> keep, Map<String, Integer> env) {
    }

    Instantiator(Notation notation, int classes, boolean resolveDerivatives) {
        this(notation, classes, 0, List.of(), resolveDerivatives);
    }

    /**
     * @param rows the batch size N, or 0 when the notation has no batch
     * @param resolveDerivatives true to differentiate here (numeric check); false to keep
     *     derivatives with respect to plain variables for the CAS to take
     */
    Instantiator(Notation notation, int classes, int rows, List<Definition> definitions, boolean resolveDerivatives) {
        this(notation, classes, rows, definitions, resolveDerivatives, Budget.DEFAULT);
    }

    /** @throws InstantiationException when K is over the budget's class count */
    Instantiator(Notation notation, int classes, int rows, List<Definition> definitions, boolean resolveDerivatives,
                 Budget budget) {
        if (classes > budget.maxClasses()) {
            throw new InstantiationException("K = " + classes + " classes is over the budget of "
                    + budget.maxClasses() + "; check with a symbol such as K");
        }
        this.budget = budget;
        this.notation = notation;
        this.classes = classes;
        this.rows = rows;
        for (Definition d : definitions) {
            this.definitions.put(d.symbol().name(), d);
        }
        this.resolveDerivatives = resolveDerivatives;
    }

    Budget budget() {
        return budget;
    }

    int classes() {
        return classes;
    }

    int rows() {
        return rows;
    }

    boolean batched() {
        return notation.batch() != null;
    }

    Notation notation() {
        return notation;
    }

    Expr instantiate(Expr e, Map<String, Integer> env, Mode mode) {
        written = 0;
        return inst(e, env, Set.of(), mode == Mode.DISPLAY);
    }

    private Expr inst(Expr e, Map<String, Integer> env, Set<String> keep, boolean display) {
        if (e instanceof Num) {
            return e;
        }
        if (e instanceof Sym s) {
            return symbol(s, env, keep, display);
        }
        if (e instanceof Add a) {
            return Exprs.add(each(a.terms(), env, keep, display));
        }
        if (e instanceof Mul m) {
            return Exprs.mul(each(m.factors(), env, keep, display));
        }
        if (e instanceof Neg n) {
            return Exprs.neg(inst(n.arg(), env, keep, display));
        }
        if (e instanceof Div d) {
            return new Div(inst(d.numerator(), env, keep, display), inst(d.denominator(), env, keep, display));
        }
        if (e instanceof Pow p) {
            return new Pow(inst(p.base(), env, keep, display), inst(p.exponent(), env, keep, display));
        }
        if (e instanceof Exp x) {
            return new Exp(inst(x.arg(), env, keep, display));
        }
        if (e instanceof Log l) {
            return new Log(inst(l.arg(), env, keep, display));
        }
        if (e instanceof Delta d) {
            return index(d.left(), env) == index(d.right(), env) ? Exprs.ONE : Exprs.ZERO;
        }
        if (e instanceof Sum s) {
            return sum(s, env, keep, display);
        }
        if (e instanceof Deriv d) {
            return derivative(d, env, keep, display);
        }
        if (e instanceof Fn f) {
            return function(f, env, keep, display);
        }
        throw new InstantiationException("cannot instantiate " + e);
    }

    private List<Expr> each(List<Expr> parts, Map<String, Integer> env, Set<String> keep, boolean display) {
        List<Expr> out = new ArrayList<>(parts.size());
        for (Expr p : parts) {
            out.add(inst(p, env, keep, display));
        }
        return out;
    }

    private boolean isVectorName(String name) {
        return name.equals(notation.logits()) || name.equals(notation.probs()) || name.equals(notation.labels());
    }

    private Expr symbol(Sym s, Map<String, Integer> env, Set<String> keep, boolean display) {
        if (s.isPlain()) {
            if (env.containsKey(s.name())) {
                return Num.of(env.get(s.name()));
            }
            Integer size = sizeOf(s.name());
            if (size != null) {
                return Num.of(size);
            }
            if (display || keep.contains(s.name())) {
                return s;
            }
            Definition def = definitions.get(s.name());
            if (def != null && def.symbol().isPlain()) {
                return inst(def.value(), env, keep, false);
            }
            if (s.name().equals(notation.loss())) {
                return loss(env, keep);
            }
            if (isVectorName(s.name())) {
                throw new InstantiationException("'" + s.name() + "' is a vector here: give it an index, as in "
                        + s.name() + "_i");
            }
            return s;
        }
        List<Integer> idx = new ArrayList<>();
        for (Expr i : s.indices()) {
            idx.add(index(i, env));
        }
        Sym concrete = concrete(s.name(), idx);
        if (display) {
            return concrete;
        }
        if (isVectorName(s.name())) {
            checkShape(s.name(), idx);
        }
        if (keep.contains(s.name())) {
            return concrete;
        }
        Definition def = definitions.get(s.name());
        if (def != null && def.symbol().indices().size() == idx.size()) {
            return defined(def, idx, env, keep);
        }
        if (s.name().equals(notation.labels())) {
            return labelValue(idx, env);
        }
        if (s.name().equals(notation.probs())) {
            return softmax(batched() ? idx.get(0) : 0, idx.get(idx.size() - 1), env, keep);
        }
        return concrete;
    }

    /**
     * The meaning of a defined symbol at concrete indices, built once per use context: repeated uses
     * (every s_i of a temperature softmax) share one tree, which the evaluator then computes once.
     */
    private Expr defined(Definition def, List<Integer> idx, Map<String, Integer> env, Set<String> keep) {
        DefinitionKey key = new DefinitionKey(def.symbol().name(), List.copyOf(idx), Set.copyOf(keep), Map.copyOf(env));
        Expr cached = definitionCache.get(key);
        if (cached != null) {
            return cached;
        }
        Map<String, Integer> bound = new HashMap<>(env);
        for (int k = 0; k < idx.size(); k++) {
            bound.put(((Sym) def.symbol().indices().get(k)).name(), idx.get(k));
        }
        Expr value = inst(def.value(), bound, keep, false);
        definitionCache.put(key, value);
        return value;
    }

    private static Sym concrete(String name, List<Integer> idx) {
        List<Expr> nums = new ArrayList<>(idx.size());
        for (int i : idx) {
            nums.add(Num.of(i));
        }
        return new Sym(name, nums);
    }

    /** Logits, labels and probabilities take one index (two in a batch: row, class), in range. */
    private void checkShape(String name, List<Integer> idx) {
        int want = batched() ? 2 : 1;
        if (idx.size() != want) {
            throw new InstantiationException("'" + name + "' takes " + (want == 1 ? "one index" : "two indices (row, class)")
                    + ", not " + idx.size());
        }
        if (batched() && (idx.get(0) < 1 || idx.get(0) > rows)) {
            throw new OutOfRange("row " + idx.get(0) + " of " + name + " is outside 1.." + rows + " (N=" + rows + ")");
        }
        int k = idx.get(idx.size() - 1);
        if (k < 1 || k > classes) {
            throw new OutOfRange("index " + k + " of " + name + " is outside 1.." + classes + " (K=" + classes
                    + (batched() ? ", N=" + rows : "") + ")");
        }
    }

    /** The value of a size symbol: K, the batch N, or another capital letter (taken as K). */
    private Integer sizeOf(String name) {
        if (name.equals(notation.classes())) {
            return classes;
        }
        if (batched() && name.equals(notation.batch())) {
            return rows;
        }
        if (name.length() == 1 && Character.isUpperCase(name.charAt(0)) && !name.equals(notation.loss())
                && !name.equals(notation.temperature())
                && !isVectorName(name) && !definitions.containsKey(name)) {
            return classes;
        }
        return null;
    }

    private Expr labelValue(List<Integer> idx, Map<String, Integer> env) {
        if (notation.onehot() != null) {
            Integer c = env.get(notation.onehot());
            if (c == null) {
                throw new InstantiationException("the true class '" + notation.onehot() + "' has no value");
            }
            return idx.get(idx.size() - 1).equals(c) ? Exprs.ONE : Exprs.ZERO;
        }
        return concrete(notation.labels(), idx);
    }

    /** The logit (row, k), through its definition unless it is kept as a variable. */
    private Expr logitOf(int row, int k, Map<String, Integer> env, Set<String> keep) {
        List<Integer> idx = batched() ? List.of(row, k) : List.of(k);
        return symbol(concrete(notation.logits(), idx), env, keep, false);
    }

    private Expr softmax(int row, int k, Map<String, Integer> env, Set<String> keep) {
        SoftmaxKey key = new SoftmaxKey(row, k, keep, env);
        Expr cached = softmaxCache.get(key);
        if (cached != null) {
            return cached;
        }
        List<Expr> exps = new ArrayList<>();
        for (int m = 1; m <= classes; m++) {
            exps.add(new Exp(logitOf(row, m, env, keep)));
        }
        Expr denominator = Exprs.add(exps);
        for (int m = 1; m <= classes; m++) {
            softmaxCache.put(new SoftmaxKey(row, m, keep, env), new Div(exps.get(m - 1), denominator));
        }
        return softmaxCache.get(key);
    }

    private Expr probability(int row, int k, Map<String, Integer> env, Set<String> keep) {
        List<Integer> idx = batched() ? List.of(row, k) : List.of(k);
        return symbol(concrete(notation.probs(), idx), env, keep, false);
    }

    /** Cross-entropy: -sum_k y_k log s_k, or its mean over the rows of a batch. */
    private Expr loss(Map<String, Integer> env, Set<String> keep) {
        List<Expr> terms = new ArrayList<>();
        int lastRow = batched() ? rows : 0;
        for (int n = batched() ? 1 : 0; n <= lastRow; n++) {
            for (int k = 1; k <= classes; k++) {
                List<Integer> idx = batched() ? List.of(n, k) : List.of(k);
                Expr y = symbol(concrete(notation.labels(), idx), env, keep, false);
                terms.add(Exprs.mul(y, new Log(probability(n, k, env, keep))));
            }
        }
        Expr total = Exprs.neg(Exprs.add(terms));
        return batched() ? new Div(total, Num.of(rows)) : total;
    }

    private Expr sum(Sum s, Map<String, Integer> env, Set<String> keep, boolean display) {
        int from = s.from() == null ? 1 : index(s.from(), env);
        int to = s.to() == null || isCount(s.to(), env) ? classes : index(s.to(), env);
        // counted before they are written: nested sums multiply, and six of them exhausted the heap
        written += Math.max(0, (long) to - from + 1);
        if (written > budget.maxTerms()) {
            throw new InstantiationException("written out, the sums have more than " + budget.maxTerms()
                    + " terms (the budget for one side)");
        }
        List<Expr> terms = new ArrayList<>();
        Map<String, Integer> inner = new HashMap<>(env);
        for (int v = from; v <= to; v++) {
            inner.put(s.index(), v);
            if (holds(s.where(), inner)) {
                terms.add(inst(s.body(), inner, keep, display));
            }
        }
        return Exprs.add(terms);
    }

    /** An upper bound named by a letter with no value of its own: the class count, whatever its letter. */
    private boolean isCount(Expr to, Map<String, Integer> env) {
        return to instanceof Sym s && s.isPlain() && !env.containsKey(s.name()) && sizeOf(s.name()) == null
                && !definitions.containsKey(s.name()) && !isVectorName(s.name());
    }

    private boolean hasMeaning(String name) {
        return definitions.containsKey(name) || name.equals(notation.probs()) || name.equals(notation.loss());
    }

    private Expr derivative(Deriv d, Map<String, Integer> env, Set<String> keep, boolean display) {
        Sym wrt = d.wrt();
        if (display) {
            return new Deriv(inst(d.of(), env, keep, true), (Sym) symbol(wrt, env, keep, true));
        }
        List<Integer> idx = new ArrayList<>();
        for (Expr i : wrt.indices()) {
            idx.add(index(i, env));
        }
        Sym variable = concrete(wrt.name(), idx);
        if (isVectorName(wrt.name())) {
            checkShape(wrt.name(), idx);
        }
        Set<String> inner = new HashSet<>(keep);
        inner.add(wrt.name());
        Expr of = inst(d.of(), env, Set.copyOf(inner), false);
        if (hasMeaning(wrt.name())) {
            Expr result = Differentiator.d(of, variable);
            if (keep.contains(wrt.name())) {
                return result;
            }
            // one shared meaning per symbol: the evaluator then computes each z_k once, not once per use
            Map<Sym, Expr> meanings = new HashMap<>();
            return substitute(result, s -> s.name().equals(wrt.name())
                    ? meanings.computeIfAbsent(s, x -> symbol(x, env, keep, false)) : s);
        }
        return resolveDerivatives ? Differentiator.d(of, variable) : new Deriv(of, variable);
    }

    private Expr function(Fn f, Map<String, Integer> env, Set<String> keep, boolean display) {
        if (f.name().equals(notation.loss())) {
            // L(s, y), H(Y, \\sigma(A)), E(t, o): the arguments name what the loss depends on
            return inst(new Sym(notation.loss()), env, keep, display);
        }
        Sym own = ownArgument(f);
        if (own != null && !(f.name().equals(notation.probs()) && own.name().equals(notation.logits()))) {
            // y_i(1 - y_i) style: a symbol times a parenthesised factor, as it was always read
            return inst(new Mul(List.of(new Sym(f.name(), f.indices()), own)), env, keep, display);
        }
        if (own != null) {
            return symbol(new Sym(notation.probs(), f.indices()), env, keep, display);
        }
        boolean isProbs = f.name().equals(notation.probs()) || f.name().equals("softmax");
        if (!isProbs) {
            throw new InstantiationException("unknown function '" + f.name() + "': the notation gives it no meaning");
        }
        Expr classIndex;
        Expr rowIndex = null;
        Sym arg = f.args().size() == 1 && f.args().get(0) instanceof Sym a ? a : null;
        if (!f.indices().isEmpty()) {
            classIndex = f.indices().get(f.indices().size() - 1);
            if (batched()) {
                rowIndex = f.indices().size() == 2 ? f.indices().get(0)
                        : arg != null && arg.indices().size() == 1 ? arg.indices().get(0) : null;
            }
        } else if (arg != null && arg.indices().size() == (batched() ? 2 : 1)) {
            classIndex = arg.indices().get(arg.indices().size() - 1);
            rowIndex = batched() ? arg.indices().get(0) : null;
        } else {
            throw new InstantiationException("cannot tell which probability '" + f.name() + "(..)' means: give it an index");
        }
        if (batched() && rowIndex == null) {
            throw new InstantiationException("'" + f.name() + "(..)' needs the row of the batch, as in s(X_n)_k");
        }
        List<Expr> indices = rowIndex == null ? List.of(classIndex) : List.of(rowIndex, classIndex);
        return symbol(new Sym(notation.probs(), indices), env, keep, display);
    }

    /** The argument of {@code y_i(z_i)}, a symbol carrying the indices of the call itself; null otherwise. */
    private static Sym ownArgument(Fn f) {
        if (!f.indices().isEmpty() && f.args().size() == 1 && f.args().get(0) instanceof Sym a
                && a.indices().equals(f.indices())) {
            return a;
        }
        return null;
    }

    /** Replaces symbols by what the function gives for them. */
    static Expr substitute(Expr e, Function<Sym, Expr> f) {
        return substitute(e, f, new java.util.IdentityHashMap<>());
    }

    /** Shared input nodes stay shared in the output, so the evaluator's identity cache still works. */
    private static Expr substitute(Expr e, Function<Sym, Expr> f, Map<Expr, Expr> memo) {
        Expr done = memo.get(e);
        if (done != null) {
            return done;
        }
        Expr out = substituteOnce(e, f, memo);
        memo.put(e, out);
        return out;
    }

    private static Expr substituteOnce(Expr e, Function<Sym, Expr> f, Map<Expr, Expr> memo) {
        if (e instanceof Sym s) {
            return f.apply(s);
        }
        if (e instanceof Num) {
            return e;
        }
        Expr arithmetic = Exprs.mapArithmetic(e, t -> substitute(t, f, memo));
        if (arithmetic != null) {
            return arithmetic;
        }
        if (e instanceof Deriv d) {
            return new Deriv(substitute(d.of(), f, memo), d.wrt());
        }
        throw new InstantiationException("cannot substitute into " + e.getClass().getSimpleName());
    }

    /** Evaluates an index expression (a number, an index symbol, a size, or sums of them). */
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
            Integer size = sizeOf(s.name());
            if (size != null) {
                return size;
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
        if (e instanceof Mul m) {
            int product = 1;
            for (Expr t : m.factors()) {
                product *= index(t, env);
            }
            return product;
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

    /** The role of a concrete base variable, for choosing its random value. */
    enum Role { LOGIT, LABEL, PARAMETER }

    Role roleOf(Sym s) {
        if (s.name().equals(notation.logits())) {
            return Role.LOGIT;
        }
        if (s.name().equals(notation.labels())) {
            return Role.LABEL;
        }
        return Role.PARAMETER;
    }

    /** Every base variable (logit, label, parameter) in concrete expressions. */
    static Set<Sym> variables(List<Expr> exprs) {
        Set<Sym> out = new LinkedHashSet<>();
        for (Expr e : exprs) {
            collectVariables(e, out);
        }
        return out;
    }

    private static void collectVariables(Expr e, Set<Sym> out) {
        if (e instanceof Sym s) {
            out.add(s);
        } else if (e instanceof Add a) {
            a.terms().forEach(t -> collectVariables(t, out));
        } else if (e instanceof Mul m) {
            m.factors().forEach(t -> collectVariables(t, out));
        } else if (e instanceof Neg n) {
            collectVariables(n.arg(), out);
        } else if (e instanceof Div d) {
            collectVariables(d.numerator(), out);
            collectVariables(d.denominator(), out);
        } else if (e instanceof Pow p) {
            collectVariables(p.base(), out);
            collectVariables(p.exponent(), out);
        } else if (e instanceof Exp x) {
            collectVariables(x.arg(), out);
        } else if (e instanceof Log l) {
            collectVariables(l.arg(), out);
        } else if (e instanceof Deriv d) {
            collectVariables(d.of(), out);
            out.add(d.wrt());
        }
    }

    /** Index names used as the row of a batch (the n of X_{n,i} or s(X_n)_k) in the given expressions. */
    Set<String> rowIndices(List<Expr> exprs) {
        Set<String> out = new HashSet<>();
        if (batched()) {
            for (Expr e : exprs) {
                collectRows(e, out);
            }
        }
        return out;
    }

    private void collectRows(Expr e, Set<String> out) {
        if (e instanceof Sym s) {
            if (isVectorName(s.name()) && s.indices().size() == 2 && s.indices().get(0) instanceof Sym r && r.isPlain()) {
                out.add(r.name());
            }
        } else if (e instanceof Fn f) {
            if (f.indices().size() == 2 && f.indices().get(0) instanceof Sym r && r.isPlain()) {
                out.add(r.name());
            }
            for (Expr a : f.args()) {
                if (a instanceof Sym s && s.indices().size() == 1 && s.indices().get(0) instanceof Sym r && r.isPlain()) {
                    out.add(r.name());
                }
            }
        } else if (e instanceof Add a) {
            a.terms().forEach(t -> collectRows(t, out));
        } else if (e instanceof Mul m) {
            m.factors().forEach(t -> collectRows(t, out));
        } else if (e instanceof Neg n) {
            collectRows(n.arg(), out);
        } else if (e instanceof Div d) {
            collectRows(d.numerator(), out);
            collectRows(d.denominator(), out);
        } else if (e instanceof Pow p) {
            collectRows(p.base(), out);
            collectRows(p.exponent(), out);
        } else if (e instanceof Exp x) {
            collectRows(x.arg(), out);
        } else if (e instanceof Log l) {
            collectRows(l.arg(), out);
        } else if (e instanceof Sum s) {
            collectRows(s.body(), out);
        } else if (e instanceof Deriv d) {
            collectRows(d.of(), out);
            collectRows(d.wrt(), out);
        }
    }

    /** An index beyond its range at sizes the step must hold for: the step itself is wrong there. */
    static final class OutOfRange extends InstantiationException {
        private static final long serialVersionUID = 1L;

        OutOfRange(String message) {
            super(message);
        }
    }

    /** A step that cannot be made concrete: the message says why, in the user's terms. */
    static class InstantiationException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InstantiationException(String message) {
            super(message);
        }
    }
}
