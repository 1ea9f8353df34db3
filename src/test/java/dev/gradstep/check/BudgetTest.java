package dev.gradstep.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.DerivationLoader;
import dev.gradstep.expr.Budget;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Inputs that ask for unbounded work get an undecided verdict that names the budget they exceed. */
class BudgetTest {

    private static final String NOTATION = "logits=z probs=s labels=y loss=L classes=";

    private static StudentReport check(String tex, String classes) {
        return new StudentChecker(null, CheckSettings.defaults()).check("t.tex", tex, NOTATION + classes);
    }

    private static String only(StudentReport r) {
        assertEquals(1, r.steps().size(), r.toString());
        return r.steps().get(0).toString();
    }

    @Test
    void check_classesFixedToABillion_undecidedOverTheClassBudget() {
        String detail = only(check("$$ s_i = \\frac{e^{z_i}}{\\sum_{k=1}^{K} e^{z_k}} $$", "1000000000"));
        assertTrue(detail.contains("K = 1000000000 classes is over the budget of " + Budget.DEFAULT.maxClasses()), detail);
    }

    @Test
    void check_sevenNestedSums_undecidedOverTheTermBudget() {
        String sums = "\\sum_{a=1}^{K}\\sum_{b=1}^{K}\\sum_{c=1}^{K}\\sum_{d=1}^{K}\\sum_{e=1}^{K}\\sum_{f=1}^{K}\\sum_{g=1}^{K}";
        String detail = only(check("$$ " + sums + " z_a z_g = " + sums + " z_g z_a $$", "K"));
        assertTrue(detail.contains("more than " + Budget.DEFAULT.maxTerms() + " terms"), detail);
    }

    @Test
    void check_fileTimeBudgetUsedUp_remainingStepsUndecidedWithTheReason() throws Exception {
        Derivation d = new DerivationLoader().parse("id: t\ntitle: t\nsteps:\n"
                + "  - tex: 's_i = \\frac{e^{z_i}}{\\sum_{k=1}^{K} e^{z_k}}'\n    rule: definition\n    why: w\n"
                + "  - tex: '= \\frac{e^{z_i}}{\\sum_{m=1}^{K} e^{z_m}}'\n    rule: simplify\n    why: w\n", "t.yaml");
        CheckSettings d0 = CheckSettings.defaults();
        Budget none = new Budget(500, 200, 2000, 50_000, 4096, Duration.ZERO);
        CheckSettings settings = new CheckSettings(d0.minClasses(), d0.maxClasses(), d0.pointsPerCase(), d0.seed(),
                d0.symbolicTimeout(), d0.symbolicMaxClasses(), none);
        DerivationReport r = new DerivationChecker(null, settings).check(d);
        for (StepVerdict v : r.verdicts()) {
            assertEquals(Outcome.UNDECIDED, v.outcome());
            assertTrue(v.detail().contains("time budget of 0 s for one file was used up"), v.detail());
        }
    }

    @Test
    void load_fiveThousandSteps_refusedBeforeTheyAreRead() {
        StringBuilder yaml = new StringBuilder("id: t\ntitle: t\nsteps:\n");
        for (int i = 0; i < 5000; i++) {
            yaml.append("  - tex: 'x = y'\n    rule: simplify\n    why: w\n");
        }
        var e = org.junit.jupiter.api.Assertions.assertThrows(DerivationLoader.LoadException.class,
                () -> new DerivationLoader().parse(yaml.toString(), "t.yaml"));
        assertEquals("t.yaml:3:1: 'steps' has 5000 steps; the budget is 500 per file: split the derivation",
                e.problems().get(0).describe());
    }

    @Test
    void load_halfAMillionCharacterId_refusedWithItsLength() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(DerivationLoader.LoadException.class,
                () -> new DerivationLoader().parse("id: " + "a".repeat(500_000) + "\ntitle: t\nsteps:\n"
                        + "  - tex: 'x = y'\n    rule: definition\n    why: w\n", "t.yaml"));
        assertTrue(e.problems().get(0).describe().contains("the id has 500000 characters; the budget is 200"),
                e.problems().toString());
    }
}
