package dev.gradstep.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.DerivationLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An exercise passes only when its marked step fails and its correct line, put in that place, verifies. */
class ExerciseCheckTest {

    private final DerivationChecker checker = new DerivationChecker(null, CheckSettings.defaults());

    private static String exercise(String wrong, String correct) {
        return "id: e\ntitle: e\nsteps:\n"
                + "  - tex: 'L = -\\sum_{i=1}^{K} y_i \\log s_i'\n    rule: definition\n    why: w\n"
                + "  - tex: '" + wrong + "'\n    rule: differentiate\n    why: w\n"
                + "    mistake:\n      correct: '" + correct + "'\n      explanation: x\n"
                + "  - tex: '\\frac{\\partial L}{\\partial z_j} = s_j \\sum_{i=1}^{K} y_i - y_j'\n    rule: result\n    why: w\n";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        real mistake, right correction   | \\frac{\\partial L}{\\partial s_i} = \\frac{y_i}{s_i} | \\frac{\\partial L}{\\partial s_i} = -\\frac{y_i}{s_i}  | FAILED   | VERIFIED | true
        real mistake, wrong correction   | \\frac{\\partial L}{\\partial s_i} = \\frac{y_i}{s_i} | \\frac{\\partial L}{\\partial s_i} = -\\frac{1}{s_i}    | FAILED   | FAILED   | false
        no mistake at all                | \\frac{\\partial L}{\\partial s_i} = -\\frac{y_i}{s_i} | \\frac{\\partial L}{\\partial s_i} = \\frac{y_i}{s_i}  | VERIFIED | FAILED   | false
        """)
    void check_markedStep_passesOnlyWhenWrongAndCorrected(String name, String wrong, String correct, Outcome step,
                                                         Outcome correction, boolean passes)
            throws DerivationLoader.LoadException {
        Derivation d = new DerivationLoader().parse(exercise(wrong, correct), "e.yaml");
        DerivationReport report = checker.check(d);
        assertEquals(step, report.verdicts().get(1).outcome(), report.verdicts().get(1).detail());
        assertEquals(correction, report.correction(2).orElseThrow().outcome());
        assertEquals(Outcome.VERIFIED, report.verdicts().get(2).outcome(), "the step after the mistake is right");
        assertEquals(passes, report.passes());
        assertEquals(1, report.corrections().size());
        assertTrue(report.correction(1).isEmpty());
    }
}
