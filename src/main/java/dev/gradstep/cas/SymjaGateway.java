package dev.gradstep.cas;

import dev.gradstep.expr.Expr;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.matheclipse.core.basic.Config;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.eval.exception.ASTElementLimitExceeded;
import org.matheclipse.core.eval.exception.BigIntegerLimitExceeded;
import org.matheclipse.core.eval.exception.IterationLimitExceeded;
import org.matheclipse.core.eval.exception.RecursionLimitExceeded;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.parser.client.ParserConfig;
import org.matheclipse.parser.client.SyntaxError;

/**
 * The one door to Symja. A single daemon worker thread owns the engine (Symja is not thread-safe);
 * {@link #start()} warms it in the background. Every evaluation is checked against a whitelist of
 * heads before it runs, has a time limit and size caps, and returns a typed {@link CasResult}: Symja's
 * {@code Null} and {@code $Aborted} never leave this class. Never call the blocking methods on the
 * JavaFX thread.
 */
public final class SymjaGateway implements AutoCloseable {

    /** Caps that bound one evaluation's work besides its time limit. */
    public record Limits(int maxInputChars, int maxLeaves, int maxAstSize, int maxBitLength,
                         int maxPolynomialDegree, int recursionLimit, int iterationLimit, Duration stopGrace) {

        public static final Limits DEFAULT = new Limits(400_000, 60_000, 200_000, 100_000, 200, 600, 200_000,
                Duration.ofMillis(300));
    }

    /** JavaFX's own name for its thread; this package may not import JavaFX to ask. */
    private static final String FX_THREAD = "JavaFX Application Thread";

    private final Limits limits;
    private final Whitelist whitelist;
    private final Object lock = new Object();
    /** One question at a time, so a time limit counts the question's own work, not the queue before it. */
    private final ReentrantLock turn = new ReentrantLock(true);
    private final CompletableFuture<Void> ready;
    /** Symja's earlier answers by question; null to ask every time. */
    private final AnswerCache answers;
    private Worker worker;
    private boolean closed;

    private SymjaGateway(Limits limits, AnswerCache answers, boolean lazy) {
        this.limits = limits;
        this.answers = answers;
        this.whitelist = new Whitelist(limits.maxLeaves());
        this.ready = new CompletableFuture<>();
        if (!lazy) {
            synchronized (lock) {
                currentWorker();
            }
        }
    }

    /** The worker, started (and warming) on first need; call holding {@code lock}. */
    private Worker currentWorker() {
        if (worker == null) {
            worker = new Worker(limits, 1);
            worker.warmed.whenComplete((v, t) -> {
                if (t == null) {
                    ready.complete(null);
                } else {
                    ready.completeExceptionally(t);
                }
            });
        }
        return worker;
    }

    private static final BooleanSupplier NEVER = () -> false;
    /** How often a running question looks at its cancel flag. */
    private static final long CANCEL_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /** Starts the worker and warms the engine in the background; returns at once. */
    public static SymjaGateway start() {
        return start(Limits.DEFAULT);
    }

    public static SymjaGateway start(Limits limits) {
        return start(limits, null);
    }

    /** As {@link #start()}, answering repeated questions from {@code answers} (null: none). */
    public static SymjaGateway start(AnswerCache answers) {
        return start(Limits.DEFAULT, answers);
    }

    public static SymjaGateway start(Limits limits, AnswerCache answers) {
        quietLogging();
        return new SymjaGateway(limits, answers, false);
    }

    /**
     * As {@link #start(AnswerCache)}, but Symja is loaded only when a question is not in the cache:
     * a run whose answers are all known never pays the engine's two seconds of start-up.
     * {@link #whenReady()} completes only once some question needed the engine.
     */
    public static SymjaGateway startLazily(AnswerCache answers) {
        quietLogging();
        return new SymjaGateway(Limits.DEFAULT, answers, true);
    }

    /** Starts loading the engine now if it was started lazily and has not been needed yet; returns at once. */
    public void warmUp() {
        synchronized (lock) {
            if (!closed) {
                currentWorker();
            }
        }
    }

    /** The cache this gateway answers from, or null. */
    public AnswerCache answers() {
        return answers;
    }

    public boolean isReady() {
        return ready.isDone() && !ready.isCompletedExceptionally();
    }

    /** Completes when the first engine has loaded its built-ins (about two seconds). */
    public CompletableFuture<Void> whenReady() {
        return ready.copy();
    }

