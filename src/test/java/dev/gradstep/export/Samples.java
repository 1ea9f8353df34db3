package dev.gradstep.export;

import dev.gradstep.derivation.Assumption;
import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.Notation;
import dev.gradstep.derivation.Rule;
import dev.gradstep.derivation.Step;
import dev.gradstep.expr.Condition;
import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Line;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Derivations built directly, so exporter tests need no LaTeX reader (exporters use only the tex). */
final class Samples {

    /** Reasons with every LaTeX special character, to prove the escaping. */
    static final String TRICKY_WHY = "Costs 5% & more: $x$ #1 under_score {braces} ~tilde ^caret \\back";

    private Samples() {
    }

    static Step step(int n, String tex, Rule rule, String why) {
        Line placeholder = new Line(new Expr.Sym("a"), List.of(new Expr.Sym("b")), Condition.ALWAYS);
        return new Step(n, tex, placeholder, rule, why, Map.of(), null, n * 3);
    }

    static Derivation derivation() {
        List<Step> steps = List.of(
                step(1, "  s_i = \\frac{e^{z_i}}{\\sum_{k=1}^{K} e^{z_k}}  ", Rule.DEFINITION,
                        "The softmax turns logits into probabilities."),
                step(2, "\\frac{\\partial L}{\\partial z_j} = \\sum_i \\frac{\\partial L}{\\partial s_i}\\frac{\\partial s_i}{\\partial z_j}",
                        Rule.CHAIN_RULE, TRICKY_WHY),
                step(3, "= s_j \\sum_i y_i - y_j", Rule.COLLECT, "Collect the terms in s_j."),
                step(4, "\\sum_{i=1}^{K} y_i \\, s_j - y_j\n\n  = s_j - y_j", Rule.USE_LABELS_SUM_TO_ONE,
                        "The labels sum to one."));
        return new Derivation("sample", "Softmax & cross-entropy", "Why s - y.\n\nA second paragraph.",
                new Notation("z", "s", "y", "L", "K", "N", null), Set.of(Assumption.LABELS_SUM_TO_ONE), steps,
                "sample.yaml");
    }
}
