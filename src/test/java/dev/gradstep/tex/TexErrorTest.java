package dev.gradstep.tex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad LaTeX gives a TexParseException that names the problem, its line, column and token. */
class TexErrorTest {

    private final TexReader reader = new TexReader();

    private TexParseException line(String tex) {
        return assertThrows(TexParseException.class, () -> reader.readLine(tex));
    }

    private TexParseException expr(String tex) {
        return assertThrows(TexParseException.class, () -> reader.readExpr(tex));
    }

    private static void at(TexParseException e, int line, int column, String token) {
        assertEquals(line, e.line(), e.describe());
        assertEquals(column, e.column(), e.describe());
        assertEquals(token, e.token(), e.describe());
    }

    @Test
    void readLine_unbalancedBraceOnSecondLine_reportsLineTwoAtTheBrace() {
        TexParseException e = line("L = a \\\\\n = \\frac{b{c}");
        assertEquals("unbalanced '{'", e.getMessage());
        at(e, 2, 9, "{");
        assertEquals("line 2, column 9: unbalanced '{' (at '{')", e.describe());
    }

    @Test
    void readExpr_unknownCommand_namesIt() {
        TexParseException e = expr("a + \\foo");
        assertEquals("unknown command \\foo", e.getMessage());
        at(e, 1, 5, "\\foo");
    }

    @Test
    void readExpr_fracWithoutDenominator_saysSo() {
        TexParseException e = expr("\\frac{a}");
        assertEquals("missing denominator for \\frac", e.getMessage());
        at(e, 1, 1, "\\frac");
    }

    @Test
    void readExpr_danglingPlus_saysExpressionExpected() {
        TexParseException e = expr("a +");
        assertEquals("expected an expression after '+'", e.getMessage());
        at(e, 1, 3, "+");
    }

    @Test
    void readLine_emptyRightSide_saysExpressionExpected() {
        TexParseException e = line("L = ");
        assertEquals("expected an expression after '='", e.getMessage());
        at(e, 1, 3, "=");
    }

    @Test
    void readExpr_strayClosingParen_isUnbalanced() {
        TexParseException e = expr("a + b)");
        assertEquals("unbalanced ')'", e.getMessage());
        at(e, 1, 6, ")");
    }

    @Test
    void readExpr_unclosedParen_pointsAtTheOpener() {
        TexParseException e = expr("s_i (1 - s_i");
        assertEquals("unbalanced '('", e.getMessage());
        at(e, 1, 5, "(");
    }

    @Test
    void readExpr_mismatchedDelimiters_nameBoth() {
        TexParseException e = expr("\\left( a \\right]");
        assertTrue(e.getMessage().contains("closed by '\\right]'"), e.getMessage());
        at(e, 1, 10, "\\right]");
    }

    @Test
    void readExpr_derivativeOfNonSymbol_isRejected() {
        TexParseException e = expr("\\frac{\\partial L}{\\partial (a+b)}");
        assertEquals("the variable of a derivative must be a symbol", e.getMessage());
        at(e, 1, 28, "(");
    }

    @Test
    void readExpr_tooDeep_isCappedWithClearMessage() {
        String tex = "(".repeat(500) + "x" + ")".repeat(500);
        TexParseException e = expr(tex);
        assertTrue(e.getMessage().startsWith("nesting too deep"), e.getMessage());
    }

    @Test
    void readExpr_deepOperatorChain_isCapped() {
        TexParseException e = expr("\\log ".repeat(3000) + "x");
        assertTrue(e.getMessage().startsWith("nesting too deep"), e.getMessage());
    }

    @Test
    void readExpr_tooLong_isRejectedBeforeParsing() {
        TexParseException e = expr("x+".repeat(10_001));
        assertTrue(e.getMessage().startsWith("input too long"), e.getMessage());
        at(e, 1, 1, "");
    }

    @Test
    void readExpr_null_isAParseError() {
        assertEquals("no input", expr(null).getMessage());
    }

    @Test
    void readExpr_trailingCondition_belongsToLines() {
        TexParseException e = expr("s_i(1 - s_i) (i = j)");
        assertEquals("a condition such as (i = j) may only end a line", e.getMessage());
        at(e, 1, 17, "=");
    }

    @Test
    void readExpr_absoluteValue_isNotSupported() {
        TexParseException e = expr("|x|");
        assertEquals("absolute values |x| are not supported", e.getMessage());
        at(e, 1, 1, "|");
    }

    @Test
    void readLine_withoutEquals_saysALineNeedsOne() {
        TexParseException e = line("s_i");
        assertTrue(e.getMessage().startsWith("a line needs '='"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "x^2^3                                  | double superscript                       | 1 | 4  | ^",
        "z_{}                                   | empty subscript                          | 1 | 3  | {",
        "\\sum x_k y_j                          | '\\sum needs an index, e.g. \\sum_{k}'   | 1 | 1  | \\sum",
        "\\log_2 x                              | only the natural logarithm is supported (no base or power on \\log) | 1 | 5 | _",
        "\\frac{\\partial^2 L}{\\partial z^2}   | higher-order derivatives are not supported | 1 | 15 | ^",
        "\\text{hello world}                    | cannot read the text 'hello world' as mathematics | 1 | 1 | \\text{hello world}",
        "a \\cdot                               | expected an expression after '\\cdot'   | 1 | 3  | \\cdot",
        "\\hat{x + y}                           | \\hat must decorate a single symbol      | 1 | 1  | \\hat",
        "a \\neq b                              | 'unexpected ''\\neq'': conditions go at the end of a line' | 1 | 3 | \\neq",
        "\\text{for                             | unbalanced '{'                           | 1 | 6  | {",
        "\\sum_{k+1} x                          | the index of a sum must be a single symbol | 1 | 7 | k",
        "a $ b                                  | unexpected character '$'                 | 1 | 3  | $",
        "\\partial L                            | expected '/' after \\partial ... (as in \\partial L / \\partial z_j) | 1 | 11 | ''",
    })
    void readExpr_badInput_namesProblemAndPlace(String tex, String message, int line, int column, String token) {
        TexParseException e = expr(tex);
        assertEquals(message, e.getMessage());
        at(e, line, column, token == null ? "" : token);
    }
}