    /** Evaluates whitelisted Symja input and waits for the typed result; never throws for bad input. */
    public CasResult evaluate(String input, Duration timeout) {
        return run(input, timeout, SymjaGateway::asValue);
    }

    /**
     * Asks whether a concrete expression (no sums, no free indices) is identically zero: first by
     * putting it over one denominator ({@code Together}), then by {@code Simplify}, within one
     * time limit. Logarithms are taken apart as they are written
     * (see {@link SymjaForm}).
     */
    public Proof proveZero(Expr concrete, Duration timeout) {
        return proveZero(concrete, timeout, NEVER);
    }

    /**
     * As {@link #proveZero(Expr, Duration)}, also stopping the engine as soon as {@code cancelled}
     * says so (looked at every few milliseconds), so a cancelled check does not leave Symja busy.
     */
    public Proof proveZero(Expr concrete, Duration timeout, BooleanSupplier cancelled) {
        String input;
        try {
            input = new SymjaForm().of(concrete);
        } catch (IllegalArgumentException e) {
            return new Proof(Proof.Status.ERROR, e.getMessage());
        }
        return zeroByStages(input, timeout, cancelled);
    }

    private Proof zeroByStages(String input, Duration timeout, BooleanSupplier cancelled) {
        if (answers == null) {
            return askZero(input, timeout, cancelled);
        }
        Optional<Proof> known = answers.get(input);
        if (known.isPresent()) {
            return known.get();
        }
        Proof fresh = askZero(input, timeout, cancelled);
        answers.put(input, fresh);
        return fresh;
    }

    private Proof askZero(String input, Duration timeout, BooleanSupplier cancelled) {
        long deadline = System.nanoTime() + timeout.toNanos();
        CasResult first = run("Together[Expand[" + input + "]]", timeout, SymjaGateway::asZeroTest, cancelled);
        if (first instanceof CasResult.Ok ok && ok.value().equals("0")) {
            return new Proof(Proof.Status.PROVED, "Together");
        }
        if (first instanceof CasResult.Error) {
            return proofOf(first);
        }
        if (first instanceof CasResult.Aborted a && cancelled.getAsBoolean()) {
            return new Proof(Proof.Status.ABORTED, a.reason());
        }
        Duration left = Duration.ofNanos(deadline - System.nanoTime());
        if (left.isNegative() || left.isZero()) {
            return new Proof(Proof.Status.ABORTED, "stopped at the time limit of " + timeout.toMillis() + " ms");
        }
        CasResult second = run("Simplify[" + input + "]", left, SymjaGateway::asZeroTest, cancelled);
        if (second instanceof CasResult.Ok ok) {
            return ok.value().equals("0") ? new Proof(Proof.Status.PROVED, "Simplify")
                    : new Proof(Proof.Status.NOT_PROVED, "Simplify left a non-zero remainder");
        }
        return second instanceof CasResult.Aborted a
                ? new Proof(Proof.Status.ABORTED, a.reason())
                : proofOf(second);
    }

    /**
     * Whether {@code D[of, variable] - claimed} is identically zero: the CAS's confirmation of a
     * derivative the program worked out itself.
     */
    public Proof confirmDerivative(Expr concreteOf, Expr.Sym variable, Expr concreteClaimed, Duration timeout) {
        String of;
        String claimed;
        try {
            SymjaForm form = new SymjaForm();
            // both sides must agree on which symbols go through t = e^x before either is written
            form.scan(concreteClaimed);
            of = form.derivativeOf(concreteOf, variable);
            claimed = form.of(concreteClaimed);
        } catch (IllegalArgumentException e) {
            return new Proof(Proof.Status.ERROR, e.getMessage());
        }
        return zeroByStages("Plus[" + of + ",Times[-1," + claimed + "]]", timeout, NEVER);
    }

    private static Proof proofOf(CasResult r) {
        if (r instanceof CasResult.Aborted a) {
            return new Proof(Proof.Status.ABORTED, a.reason());
        }
        if (r instanceof CasResult.Error e) {
            return new Proof(Proof.Status.ERROR, e.message());
        }
        return new Proof(Proof.Status.NOT_PROVED, "");
    }

    private static CasResult asValue(IExpr result) {
        return new CasResult.Ok(result.toString());
    }

    private static CasResult asZeroTest(IExpr result) {
        return new CasResult.Ok(result.isZero() ? "0" : result.toString());
    }

    private CasResult run(String input, Duration timeout, Function<IExpr, CasResult> finish) {
        return run(input, timeout, finish, NEVER);
    }

