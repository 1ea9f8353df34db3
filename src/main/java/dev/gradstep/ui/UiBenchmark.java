package dev.gradstep.ui;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Measures the real window: process start to first step painted, and key press to the next frame
 * after the step was redrawn, over several passes through the flagship derivation; then how the
 * numbers panel copes with 10^5 pasted logits. Run under Xvfb (or any display); settings are not persisted.
 * {@code -Dgradstep.launchedAt=$(date +%s%3N)} adds the time from the launching shell to the first step.
 */
public final class UiBenchmark {

    private UiBenchmark() {
    }

    /**
     * Opens the app exactly as the jar does (in the second JVM with the class archive, when run
     * from the packaged jar), with a stopwatch attached before it is shown.
     */
    public static void main(String[] args) {
        dev.gradstep.FastStart.relaunchOrReturn(UiBenchmark.class, dev.gradstep.FastStart.APP_ARCHIVE, args);
        boolean startOnly = List.of(args).contains(START_ONLY);
        String[] appArgs = java.util.Arrays.stream(args).filter(a -> !a.equals(START_ONLY)).toArray(String[]::new);
        // Symja starts after the first step either way; without it, training lists only what a start loads
        UiMain.open(appArgs, Settings.inMemory(), !startOnly, (ctx, window) -> new Stopwatch(ctx, window, startOnly).attach());
    }

    /**
     * Measures start-up alone: exits a few frames after the first step, once the rest of the window
     * is in. The build's training run uses it to list the classes a start loads.
     */
    static final String START_ONLY = "--start-only";
    /** Frames painted after the first step before {@code --start-only} exits: the chrome arrives in the first. */
    private static final int FRAMES_AFTER_FIRST_STEP = 3;

