package dev.gradstep.check;

import dev.gradstep.cas.Proof;
import dev.gradstep.cas.SymjaGateway;
import dev.gradstep.derivation.Assumption;
import dev.gradstep.derivation.Definition;
import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.Notation;
import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Exprs;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Verifies each step of a derivation numerically (every K in the settings' range, every index
 * case, random points at 40 digits) and, where a gateway is given, symbolically. Blocking: run
 * it off the UI thread. Steps are checked in parallel; each verdict is reported as it is known.
 */
public final class DerivationChecker {

    private final SymjaGateway gateway;
    private final CheckSettings settings;
    private final NumericComparer comparer;
    private final QuotientParts parts = new QuotientParts();

    /** @param gateway the CAS for symbolic confirmation; null for numeric-only checking */
    public DerivationChecker(SymjaGateway gateway, CheckSettings settings) {
        this.gateway = gateway;
        this.settings = settings;
        this.comparer = new NumericComparer(settings);
    }

    /** Checks every step, reporting each verdict as soon as it is known; stops early when cancelled. */
    public DerivationReport check(Derivation derivation, Consumer<StepVerdict> onVerdict, BooleanSupplier cancelledByUser) {
        long deadline = System.nanoTime() + settings.budget().perFile().toNanos();
        BooleanSupplier overTime = () -> System.nanoTime() - deadline > 0;
        // the file's time budget stops work the same way the user's cancel does; the reason differs
        BooleanSupplier cancelled = () -> cancelledByUser.getAsBoolean() || overTime.getAsBoolean();
        String stopped = "not checked: the time budget of " + settings.budget().perFile().toSeconds()
                + " s for one file was used up";
        List<Chains.Link> links;
        try {
            links = Chains.of(derivation.steps());
        } catch (IllegalArgumentException e) {
            List<StepVerdict> all = new ArrayList<>();
            for (var step : derivation.steps()) {
                StepVerdict v = undecided(step.number(), e.getMessage());
                onVerdict.accept(v);
                all.add(v);
            }
            return new DerivationReport(derivation, all);
        }
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gradstep-check");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<StepVerdict>> futures = new ArrayList<>();
            for (Chains.Link link : links) {
                futures.add(pool.submit(() -> {
                    StepVerdict v = cancelled.getAsBoolean()
                            ? undecided(link.step().number(), cancelledByUser.getAsBoolean() ? "cancelled" : stopped)
                            : remembered(derivation, link, cancelled);
                    if (v.outcome() == Outcome.UNDECIDED && overTime.getAsBoolean() && !cancelledByUser.getAsBoolean()
                            && v.detail().contains("cancelled")) {
                        v = undecided(link.step().number(), stopped);
                    }
                    onVerdict.accept(v);
                    return v;
                }));
            }
            List<Future<StepVerdict>> corrections = new ArrayList<>();
            for (Chains.Link link : correctedLinks(derivation)) {
                corrections.add(pool.submit(() -> cancelled.getAsBoolean()
                        ? undecided(link.step().number(), "cancelled")
                        : checkLink(derivation, link, cancelled)));
            }
            List<StepVerdict> verdicts = new ArrayList<>();
            for (Future<StepVerdict> f : futures) {
                verdicts.add(f.get());
            }
            List<StepVerdict> correctionVerdicts = new ArrayList<>();
            for (Future<StepVerdict> f : corrections) {
                correctionVerdicts.add(f.get());
            }
            return new DerivationReport(derivation, verdicts, correctionVerdicts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("checking was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("checking failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    public DerivationReport check(Derivation derivation) {
        return check(derivation, v -> { }, () -> false);
    }

    /** For each marked-wrong step with a readable correct line: that line's link, in the wrong step's place. */
    private static List<Chains.Link> correctedLinks(Derivation derivation) {
        List<Chains.Link> out = new ArrayList<>();
        List<dev.gradstep.derivation.Step> steps = derivation.steps();
        for (int i = 0; i < steps.size(); i++) {
            dev.gradstep.derivation.Step fixed = steps.get(i).corrected();
            if (fixed == null) {
                continue;
            }
            List<dev.gradstep.derivation.Step> withFix = new ArrayList<>(steps);
            withFix.set(i, fixed);
            try {
                out.add(Chains.of(withFix).get(i));
            } catch (IllegalArgumentException e) {
                // the wrong steps' own chain problem is reported with the step verdicts
            }
        }
        return out;
    }

    private static StepVerdict undecided(int step, String why) {
        return new StepVerdict(step, Outcome.UNDECIDED, Set.of(), Set.of(), null, null, null, why);
    }

    /** Separates the fields of a verdict kept as text; never in LaTeX or in a verdict's words. */
    private static final String FIELD = "\u001f";

    /**
     * A verified step's verdict from the gateway's answer cache when the same question was checked
     * before, else checked and kept. The key names everything the verdict depends on: the settings,
     * whether Symja is asked, the notation, assumptions and definitions, and the step (its number
     * seeds the random points) with its sides and condition as read, so any change to the question's
     * canonical form is another key. Only verified verdicts are kept: a failure is worked out again
     * with its counterexample and an undecided step may be decided with more time.
     */
    private StepVerdict remembered(Derivation derivation, Chains.Link link, BooleanSupplier cancelled) {
        dev.gradstep.cas.AnswerCache cache = gateway == null ? null : gateway.answers();
        if (cache == null) {
            return checkLink(derivation, link, cancelled);
        }
        String key = verdictKey(derivation, link);
        java.util.Optional<String> known = cache.recallText(key);
        if (known.isPresent()) {
            StepVerdict v = readVerdict(link.step().number(), known.get());
            if (v != null) {
                return v;
            }
        }
        StepVerdict v = checkLink(derivation, link, cancelled);
        if (v.outcome() == Outcome.VERIFIED && !cancelled.getAsBoolean()) {
            cache.rememberText(key, String.join(FIELD, v.basis().stream().map(Enum::name).sorted().toList().toString(),
                    v.assumptions().stream().map(Enum::name).sorted().toList().toString(), String.valueOf(v.link()), v.detail()));
        }
        return v;
    }

    private String verdictKey(Derivation d, Chains.Link link) {
        StringBuilder sb = new StringBuilder("verdict 1|").append(settings).append('|').append(gateway != null)
                .append('|').append(d.notation()).append('|')
                .append(d.assumptions().stream().map(Enum::name).sorted().toList());
        for (Definition def : d.definitions()) {
            sb.append("|def ").append(def.symbol()).append('=').append(def.value());
        }
        dev.gradstep.derivation.Step step = link.step();
        return sb.append("|step ").append(step.number()).append(' ').append(step.rule()).append(' ')
                .append(new java.util.TreeMap<>(step.parts())).append("|left ").append(link.chainLeft())
                .append("|previous ").append(link.previous()).append("|rights ").append(link.rights())
                .append("|if ").append(link.condition()).toString();
    }

    private static StepVerdict readVerdict(int number, String text) {
        String[] f = text.split(FIELD, -1);
        if (f.length != 4) {
            return null;
        }
        try {
            Set<Basis> basis = EnumSet.noneOf(Basis.class);
            names(f[0]).forEach(n -> basis.add(Basis.valueOf(n)));
            Set<Assumption> used = EnumSet.noneOf(Assumption.class);
            names(f[1]).forEach(n -> used.add(Assumption.valueOf(n)));
            Boolean link = f[2].equals("null") ? null : Boolean.valueOf(f[2]);
            return new StepVerdict(number, Outcome.VERIFIED, basis, used, true, link, null,
                    f[3] + "; this verdict from the cache (the same question was checked before)");
        } catch (RuntimeException e) {
            // not a verdict this version wrote: check the step again
            return null;
        }
    }

    private static List<String> names(String list) {
        String inner = list.substring(1, list.length() - 1).trim();
        return inner.isEmpty() ? List.of() : List.of(inner.split(",\\s*"));
    }

    private StepVerdict checkLink(Derivation derivation, Chains.Link written, BooleanSupplier cancelled) {
        Notation notation = derivation.notation();
        int number = written.step().number();
        Chains.Link link;
        try {
            link = ArrayForm.indexForm(written, notation, derivation.definitions());
        } catch (Instantiator.InstantiationException e) {
            return undecided(number, "cannot check: " + e.getMessage());
        }
        Set<Assumption> used = EnumSet.noneOf(Assumption.class);
        if (notation.onehot() != null) {
            used.add(Assumption.ONE_HOT);
        }
        NumericComparer.Result numeric;
        try {
            numeric = comparer.compare(link, notation, derivation.definitions(), false, cancelled);
            boolean mayNormalize = derivation.assumptions().contains(Assumption.LABELS_SUM_TO_ONE)
                    && notation.onehot() == null;
            if (numeric.holds() == Boolean.FALSE && mayNormalize) {
                NumericComparer.Result normalized = comparer.compare(link, notation, derivation.definitions(), true, cancelled);
                if (normalized.holds() != Boolean.FALSE) {
                    used.add(Assumption.LABELS_SUM_TO_ONE);
                }
                numeric = normalized;
            }
        } catch (Instantiator.OutOfRange e) {
            return new StepVerdict(number, Outcome.FAILED, EnumSet.of(Basis.NUMERIC), used, false, null, null,
                    "a side uses an index that does not exist: " + e.getMessage());
        } catch (Instantiator.InstantiationException | IllegalArgumentException | ArithmeticException e) {
            return undecided(number, "cannot check: " + e.getMessage());
        }
        if (cancelled.getAsBoolean()) {
            return undecided(number, "cancelled");
        }
        if (numeric.holds() == Boolean.FALSE) {
            return new StepVerdict(number, Outcome.FAILED, EnumSet.of(Basis.NUMERIC), used, false,
                    numeric.link(), numeric.counterexample(), "the two sides differ: " + numeric.counterexample().describe());
        }
        SymbolicResult symbolic = symbolic(link, notation, derivation.definitions(),
                used.contains(Assumption.LABELS_SUM_TO_ONE), cancelled);
        Set<Basis> basis = EnumSet.noneOf(Basis.class);
        if (numeric.holds() == Boolean.TRUE) {
            basis.add(Basis.NUMERIC);
        }
        if (symbolic.proved()) {
            basis.add(Basis.SYMBOLIC);
        }
        String detail = numeric.summary() + "; " + symbolic.summary()
                + (used.contains(Assumption.LABELS_SUM_TO_ONE) ? "; holds only when the labels sum to one" : "")
                + parts.confirm(parts.of(link.step(), notation), notation, derivation.definitions(), gateway,
                        settings.symbolicTimeout()).map(t -> "; " + t).orElse("");
        if (basis.isEmpty()) {
            return new StepVerdict(number, Outcome.UNDECIDED, basis, used, null, numeric.link(), null, detail);
        }
        return new StepVerdict(number, Outcome.VERIFIED, basis, used, true, numeric.link(), null, detail);
    }

    private record SymbolicResult(boolean proved, String summary) {
    }

    /**
     * Asks the CAS to confirm chainLeft - right = 0 at one K for one index case of each equality
     * pattern: K = 3 already has every pattern two or three indices can form.
     */
    private SymbolicResult symbolic(Chains.Link link, Notation notation, List<Definition> definitions, boolean normalized,
                                    BooleanSupplier cancelled) {
        if (gateway == null) {
            return new SymbolicResult(false, "no CAS check (numeric only)");
        }
        int fixed = NumericComparer.fixedClasses(notation);
        int from = fixed > 0 ? fixed : Math.max(settings.minClasses(), settings.symbolicMaxClasses());
        int to = from;
        List<Expr> sides = sides(link);
        List<String> free = Chains.freeIndices(sides, link.condition(), notation);
        int rows = NumericComparer.rowCounts(notation)[0];
        int cases = 0;
        int cached = 0;
        for (int k = from; k <= to; k++) {
            Instantiator inst = new Instantiator(notation, k, rows, definitions, false);
            for (Map<String, Integer> env : IndexCases.representatives(free, inst.rowIndices(sides), link.condition(), inst)) {
                for (Expr right : link.rights()) {
                    if (cancelled.getAsBoolean()) {
                        return new SymbolicResult(false, "Symja: cancelled");
                    }
                    Expr diff;
                    try {
                        diff = Exprs.sub(inst.instantiate(link.chainLeft(), env, Instantiator.Mode.LOGITS),
                                inst.instantiate(right, env, Instantiator.Mode.LOGITS));
                    } catch (Instantiator.InstantiationException e) {
                        return new SymbolicResult(false, "Symja: not asked (" + e.getMessage() + ")");
                    }
                    if (normalized) {
                        diff = IndexCases.lastLabelFromOthers(diff, inst);
                    }
                    Proof proof = gateway.proveZero(diff, settings.symbolicTimeout(), cancelled);
                    cases++;
                    cached += proof.cached() ? 1 : 0;
                    if (proof.status() != Proof.Status.PROVED) {
                        String why = switch (proof.status()) {
                            case ABORTED -> proof.detail();
                            case NOT_PROVED -> "could not simplify the difference to 0";
                            default -> "failed: " + proof.detail();
                        };
                        return new SymbolicResult(false, "Symja: " + why + " (K=" + k + ", " + env + ")"
                                + (proof.cached() ? " (Symja's answer from the cache)" : ""));
                    }
                }
            }
        }
        String range = from == to ? "K=" + from : "K=" + from + ".." + to;
        return new SymbolicResult(true, "Symja: proved for " + range + " (" + cases + " index case"
                + (cases == 1 ? "" : "s") + (cached == 0 ? "" : cached == cases ? ", answers from the cache"
                : ", " + cached + " answer" + (cached == 1 ? "" : "s") + " from the cache") + ")");
    }

    static List<Expr> sides(Chains.Link link) {
        List<Expr> all = new ArrayList<>(link.rights());
        all.add(link.chainLeft());
        if (link.previous() != null) {
            all.add(link.previous());
        }
        return all;
    }
}
