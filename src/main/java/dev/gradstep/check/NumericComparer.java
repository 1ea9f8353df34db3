package dev.gradstep.check;

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
    private static final BigDecimal SCALE = BigDecimal.valueOf(1_000_000);
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

    Result compare(Chains.Link link, Notation notation, boolean normalizedLabels, BooleanSupplier cancelled) {
        int fixed = fixedClasses(notation);
        int from = fixed > 0 ? fixed : settings.minClasses();
        int to = fixed > 0 ? fixed : settings.maxClasses();
        List<String> free = Chains.freeIndices(DerivationChecker.sides(link), link.condition(), notation);
        Tally holds = new Tally();
        Tally follows = new Tally();
        int cases = 0;
        for (int k = from; k <= to && !cancelled.getAsBoolean(); k++) {
            Instantiator inst = new Instantiator(notation, k, true);
            int caseNumber = 0;
            for (Map<String, Integer> env : IndexCases.all(free, k, link.condition(), inst)) {
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
                Set<Expr.Sym> params = IndexCases.parameters(all, inst);
                Random random = new Random(settings.seed() * 31 + link.step().number() * 1009L + k * 101L + caseNumber++);
                for (int p = 0; p <= settings.pointsPerCase(); p++) {
                    boolean extreme = p == settings.pointsPerCase();
                    Map<Expr.Sym, BigDecimal> point = point(inst, params, random, normalizedLabels, extreme,
                            notation.onehot() == null ? 0 : env.get(notation.onehot()));
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
        String range = from == to ? "K=" + from : "K=" + from + ".." + to;
        String summary = "numbers: " + holds.agreements + " agreeing evaluations at " + DIGITS + " digits, "
                + range + ", " + cases + " index case" + (cases == 1 ? "" : "s")
                + (normalizedLabels ? ", labels summing to one" : "");
        return new Result(holds.verdict(), follows.verdict(), holds.counterexample, summary);
    }

    /** Random logits (or the large-logit pattern), labels, and parameters; one-hot when trueClass > 0. */
    private Map<Expr.Sym, BigDecimal> point(Instantiator inst, Set<Expr.Sym> params, Random random,
                                            boolean normalized, boolean extreme, int trueClass) {
        Map<Expr.Sym, BigDecimal> point = new HashMap<>();
        int k = inst.classes();
        BigDecimal[] labels = new BigDecimal[k + 1];
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 1; i <= k; i++) {
            BigDecimal z = extreme ? BigDecimal.valueOf(EXTREME[(i - 1) % EXTREME.length])
                    : decimal(random, -3.0, 3.0);
            point.put(inst.logit(i), z);
            labels[i] = trueClass > 0 ? BigDecimal.valueOf(i == trueClass ? 1 : 0) : decimal(random, 0.05, 1.0);
            total = total.add(labels[i]);
        }
        MathContext mc = evaluator.math().context();
        for (int i = 1; i <= k; i++) {
            point.put(inst.label(i), normalized ? labels[i].divide(total, mc) : labels[i]);
        }
        for (Expr.Sym s : params) {
            point.put(s, decimal(random, 0.5, 2.5));
        }
        return point;
    }

    private static BigDecimal decimal(Random random, double lo, double hi) {
        long micro = Math.round((lo + (hi - lo) * random.nextDouble()) * 1_000_000);
        return BigDecimal.valueOf(micro).divide(SCALE);
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
            for (int i = 1; i <= k; i++) {
                z.add(show(point.get(inst.logit(i))));
                y.add(show(point.get(inst.label(i))));
            }
            counterexample = new Counterexample(k, IndexCases.sorted(env), z, y, show(va.value()), show(vb.value()));
        }

        Boolean verdict() {
            if (counterexample != null) {
                return false;
            }
            return agreements > 0 ? Boolean.TRUE : null;
        }
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
