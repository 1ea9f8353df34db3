package dev.gradstep.expr;

import java.util.List;
import java.util.Objects;

/**
 * One line of a derivation as read from LaTeX: {@code LHS = R1 = R2 ...} or a continuation
 * {@code = R1} (then {@code lhs} is null), with an optional trailing index condition.
 */
public record Line(Expr lhs, List<Expr> rights, Condition condition) {
    public Line {
        rights = List.copyOf(rights);
        Objects.requireNonNull(condition, "condition");
        if (rights.isEmpty()) {
            throw new IllegalArgumentException("a line needs at least one right-hand side");
        }
    }

    public boolean isContinuation() {
        return lhs == null;
    }
}
