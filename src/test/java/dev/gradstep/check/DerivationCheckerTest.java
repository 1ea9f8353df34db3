package dev.gradstep.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.derivation.Assumption;
import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.Notation;
import dev.gradstep.derivation.Rule;
import dev.gradstep.derivation.Step;
import dev.gradstep.expr.Condition;
import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Expr.Add;
import dev.gradstep.expr.Expr.Delta;
import dev.gradstep.expr.Expr.Deriv;
import dev.gradstep.expr.Expr.Div;
import dev.gradstep.expr.Expr.Exp;
import dev.gradstep.expr.Expr.Log;
import dev.gradstep.expr.Expr.Mul;
import dev.gradstep.expr.Expr.Neg;
import dev.gradstep.expr.Expr.Num;
import dev.gradstep.expr.Expr.Sum;
import dev.gradstep.expr.Expr.Sym;
import dev.gradstep.expr.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checker on trees built by hand, so it is tested apart from the LaTeX reader. */
class DerivationCheckerTest {

    private static final Sym I = new Sym("i");
    private static final Sym J = new Sym("j");
    private static final Sym K = new Sym("k");

    private static Sym s(Expr i) {
        return Sym.indexed("s", i);
    }

    private static Sym z(Expr i) {
        return Sym.indexed("z", i);
    }

    private static Sym y(Expr i) {
        return Sym.indexed("y", i);
    }

    private static Expr mul(Expr... f) {
        return new Mul(List.of(f));
    }

    private static Expr add(Expr... t) {
        return new Add(List.of(t));
    }

    private static Expr sumOver(Sym index, Expr body) {
        return new Sum(index.name(), null, null, Condition.ALWAYS, body);
    }

    private static Expr dsdz() {
        return new Deriv(s(I), z(J));
    }

    private static Expr dLdz() {
        return new Deriv(new Sym("L"), z(J));
    }

    private final DerivationChecker checker = new DerivationChecker(null, CheckSettings.defaults());

    private static Derivation derivation(Set<Assumption> assumptions, Line... lines) {
        List<Step> steps = new ArrayList<>();
        for (int n = 0; n < lines.length; n++) {
            steps.add(new Step(n + 1, "step " + (n + 1), lines[n], Rule.SIMPLIFY, "", Map.of(), null, n + 1));
        }
        return new Derivation("t", "test", "", Notation.DEFAULT, assumptions, steps, "test");
    }

    private static Line eq(Expr lhs, Expr rhs) {
        return new Line(lhs, List.of(rhs), Condition.ALWAYS);
    }

    private static Line cont(Expr rhs) {
        return new Line(null, List.of(rhs), Condition.ALWAYS);
    }

    @Test
    void check_softmaxJacobianWithDelta_verifiedNumerically() {
        Expr rhs = mul(s(I), add(new Delta(I, J), new Neg(s(J))));
        StepVerdict v = checker.check(derivation(Set.of(), eq(dsdz(), rhs))).verdicts().get(0);
        assertEquals(Outcome.VERIFIED, v.outcome(), v.detail());
        assertEquals("numeric", v.basisName());
        assertEquals(Set.of(), v.assumptions());
    }

    @Test
    void check_signSlipInJacobian_failsWithCounterexample() {
        Expr wrong = mul(s(I), add(s(J), new Neg(new Delta(I, J))));
        StepVerdict v = checker.check(derivation(Set.of(), eq(dsdz(), wrong))).verdicts().get(0);
        assertEquals(Outcome.FAILED, v.outcome());
        assertEquals(Boolean.FALSE, v.holds());
        Counterexample c = v.counterexample();
        assertNotNull(c);
        assertEquals(c.classes(), c.logits().size());
        assertTrue(c.indices().containsKey("i") && c.indices().containsKey("j"), c.describe());
        assertFalse(c.left().equals(c.right()));
    }

    @Test
    void check_caseConditionRestrictsIndices_diagonalCaseVerified() {
        Line diagonal = new Line(dsdz(), List.of(mul(s(I), add(Num.of(1), new Neg(s(I))))),
                Condition.of(new Condition.Relation(I, Condition.Op.EQ, J)));
        Line offDiagonalWrongCase = new Line(dsdz(), List.of(mul(s(I), add(Num.of(1), new Neg(s(I))))),
                Condition.of(new Condition.Relation(I, Condition.Op.NE, J)));
        DerivationReport r = checker.check(derivation(Set.of(), diagonal, offDiagonalWrongCase));
        assertEquals(Outcome.VERIFIED, r.verdicts().get(0).outcome());
        assertEquals(Outcome.FAILED, r.verdicts().get(1).outcome());
        Map<String, Integer> idx = r.verdicts().get(1).counterexample().indices();
        assertFalse(idx.get("i").equals(idx.get("j")), "the counterexample respects i != j: " + idx);
    }

