package dev.gradstep.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.check.StudentReport.StepResult;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mistakes real derivations contain, each in at least two notations: the hint kind and the
 * corrected line expected, and for each correction a second, independent check (another checker,
 * another seed) that it holds.
 */
class CorrectionTableTest {

    private final StudentChecker checker = new StudentChecker(null, CheckSettings.defaults());
    /** Another seed, so the re-check of a correction does not reuse the random points that chose it. */
    private final StudentChecker referee = new StudentChecker(null,
            new CheckSettings(2, 5, 3, 77L, Duration.ofSeconds(2), 3));

    /** One row: the file (notation line and display maths), the kind of its mistake and the right side of the correction. */
    record Row(String name, String tex, HintKind kind, String correction) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> table() {
        return Stream.of(
                new Row("dropped factor, z s y", """
                        % notation: logits=z probs=s labels=y loss=L classes=K
                        \\begin{align*}
                        \\frac{\\partial L}{\\partial z_j} &= -y_j (1 - s_j) + \\sum_{i \\neq j} y_i s_j \\\\
                        &= -y_j + s_j + \\sum_{i \\neq j} y_i s_j
                        \\end{align*}
                        """, HintKind.DROPPED_FACTOR, "-y_{j} + y_{j} s_{j} + \\sum_{i \\neq j} y_{i} s_{j}"),
                new Row("dropped factor, x p t", """
                        % notation: logits=x probs=p labels=t loss=E classes=C
                        \\begin{align*}
                        \\frac{\\partial E}{\\partial x_i} &= -t_i(1-p_i) + \\sum_{k \\neq i} t_k p_i \\\\
                        &= -t_i + p_i + \\sum_{k \\neq i} t_k p_i
                        \\end{align*}
                        """, HintKind.DROPPED_FACTOR, "-t_{i} + t_{i} p_{i} + \\sum_{k \\neq i} t_{k} p_{i}"),
                new Row("one-hot assumed, A sigma Y", """
                        % notation: logits=A probs=\\sigma labels=Y loss=L classes=K
                        \\begin{align*}
                        \\frac{\\partial L}{\\partial A_i} &= \\sigma(A_i) - Y_i \\\\
                        &= \\sigma(A_i) - 1
                        \\end{align*}
                        """, HintKind.ONE_HOT_ASSUMED, "\\sigma(A_{i}) - Y_{i}"),
                new Row("one-hot assumed, z s y", """
                        % notation: logits=z probs=s labels=y loss=L classes=K
                        \\begin{align*}
                        \\frac{\\partial L}{\\partial z_j} &= s_j - y_j \\\\
                        &= s_j - 1
                        \\end{align*}
                        """, HintKind.ONE_HOT_ASSUMED, "s_{j} - y_{j}"),
                new Row("sum collapsed, A sigma Y", """
                        % notation: logits=A probs=\\sigma labels=Y loss=L classes=K
                        \\[ \\frac{\\partial L}{\\partial A_i} = -Y_i(1-\\sigma(A_i)) \\]
                        """, HintKind.SUM_COLLAPSED, "-Y_{i} \\left(1 - \\sigma(A_{i})\\right) + \\sum_{k \\neq i} Y_{k} \\sigma(A_{i})"),
                new Row("sum collapsed, x p t after the chain rule", """
                        % notation: logits=x probs=p labels=t loss=E classes=C
                        \\begin{align*}
                        \\frac{\\partial E}{\\partial x_i} &= \\sum_{k} \\frac{\\partial E}{\\partial p_k} \\frac{\\partial p_k}{\\partial x_i} \\\\
                        &= -t_i (1 - p_i)
                        \\end{align*}
                        """, HintKind.SUM_COLLAPSED, "-t_{i} \\left(1 - p_{i}\\right) + \\sum_{m \\neq i} t_{m} p_{i}"),
                new Row("denominator index, x hat-y", """
                        % notation: logits=x probs=\\hat{y} labels=y loss=L classes=K
                        \\[ \\hat{y}_i = \\frac{e^{x_i}}{\\sum_k e^{x_i}} \\]
                        """, HintKind.DENOMINATOR_INDEX, "\\frac{e^{x_{i}}}{\\sum_{k} e^{x_{k}}}"),
                new Row("denominator index, z s with exp", """
                        % notation: logits=z probs=s labels=y loss=L classes=K
                        \\[ s_i = \\frac{\\exp(z_i)}{\\sum_{k=1}^{K} \\exp(z_i)} \\]
                        """, HintKind.DENOMINATOR_INDEX, "\\frac{e^{z_{i}}}{\\sum_{k=1}^{K} e^{z_{k}}}"),
                new Row("diagonal only in the chain rule, z s", """
                        % notation: logits=z probs=s labels=y loss=L classes=K
                        \\[ \\frac{\\partial L}{\\partial z_j} = \\frac{\\partial L}{\\partial s_j} \\frac{\\partial s_j}{\\partial z_j} \\]
                        """, HintKind.DIAGONAL_ONLY, "\\sum_{k=1}^{K} \\frac{\\partial L}{\\partial s_{k}} \\frac{\\partial s_{k}}{\\partial z_{j}}"),
                new Row("diagonal only in the chain rule, theta p J", """
                        % notation: logits=\\theta probs=p labels=y loss=J classes=K
                        \\[ \\frac{\\partial J}{\\partial \\theta_j} = \\frac{\\partial J}{\\partial p_j} \\frac{\\partial p_j}{\\partial \\theta_j} \\]
                        """, HintKind.DIAGONAL_ONLY,
                        "\\sum_{k=1}^{K} \\frac{\\partial J}{\\partial p_{k}} \\frac{\\partial p_{k}}{\\partial \\theta_{j}}"),
                new Row("diagonal only in the Jacobian, hat-y", """
                        % notation: logits=z probs=\\hat{y} labels=y loss=L classes=K
                        \\[ \\frac{\\partial \\hat{y}_i}{\\partial z_j} = \\hat{y}_i (1 - \\hat{y}_i) \\]
                        """, HintKind.DIAGONAL_ONLY, "\\hat{y}_{i} \\left(\\delta_{ij} - \\hat{y}_{j}\\right)"),
                new Row("missing 1/N, s(X_n)_i", """
                        % notation: logits=X probs=s(X) labels=Y loss=L classes=K batch=N
                        \\begin{align*}
                        L &= -\\frac{1}{N} \\sum_{n=1}^{N} \\sum_{k=1}^{K} Y_{n,k} \\log s(X_n)_k \\\\
                        \\frac{\\partial L}{\\partial X_{n,i}} &= s(X_n)_i - Y_{n,i}
                        \\end{align*}
                        """, HintKind.MISSING_1_OVER_N, "\\frac{s(X_{n})_{i} - Y_{n,i}}{N}"),
                new Row("missing 1/M, P T", """
                        % notation: logits=Z probs=P labels=T loss=L classes=K batch=M
                        \\[ \\frac{\\partial L}{\\partial Z_{n,i}} = P_{n,i} - T_{n,i} \\]
                        """, HintKind.MISSING_1_OVER_N, "\\frac{P_{n,i} - T_{n,i}}{M}"),
                new Row("sign in one term, z s y", """
                        % notation: logits=z probs=s labels=y loss=L classes=K
                        \\[ \\frac{\\partial L}{\\partial z_j} = -y_j (1 - s_j) - \\sum_{i \\neq j} y_i s_j \\]
                        """, HintKind.SIGN_IN_TERM, "-y_{j} \\left(1 - s_{j}\\right) + \\sum_{i \\neq j} y_{i} s_{j}"),
                new Row("sign in one term, x p t", """
                        % notation: logits=x probs=p labels=t loss=E classes=C
                        \\[ \\frac{\\partial E}{\\partial x_i} = -t_i(1-p_i) - \\sum_{k \\neq i} t_k p_i \\]
                        """, HintKind.SIGN_IN_TERM, "-t_{i} \\left(1 - p_{i}\\right) + \\sum_{k \\neq i} t_{k} p_{i}"),
                new Row("swapped index, z s y", """
                        % notation: logits=z probs=s labels=y loss=L classes=K
                        \\[ \\frac{\\partial L}{\\partial z_i} = -y_i (1 - s_i) + \\sum_{k \\neq i} s_k y_k \\]
                        """, HintKind.SWAPPED_INDEX, "-y_{i} \\left(1 - s_{i}\\right) + \\sum_{k \\neq i} s_{i} y_{k}"),
                new Row("swapped index, hat-y", """
                        % notation: logits=z probs=\\hat{y} labels=y loss=L classes=K
                        \\[ \\frac{\\partial L}{\\partial z_j} = -y_j(1-\\hat{y}_j) + \\sum_{i \\neq j} \\hat{y}_i y_i \\]
                        """, HintKind.SWAPPED_INDEX, "-y_{j} \\left(1 - \\hat{y}_{j}\\right) + \\sum_{i \\neq j} \\hat{y}_{j} y_{i}"),
                new Row("factor 2, sigma(z_j)", """
                        % notation: logits=z probs=\\sigma labels=y loss=L classes=K
                        \\begin{align*}
                        \\frac{\\partial L}{\\partial z_j} &= \\sigma(z_j) - y_j \\\\
                        &= 2 \\left(\\sigma(z_j) - y_j\\right)
                        \\end{align*}
                        """, HintKind.FACTOR_TWO, "\\sigma(z_{j}) - y_{j}"),
                new Row("factor 2, o q t", """
                        % notation: logits=o probs=q labels=t loss=L classes=K
                        \\[ \\frac{\\partial L}{\\partial o_j} = 2 q_j - 2 t_j \\]
                        """, HintKind.FACTOR_TWO, "q_{j} - t_{j}"),
                new Row("sum kept, s", """
                        % notation: logits=z probs=s labels=y loss=L classes=K
                        \\[ \\frac{\\partial L}{\\partial s_i} = -\\sum_i \\frac{y_i}{s_i} \\]
                        """, HintKind.SUM_KEPT, "-\\frac{y_{i}}{s_{i}}"),
                new Row("sum kept, hat-y with bounds", """
                        % notation: logits=z probs=\\hat{y} labels=y loss=L classes=K
                        \\[ \\frac{\\partial L}{\\partial \\hat{y}_i} = -\\sum_{i=1}^{K} \\frac{y_i}{\\hat{y}_i} \\]
                        """, HintKind.SUM_KEPT, "-\\frac{y_{i}}{\\hat{y}_{i}}"),
                new Row("whole sign, z s y", """
                        % notation: logits=z probs=s labels=y loss=L classes=K
                        \\[ \\frac{\\partial L}{\\partial z_j} = y_j - s_j \\]
                        """, HintKind.SIGN, "-y_{j} + s_{j}"),
                new Row("whole sign, theta p calligraphic L", """
                        % notation: logits=\\theta probs=p labels=y loss=\\mathcal{L} classes=K
                        \\[ \\frac{\\partial \\mathcal{L}}{\\partial \\theta_j} = y_j - p_j \\]
                        """, HintKind.SIGN, "-y_{j} + p_{j}"),
                new Row("labels need not sum to one, z s y", """
                        % notation: logits=z probs=s labels=y loss=L classes=K labelsum=any
                        \\[ \\frac{\\partial L}{\\partial z_j} = s_j - y_j \\]
                        """, HintKind.LABELS_SUM_ASSUMED, "s_{j} \\sum_{k=1}^{K} y_{k} - y_{j}"),
                new Row("labels need not sum to one, x p t", """
                        % notation: logits=x probs=p labels=t loss=E classes=C labelsum=any
                        \\[ \\frac{\\partial E}{\\partial x_i} = p_i - t_i \\]
                        """, HintKind.LABELS_SUM_ASSUMED, "p_{i} \\sum_{k=1}^{C} t_{k} - t_{i}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void check_mistake_hintOfItsKindAndAVerifiedCorrection(Row row) {
        StudentReport r = checker.check("table.tex", row.tex(), null);
        StepResult wrong = r.firstWrong();
        assertNotNull(wrong, StudentCheckerTest.table(r));
        assertEquals(row.kind(), wrong.hintKind(), wrong.hint());
        assertNotNull(wrong.hint());
        Correction c = wrong.correction();
        assertNotNull(c, "no correction for " + row.name() + "\n" + StudentCheckerTest.table(r));
        assertEquals(row.correction(), c.rhsTex());
        assertTrue(Set.of("numeric", "symbolic", "both").contains(c.basis()), c.basis());
        assertHolds(notationLine(row.tex()), c);
    }

    /** Mistakes in published derivations (the wild corpus), with the notation its table gives them. */
    @ParameterizedTest(name = "{0}:{1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
        cmu-h-y-sigma-a.md        | 11 | logits=A probs=\\sigma(A) labels=Y loss=H classes=C                          | SUM_COLLAPSED,ONE_HOT_ASSUMED
        nirnirs-cs224n-answers.md | 19 | logits=\\theta probs=\\hat{y} labels=y loss=\\text{CE} classes=n onehot=k | DENOMINATOR_INDEX
        nirnirs-cs224n-answers.md | 20 | logits=\\theta probs=\\hat{y} labels=y loss=\\text{CE} classes=n onehot=k | DENOMINATOR_INDEX
        jekyll-2016-yi-of-zi.md   | 32 | logits=z probs=y labels=t loss=C classes=K                                   | DROPPED_FACTOR
        """)
    void check_publishedMistake_hintOfItsKindAndVerifiedCorrections(String file, int line, String notation, String kinds)
            throws java.io.IOException {
        String text = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/wild", file));
        StudentReport r = checker.check(file, text, notation);
        List<StepResult> wrong = r.steps().stream().filter(s -> s.line() == line && s.holds() == Boolean.FALSE).toList();
        assertEquals(List.of(kinds.split(",")), wrong.stream().map(s -> String.valueOf(s.hintKind())).toList(),
                StudentCheckerTest.table(r));
        for (StepResult s : wrong) {
            assertNotNull(s.correction(), s.hint());
            assertHolds("% notation: " + notation, s.correction());
        }
    }

    /** The four regressions of the issue: each correction was itself the mistake, or brought in symbols the student never wrote. */
    @Test
    void check_keptSumFromAnExercise_correctionIsNotTheMistake() {
        StepResult s = checker.check("r.tex", """
                % notation: logits=z probs=s labels=y loss=L classes=K
                \\[ \\frac{\\partial L}{\\partial s_i} = -\\sum_i \\frac{y_i}{s_i} \\]
                """, null).firstWrong();
        assertTrue(s.hint().startsWith("remove the sum over i"), s.hint());
        assertFalse(s.correction().rhsTex().contains("\\sum"), s.correction().tex());
    }

    @Test
    void check_wrongDenominatorIndex_correctionIsNotTheExercisesMistake() {
        StepResult s = checker.check("r.tex", """
                % notation: logits=x probs=\\hat{y} labels=y loss=L classes=K
                \\[ \\hat{y}_i = \\frac{e^{x_i}}{\\sum_k e^{x_i}} \\]
                """, null).firstWrong();
        assertTrue(s.correction().rhsTex().contains("e^{x_{k}}"), s.correction().tex());
        assertFalse(s.correction().rhsTex().matches(".*\\\\sum_\\{?k\\}? e\\^\\{x_\\{i\\}\\}.*"), s.correction().tex());
    }

    @Test
    void check_labelsumAny_correctionHasNoTemperature() {
        StepResult s = checker.check("r.tex", """
                % notation: logits=z probs=s labels=y loss=L classes=K labelsum=any
                \\begin{align*}
                \\frac{\\partial L}{\\partial z_j} &= -y_j (1 - s_j) + \\sum_{i \\neq j} y_i s_j \\\\
                &= s_j - y_j
                \\end{align*}
                """, null).firstWrong();
        assertEquals(HintKind.LABELS_SUM_ASSUMED, s.hintKind());
        assertFalse(StudentChecker.names(s.correction().rhs()).contains("T"), s.correction().tex());
        assertTrue(s.correction().rhsTex().contains("\\sum"), s.correction().tex());
    }

    @Test
    void check_batchInFunctionForm_correctionKeepsTheFunctionForm() {
        StepResult s = checker.check("r.tex", """
                % notation: logits=X probs=s(X) labels=Y loss=L classes=K batch=N
                \\[ \\frac{\\partial L}{\\partial X_{n,i}} = s(X_n)_i - Y_{n,i} \\]
                """, null).firstWrong();
        assertTrue(s.correction().rhsTex().contains("s(X_{n})_{i}"), s.correction().tex());
        assertFalse(s.correction().rhsTex().contains("S_"), s.correction().tex());
    }

    @Test
    void candidates_libraryRoutes_neverAnExerciseMistakeNorAForeignSymbol() {
        Corrections corrections = new Corrections(null, null,
                () -> new dev.gradstep.derivation.DerivationLoader().loadBundled().derivations());
        dev.gradstep.derivation.Notation n = dev.gradstep.derivation.Notation.DEFAULT;
        dev.gradstep.tex.TexReader reader = new dev.gradstep.tex.TexReader();
        dev.gradstep.expr.Expr left = reader.readExpr("\\frac{\\partial L}{\\partial z_j}");
        dev.gradstep.expr.Expr wrong = reader.readExpr("s_j + y_j");
        List<dev.gradstep.expr.Expr> all = corrections.candidates(n, left, wrong, dev.gradstep.expr.Condition.ALWAYS,
                Set.of("s", "y", "L", "z"), List.of(left, wrong));
        assertFalse(all.isEmpty());
        for (dev.gradstep.expr.Expr c : all) {
            assertTrue(Set.of("s", "y", "L", "z").containsAll(StudentChecker.names(c)), c.toString());
        }
        List<dev.gradstep.expr.Expr> withTemperatureWords = corrections.candidates(n, left, wrong,
                dev.gradstep.expr.Condition.ALWAYS, Set.of("s", "y", "L", "z", "T"), List.of(left, wrong));
        assertTrue(withTemperatureWords.stream().noneMatch(c -> StudentChecker.names(c).contains("T")),
                "the temperature route's notation differs in kind from a file without a temperature");
    }

    @Test
    void check_noRepairHolds_noCorrectionAtAll() {
        StepResult s = checker.check("r.tex", """
                % notation: logits=z probs=s labels=y loss=L classes=K
                \\[ \\frac{\\partial L}{\\partial y_j} = \\log s_j + y_j^3 \\]
                """, null).firstWrong();
        assertNotNull(s);
        assertNull(s.hintKind(), s.hint());
        assertNull(s.correction(), s.correction() == null ? "" : s.correction().tex());
    }

    @Test
    void stepResult_notWrongOrAmbiguous_neverCarriesFeedback() {
        Correction c = new Correction("x = 1", "1", dev.gradstep.expr.Exprs.ONE, dev.gradstep.expr.Condition.ALWAYS,
                "numeric", "", Correction.From.REPAIR);
        for (Boolean holds : new Boolean[] {Boolean.TRUE, null}) {
            StepResult s = new StepResult(1, "1", dev.gradstep.expr.Exprs.ONE, holds, null, dev.gradstep.expr.Condition.ALWAYS,
                    null, null, null, "hint", null, 0, false, null, null, false, null, HintKind.SIGN, c);
            assertNull(s.correction());
            assertNull(s.hint());
            assertNull(s.hintKind());
        }
        StepResult ambiguous = new StepResult(1, "1", dev.gradstep.expr.Exprs.ONE, Boolean.FALSE, null,
                dev.gradstep.expr.Condition.ALWAYS, null, null, null, "hint", null, 0, false, null, "two readings", true,
                null, HintKind.SIGN, c);
        assertNull(ambiguous.correction());
        StepResult wrong = new StepResult(1, "1", dev.gradstep.expr.Exprs.ONE, Boolean.FALSE, null,
                dev.gradstep.expr.Condition.ALWAYS, null, null, null, "hint", null, 0, false, null, null, false,
                null, HintKind.SIGN, c);
        assertEquals(c, wrong.correction());
    }

    private static String notationLine(String tex) {
        return tex.lines().filter(l -> l.startsWith("% notation:")).collect(Collectors.joining("\n"));
    }

    /** The correction, alone in a file with the same notation, checked by another checker: it holds. */
    private void assertHolds(String notation, Correction c) {
        StudentReport again = referee.check("correction.tex", notation + "\n\\[ " + c.tex() + " \\]\n", null);
        assertEquals(1, again.steps().size(), StudentCheckerTest.table(again));
        assertEquals(Boolean.TRUE, again.steps().get(0).holds(), StudentCheckerTest.table(again));
    }
}
