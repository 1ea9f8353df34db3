package dev.gradstep.tex;

import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Line;

/** Writes expressions as canonical LaTeX; the reader's inverse. */
public final class TexWriter {

    public String write(Expr expr) {
        throw new IllegalStateException("pending: tex writer");
    }

    public String write(Line line) {
        throw new IllegalStateException("pending: tex writer");
    }
}
