package dev.gradstep.tex;

import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Line;

/** Reads LaTeX as people write it into expressions. Stateless apart from its configuration. */
public final class TexReader {

    public TexReader() {
    }

    /** Reads one line: {@code LHS = R1 [= R2 ...] [condition]} or {@code = R1 ...}. */
    public Line readLine(String tex) {
        throw new IllegalStateException("pending: tex reader");
    }

    /** Reads a single expression (no {@code =}). */
    public Expr readExpr(String tex) {
        throw new IllegalStateException("pending: tex reader");
    }
}
