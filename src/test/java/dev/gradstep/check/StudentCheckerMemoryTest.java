package dev.gradstep.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A checker that remembers chains re-verifies only what an edit changed, and says the same as a fresh check. */
class StudentCheckerMemoryTest {

    private static String homework() throws Exception {
        return Files.readString(Path.of("src", "test", "resources", "student", "homework.tex"));
    }

    @Test
    void check_sameTextAgain_noChainVerifiedAgain() throws Exception {
        StudentChecker checker = new StudentChecker(null, CheckSettings.defaults(), true);
        StudentReport first = checker.check("h.tex", homework(), null);
        assertEquals(6, checker.chainsVerifiedLastTime());
        StudentReport second = checker.check("h.tex", homework(), null);
        assertEquals(0, checker.chainsVerifiedLastTime());
        assertEquals(first, second);
    }

    @Test
    void check_oneLineEdited_onlyItsChainVerifiedAndReportAsFresh() throws Exception {
        StudentChecker remembering = new StudentChecker(null, CheckSettings.defaults(), true);
        remembering.check("h.tex", homework(), null);
        String fixed = homework().replace("&= \\hat{y}_i \\hat{y}_j \\quad (i \\neq j)", "&= -\\hat{y}_i \\hat{y}_j \\quad (i \\neq j)");
        StudentReport edited = remembering.check("h.tex", fixed, null);
        assertEquals(1, remembering.chainsVerifiedLastTime());
        StudentReport fresh = new StudentChecker(null, CheckSettings.defaults()).check("h.tex", fixed, null);
        assertEquals(fresh, edited);
        assertEquals(true, edited.passes());
    }

    @Test
    void check_linesAddedAbove_rememberedChainsMoveWithTheirLines() throws Exception {
        StudentChecker remembering = new StudentChecker(null, CheckSettings.defaults(), true);
        remembering.check("h.tex", homework(), null);
        String moved = homework().replace("\\begin{document}", "\\begin{document}\nA new paragraph.\n\nAnd another.");
        StudentReport after = remembering.check("h.tex", moved, null);
        assertEquals(0, remembering.chainsVerifiedLastTime());
        assertEquals(new StudentChecker(null, CheckSettings.defaults()).check("h.tex", moved, null), after);
        assertEquals(16, after.firstWrong().line());
    }

    @Test
    void check_notationChanged_everyChainVerifiedAgain() throws Exception {
        StudentChecker remembering = new StudentChecker(null, CheckSettings.defaults(), true);
        remembering.check("h.tex", homework(), null);
        remembering.check("h.tex", homework(), "logits=z probs=\\hat{y} labels=y loss=L classes=K labelsum=any");
        assertEquals(6, remembering.chainsVerifiedLastTime());
    }
}
