package dev.gradstep.check;

import dev.gradstep.derivation.Definition;
import dev.gradstep.derivation.Notation;
import dev.gradstep.expr.Expr;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The numeric half of a verdict: both sides of a step at random points, for every class count and
 * index case, at 50 significant digits. A difference beyond the tracked rounding error is a
 * counterexample; agreement everywhere is evidence, not proof, and the summary says how much.
 */
final class NumericComparer {

    static final int DIGITS = 40;
    private static final MathContext SHOW = new MathContext(12);
    /** Large logits: machine-precision softmax overflows here; the check must still be right. */
    private static final int[] EXTREME = {1000, 0, -1000, 500, -500, 250, -250, 750};

    private final CheckSettings settings;
    private final Evaluator evaluator = new Evaluator(DIGITS);

    NumericComparer(CheckSettings settings) {
        this.settings = settings;
    }

    record Result(Boolean holds, Boolean link, Counterexample counterexample, String summary) {
    }

    /** The class count a notation fixes ({@code classes: 2}), or 0 when K is a symbol. */
    static int fixedClasses(Notation notation) {
        try {
            return Integer.parseInt(notation.classes().trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Batch sizes tried when the notation has a batch: small, since cases grow as N x K. */
    static int[] rowCounts(Notation notation) {
        return notation.batch() == null ? new int[] {0} : new int[] {2, 3};
    }

    Result compare(Chains.Link link, Notation notation, List<Definition> definitions, boolean normalizedLabels,
                   BooleanSupplier cancelled) {
        int fixed = fixedClasses(notation);
        int from = fixed > 0 ? fixed : settings.minClasses();
        int to = fixed > 0 ? fixed : settings.maxClasses();
        List<Expr> sides = DerivationChecker.sides(link);
        List<String> free = Chains.freeIndices(sides, link.condition(), notation);
        Tally holds = new Tally();
        Tally follows = new Tally();
        int cases = 0;
        for (int k = from; k <= to && !cancelled.getAsBoolean(); k++) {
            for (int rows : rowCounts(notation)) {
                Instantiator inst = new Instantiator(notation, k, rows, definitions, true, settings.budget());
                int caseNumber = 0;
                for (Map<String, Integer> env : IndexCases.all(free, inst.rowIndices(sides), link.condition(), inst)) {
                    cases++;
                    Expr left = inst.instantiate(link.chainLeft(), env, Instantiator.Mode.LOGITS);
                    Expr previous = link.previous() == null ? null
                            : inst.instantiate(link.previous(), env, Instantiator.Mode.LOGITS);
                    List<Expr> rights = new ArrayList<>();
                    for (Expr r : link.rights()) {
                        rights.add(inst.instantiate(r, env, Instantiator.Mode.LOGITS));
                    }
                    List<Expr> all = new ArrayList<>(rights);
                    all.add(left);
                    if (previous != null) {
                        all.add(previous);
                    }
                    List<Expr.Sym> variables = new ArrayList<>(Instantiator.variables(all));
                    // each name once: a record's toString per comparison was a tenth of the check's time
                    Map<Expr.Sym, String> names = new HashMap<>();
                    variables.forEach(v -> names.put(v, v.toString()));
                    variables.sort(java.util.Comparator.comparing(names::get));
                    Random random = new Random(settings.seed() * 31 + link.step().number() * 1009L + k * 101L
                            + rows * 7L + caseNumber++);
                    for (int p = 0; p <= settings.pointsPerCase(); p++) {
                        boolean extreme = p == settings.pointsPerCase();
                        Map<Expr.Sym, BigDecimal> point = point(inst, variables, random, normalizedLabels, extreme);
                        Evaluator.Session session = evaluator.at(point);
                        Expr before = previous;
                        for (Expr right : rights) {
                            holds.record(session, left, right, k, env, point, inst);
                            if (before != null) {
                                follows.record(session, before, right, k, env, point, inst);
                            }
                            before = right;
                        }
                    }
                }
            }
        }
        String range = from == to ? "K=" + from : "K=" + from + ".." + to;
        String summary = "numbers: " + holds.agreements + " agreeing evaluations at " + DIGITS + " digits, "
                + range + (notation.batch() != null ? ", N=2..3" : "") + ", " + cases + " index case"
                + (cases == 1 ? "" : "s") + (normalizedLabels ? ", labels summing to one" : "");
        return new Result(holds.verdict(), follows.verdict(), holds.counterexample, summary);
    }

    /**
     * Random logits (or the large-logit pattern), labels (each row summing to one when asked), and
     * parameters in [0.5, 2.5), which keeps parameters such as a temperature away from zero.
     */
    private Map<Expr.Sym, BigDecimal> point(Instantiator inst, List<Expr.Sym> variables, Random random,
                                            boolean normalized, boolean extreme) {
        Map<Expr.Sym, BigDecimal> point = new HashMap<>();
        List<Expr.Sym> labels = new ArrayList<>();
        for (Expr.Sym v : variables) {
            switch (inst.roleOf(v)) {
                case LOGIT -> point.put(v, extreme ? BigDecimal.valueOf(EXTREME[(classOf(v) - 1) % EXTREME.length])
                        : decimal(random, -3.0, 3.0));
                case LABEL -> {
                    BigDecimal y = decimal(random, 0.05, 1.0);
                    point.put(v, y);
                    labels.add(v);
                }
                case PARAMETER -> point.put(v, decimal(random, 0.5, 2.5));
            }
        }
        if (normalized) {
            MathContext mc = evaluator.math().context();
            Map<Integer, BigDecimal> totals = new HashMap<>();
            for (Expr.Sym v : labels) {
                totals.computeIfAbsent(rowOf(v), row -> completeRowTotal(inst, v, point));
            }
            for (Expr.Sym v : labels) {
                point.put(v, point.get(v).divide(totals.get(rowOf(v)), mc));
            }
        }
        return point;
    }

    /**
     * The total a row of labels is divided by. Labels the expressions never mention still count,
     * so the normalised labels that do appear are the ones of a distribution over all K classes.
     */
    private static BigDecimal completeRowTotal(Instantiator inst, Expr.Sym label, Map<Expr.Sym, BigDecimal> point) {
        BigDecimal total = BigDecimal.ZERO;
        int row = rowOf(label);
        for (int k = 1; k <= inst.classes(); k++) {
            Expr.Sym y = row == 0 ? Expr.Sym.indexed(label.name(), Expr.Num.of(k))
                    : Expr.Sym.indexed(label.name(), Expr.Num.of(row), Expr.Num.of(k));
            BigDecimal v = point.get(y);
            if (v == null) {
                v = decimal(new Random(row * 31L + k), 0.05, 1.0);
                point.put(y, v);
            }
            total = total.add(v);
        }
        return total;
    }

    private static int classOf(Expr.Sym v) {
        return indexAt(v, v.indices().size() - 1);
    }

    private static int rowOf(Expr.Sym v) {
        return v.indices().size() == 2 ? indexAt(v, 0) : 0;
    }

    private static int indexAt(Expr.Sym v, int at) {
        return v.indices().isEmpty() ? 1 : ((Expr.Num) v.indices().get(at)).value().intValue();
    }

    private static BigDecimal decimal(Random random, double lo, double hi) {
        long micro = Math.round((lo + (hi - lo) * random.nextDouble()) * 1_000_000);
        // the same value as micro / 10^6, without an exact BigDecimal division (slow)
        return BigDecimal.valueOf(micro, 6).stripTrailingZeros();
    }

    /** Agreements and the first disagreement of one kind of comparison. */
    private static final class Tally {
        int agreements;
        int inconclusive;
        Counterexample counterexample;

        void record(Evaluator.Session session, Expr a, Expr b, int k, Map<String, Integer> env,
                    Map<Expr.Sym, BigDecimal> point, Instantiator inst) {
            if (counterexample != null) {
                return;
            }
            Evaluator.Val va;
            Evaluator.Val vb;
            try {
                va = session.eval(a);
                vb = session.eval(b);
            } catch (ArithmeticException e) {
                inconclusive++;
                return;
            }
            if (!va.known() || !vb.known()) {
                inconclusive++;
                return;
            }
            BigDecimal diff = va.value().subtract(vb.value()).abs();
            BigDecimal magnitude = va.value().abs().max(vb.value().abs());
            BigDecimal tolerance = va.error().add(vb.error()).multiply(BigDecimal.valueOf(8))
                    .add(magnitude.movePointLeft(30)).add(BigDecimal.ONE.movePointLeft(40));
            if (diff.compareTo(tolerance) <= 0) {
                agreements++;
                return;
            }
            List<String> z = new ArrayList<>();
            List<String> y = new ArrayList<>();
            Map<String, String> others = new java.util.TreeMap<>();
            point.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey(java.util.Comparator.comparing(Object::toString)))
                    .forEach(e -> {
                        switch (inst.roleOf(e.getKey())) {
                            case LOGIT -> z.add(show(e.getValue()));
                            case LABEL -> y.add(show(e.getValue()));
                            case PARAMETER -> others.put(name(e.getKey()), show(e.getValue()));
                        }
                    });
            if (inst.notation().onehot() != null) {
                y.clear();
                for (int i = 1; i <= k; i++) {
                    y.add(i == env.get(inst.notation().onehot()) ? "1" : "0");
                }
            }
            counterexample = new Counterexample(k, IndexCases.sorted(env), z, y, show(va.value()), show(vb.value()), others);
        }

        Boolean verdict() {
            if (counterexample != null) {
                return false;
            }
            return agreements > 0 ? Boolean.TRUE : null;
        }
    }

    private static String name(Expr.Sym s) {
        if (s.isPlain()) {
            return s.name();
        }
        StringBuilder sb = new StringBuilder(s.name()).append('_');
        for (int i = 0; i < s.indices().size(); i++) {
            sb.append(i == 0 ? "" : ",").append(((Expr.Num) s.indices().get(i)).value());
        }
        return sb.toString();
    }

    static String show(BigDecimal v) {
        if (v == null) {
            return "?";
        }
        BigDecimal r = v.round(SHOW).stripTrailingZeros();
        return r.abs().compareTo(BigDecimal.valueOf(1e-6)) < 0 && r.signum() != 0 || r.abs().compareTo(BigDecimal.valueOf(1e12)) > 0
                ? r.toString() : r.toPlainString();
    }
}
