package dev.gradstep.check;

import dev.gradstep.derivation.Definition;
import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.Notation;
import dev.gradstep.derivation.Step;
import dev.gradstep.expr.Expr;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A step made concrete for the user: its two sides for one class count and each index case
 * (the "concrete view"), and their values at the user's own logits and labels.
 */
public final class StepInstances {

    /** More classes than this are not instantiated: the sums would be too long to show or evaluate. */
    public static final int MAX_CLASSES = dev.gradstep.expr.Budget.DEFAULT.maxClasses();
    /** At most this many index cases are listed or evaluated. */
    public static final int MAX_CASES = 64;

    private final Evaluator evaluator = new Evaluator(30);

    /** One index case of a step at a fixed K: the indices, and both sides with sums expanded. */
    public record Instance(Map<String, Integer> indices, Expr left, Expr right) {
        public Instance {
            indices = Map.copyOf(indices);
        }
    }

    /** Both sides' values for one index case at the user's numbers. */
    public record Evaluation(Map<String, Integer> indices, double left, double right) {
        public Evaluation {
            indices = Map.copyOf(indices);
        }

        public boolean agrees() {
            double scale = Math.max(1e-300, Math.max(Math.abs(left), Math.abs(right)));
            return Math.abs(left - right) <= 1e-9 * scale || Math.abs(left - right) < 1e-12;
        }
    }

    /**
     * The step's left side (the chain's left side for a continuation) and right side for K
     * classes, one instance per index case allowed by its condition. Indices are 1-based.
     * Symbols keep their names (s_2 stays s_2); sums are written out and deltas decided.
     */
    public List<Instance> instances(List<Step> steps, int stepIndex, Notation notation, int classes) {
        return instances(steps, stepIndex, notation, List.of(), classes);
    }

    /** {@link #instances(List, int, Notation, int)} for a derivation, with its definitions; a batch has N = 2. */
    public List<Instance> instances(Derivation derivation, int stepIndex, int classes) {
        return instances(derivation.steps(), stepIndex, derivation.notation(), derivation.definitions(), classes);
    }

    private List<Instance> instances(List<Step> steps, int stepIndex, Notation notation, List<Definition> definitions,
                                     int classes) {
        Chains.Link link = ArrayForm.indexForm(Chains.of(steps).get(stepIndex), notation, definitions);
        Instantiator inst = new Instantiator(notation, checkedClasses(classes), NumericComparer.rowCounts(notation)[0],
                definitions, false);
        Expr right = link.rights().get(link.rights().size() - 1);
        List<Expr> sides = List.of(link.chainLeft(), right);
        List<String> free = Chains.freeIndices(sides, link.condition(), notation);
        List<Instance> out = new ArrayList<>();
        for (Map<String, Integer> env : IndexCases.all(free, inst.rowIndices(sides), link.condition(), inst, MAX_CASES)) {
            out.add(new Instance(IndexCases.sorted(env),
                    inst.instantiate(link.chainLeft(), env, Instantiator.Mode.DISPLAY),
                    inst.instantiate(right, env, Instantiator.Mode.DISPLAY)));
        }
        return out;
    }

    /**
     * Both sides evaluated at the given logits and labels (K = logits.length), per index case.
     * Labels follow the user's numbers even under a one-hot notation, so a student sees where a
     * step stops holding for labels that are not what the derivation assumed.
     */
    public List<Evaluation> evaluate(List<Step> steps, int stepIndex, Notation notation, double[] logits,
                                     double[] labels) {
        return evaluate(steps, stepIndex, notation, List.of(), logits, labels);
    }

    /** {@link #evaluate(List, int, Notation, double[], double[])} for a derivation, with its definitions. */
    public List<Evaluation> evaluate(Derivation derivation, int stepIndex, double[] logits, double[] labels) {
        return evaluate(derivation.steps(), stepIndex, derivation.notation(), derivation.definitions(), logits, labels);
    }

    private List<Evaluation> evaluate(List<Step> steps, int stepIndex, Notation notation, List<Definition> definitions,
                                      double[] logits, double[] labels) {
        if (notation.batch() != null) {
            throw new IllegalArgumentException("this derivation is about a batch: one row of numbers cannot instantiate it");
        }
        if (logits.length != labels.length) {
            throw new IllegalArgumentException(logits.length + " logits but " + labels.length + " labels");
        }
        Notation general = new Notation(notation.logits(), notation.probs(), notation.labels(), notation.loss(),
                notation.classes(), notation.batch(), null, notation.temperature());
        int k = checkedClasses(logits.length);
        Chains.Link link = ArrayForm.indexForm(Chains.of(steps).get(stepIndex), general, definitions);
        Instantiator inst = new Instantiator(general, k, 0, definitions, true);
        Expr right = link.rights().get(link.rights().size() - 1);
        List<String> free = Chains.freeIndices(List.of(link.chainLeft(), right), link.condition(), general);
        Map<Expr.Sym, BigDecimal> point = new HashMap<>();
        for (int i = 1; i <= k; i++) {
            point.put(Expr.Sym.indexed(general.logits(), Expr.Num.of(i)), new BigDecimal(logits[i - 1]));
            point.put(Expr.Sym.indexed(general.labels(), Expr.Num.of(i)), new BigDecimal(labels[i - 1]));
        }
        List<Evaluation> out = new ArrayList<>();
        Evaluator.Session session = evaluator.at(point);
        for (Map<String, Integer> env : IndexCases.all(free, Set.of(), link.condition(), inst, MAX_CASES)) {
            Expr left = inst.instantiate(link.chainLeft(), env, Instantiator.Mode.LOGITS);
            Expr rightValue = inst.instantiate(right, env, Instantiator.Mode.LOGITS);
            requireValues(List.of(left, rightValue), point);
            double l = session.eval(left).value().doubleValue();
            double r = session.eval(rightValue).value().doubleValue();
            out.add(new Evaluation(IndexCases.sorted(env), l, r));
        }
        return out;
    }

    /** Parameters (weights, a temperature) have no value among the user's logits and labels: say which. */
    private static void requireValues(List<Expr> exprs, Map<Expr.Sym, BigDecimal> point) {
        for (Expr.Sym v : Instantiator.variables(exprs)) {
            if (!point.containsKey(v)) {
                throw new IllegalArgumentException("it uses " + new dev.gradstep.tex.TexWriter().write(v)
                        + ", which is not a logit or a label and has no value here");
            }
        }
    }

    private static int checkedClasses(int classes) {
        if (classes < 2 || classes > MAX_CLASSES) {
            throw new IllegalArgumentException("steps can be instantiated for 2.." + MAX_CLASSES
                    + " classes, not " + classes);
        }
        return classes;
    }
}
