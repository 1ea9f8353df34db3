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

/** Enumerates index cases: every assignment of the free indices to 1..K that the condition allows. */
final class IndexCases {

    private IndexCases() {
    }

    static List<Map<String, Integer>> all(List<String> free, Set<String> rowIndices, Condition condition,
                                          Instantiator inst) {
        long count = 1;
        for (String index : free) {
            count *= rowIndices.contains(index) ? inst.rows() : inst.classes();
            if (count > inst.budget().maxCases()) {
                throw new Instantiator.InstantiationException("the free indices " + free + " have more than "
                        + inst.budget().maxCases() + " index cases at K=" + inst.classes() + " (the budget)");
            }
        }
        return all(free, rowIndices, condition, inst, Integer.MAX_VALUE);
    }

    /** The first {@code limit} cases in lexicographic order; row indices of a batch run over 1..N. */
    static List<Map<String, Integer>> all(List<String> free, Set<String> rowIndices, Condition condition,
                                          Instantiator inst, int limit) {
        List<Map<String, Integer>> out = new ArrayList<>();
        fill(free, rowIndices, 0, new TreeMap<>(), condition, inst, out, limit);
        return out;
    }

    private static void fill(List<String> free, Set<String> rowIndices, int at, Map<String, Integer> env,
                             Condition condition, Instantiator inst, List<Map<String, Integer>> out, int limit) {
        if (out.size() >= limit) {
            return;
        }
        if (at == free.size()) {
            if (inst.holds(condition, env)) {
                out.add(Map.copyOf(env));
            }
            return;
        }
        int top = rowIndices.contains(free.get(at)) ? inst.rows() : inst.classes();
        for (int v = 1; v <= top; v++) {
            env.put(free.get(at), v);
            fill(free, rowIndices, at + 1, env, condition, inst, out, limit);
        }
        env.remove(free.get(at));
    }

    /**
     * One case per equality pattern (i = j, i != j, ...): for a symmetric identity these stand for all
     * cases, which keeps the slower symbolic confirmation to a handful of CAS calls.
     */
    static List<Map<String, Integer>> representatives(List<String> free, Set<String> rowIndices, Condition condition,
                                                      Instantiator inst) {
        Map<String, Map<String, Integer>> byPattern = new LinkedHashMap<>();
        for (Map<String, Integer> env : all(free, rowIndices, condition, inst)) {
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

    /**
     * Substitutes the last label of each row by one minus the others: the labels-sum-to-one
     * assumption, exactly, for the CAS.
     */
    static Expr lastLabelFromOthers(Expr e, Instantiator inst) {
        Set<Expr.Sym> vars = Instantiator.variables(List.of(e));
        Map<Expr.Sym, Expr> replace = new HashMap<>();
        int k = inst.classes();
        String labels = inst.notation().labels();
        for (int row = inst.batched() ? 1 : 0; row <= (inst.batched() ? inst.rows() : 0); row++) {
            List<Expr> others = new ArrayList<>();
            for (int i = 1; i < k; i++) {
                others.add(labelSym(labels, row, i));
            }
            replace.put(labelSym(labels, row, k), Exprs.sub(Exprs.ONE, Exprs.add(others)));
        }
        vars.retainAll(replace.keySet());
        if (vars.isEmpty()) {
            return e;
        }
        return Instantiator.substitute(e, s -> replace.getOrDefault(s, s));
    }

    private static Expr.Sym labelSym(String name, int row, int k) {
        return row == 0 ? Expr.Sym.indexed(name, Num.of(k)) : Expr.Sym.indexed(name, Num.of(row), Num.of(k));
    }

    static Map<String, Integer> sorted(Map<String, Integer> env) {
        return new TreeMap<>(env);
    }
}
