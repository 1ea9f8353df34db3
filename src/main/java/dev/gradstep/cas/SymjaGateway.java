package dev.gradstep.cas;

import dev.gradstep.expr.Expr;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The one door to Symja: a single daemon worker thread owns the engine. */
public final class SymjaGateway implements AutoCloseable {

    private SymjaGateway() {
    }

    /** Starts the worker and warms the engine in the background; returns at once. */
    public static SymjaGateway start() {
        throw new IllegalStateException("pending: gateway");
    }

    public boolean isReady() {
        throw new IllegalStateException("pending: gateway");
    }

    public CompletableFuture<Void> whenReady() {
        throw new IllegalStateException("pending: gateway");
    }

    /** Evaluates whitelisted Symja input on the worker; never call from the JavaFX thread. */
    public CompletableFuture<CasResult> submit(String input, Duration timeout) {
        throw new IllegalStateException("pending: gateway");
    }

    /** {@link #submit} and wait. */
    public CasResult evaluate(String input, Duration timeout) {
        throw new IllegalStateException("pending: gateway");
    }

    /** Asks whether a concrete expression (no sums, no free indices) is identically zero. */
    public Proof proveZero(Expr concrete, Duration timeout) {
        throw new IllegalStateException("pending: gateway");
    }

    /** Symja's derivative of a concrete expression with respect to a concrete symbol, as LaTeX-free input form. */
    public CasResult derivative(Expr concrete, Expr.Sym variable, Duration timeout) {
        throw new IllegalStateException("pending: gateway");
    }

    @Override
    public void close() {
    }
}
