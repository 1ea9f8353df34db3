package dev.gradstep.ui;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Launcher: a main class that is not an Application, so a plain classpath launch finds JavaFX.
 * Start-up keeps both cores busy without making them share: JavaFX starts its toolkit on one,
 * while the other builds the app's context and then loads JLaTeXMath, which the first step
 * needs only after the window's controls exist.
 */
public final class UiMain {

    /**
     * JavaFX warns at every start that it runs from the class path, which the jar has to do; the
     * user can do nothing about it, so that one message is dropped and every other one kept.
     * Held here because the logging framework keeps loggers only weakly.
     */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");
    private static final String CLASSPATH_WARNING = "Unsupported JavaFX configuration";

    private UiMain() {
    }

    public static void main(String[] args) {
        Settings settings = "memory".equals(System.getProperty("gradstep.settings"))
                ? Settings.inMemory() : Settings.userSettings();
        open(args, settings, true, (ctx, window) -> { });
    }

    /**
     * Starts JavaFX and opens the main window, the current step first, with Symja unless {@code cas}
     * is false. {@code beforeShow} runs on the JavaFX thread with the window built but not yet
     * shown; the context closes with the window.
     */
    static void open(String[] args, Settings settings, boolean cas, BiConsumer<AppContext, MainWindow> beforeShow) {
        CompletableFuture<AppContext> context = new CompletableFuture<>();
        UntilStarted ui = new UntilStarted(Platform::runLater);
        Timeline timeline = new Timeline(Boolean.getBoolean("gradstep.timing"), processStart());
        daemon("gradstep-context", () -> {
            try {
                AppOptions options = AppOptions.parse(List.of(args));
                context.complete(cas ? AppContext.create(settings, ui, options)
                        : AppContext.createWithoutCas(settings, ui, options));
            } catch (RuntimeException | Error e) {
                context.completeExceptionally(e);
            }
            timeline.mark("context");
            // after the context, not beside it: three threads on two cores slowed the toolkit's start
            FormulaRenderer.preloadEngine();
            timeline.mark("typesetter");
        });
        JAVAFX_LOG.setFilter(UiMain::keepLog);
        Platform.startup(() -> {
            ui.started();
            timeline.mark("toolkit");
            // Parsing JavaFX's own style sheet is the first control's biggest cost: do it while the
            // context is still being built instead of after.
            Application.setUserAgentStylesheet(Application.STYLESHEET_MODENA);
            timeline.mark("modena");
            AppContext ctx;
            try {
                ctx = context.join();
            } catch (java.util.concurrent.CompletionException e) {
                // with no window the toolkit would keep the process alive for nothing
                System.err.println("GradStep could not start: " + e.getCause());
                Platform.exit();
                return;
            }
            Stage stage = new Stage();
            MainWindow window = new MainWindow(ctx, stage, true);
            stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> ctx.close());
            timeline.mark("window");
            beforeShow.accept(ctx, window);
            window.show();
            timeline.mark("shown");
            window.whenFirstStepPainted(timeline::firstStep);
        });
    }

    /**
     * With {@code -Dgradstep.timing=true}, when each part of start-up finished, in ms from the
     * process start; printed with the first step.
     */
    static final class Timeline {
        private final boolean on;
        private final long startMs;
        private final StringBuffer marks = new StringBuffer();

        Timeline(boolean on, long startMs) {
            this.on = on;
            this.startMs = startMs;
        }

        /** Records when {@code what} finished and returns it, in ms from the process start. */
        long mark(String what) {
            long ms = System.currentTimeMillis() - startMs;
            if (on) {
                marks.append(marks.length() == 0 ? "" : ", ").append(what).append(' ').append(ms);
            }
            return ms;
        }

        /** The last mark, and the whole timeline printed. */
        void firstStep() {
            long ms = mark("first step");
            if (on) {
                System.out.println("start-up (ms from process start): " + marks);
                System.out.println("start-to-first-step " + ms + " ms");
            }
        }
    }

    /**
     * When the process started, in ms since the epoch: the launching JVM's start when the jar ran
     * the app in a second JVM ({@code dev.gradstep.FastStart}), else this JVM's.
     */
    static long processStart() {
        return Long.getLong("gradstep.processStart", ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    /** Every JavaFX log record but the class-path warning. */
    static boolean keepLog(java.util.logging.LogRecord r) {
        return r.getMessage() == null || !r.getMessage().startsWith(CLASSPATH_WARNING);
    }

    private static void daemon(String name, Runnable job) {
        Thread t = new Thread(job, name);
        t.setDaemon(true);
        t.start();
    }

    /**
     * The UI executor for a context built while the toolkit is still starting: work handed over
     * before then waits, in order, instead of failing because JavaFX is not up yet.
     */
    static final class UntilStarted implements Executor {
        private final Executor then;
        private List<Runnable> waiting = new ArrayList<>();

        UntilStarted(Executor then) {
            this.then = then;
        }

        @Override
        public void execute(Runnable r) {
            synchronized (this) {
                if (waiting != null) {
                    waiting.add(r);
                    return;
                }
            }
            then.execute(r);
        }

        /** Called once the toolkit runs: what waited is handed on first, in the order it came. */
        void started() {
            synchronized (this) {
                // handed on under the lock, so that nothing submitted meanwhile can overtake them
                waiting.forEach(then::execute);
                waiting = null;
            }
        }
    }
}
