package dev.gradstep.check;

import dev.gradstep.cas.Proof;
import dev.gradstep.cas.SymjaGateway;
import dev.gradstep.derivation.Definition;
import dev.gradstep.derivation.Notation;
import dev.gradstep.derivation.Rule;
import dev.gradstep.derivation.Step;
import dev.gradstep.expr.Condition;
import dev.gradstep.expr.Expr;
import dev.gradstep.tex.TexParseException;
import dev.gradstep.tex.TexReader;
import dev.gradstep.tex.TexWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a quotient-rule step: the file names u and v, the program works out u' and v' (in
 * index notation, with Kronecker deltas) and Symja confirms them by taking {@code D} itself at
 * K = 3 for each equality pattern of the indices (i = j, i != j). Nothing about the derivatives is typed by the author.
 */
public final class QuotientParts {

    private final TexReader reader = new TexReader();
    private final TexWriter writer = new TexWriter();

    /** What the program found for one step: the parts to show, and u, v, u', v' as expressions. */
    public record Parts(Map<String, String> shown, Expr.Sym wrt, Map<String, Expr> exprs) {
        public Parts {
            shown = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(shown));
            exprs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(exprs));
        }

        public boolean hasDerivatives() {
            return exprs.containsKey("u'") && exprs.containsKey("v'");
        }
    }

    /**
     * The step's parts with u' and v' added (LaTeX, in the order u, u', v, v'), or the step's own
     * parts when it is not a quotient-rule step whose left side is a derivative.
     */
    public Parts of(Step step, Notation notation) {
        Map<String, String> given = step.parts();
        if (step.rule() != Rule.QUOTIENT_RULE || !given.containsKey("u") || !given.containsKey("v")
                || !(step.line().lhs() instanceof Expr.Deriv deriv)) {
            return new Parts(given, null, Map.of());
        }
        Expr u;
        Expr v;
        try {
            u = reader.readExpr(given.get("u"));
            v = reader.readExpr(given.get("v"));
        } catch (TexParseException e) {
            return new Parts(given, null, Map.of());
        }
        IndexDerivative d = new IndexDerivative(notation.classes());
        Optional<Expr> du = d.of(u, deriv.wrt());
        Optional<Expr> dv = d.of(v, deriv.wrt());
        if (du.isEmpty() || dv.isEmpty()) {
            return new Parts(given, null, Map.of());
        }
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("u", given.get("u"));
        shown.put("u'", writer.write(du.get()));
        shown.put("v", given.get("v"));
        shown.put("v'", writer.write(dv.get()));
        given.forEach(shown::putIfAbsent);
        Map<String, Expr> exprs = new LinkedHashMap<>();
        exprs.put("u", u);
        exprs.put("u'", du.get());
        exprs.put("v", v);
        exprs.put("v'", dv.get());
        return new Parts(shown, deriv.wrt(), exprs);
    }

    /**
     * Asks Symja to confirm u' and v': {@code D[u, z_j] - u'} simplifies to 0 at K = 3 for one
     * index case of each equality pattern. A sentence for the step's verdict, or empty when there is nothing to confirm.
     */
    Optional<String> confirm(Parts parts, Notation notation, List<Definition> definitions, SymjaGateway gateway,
                             Duration timeout) {
        if (!parts.hasDerivatives() || gateway == null) {
            return Optional.empty();
        }
        int k = 3;
        Instantiator inst = new Instantiator(notation, k, NumericComparer.rowCounts(notation)[0], definitions, false);
        List<Expr> all = new ArrayList<>(parts.exprs().values());
        all.add(parts.wrt());
        List<String> free = Chains.freeIndices(all, Condition.ALWAYS, notation);
        int cases = 0;
        for (Map<String, Integer> env : IndexCases.representatives(free, inst.rowIndices(all), Condition.ALWAYS, inst)) {
            Expr.Sym variable;
            try {
                variable = (Expr.Sym) inst.instantiate(parts.wrt(), env, Instantiator.Mode.DISPLAY);
                for (String name : List.of("u", "v")) {
                    Expr of = inst.instantiate(parts.exprs().get(name), env, Instantiator.Mode.LOGITS);
                    Expr claimed = inst.instantiate(parts.exprs().get(name + "'"), env, Instantiator.Mode.LOGITS);
                    Proof p = gateway.confirmDerivative(of, variable, claimed, timeout);
                    if (p.status() != Proof.Status.PROVED) {
                        return Optional.of("u' and v' not confirmed by Symja (" + name + "', K=" + k + ", "
                                + IndexCases.sorted(env) + ": " + p.status().name().toLowerCase(java.util.Locale.ROOT)
                                + (p.detail().isEmpty() ? "" : ", " + p.detail()) + ")");
                    }
                }
            } catch (Instantiator.InstantiationException | ClassCastException e) {
                return Optional.of("u' and v' not confirmed by Symja (" + e.getMessage() + ")");
            }
            cases++;
        }
        return Optional.of("u' and v' confirmed by Symja (D) for K=" + k + ", " + cases + " index case"
                + (cases == 1 ? "" : "s"));
    }
}
