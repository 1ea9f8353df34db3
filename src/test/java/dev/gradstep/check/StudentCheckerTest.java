package dev.gradstep.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.check.StudentReport.StepResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StudentCheckerTest {

    private final StudentChecker checker = new StudentChecker(null, CheckSettings.defaults());

    static Stream<StudentCases.Case> correct() {
        return StudentCases.correct().stream();
    }

    static Stream<StudentCases.Case> wrong() {
        return StudentCases.wrong().stream();
    }

    static String table(StudentReport r) {
        StringBuilder sb = new StringBuilder(r.notation().describe()).append('\n');
        for (StepResult s : r.steps()) {
            sb.append(s.line()).append(": holds=").append(s.holds()).append(" link=").append(s.link()).append(' ')
                    .append(s.rhs()).append(s.error() == null ? "" : " error=" + s.error())
                    .append(s.hint() == null ? "" : " hint=" + s.hint()).append('\n');
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("correct")
    void check_correctDerivation_everyStepHolds(StudentCases.Case c) {
        StudentReport r = checker.check(c.name(), c.tex(), null);
        assertTrue(r.passes(), table(r));
        assertTrue(r.steps().size() >= 1);
        for (StepResult s : r.steps()) {
            assertNull(s.counterexample(), table(r));
            assertNull(s.hint(), table(r));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrong")
    void check_oneMistake_caughtAtTheMarkedLineWithItsHint(StudentCases.Case c) {
        List<String> lines = c.tex().lines().toList();
        int marked = 0;
        String fragment = "";
        for (int i = 0; i < lines.size(); i++) {
            int at = lines.get(i).indexOf("% wrong");
            if (at >= 0) {
                marked = i + 1;
                fragment = lines.get(i).substring(at + "% wrong".length()).replaceFirst("^:", "").trim();
            }
        }
        StudentReport r = checker.check(c.name(), c.tex(), null);
        StepResult first = r.firstProblem();
        assertNotNull(first, table(r));
        assertEquals(marked, first.line(), "first problem\n" + table(r));
        assertEquals(Boolean.FALSE, first.holds(), table(r));
        // an index beyond its range has no numbers to show: the error says which index
        assertTrue(first.counterexample() != null && first.counterexample().classes() >= 2
                || first.error() != null && first.error().contains("outside"), table(r));
        if (!fragment.isEmpty()) {
            assertNotNull(first.hint(), table(r));
            assertTrue(first.hint().contains(fragment), "hint '" + first.hint() + "' lacks '" + fragment + "'\n" + table(r));
        }
    }

    @Test
    void check_unreadableLine_errorNamesTokenAndRestIsChecked() {
        String tex = """
                % notation: logits=z probs=s labels=y loss=L classes=K
                \\begin{align*}
                \\frac{\\partial L}{\\partial z_j} &= s_j - y_j \\\\
                &= s_j - y_j + \\frac{1}{ \\\\
                &= s_j - y_j
                \\end{align*}
                \\[ L = -\\sum_i y_i \\log s_i \\]
                """;
        StudentReport r = checker.check("f.tex", tex, null);
        List<StepResult> steps = r.steps();
        assertEquals(4, steps.size(), table(r));
        assertEquals(Boolean.TRUE, steps.get(0).holds());
        StepResult bad = steps.get(1);
        assertEquals(4, bad.line());
        assertNull(bad.holds());
        assertNull(bad.rhsExpr());
        assertTrue(bad.error().startsWith("line 4, column "), bad.error());
        assertTrue(bad.error().contains("'{'"), bad.error());
        assertEquals(Boolean.TRUE, steps.get(2).holds(), "checked against the left side although the line before is unreadable");
        assertNull(steps.get(2).link(), "no link to an unreadable line");
        assertEquals(Boolean.TRUE, steps.get(3).holds());
        assertEquals(false, r.passes());
    }

    @Test
    void check_unreadableLeftSide_linksStillChecked() {
        String tex = """
                \\begin{align*}
                \\frac{\\partial L}{\\partial z_j} + \\frac{ &= s_j - y_j \\\\
                &= s_j - y_j + 0 \\\\
                &= s_j + y_j
                \\end{align*}
                """;
        StudentReport r = checker.check("f.tex", tex, "logits=z probs=s labels=y loss=L classes=K");
        List<StepResult> steps = r.steps();
        assertEquals(3, steps.size(), table(r));
        assertNull(steps.get(0).holds());
        assertTrue(steps.get(0).error().contains("left side"), steps.get(0).error());
        assertEquals(Boolean.TRUE, steps.get(1).link(), table(r));
        assertEquals(Boolean.FALSE, steps.get(2).link(), table(r));
        assertNull(steps.get(2).holds());
    }

    @Test
    void check_caseSplitRows_noLinkAcrossCases() {
        String tex = """
                \\begin{align*}
                \\frac{\\partial s_i}{\\partial z_j} &= s_i(\\delta_{ij} - s_j) \\\\
                &= s_i (1 - s_i) \\quad (i = j) \\\\
                &= -s_i s_j \\quad (i \\neq j)
                \\end{align*}
                """;
        StudentReport r = checker.check("f.tex", tex, null);
        assertTrue(r.passes(), table(r));
        assertEquals(Boolean.TRUE, r.steps().get(1).link());
        assertNull(r.steps().get(2).link(), "the previous line was only claimed for i = j");
        assertEquals("i \\neq j", r.steps().get(2).conditionTex());
    }

    @Test
    void check_linkFalseButHolds_reportsBoth() {
        String tex = """
                \\begin{align*}
                \\frac{\\partial L}{\\partial z_j} &= s_j - y_j \\\\
                &= s_j + y_j \\\\
                &= s_j - y_j
                \\end{align*}
                """;
        StudentReport r = checker.check("f.tex", tex, null);
        List<StepResult> s = r.steps();
        assertEquals(List.of(true, false, true), s.stream().map(StepResult::holds).toList(), table(r));
        assertEquals(List.of(true, false, false), s.stream().map(StepResult::link).toList(), table(r));
    }

    @Test
    void check_blockStartingWithEquals_continuesTheChainBefore() {
        String tex = """
                \\begin{align*}
                \\frac{\\partial L}{\\partial z_j} &= -y_j (1 - s_j) + \\sum_{i \\neq j} y_i s_j
                \\end{align*}
                Now collect the terms:
                \\begin{align*}
                &= s_j - y_j \\\\
                &= s_j + y_j
                \\end{align*}
                """;
        StudentReport r = checker.check("f.tex", tex, null);
        assertEquals(1, r.chains().size(), table(r));
        assertEquals(List.of(true, true, false), r.steps().stream().map(StepResult::holds).toList(), table(r));
        assertEquals(List.of(2, 6, 7), r.steps().stream().map(StepResult::line).toList());
    }

    @Test
    void check_derivativeByFunctionProbability_showsItAsWritten() {
        String tex = "% notation: logits=x probs=\\sigma\n\\[ \\frac{\\partial L}{\\partial \\sigma(x_i)} = -\\frac{y_i}{\\sigma(x_i)} \\]";
        StudentReport r = checker.check("f.tex", tex, null);
        assertEquals("\\frac{\\partial L}{\\partial \\sigma(x_i)}", r.chains().get(0).lhs());
        assertTrue(r.passes(), table(r));
    }

    @Test
    void check_unknownSymbol_undecidedWithMessage() {
        StudentReport r = checker.check("f.tex", "\\[ \\frac{\\partial s_i}{\\partial z_j} = \\frac{u' v - u v'}{v^2} \\]", null);
        StepResult s = r.steps().get(0);
        assertNull(s.holds());
        assertTrue(s.error().contains("'u'' has no meaning"), s.error());
    }

    @Test
    void check_guessedNotation_isReportedAsGuessed() {
        StudentReport r = checker.check("f.tex", StudentCases.correct().get(11).tex(), null);
        assertEquals(StudentNotation.Source.GUESSED, r.notation().source());
        assertEquals("logits=\\theta probs=p labels=t loss=\\ell classes=K", r.notation().describe());
    }

    @Test
    void check_commandLineNotation_overridesTheFile() {
        String tex = "% notation: logits=x probs=p labels=y loss=L classes=K\n\\[ \\frac{\\partial L}{\\partial z_j} = s_j - y_j \\]";
        StudentReport r = checker.check("f.tex", tex, "logits=z probs=s");
        assertEquals(StudentNotation.Source.COMMAND_LINE, r.notation().source());
        assertTrue(r.passes(), table(r));
    }

    @Test
    void check_badNotationInFile_errorNamesLineAndKey() {
        var e = assertThrows(StudentNotation.NotationException.class,
                () -> checker.check("f.tex", "\n% notation: logits=z probs=\\frac{ \n\\[ a = a \\]", null));
        assertTrue(e.getMessage().startsWith("line 2: cannot read probs="), e.getMessage());
    }

    @Test
    void check_noDisplayMath_noStepsAndDoesNotPass() {
        StudentReport r = checker.check("f.tex", "Only text and $s_i = 1$ inline.", null);
        assertEquals(0, r.steps().size());
        assertEquals(false, r.passes());
    }

    @Test
    void check_unclosedBlock_reportedAtItsLine() {
        StudentReport r = checker.check("f.tex", "text\n\\begin{align}\nL &= 1\n", null);
        StepResult s = r.steps().get(0);
        assertEquals(2, s.line());
        assertTrue(s.error().contains("never closed"), s.error());
    }
}
