package dev.gradstep.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradstep.check.StudentReport.StepResult;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The notation habits of published derivations (see src/test/resources/wild), one table row each:
 * a display line as authors write it, the notation, and the verdict of its one step.
 */
class StudentHabitsTest {

    private final StudentChecker checker = new StudentChecker(null, CheckSettings.defaults());

    private String verdict(String tex, String notation) {
        StudentReport r = checker.check("habit.tex", "\\[ " + tex + " \\]", notation);
        return r.steps().stream().map(WildCorpusTest::said).collect(Collectors.joining(","));
    }

    private StepResult firstStep(String tex) {
        return checker.check("habit.tex", "\\[ " + tex + " \\]", "logits=z probs=\\hat{y} labels=y loss=L classes=K")
                .steps().get(0);
    }

    @org.junit.jupiter.api.Test
    void sumScope_indexOtherwiseFree_readOverBothTermsWithANote() {
        StepResult s = firstStep("\\frac{\\partial L}{\\partial z_j} = \\sum_i y_i \\hat{y}_j - y_i \\delta_{ij}");
        assertEquals(Boolean.TRUE, s.holds());
        org.junit.jupiter.api.Assertions.assertTrue(s.reading().contains("would otherwise be free"), s.reading());
    }

    @org.junit.jupiter.api.Test
    void sumScope_twoReadingsDiffer_ambiguousWithBothAndNoHint() {
        StepResult s = firstStep("0 \\cdot \\hat{y}_i + 1 = \\sum_i \\hat{y}_i y_i - \\hat{y}_i y_i + \\hat{y}_i");
        org.junit.jupiter.api.Assertions.assertTrue(s.ambiguous());
        assertEquals(null, s.holds());
        assertEquals(null, s.hint());
        assertEquals(null, s.counterexample());
        org.junit.jupiter.api.Assertions.assertTrue(s.reading().startsWith("two readings"), s.reading());
        org.junit.jupiter.api.Assertions.assertTrue(s.reading().contains("not the true value"), s.reading());
    }

    @org.junit.jupiter.api.Test
    void cases_oneStepPerCaseUnderItsCondition_otherwiseIsTheOppositeOfTheOtherCase() {
        StudentReport r = checker.check("cases.md", "$$\n\\frac{\\partial s_i}{\\partial z_j} = \\begin{cases}\n"
                + "s_i(1-s_i) & i = j \\\\\n s_i s_j & \\text{otherwise}\n\\end{cases}\n$$\n",
                "logits=z probs=s labels=y loss=L classes=K");
        assertEquals(2, r.steps().size());
        assertEquals("holds", WildCorpusTest.said(r.steps().get(0)));
        assertEquals("i = j", r.steps().get(0).conditionTex());
        assertEquals(3, r.steps().get(0).line());
        assertEquals("wrong", WildCorpusTest.said(r.steps().get(1)), "s_i s_j for i != j has the wrong sign");
        assertEquals("i \\neq j", r.steps().get(1).conditionTex());
        assertEquals(4, r.steps().get(1).line());
    }

    @org.junit.jupiter.api.Test
    void cases_otherwiseAfterTwoCases_unreadableNeverCheckedForAllIndices() {
        StudentReport r = checker.check("cases.tex", "\\[ \\frac{\\partial s_i}{\\partial z_j} = \\begin{cases} s_i(1-s_i)"
                + " & \\text{if } i = j \\\\ -s_i s_j & \\text{if } i \\neq j \\\\ 0 & \\text{otherwise} \\end{cases} \\]",
                "logits=z probs=s labels=y loss=L classes=K");
        assertEquals("holds,holds,unreadable", r.steps().stream().map(WildCorpusTest::said).collect(Collectors.joining(",")));
        org.junit.jupiter.api.Assertions.assertTrue(r.steps().get(2).error().contains("otherwise"), r.steps().get(2).error());
    }

