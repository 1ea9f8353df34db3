package dev.gradstep.check;

import dev.gradstep.expr.Condition;
import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Expr.Num;
import dev.gradstep.expr.Exprs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.HashSet;

/** Enumerates index cases: every assignment of the free indices to 1..K that the condition allows. */
final class IndexCases {

    private IndexCases() {
    }

    static List<Map<String, Integer>> all(List<String> free, int classes, Condition condition, Instantiator inst) {
        return all(free, classes, condition, inst, Integer.MAX_VALUE);
    }

    /** The first {@code limit} cases in lexicographic order; enumeration stops there. */
    static List<Map<String, Integer>> all(List<String> free, int classes, Condition condition, Instantiator inst,
                                          int limit) {
        List<Map<String, Integer>> out = new ArrayList<>();
        fill(free, 0, new TreeMap<>(), classes, condition, inst, out, limit);
        return out;
    }

    private static void fill(List<String> free, int at, Map<String, Integer> env, int classes, Condition condition,
                             Instantiator inst, List<Map<String, Integer>> out, int limit) {
        if (out.size() >= limit) {
            return;
        }
        if (at == free.size()) {
            if (inst.holds(condition, env)) {
                out.add(Map.copyOf(env));
            }
            return;
        }
        for (int v = 1; v <= classes; v++) {
            env.put(free.get(at), v);
            fill(free, at + 1, env, classes, condition, inst, out, limit);
        }
        env.remove(free.get(at));
    }

    /**
     * One case per equality pattern (i = j, i != j, ...): for a symmetric identity these stand for all
     * cases, which keeps the slower symbolic confirmation to a handful of CAS calls.
     */
    static List<Map<String, Integer>> representatives(List<String> free, int classes, Condition condition,
                                                      Instantiator inst) {
        Map<String, Map<String, Integer>> byPattern = new LinkedHashMap<>();
        for (Map<String, Integer> env : all(free, classes, condition, inst)) {
            StringBuilder pattern = new StringBuilder();
            for (String a : free) {
                for (String b : free) {
                    pattern.append(env.get(a).equals(env.get(b)) ? '=' : '!');
                }
            }
            byPattern.putIfAbsent(pattern.toString(), env);
        }
        return new ArrayList<>(byPattern.values());
    }

    /** Substitutes y_K = 1 - (y_1 + ... + y_{K-1}): the labels-sum-to-one assumption, exactly. */
    static Expr lastLabelFromOthers(Expr e, Instantiator inst) {
        int k = inst.classes();
        List<Expr> others = new ArrayList<>();
        for (int i = 1; i < k; i++) {
            others.add(inst.label(i));
        }
        Expr replacement = Exprs.sub(Exprs.ONE, Exprs.add(others));
        Expr.Sym last = inst.label(k);
        return Instantiator.substitute(e, s -> s.equals(last) ? replacement : s);
    }

    /** Symbols in a concrete expression other than the logits and labels: free parameters. */
    static Set<Expr.Sym> parameters(Expr e, Instantiator inst, Set<Expr.Sym> out) {
        if (e instanceof Expr.Sym s) {
            boolean logitOrLabel = s.indices().size() == 1 && s.indices().get(0) instanceof Num
                    && (s.equals(inst.logit(indexOf(s))) || s.equals(inst.label(indexOf(s))));
            if (!logitOrLabel) {
                out.add(s);
            }
        } else if (e instanceof Expr.Add a) {
            a.terms().forEach(t -> parameters(t, inst, out));
        } else if (e instanceof Expr.Mul m) {
            m.factors().forEach(t -> parameters(t, inst, out));
        } else if (e instanceof Expr.Neg n) {
            parameters(n.arg(), inst, out);
        } else if (e instanceof Expr.Div d) {
            parameters(d.numerator(), inst, out);
            parameters(d.denominator(), inst, out);
        } else if (e instanceof Expr.Pow p) {
            parameters(p.base(), inst, out);
            parameters(p.exponent(), inst, out);
        } else if (e instanceof Expr.Exp x) {
            parameters(x.arg(), inst, out);
        } else if (e instanceof Expr.Log l) {
            parameters(l.arg(), inst, out);
        }
        return out;
    }

    private static int indexOf(Expr.Sym s) {
        return ((Num) s.indices().get(0)).value().intValue();
    }

    static Set<Expr.Sym> parameters(List<Expr> exprs, Instantiator inst) {
        Set<Expr.Sym> out = new HashSet<>();
        for (Expr e : exprs) {
            parameters(e, inst, out);
        }
        return out;
    }

    static Map<String, Integer> sorted(Map<String, Integer> env) {
        return new TreeMap<>(new HashMap<>(env));
    }
}
