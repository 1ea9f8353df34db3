package dev.gradstep.tex;

import static dev.gradstep.tex.Trees.*;

import dev.gradstep.expr.Condition;
import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Expr.Sym;
import dev.gradstep.expr.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random trees of the shapes the reader produces, for round-trip tests. */
final class RandomTrees {

    private static final List<Expr> LEAVES = List.of(
            s("a"), s("x"), s("K"), s("L"), s("T"), s("e"), s("z", "j"), s("s", "i"), s("y", 1),
            s("X", "n", "i"), s("w", "j", "i"), s("z", add(s("j"), n(1))), s("\\hat{y}", "i"), s("\\theta"),
            s("\\sigma"), s("CE"), s("u'"), s("\\ell", "i"), s("z", mul(s("a"), s("b"))), n(1), n(2), n("0.5"),
            n(10), delta("i", "j"), delta("i", 1), s("\\mathcal{L}"));

    private static final List<Sym> VARIABLES = List.of(s("z", "j"), s("\\hat{y}", "i"), s("w", "j", "i"), s("z"));

    private final Random rnd;

    RandomTrees(long seed) {
        this.rnd = new Random(seed);
    }

    Expr expr(int depth) {
        if (depth == 0 || rnd.nextInt(10) < 3) {
            return pick(LEAVES);
        }
        int d = depth - 1;
        switch (rnd.nextInt(14)) {
            case 0: {
                List<Expr> terms = new ArrayList<>();
                for (int i = 0, k = 2 + rnd.nextInt(2); i < k; i++) {
                    Expr t = expr(d);
                    terms.add(rnd.nextBoolean() ? neg(t) : t);
                }
                return new Expr.Add(terms);
            }
            case 1: {
                List<Expr> fs = new ArrayList<>();
                for (int i = 0, k = 2 + rnd.nextInt(2); i < k; i++) {
                    fs.add(expr(d));
                }
                return new Expr.Mul(fs);
            }
            case 2:
                return neg(expr(d));
            case 3:
                return div(expr(d), expr(d));
            case 4:
                return pow(expr(d), rnd.nextInt(4) == 0 ? n("0.5") : expr(d));
            case 5:
                return exp(expr(d));
            case 6:
                return log(expr(d));
            case 7:
                return sum(d);
            case 8:
                return d(expr(d), pick(VARIABLES));
            case 9:
                return d(exp(pick(VARIABLES)), pick(VARIABLES));
            case 10:
                return fn(pick(List.of("softmax", "\\sigma", "s", "diag")), List.of(expr(d)),
                        rnd.nextBoolean() ? List.of(s("i")) : List.of());
            case 11:
                return fn("f", List.of(expr(d), expr(d)), List.of());
            case 12:
                return transpose(pick(List.of(s("s"), s("J"), s("\\theta"))));
            default:
                return delta(pick(List.of(s("i"), s("k"))), pick(List.of(s("j"), add(s("j"), n(1)), n(2))));
        }
    }

    private Expr sum(int d) {
        String index = pick(List.of("k", "i", "n"));
        Expr from = rnd.nextBoolean() ? n(1) : null;
        Expr to = rnd.nextBoolean() ? s("K") : null;
        Condition where = switch (rnd.nextInt(4)) {
            case 0 -> when(ne(index, "j"));
            case 1 -> when(ne(index, "j"), ne("m", index));
            case 2 -> when(eq(index, "c"));
            default -> Condition.ALWAYS;
        };
        return Trees.sum(index, from, to, where, expr(d));
    }

    Line line(int depth) {
        Expr lhs = rnd.nextInt(3) == 0 ? null : expr(depth);
        List<Expr> rights = new ArrayList<>();
        for (int i = 0, k = 1 + rnd.nextInt(2); i < k; i++) {
            rights.add(expr(depth));
        }
        Condition c = switch (rnd.nextInt(4)) {
            case 0 -> when(eq("i", "j"));
            case 1 -> when(ne("i", "j"), eq("k", add(s("c"), n(1))));
            case 2 -> when(ne("i", neg(n(1))));
            default -> Condition.ALWAYS;
        };
        return new Line(lhs, rights, c);
    }

    private <T> T pick(List<T> xs) {
        return xs.get(rnd.nextInt(xs.size()));
    }
}
