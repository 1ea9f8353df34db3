package dev.gradstep.ui;

import dev.gradstep.check.Basis;
import dev.gradstep.check.Outcome;
import dev.gradstep.check.StepVerdict;
import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.Notation;
import dev.gradstep.derivation.Rule;
import dev.gradstep.derivation.Step;
import dev.gradstep.expr.Condition;
import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hand-built derivations, so view-model tests do not depend on the LaTeX reader or the loader. */
final class TestDerivations {

    private TestDerivations() {
    }

    static Derivation steps(int n) {
        List<Step> steps = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Line line = new Line(i == 1 ? new Expr.Sym("L") : null, List.of(new Expr.Sym("x", List.of(Expr.Num.of(i)))),
                    Condition.ALWAYS);
            steps.add(new Step(i, (i == 1 ? "L " : "") + "= x_{" + i + "}", line,
                    i == 2 ? Rule.QUOTIENT_RULE : Rule.SIMPLIFY, "Reason " + i + ". More words.",
                    i == 2 ? Map.of("u", "e^{z_i}", "v", "\\sum_k e^{z_k}") : Map.of(), null, i));
        }
        return new Derivation("test-" + n, "Test with " + n + " steps", "", Notation.DEFAULT, Set.of(), steps, "test");
    }

    static StepVerdict verified(int step, Basis basis) {
        return new StepVerdict(step, Outcome.VERIFIED, Set.of(basis), Set.of(), true, true, null, "ok");
    }

    static StepVerdict failed(int step) {
        return new StepVerdict(step, Outcome.FAILED, Set.of(Basis.NUMERIC), Set.of(), false, false, null, "differs");
    }
}
