package dev.gradstep.tex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Line;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The writer is the reader's inverse: reading what was written gives the same tree. */
class RoundTripTest {

    private static final int RANDOM_TREES = 3000;

    private final TexReader reader = new TexReader();
    private final TexWriter writer = new TexWriter();

    static Stream<Table.ExprCase> exprCases() {
        return Table.exprs().stream();
    }

    static Stream<Table.LineCase> lineCases() {
        return Table.lines().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exprCases")
    void roundTrip_tableExpr_readsBackEqual(Table.ExprCase c) {
        Expr e = reader.readExpr(c.tex());
        String tex = writer.write(e);
        assertEquals(e, reader.readExpr(tex), tex);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lineCases")
    void roundTrip_tableLine_readsBackEqual(Table.LineCase c) {
        Line l = reader.readLine(c.tex());
        String tex = writer.write(l);
        assertEquals(l, reader.readLine(tex), tex);
    }

    @Test
    void roundTrip_randomExpressions_depthFive_readBackEqual() {
        RandomTrees gen = new RandomTrees(20240611L);
        for (int i = 0; i < RANDOM_TREES; i++) {
            Expr e = gen.expr(5);
            String tex = writer.write(e);
            assertEquals(e, readExpr(tex), () -> "tree " + e + "\nwritten " + tex);
        }
    }

    @Test
    void roundTrip_randomLines_readBackEqual() {
        RandomTrees gen = new RandomTrees(7L);
        for (int i = 0; i < RANDOM_TREES / 3; i++) {
            Line l = gen.line(4);
            String tex = writer.write(l);
            assertEquals(l, readLine(tex), () -> "line " + l + "\nwritten " + tex);
        }
    }

    private Expr readExpr(String tex) {
        try {
            return reader.readExpr(tex);
        } catch (TexParseException e) {
            throw new AssertionError("cannot re-read '" + tex + "': " + e.describe(), e);
        }
    }

    private Line readLine(String tex) {
        try {
            return reader.readLine(tex);
        } catch (TexParseException e) {
            throw new AssertionError("cannot re-read '" + tex + "': " + e.describe(), e);
        }
    }
}