    @Test
    void check_shortcutWithoutSumToOne_failsButHoldsUnderAssumption() {
        Line result = eq(dLdz(), add(s(J), new Neg(y(J))));
        StepVerdict without = checker.check(derivation(Set.of(), result)).verdicts().get(0);
        assertEquals(Outcome.FAILED, without.outcome());
        StepVerdict with = checker.check(derivation(Set.of(Assumption.LABELS_SUM_TO_ONE), result)).verdicts().get(0);
        assertEquals(Outcome.VERIFIED, with.outcome(), with.detail());
        assertEquals(Set.of(Assumption.LABELS_SUM_TO_ONE), with.assumptions());
    }

    @Test
    void check_generalGradient_verifiedWithoutAssumption() {
        Line general = eq(dLdz(), add(mul(s(J), sumOver(I, y(I))), new Neg(y(J))));
        StepVerdict v = checker.check(derivation(Set.of(), general)).verdicts().get(0);
        assertEquals(Outcome.VERIFIED, v.outcome(), v.detail());
        assertEquals(Set.of(), v.assumptions());
    }

    @Test
    void check_derivativeWithRespectToProbabilities_treatsThemAsVariables() {
        Line dLds = eq(new Deriv(new Sym("L"), s(I)), new Neg(new Div(y(I), s(I))));
        Line keptSum = eq(new Deriv(new Sym("L"), s(I)), new Neg(sumOver(I, new Div(y(I), s(I)))));
        DerivationReport r = checker.check(derivation(Set.of(), dLds, keptSum));
        assertEquals(Outcome.VERIFIED, r.verdicts().get(0).outcome(), r.verdicts().get(0).detail());
        assertEquals(Outcome.FAILED, r.verdicts().get(1).outcome());
    }

    @Test
    void check_continuationComparedWithChainLeftAndPreviousStep() {
        Expr softmaxDef = new Div(new Exp(z(I)), sumOver(K, new Exp(z(K))));
        Expr logSoftmax = add(z(I), new Neg(new Log(sumOver(K, new Exp(z(K))))));
        Line def = eq(s(I), softmaxDef);
        Line wrongNext = cont(add(z(I), new Log(sumOver(K, new Exp(z(K))))));
        Line logLine = eq(new Log(s(I)), logSoftmax);
        DerivationReport r = checker.check(derivation(Set.of(), def, wrongNext, logLine));
        assertEquals(Outcome.VERIFIED, r.verdicts().get(0).outcome());
        StepVerdict wrong = r.verdicts().get(1);
        assertEquals(Outcome.FAILED, wrong.outcome());
        assertEquals(Boolean.FALSE, wrong.link());
        assertEquals(Outcome.VERIFIED, r.verdicts().get(2).outcome());
        assertFalse(r.passes());
    }

    @Test
    void check_largeLogitPoint_doesNotRaiseFalseFailure() {
        Expr diag = mul(s(I), add(Num.of(1), new Neg(s(I))));
        Line line = new Line(dsdz(), List.of(diag), Condition.of(new Condition.Relation(I, Condition.Op.EQ, J)));
        CheckSettings onlyExtreme = new CheckSettings(2, 5, 0, 7L, CheckSettings.defaults().symbolicTimeout(), 3);
        StepVerdict v = new DerivationChecker(null, onlyExtreme).check(derivation(Set.of(), line)).verdicts().get(0);
        assertTrue(v.outcome() != Outcome.FAILED, v.detail());
    }

    @Test
    void check_unknownFunction_undecidedWithReason() {
        Line line = eq(new Expr.Fn("\\tanh", List.of(z(I)), List.of()), z(I));
        StepVerdict v = checker.check(derivation(Set.of(), line)).verdicts().get(0);
        assertEquals(Outcome.UNDECIDED, v.outcome());
        assertTrue(v.detail().contains("tanh"), v.detail());
    }
}
