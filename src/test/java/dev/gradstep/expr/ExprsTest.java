package dev.gradstep.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ExprsTest {

    private static final Expr.Sym A = new Expr.Sym("a");
    private static final Expr.Sym B = new Expr.Sym("b");
    private static final Expr.Sym X = new Expr.Sym("x");
    /** Every a becomes x; anything else is left as it is. */
    private static final UnaryOperator<Expr> A_TO_X = e -> e.equals(A) ? X : e;

    @Test
    void mapArithmetic_eachArithmeticKind_rebuiltWithThePartsMapped() {
        List<Expr[]> table = List.of(
                new Expr[] {new Expr.Add(List.of(A, B)), new Expr.Add(List.of(X, B))},
                new Expr[] {new Expr.Mul(List.of(B, A)), new Expr.Mul(List.of(B, X))},
                new Expr[] {new Expr.Neg(A), new Expr.Neg(X)},
                new Expr[] {new Expr.Div(A, B), new Expr.Div(X, B)},
                new Expr[] {new Expr.Pow(B, A), new Expr.Pow(B, X)},
                new Expr[] {new Expr.Exp(A), new Expr.Exp(X)},
                new Expr[] {new Expr.Log(A), new Expr.Log(X)});
        for (Expr[] row : table) {
            assertEquals(row[1], Exprs.mapArithmetic(row[0], A_TO_X), row[0].toString());
        }
    }

    @Test
    void mapArithmetic_symbolsSumsDeltasAndDerivatives_leftToTheCaller() {
        for (Expr e : List.of(A, Expr.Num.of(2), new Expr.Delta(A, B), new Expr.Deriv(A, B),
                new Expr.Sum("k", Expr.Num.of(1), new Expr.Sym("K"), new Condition(List.of()), A))) {
            assertNull(Exprs.mapArithmetic(e, A_TO_X), e.toString());
        }
    }
}
