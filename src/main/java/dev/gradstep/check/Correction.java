package dev.gradstep.check;

import dev.gradstep.expr.Condition;
import dev.gradstep.expr.Expr;

/**
 * A corrected line for a wrong step, in the student's own symbols, that was checked in the
 * student's notation, case and assumptions by the same checker as the step itself, and holds.
 * {@code tex} is the whole line ({@code lhs = rhs \quad (case)}), {@code rhsTex} its right side;
 * {@code basis} is that check's verdict basis ("numeric", "symbolic" or "both") and {@code detail}
 * what it rests on; {@code from} says where the candidate came from.
 */
public record Correction(String tex, String rhsTex, Expr rhs, Condition condition, String basis, String detail,
                         From from) {

    /** Where a correction came from. */
    public enum From {
        /** The student's own line with the one repair the hint names. */
        REPAIR,
        /** A step of a bundled derivation (never an exercise's planted mistake), renamed into the student's symbols. */
        LIBRARY
    }
}