    @org.junit.jupiter.api.Test
    void differentialD_readAsPartialWithANote_conditionInASubscriptRead() {
        StepResult d = firstStep("\\frac{dL}{dz_j} = \\hat{y}_j - y_j");
        assertEquals(Boolean.TRUE, d.holds());
        assertEquals("d taken as \\partial (a partial derivative)", d.reading());
        assertEquals(null, firstStep("\\frac{\\partial L}{\\partial z_j} = \\hat{y}_j - y_j").reading());
        assertEquals(Boolean.TRUE, firstStep("\\frac{\\partial L}{\\partial z_i} = -y_{k=i}(1 - \\hat{y}_i)"
                + " + \\sum_{k \\not= i} y_k \\hat{y}_i").holds());
        assertEquals(Boolean.FALSE, firstStep("\\frac{\\partial L}{\\partial z_i} = -y_{k=i}(1 - \\hat{y}_i)"
                + " + \\sum_{k} y_k \\hat{y}_i").holds());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            I got $\\frac{\\partial L}{\\partial z_j} = s_j - y_j$ in the end.                  | holds
            I got \\(\\frac{\\partial L}{\\partial z_j} = s_j + y_j\\) in the end.              | wrong
            So $\\frac{\\partial s_i}{\\partial z_j} = -s_i s_j$ for $i \\neq j$.               |
            When $i = k$ we get $\\frac{\\partial s_i}{\\partial z_k} = s_i(1 - s_i)$.           |
            For the true class $\\frac{\\partial L}{\\partial z_j} = s_j - 1$.                  |
            We write $s_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}$ and $y_j = 1$ here.                 |
            The gradient $\\frac{\\partial L}{\\partial z} \\approx 0$ near the optimum.        |
            Price is $5 and $\\frac{\\partial L}{\\partial z_j} = s_j - y_j$ costs $3.         |
            """)
    void inlineMath_checkedOnlyWhenAnUnqualifiedClaimAboutADerivative(String prose, String expected) {
        StudentReport r = checker.check("post.md", "Some text.\n\n" + prose.trim() + "\n",
                "logits=z probs=s labels=y loss=L classes=K");
        assertEquals(expected == null ? "" : expected, r.steps().stream().map(WildCorpusTest::said)
                .collect(Collectors.joining(",")), prose);
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            s_i = \\frac{1}{1 + e^{-z_i}}                                   | activation=sigmoid objective=bce | holds
            \\frac{\\partial s_i}{\\partial z_i} = s_i (1 - s_i)              | activation=sigmoid objective=bce | holds
            \\frac{\\partial s_i}{\\partial z_j} = -s_i s_j                  | activation=sigmoid objective=bce | wrong
            \\frac{\\partial L}{\\partial s_i} = -\\frac{y_i}{s_i} + \\frac{1 - y_i}{1 - s_i} | activation=sigmoid objective=bce | holds
            \\frac{\\partial L}{\\partial z_i} = s_i - y_i                   | activation=sigmoid objective=bce | holds
            \\frac{\\partial L}{\\partial z_i} = s_i - y_i                   | objective=mse                    | wrong
            \\frac{\\partial L}{\\partial s_i} = s_i - y_i                   | objective=mse                    | holds
            s_i = \\frac{e^{z_i / T}}{\\sum_{k=1}^{K} e^{z_k / T}}             | temperature=T                    | holds
            \\frac{\\partial L}{\\partial z_j} = \\frac{s_j - y_j}{T}        | temperature=T                    | holds
            \\frac{\\partial L}{\\partial z_j} = s_j - y_j                   | temperature=T                    | wrong
            \\frac{\\partial L}{\\partial z_i} = s_i - (1-\\epsilon)\\delta_{ic} - \\frac{\\epsilon}{K} | onehot=c smoothing=\\epsilon | holds
            \\frac{\\partial L}{\\partial z_i} = s_i - \\delta_{ic}               | onehot=c smoothing=\\epsilon     | wrong
            \\frac{\\partial L}{\\partial z_i} = s_i - (1-\\epsilon)\\delta_{ic} - \\frac{\\epsilon}{K} | smoothing=\\epsilon | holds
            """)
    void declaredRoute_linesCheckedAgainstItsMeanings(String tex, String route, String expected) {
        assertEquals(expected, verdict(tex.trim(), "logits=z probs=s labels=y loss=L classes=K " + route.trim()), tex);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            If \\(i \\neq j\\),                       | holds
            **Case 2: $i \\neq j$ (other index)**    | holds
            And when $i \\ne j$                      | holds
            $i \\neq j$                              | holds
            Since only one $y_i = 1$ here:         | wrong
            with $\\delta_{ij}$ ($i \\neq j$ gives 0): | wrong
            """)
    void caseStatedInTheTextBefore_appliesToTheBlockOnlyWhenStatedAsACase(String lead, String expected) {
        String text = lead.trim() + "\n\n$$\\frac{\\partial s_i}{\\partial z_j} = -s_i s_j$$\n";
        StudentReport r = checker.check("lead.md", text, "logits=z probs=s labels=y loss=L classes=K");
        assertEquals(expected, WildCorpusTest.said(r.steps().get(0)), lead);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            y_i(z_i) = \\frac{e^{z_i}}{\\sum_{k=1}^K e^{z_k}}                       | logits=z probs=y labels=t loss=C classes=K | holds
            y_i(z_i) = \\frac{e^{z_i}}{\\sum_{k=1}^K e^{z_i}}                       | logits=z probs=y labels=t loss=C classes=K | wrong
            \\frac{\\partial y_i}{\\partial z_i} = y_i(1 - y_i)                      | logits=z probs=y labels=t loss=C classes=K | holds
            \\frac{\\partial y_i}{\\partial z_i} = y_i(z_i)                          | logits=z probs=y labels=t loss=C classes=K | wrong
            L(\\mathbf{s}, \\mathbf{y}) = -\\sum_i y_i \\log s_i                      | logits=z probs=s labels=y loss=L classes=K | holds
            H(Y, \\sigma(A)) = - \\sum_{i=1}^{C} Y_i \\log(\\sigma(A_i))             | logits=A probs=\\sigma(A) labels=Y loss=H classes=C | holds
            E(t,o) = \\sum_j t_j \\log o_j                                          | logits=z probs=o labels=t loss=E classes=K | wrong
            J(\\theta) = -\\sum_{i=1}^K y_i \\log(\\hat{y}_i)                        | logits=\\theta probs=\\hat{y} labels=y loss=J classes=K | holds
            \\frac{\\partial J(\\theta)}{\\partial \\theta_i} = \\hat{y}_i - y_i      | logits=\\theta probs=\\hat{y} labels=y loss=J classes=K | holds
            y_k = \\frac{e^{z_k}}{\\sum_{j=1}^J e^{z_j}}                            | logits=z probs=y labels=t loss=C classes=K | holds
            p_j = \\frac{e^{o_j}}{\\sum_{k=1}^{n} e^{o_k}}                          | logits=o probs=p labels=y loss=L classes=K | holds
            \\frac{\\partial L}{\\partial \\hat{y}_i} = – \\frac{y_i}{\\hat{y}_i}      | logits=z probs=\\hat{y} labels=y loss=L classes=C | holds
            \\frac{\\partial L}{\\partial z_j} = \\hat{y}_j – y_j                     | logits=z probs=\\hat{y} labels=y loss=L classes=C | holds
            \\frac{∂L}{∂z_j} = ŷ_j − y_j                                           | logits=z probs=\\hat{y} labels=y loss=L classes=C | holds
            \\frac{∂L}{∂z_j} = ŷ_j × y_j                                           | logits=z probs=\\hat{y} labels=y loss=L classes=C | wrong
            L = -Σ_i y_i \\log ŷ_i                                                 | logits=z probs=\\hat{y} labels=y loss=L classes=C | holds
            \\frac{\\partial L}{\\partial z_j} = \\hat{y_j} - y_j                 | logits=z probs=\\hat{y} labels=y loss=L classes=K | holds
            \\frac{\\partial \\hat{y_i}}{\\partial z_i} = \\hat{y_i} - \\hat{y_i}^2   | logits=z probs=\\hat{y} labels=y loss=L classes=K | holds
            \\frac{\\partial \\hat{y_i}}{\\partial z_i} = \\hat{y_i}^2             | logits=z probs=\\hat{y} labels=y loss=L classes=K | wrong
            \\frac{\\partial \\mathbb{\\hat{y_i}}}{\\partial \\theta_j} = -\\hat{y_i}\\hat{y_j} \\quad (i \\neq j) | logits=\\theta probs=\\hat{y} labels=y loss=J classes=K | holds
            J(\\mathbb{\\theta}) = -\\sum_{i=1}^K y_i \\log(\\hat{y}_i)             | logits=\\theta probs=\\hat{y} labels=y loss=J classes=K | holds
            s_i = \\frac{e^{x_i}}{\\sum e^{x_j}}                                  | logits=x probs=s labels=y loss=L classes=K | holds
            s_i = \\frac{e^{x_i}}{\\sum e^{x_i}}                                  | logits=x probs=s labels=y loss=L classes=K | unreadable
            L_i = -log(s_i)                                                     | logits=z probs=s labels=y loss=L classes=K | definition
            \\frac{\\delta L}{\\delta s_1} = - y_1 \\times \\frac{1}{s_1}            | logits=z probs=s labels=y loss=L classes=K | holds
            \\frac{\\delta L}{\\delta s_1} = y_1 \\times \\frac{1}{s_1}              | logits=z probs=s labels=y loss=L classes=K | wrong
            \\frac{\\theta \\hat{y}_i}{\\theta x_j} = -\\hat{y}_i \\hat{y}_j \\quad (i \\neq j) | logits=x probs=\\hat{y} labels=y loss=L classes=K | holds
            \\frac{\\delta_{ij}}{2} = \\frac{\\delta_{ji}}{2}                          | logits=z probs=s labels=y loss=L classes=K | holds
            \\frac{dL}{dz_j} = s_j - y_j                                          | logits=z probs=s labels=y loss=L classes=K | holds
            C = -\\sum_{k}^{ } y_{k}ln(s_{k} )                                  | logits=z probs=s labels=y loss=C classes=K | holds
            \\frac{\\partial L}{\\partial z_j} = \\sum_i y_i \\hat{y}_j - y_i \\delta_{ij}   | logits=z probs=\\hat{y} labels=y loss=L classes=K | holds
            \\frac{\\partial L}{\\partial z_j} = \\sum_i y_i \\hat{y}_j + y_i \\delta_{ij}   | logits=z probs=\\hat{y} labels=y loss=L classes=K | wrong
            0 \\cdot \\hat{y}_i + 1 = \\sum_i \\hat{y}_i y_i - \\hat{y}_i y_i + \\hat{y}_i   | logits=z probs=\\hat{y} labels=y loss=L classes=K | ambiguous
            o_b = \\frac{e^{z_b}}{e^{z_a}+e^{z_b}+e^{z_c}}                          | logits=z probs=o labels=t loss=E classes=K | ambiguous
            o_b = \\frac{e^{z_b}}{e^{z_a}+e^{z_c}}                                  | logits=z probs=o labels=t loss=E classes=K | wrong
            o_b = \\frac{e^{z_b}}{e^{z_a}+e^{z_b}+e^{z_c}} + 1                      | logits=z probs=o labels=t loss=E classes=K | wrong
            """)
    void habit_readAsTheAuthorMeansIt(String tex, String notation, String expected) {
        assertEquals(expected, verdict(tex.trim(), notation.trim()), tex);
    }
}