    /** The stopwatch: it drives the window with key presses and prints what it measured. */
    private static final class Stopwatch {
        /** Passes through the derivation while its first check still runs, then once it is done. */
        private static final int EARLY_PASSES = 2;
        private static final int PASSES = 6;
        private static final int LARGE_K = 100_000;
        private static final int TYPED_K = 1000;
        private final AppContext ctx;
        private final MainWindow window;
        private final List<Double> samples = new ArrayList<>();
        private final List<Double> handlerSamples = new ArrayList<>();
        private final List<Double> workSamples = new ArrayList<>();
        private final java.util.Random phase = new java.util.Random(7);
        private final java.util.concurrent.ScheduledExecutorService timer =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "bench-timer");
                    t.setDaemon(true);
                    return t;
                });
        private long pulseStart;
        private double handler;
        private long pressed;
        private int remaining;
        private boolean early = true;
        private boolean forward = true;
        private final boolean startOnly;

        Stopwatch(AppContext ctx, MainWindow window, boolean startOnly) {
            this.ctx = ctx;
            this.window = window;
            this.startOnly = startOnly;
        }

        void attach() {
            window.stage().setWidth(1280);
            window.stage().setHeight(900);
            long startMs = UiMain.processStart();
            window.whenFirstStepPainted(() -> {
                long ms = System.currentTimeMillis() - startMs;
                System.out.println("start-to-first-step: " + ms + " ms (from the start of the java process)");
                long launched = Long.getLong("gradstep.launchedAt", 0);
                if (launched > 0) {
                    System.out.println("process-start-to-first-step: " + (System.currentTimeMillis() - launched)
                            + " ms (from the shell's clock at launch)");
                }
                if (startOnly) {
                    exitAfterFrames();
                    return;
                }
                window.scene().addPreLayoutPulseListener(() -> pulseStart = System.nanoTime());
                window.scene().addPostLayoutPulseListener(this::onPulse);
                remaining = EARLY_PASSES * Math.max(1, ctx.derivations().outline().size() - 1);
                Platform.runLater(this::press);
            });
        }

        private void exitAfterFrames() {
            new AnimationTimer() {
                private int frames;

                @Override
                public void handle(long now) {
                    if (++frames >= FRAMES_AFTER_FIRST_STEP) {
                        stop();
                        Platform.exit();
                    }
                }
            }.start();
        }

        /** A real key arrives at any moment between two frames, not just after one. */
        private void pressAtRandomPhase() {
            timer.schedule(() -> Platform.runLater(this::press), phase.nextInt(17_000),
                    java.util.concurrent.TimeUnit.MICROSECONDS);
        }

        private void press() {
            int idx = ctx.derivations().currentIndexProperty().get();
            int last = ctx.derivations().outline().size() - 1;
            if (idx >= last) {
                forward = false;
            } else if (idx <= 0) {
                forward = true;
            }
            KeyCode code = forward ? KeyCode.RIGHT : KeyCode.LEFT;
            pressed = System.nanoTime();
            Event.fireEvent(window.scene().getFocusOwner() == null ? window.scene().getRoot() : window.scene().getFocusOwner(),
                    new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false));
            handler = (System.nanoTime() - pressed) / 1e6;
            handlerSamples.add(handler);
        }

        private static String logits(java.util.Random random, int k) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < k; i++) {
                sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", random.nextGaussian() * 3));
            }
            return sb.toString();
        }

        private void onPulse() {
            if (pressed <= 0) {
                return;
            }
            long now = System.nanoTime();
            samples.add((now - pressed) / 1e6);
            workSamples.add(handler + (now - Math.max(pulseStart, pressed)) / 1e6);
            pressed = 0;
            if (--remaining > 0) {
                pressAtRandomPhase();
            } else if (early) {
                report("while the first check runs (badges filling in)");
                early = false;
                pressed = -1;
                whenChecksDone(() -> {
                    remaining = PASSES * Math.max(1, ctx.derivations().outline().size() - 1);
                    pressAtRandomPhase();
                });
            } else {
                report("with every step checked");
                pressed = -1;
                Platform.runLater(this::numbersPhase);
            }
        }

        /** Polls rather than listens: the check may already be over, or finish between two looks. */
        private void whenChecksDone(Runnable then) {
            if (!ctx.derivations().checkingProperty().get()) {
                then.run();
                return;
            }
            javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(javafx.util.Duration.millis(100));
            wait.setOnFinished(e -> whenChecksDone(then));
            wait.play();
        }

        /**
         * Pastes 10^5 logits into the numbers panel (as Ctrl+V does), then 1000 logits and one more
         * keystroke, and records the longest gap between frames (an AnimationTimer asks for every
         * frame) until each result is shown.
         */
        private void numbersPhase() {
            TabPane tabs = (TabPane) window.scene().lookup(".tab-pane");
            tabs.getSelectionModel().select(2);
            // The tab is built when first shown; let that settle so it is not counted as the paste's cost.
            javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1));
            settle.setOnFinished(e -> measureNumbers());
            settle.play();
        }

        private void measureNumbers() {
            NumbersPane pane = (NumbersPane) window.scene().lookup(".numbers-pane");
            java.util.Random random = new java.util.Random(1);
            String big = logits(random, LARGE_K);
            String medium = logits(random, TYPED_K);
            long[] last = {0};
            double[] maxGap = {0};
            AnimationTimer frames = new AnimationTimer() {
                @Override
                public void handle(long pulseTime) {
                    // Wall-clock time of delivery: the pulse's own timestamp can lag behind it.
                    long now = System.nanoTime();
                    if (last[0] != 0) {
                        maxGap[0] = Math.max(maxGap[0], (now - last[0]) / 1e6);
                    }
                    last[0] = now;
                }
            };
            frames.start();
            long t0 = System.nanoTime();
            pane.labels.setText("7");
            pane.logits.replaceText(0, pane.logits.getLength(), big);
            double setText = (System.nanoTime() - t0) / 1e6;
            ctx.numbers().resultProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                private boolean typed;
                private long typedAt;
                private double typeCost;

                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends NumbersViewModel.Result> o,
                                    NumbersViewModel.Result a, NumbersViewModel.Result r) {
                    if (!typed && r.classes() == LARGE_K) {
                        System.out.println(String.format(Locale.ROOT, "numbers panel, paste of %d logits: FX thread "
                                + "%.1f ms for the text, result shown after %.0f ms, longest frame gap %.1f ms",
                                LARGE_K, setText, (System.nanoTime() - t0) / 1e6, maxGap[0]));
                        typed = true;
                        pane.logits.replaceText(0, pane.logits.getLength(), medium);
                    } else if (typed && typedAt == 0 && r.classes() == TYPED_K) {
                        maxGap[0] = 0;
                        typedAt = System.nanoTime();
                        pane.logits.positionCaret(pane.logits.getLength());
                        pane.logits.replaceSelection("7");
                        typeCost = (System.nanoTime() - typedAt) / 1e6;
                    } else if (typedAt != 0 && r.classes() == TYPED_K) {
                        System.out.println(String.format(Locale.ROOT, "numbers panel, one keystroke in a field of %d "
                                + "logits: FX thread %.1f ms for the keystroke, result shown after %.0f ms, longest "
                                + "frame gap %.1f ms", TYPED_K, typeCost, (System.nanoTime() - typedAt) / 1e6, maxGap[0]));
                        frames.stop();
                        Platform.exit();
                    }
                }
            });
        }

        private void report(String when) {
            System.out.println(when + ":");
            print("step-change-to-frame (keys pressed at random moments between frames)", samples);
            print("  work: key handler + that frame's CSS and layout", workSamples);
            print("  of which the key handler (model + typesetting + painting)", handlerSamples);
            System.out.println("cores: " + Runtime.getRuntime().availableProcessors() + ", load average at end: "
                    + String.format(Locale.ROOT, "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            samples.clear();
            workSamples.clear();
            handlerSamples.clear();
        }

        private static void print(String what, List<Double> values) {
            List<Double> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            double median = sorted.get(sorted.size() / 2);
            double p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
            System.out.println(String.format(Locale.ROOT,
                    "%s over %d key presses: median %.2f ms, 95th percentile %.2f ms, max %.2f ms",
                    what, sorted.size(), median, p95, sorted.get(sorted.size() - 1)));
        }
    }
}