    private CasResult run(String input, Duration timeout, Function<IExpr, CasResult> finish, BooleanSupplier cancelled) {
        if (FX_THREAD.equals(Thread.currentThread().getName())) {
            throw new IllegalStateException("the CAS is never asked on the JavaFX thread: it would freeze the window");
        }
        if (input == null || input.isBlank()) {
            return new CasResult.Error("empty input");
        }
        if (input.length() > limits.maxInputChars()) {
            return new CasResult.Error("the input is too long (" + input.length() + " characters; the cap is "
                    + limits.maxInputChars() + ")");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            return new CasResult.Aborted("no time left");
        }
        try {
            turn.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CasResult.Aborted("interrupted");
        }
        try {
            return runInTurn(input, timeout, finish, cancelled);
        } finally {
            turn.unlock();
        }
    }

    private CasResult runInTurn(String input, Duration timeout, Function<IExpr, CasResult> finish,
                                BooleanSupplier cancelled) {
        Worker w;
        synchronized (lock) {
            if (closed) {
                return new CasResult.Error("the CAS has been shut down");
            }
            w = currentWorker();
        }
        Future<CasResult> f;
        try {
            f = w.executor.submit(() -> w.evaluate(input, whitelist, finish));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return new CasResult.Error("the CAS has been shut down");
        }
        try {
            long deadline = System.nanoTime() + timeout.toNanos() + waitForWarmUpNanos(w);
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException();
                }
                try {
                    return f.get(Math.min(left, CANCEL_POLL_NANOS), TimeUnit.NANOSECONDS);
                } catch (TimeoutException slice) {
                    if (cancelled.getAsBoolean()) {
                        stop(w, f, timeout);
                        return new CasResult.Aborted("cancelled");
                    }
                }
            }
        } catch (TimeoutException e) {
            return stop(w, f, timeout);
        } catch (InterruptedException e) {
            w.engineStop();
            Thread.currentThread().interrupt();
            return new CasResult.Aborted("interrupted");
        } catch (ExecutionException e) {
            return new CasResult.Error("the CAS failed: " + e.getCause());
        }
    }

    /** The first question waits for the engine to load as well; its own time limit starts after that. */
    private static long waitForWarmUpNanos(Worker w) {
        return w.warmed.isDone() ? 0 : TimeUnit.SECONDS.toNanos(10);
    }

    /**
     * Asks the engine to stop; if it does not within the grace period, the worker is abandoned (its
     * daemon thread ends when its caps stop it) and a fresh one takes over, so the next question
     * does not queue behind runaway work.
     */
    private CasResult stop(Worker w, Future<CasResult> f, Duration timeout) {
        w.engineStop();
        f.cancel(true);
        try {
            w.idle(limits.stopGrace());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            if (!w.isIdle() && worker == w && !closed) {
                w.executor.shutdownNow();
                worker = new Worker(limits, w.generation + 1);
            }
        }
        return new CasResult.Aborted("stopped at the time limit of " + timeout.toMillis() + " ms");
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (worker != null) {
                worker.engineStop();
                worker.executor.shutdownNow();
            }
        }
    }

    /** Symja logs through Log4j 2 and SLF4J; the user's terminal should see none of it. */
    private static void quietLogging() {
        setIfAbsent("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        setIfAbsent("org.apache.logging.log4j.simplelog.StatusLogger.level", "OFF");
        setIfAbsent("log4j2.simplelogStatusLoggerLevel", "OFF");
        setIfAbsent("org.apache.logging.log4j.level", "OFF");
        setIfAbsent("log4j2.level", "OFF");
        setIfAbsent("log4j2.simplelogLevel", "OFF");
        setIfAbsent("org.apache.logging.log4j.simplelog.level", "OFF");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** One engine on one daemon thread with a large stack (Symja recurses deeply). */
    private static final class Worker {
        final int generation;
        final ExecutorService executor;
        final CompletableFuture<Void> warmed = new CompletableFuture<>();
        private volatile EvalEngine engine;
        private final Object busyLock = new Object();
        private boolean busy;

        Worker(Limits limits, int generation) {
            this.generation = generation;
            this.executor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(null, r, "gradstep-symja-" + generation, 512L << 20);
                t.setDaemon(true);
                return t;
            });
            executor.execute(() -> warm(limits));
        }

        private void warm(Limits limits) {
            try {
                configure(limits);
                EvalEngine e = new EvalEngine(false);
                PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
                e.setOutPrintStream(nowhere);
                e.setErrorPrintStream(nowhere);
                e.setQuietMode(true);
                e.setRecursionLimit(limits.recursionLimit());
                e.setIterationLimit(limits.iterationLimit());
                EvalEngine.set(e);
                e.evaluate(e.parse("D[Exp[x]/(Exp[x]+Exp[y]),x]"));
                engine = e;
                warmed.complete(null);
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                warmed.completeExceptionally(e);
            }
        }

        /** Symja's switches are global: strict case-sensitive syntax, no files, no helper threads. */
        private static void configure(Limits limits) {
            ParserConfig.PARSER_USE_LOWERCASE_SYMBOLS = false;
            Config.FILESYSTEM_ENABLED = false;
            Config.JAS_NO_THREADS = true;
            Config.MAX_AST_SIZE = limits.maxAstSize();
            Config.MAX_BIT_LENGTH = limits.maxBitLength();
            Config.MAX_POLYNOMIAL_DEGREE = limits.maxPolynomialDegree();
            Config.MAX_INPUT_LEAVES = limits.maxLeaves();
            skipAutoload();
        }

        /**
         * {@code F.initSymbols} (run when the parser's class loads) evaluates every {@code .m} file
         * in a folder named {@code .\Autoload} in the working directory, and does nothing else.
         * Marking it as run keeps every definition inside the jar; a Symja without these fields
         * fails the start rather than read the folder.
         */
        static void skipAutoload() {
            try {
                for (String name : new String[] {"isSystemStarted", "systemInitialized"}) {
                    Field field = F.class.getDeclaredField(name);
                    field.setAccessible(true);
                    field.setBoolean(null, true);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalStateException("cannot switch off Symja's autoload folder: " + e, e);
            }
        }

        CasResult evaluate(String input, Whitelist whitelist, Function<IExpr, CasResult> finish) {
            if (engine == null) {
                Throwable why = warmed.isCompletedExceptionally() ? warmed.handle((v, t) -> t).join() : null;
                return new CasResult.Error("the CAS did not start" + (why == null ? "" : ": " + why));
            }
            synchronized (busyLock) {
                busy = true;
            }
            try {
                engine.setStopRequested(false);
                IExpr parsed;
                try {
                    parsed = engine.parse(input);
                } catch (SyntaxError e) {
                    return new CasResult.Error("not valid Symja input: " + firstLine(e.getMessage()));
                }
                if (parsed == null) {
                    return new CasResult.Error("not valid Symja input");
                }
                Optional<String> refusal = whitelist.refusal(parsed);
                if (refusal.isPresent()) {
                    return new CasResult.Error("refused: " + refusal.get());
                }
                IExpr result = engine.evaluate(parsed);
                if (result == null || result.isNIL()) {
                    return new CasResult.Error("Symja gave no result");
                }
                String text = result.toString();
                if (text.equals("$Aborted")) {
                    return new CasResult.Aborted(engine.isStopRequested() ? "stopped at the time limit" : "aborted by Symja");
                }
                if (text.equals("Null")) {
                    return new CasResult.Error("Symja gave no result");
                }
                return finish.apply(result);
            } catch (ASTElementLimitExceeded | BigIntegerLimitExceeded e) {
                return new CasResult.Aborted("size cap reached: " + firstLine(e.getMessage()));
            } catch (RecursionLimitExceeded | IterationLimitExceeded | StackOverflowError e) {
                return new CasResult.Aborted("recursion or iteration cap reached");
            } catch (RuntimeException e) {
                return engine.isStopRequested() ? new CasResult.Aborted("stopped at the time limit")
                        : new CasResult.Error("Symja failed: " + e.getClass().getSimpleName() + " "
                                + firstLine(String.valueOf(e.getMessage())));
            } finally {
                synchronized (busyLock) {
                    busy = false;
                    busyLock.notifyAll();
                }
            }
        }

        void engineStop() {
            EvalEngine e = engine;
            if (e != null) {
                e.stopRequest();
            }
        }

        boolean isIdle() {
            synchronized (busyLock) {
                return !busy;
            }
        }

        void idle(Duration grace) throws InterruptedException {
            long end = System.nanoTime() + grace.toNanos();
            synchronized (busyLock) {
                while (busy) {
                    long left = end - System.nanoTime();
                    if (left <= 0) {
                        return;
                    }
                    TimeUnit.NANOSECONDS.timedWait(busyLock, left);
                }
            }
        }

        private static String firstLine(String s) {
            if (s == null) {
                return "";
            }
            int nl = s.indexOf('\n');
            return (nl < 0 ? s : s.substring(0, nl)).strip();
        }
    }
}
