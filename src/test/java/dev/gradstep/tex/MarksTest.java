package dev.gradstep.tex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Exprs;
import dev.gradstep.expr.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Marked writing adds only the marks: wherever they go, removing them gives the plain text. */
class MarksTest {

    private static final String MACRO = "\\mk";

    private final TexWriter writer = new TexWriter();

    @Test
    void write_randomMarks_unmarkToThePlainText() {
        RandomTrees gen = new RandomTrees(31L);
        Random pick = new Random(5L);
        for (int i = 0; i < 400; i++) {
            Line line = gen.line(4);
            List<Expr> nodes = new ArrayList<>();
            line.rights().forEach(r -> collect(r, nodes));
            // every part, then a random half: marks at the top, in factors, terms, limits and subscripts
            for (boolean all : new boolean[] {true, false}) {
                List<Expr> chosen = nodes.stream().filter(n -> all || pick.nextBoolean()).toList();
                Marks marks = Marks.of(MACRO, chosen, chosen.stream().filter(n -> n instanceof Expr.Sum).toList());
                String marked = writer.write(line, marks);
                assertEquals(writer.write(line), marks.unmark(marked), marked);
                assertTrue(chosen.isEmpty() || marked.contains(MACRO + "{"), marked);
            }
        }
    }

    @Test
    void write_markedNegativeTerm_keepsTheBinaryMinusOutside() {
        Expr term = new Expr.Neg(new Expr.Sym("y"));
        Line line = new Line(null, List.of(new Expr.Add(List.of(new Expr.Sym("s"), term))), dev.gradstep.expr.Condition.ALWAYS);
        assertEquals("= s - \\mk{y}", writer.write(line, Marks.of(MACRO, List.of(term), List.of())));
    }

    @Test
    void write_markedNumberFactor_stillGetsItsDot() {
        Expr two = Expr.Num.of(2);
        Line line = new Line(null, List.of(new Expr.Mul(List.of(new Expr.Sym("x"), two))), dev.gradstep.expr.Condition.ALWAYS);
        assertEquals("= x \\cdot \\mk{2}", writer.write(line, Marks.of(MACRO, List.of(two), List.of())));
    }

    private static void collect(Expr e, List<Expr> out) {
        out.add(e);
        Exprs.children(e).forEach(c -> collect(c, out));
    }
}
