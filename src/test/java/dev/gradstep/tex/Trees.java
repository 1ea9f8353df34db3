package dev.gradstep.tex;

import dev.gradstep.expr.Condition;
import dev.gradstep.expr.Condition.Op;
import dev.gradstep.expr.Condition.Relation;
import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Expr.Add;
import dev.gradstep.expr.Expr.Delta;
import dev.gradstep.expr.Expr.Deriv;
import dev.gradstep.expr.Expr.Div;
import dev.gradstep.expr.Expr.Exp;
import dev.gradstep.expr.Expr.Fn;
import dev.gradstep.expr.Expr.Log;
import dev.gradstep.expr.Expr.Mul;
import dev.gradstep.expr.Expr.Neg;
import dev.gradstep.expr.Expr.Num;
import dev.gradstep.expr.Expr.Pow;
import dev.gradstep.expr.Expr.Sum;
import dev.gradstep.expr.Expr.Sym;
import dev.gradstep.expr.Line;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Short builders so expected trees in tests read like the maths. */
final class Trees {

    private Trees() {
    }

    /** Index arguments: a String is a symbol, a Number a number, an Expr itself. */
    static Expr ix(Object o) {
        if (o instanceof Expr e) {
            return e;
        }
        if (o instanceof String s) {
            return new Sym(s);
        }
        if (o instanceof Number n) {
            return new Num(new BigDecimal(n.toString()));
        }
        throw new IllegalArgumentException(String.valueOf(o));
    }

    static Sym s(String name, Object... indices) {
        List<Expr> idx = new ArrayList<>();
        for (Object o : indices) {
            idx.add(ix(o));
        }
        return new Sym(name, idx);
    }

    static Num n(long v) {
        return Num.of(v);
    }

    static Num n(String v) {
        return new Num(new BigDecimal(v));
    }

    static Add add(Expr... terms) {
        return new Add(List.of(terms));
    }

    static Mul mul(Expr... factors) {
        return new Mul(List.of(factors));
    }

    static Neg neg(Expr e) {
        return new Neg(e);
    }

    static Div div(Expr a, Expr b) {
        return new Div(a, b);
    }

    static Pow pow(Expr a, Expr b) {
        return new Pow(a, b);
    }

    static Exp exp(Expr a) {
        return new Exp(a);
    }

    static Log log(Expr a) {
        return new Log(a);
    }

    static Sum sum(String index, Expr body) {
        return new Sum(index, null, null, Condition.ALWAYS, body);
    }

    static Sum sum(String index, Expr from, Expr to, Condition where, Expr body) {
        return new Sum(index, from, to, where == null ? Condition.ALWAYS : where, body);
    }

    static Deriv d(Expr of, Sym wrt) {
        return new Deriv(of, wrt);
    }

    static Delta delta(Object a, Object b) {
        return new Delta(ix(a), ix(b));
    }

    static Fn fn(String name, List<Expr> args, List<Expr> indices) {
        return new Fn(name, args, indices);
    }

    static Fn transpose(Expr e) {
        return new Fn("transpose", List.of(e), List.of());
    }

    static Relation ne(Object a, Object b) {
        return new Relation(ix(a), Op.NE, ix(b));
    }

    static Relation eq(Object a, Object b) {
        return new Relation(ix(a), Op.EQ, ix(b));
    }

    static Condition when(Relation... rels) {
        return Condition.of(rels);
    }

    static Line line(Expr lhs, Condition c, Expr... rights) {
        return new Line(lhs, List.of(rights), c == null ? Condition.ALWAYS : c);
    }
}
