package dev.gradstep.ui;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * Measures the real window: process start to first step painted, and key press to the next frame
 * after the step was redrawn, over several passes through the flagship derivation. Run under Xvfb
 * (or any display); settings are not persisted.
 */
public final class UiBenchmark {

    private UiBenchmark() {
    }

    public static void main(String[] args) {
        System.setProperty("gradstep.settings", "memory");
        UiMain.startPreload();
        Application.launch(BenchApp.class, args);
    }

    /** The app with a stopwatch attached. */
    public static final class BenchApp extends Application {
        private static final int PASSES = 6;
        private AppContext ctx;
        private MainWindow window;
        private final List<Double> samples = new ArrayList<>();
        private final List<Double> handlerSamples = new ArrayList<>();
        private long pressed;
        private int remaining;
        private boolean forward = true;

        @Override
        public void start(Stage stage) {
            ctx = AppContext.create(Settings.inMemory(), Platform::runLater);
            window = new MainWindow(ctx, stage);
            stage.setWidth(1280);
            stage.setHeight(900);
            window.show();
            long startMs = ManagementFactory.getRuntimeMXBean().getStartTime();
            window.whenFirstStepPainted(() -> {
                long ms = System.currentTimeMillis() - startMs;
                System.out.println("start-to-first-step: " + ms + " ms");
                window.scene().addPostLayoutPulseListener(this::onPulse);
                remaining = PASSES * Math.max(1, ctx.derivations().outline().size() - 1);
                Platform.runLater(this::press);
            });
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
            handlerSamples.add((System.nanoTime() - pressed) / 1e6);
        }

        private void onPulse() {
            if (pressed == 0) {
                return;
            }
            samples.add((System.nanoTime() - pressed) / 1e6);
            pressed = 0;
            if (--remaining > 0) {
                Platform.runLater(this::press);
            } else {
                report();
                Platform.exit();
            }
        }

        private void report() {
            print("step-change-to-frame", samples);
            print("  of which key handling (model + typesetting + painting)", handlerSamples);
            System.out.println("cores: " + Runtime.getRuntime().availableProcessors() + ", load average at end: "
                    + String.format(Locale.ROOT, "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
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

        @Override
        public void stop() {
            ctx.close();
        }
    }
}
