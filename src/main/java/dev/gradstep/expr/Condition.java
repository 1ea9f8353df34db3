package dev.gradstep.expr;

import java.util.List;

/**
 * Conditions on indices: the {@code (i = j)} after a case line, or the {@code k \neq i} under a sum.
 * Empty means "always".
 */
public record Condition(List<Relation> relations) {

    public static final Condition ALWAYS = new Condition(List.of());

    public Condition {
        relations = List.copyOf(relations);
    }

    public boolean isAlways() {
        return relations.isEmpty();
    }

    public static Condition of(Relation... relations) {
        return new Condition(List.of(relations));
    }

    /** One relation between two index expressions. */
    public record Relation(Expr left, Op op, Expr right) {
        public Relation {
            java.util.Objects.requireNonNull(left, "left");
            java.util.Objects.requireNonNull(op, "op");
            java.util.Objects.requireNonNull(right, "right");
        }
    }

    /** Equal or not equal: the only relations index conditions need. */
    public enum Op {
        EQ, NE
    }
}
