package dev.gradstep.tex;

import static dev.gradstep.tex.Trees.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Line;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TexReaderTest {

    private final TexReader reader = new TexReader();

    static Stream<Table.ExprCase> exprCases() {
        return Table.exprs().stream();
    }

    static Stream<Table.LineCase> lineCases() {
        return Table.lines().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exprCases")
    void readExpr_table_givesExpectedTree(Table.ExprCase c) {
        assertEquals(c.expected(), reader.readExpr(c.tex()), c.tex());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lineCases")
    void readLine_table_givesExpectedLine(Table.LineCase c) {
        assertEquals(c.expected(), reader.readLine(c.tex()), c.tex());
    }

    @Test
    void readLine_sumWithExclusion_bindsIndex() {
        Line l = reader.readLine("= \\sum_{k=1, k \\neq i}^{K} y_k s_i");
        Expr.Sum s = (Expr.Sum) l.rights().get(0);
        assertEquals("k", s.index());
        assertEquals(when(ne("k", "i")), s.where());
        assertEquals(mul(s("y", "k"), s("s", "i")), s.body());
    }

    @Test
    void readLine_continuation_hasNullLhs() {
        Line l = reader.readLine("= s_j - y_j");
        assertTrue(l.isContinuation());
    }

    @Test
    void readLine_registeredFunction_readsCallWithoutSubscript() {
        TexReader withS = new TexReader(Set.of("s"));
        assertEquals(fn("s", List.of(s("x")), List.of()), withS.readExpr("s(x)"));
        assertEquals(mul(s("s"), s("x")), reader.readExpr("s(x)"));
    }

    @Test
    void readExpr_registeredFunction_keepsIndexedSymbolsPlain() {
        TexReader withS = new TexReader(Set.of("s"));
        assertEquals(mul(s("s", "i"), add(n(1), neg(s("s", "i")))), withS.readExpr("s_i(1 - s_i)"));
    }

    @Test
    void readExpr_unbracedScript_takesOneTokenAsTeXDoes() {
        assertEquals(mul(s("y", 1), n(2)), reader.readExpr("y_12"));
    }

    @Test
    void readExpr_sumWithoutLimits_leavesRangeNull() {
        Expr.Sum s = (Expr.Sum) reader.readExpr("\\sum_k e^{z_k}");
        assertEquals(null, s.from());
        assertEquals(null, s.to());
        assertTrue(s.where().isAlways());
    }

    @Test
    void readExpr_equalsSign_isRejected() {
        TexParseException e = assertThrows(TexParseException.class, () -> reader.readExpr("a = b"));
        assertEquals("=", e.token());
        assertEquals(3, e.column());
    }

    @Test
    void readExpr_unicodeMinusAndNeq_areAccepted() {
        assertEquals(add(s("a"), neg(s("b"))), reader.readExpr("a \u2212 b"));
        assertEquals(line(null, when(ne("i", "j")), n(0)), reader.readLine("= 0 \\quad (i \u2260 j)"));
    }

    @Test
    void readExpr_commentsAreIgnored() {
        assertEquals(add(s("a"), s("b")), reader.readExpr("a % first term\n + b"));
    }
}
