package dev.gradstep.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher's hand-over of UI work that arrives before JavaFX has started. */
class UiMainTest {

    @Test
    void keepLog_javafxClasspathWarning_droppedAndEveryOtherRecordKept() {
        java.util.logging.Level warning = java.util.logging.Level.WARNING;
        assertEquals(false, UiMain.keepLog(new java.util.logging.LogRecord(warning,
                "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @69eee410'")));
        assertEquals(true, UiMain.keepLog(new java.util.logging.LogRecord(warning,
                "Could not resolve '-gs-accent' while resolving lookups for '-fx-text-fill'")));
        assertEquals(true, UiMain.keepLog(new java.util.logging.LogRecord(warning, null)));
    }

    @Test
    void untilStarted_workBeforeStart_waitsThenRunsInOrderBeforeLaterWork() {
        List<String> ran = new ArrayList<>();
        UiMain.UntilStarted ui = new UiMain.UntilStarted(Runnable::run);
        ui.execute(() -> ran.add("first"));
        ui.execute(() -> ran.add("second"));
        assertEquals(List.of(), ran, "nothing may run before the toolkit is up");
        ui.started();
        assertEquals(List.of("first", "second"), ran);
        ui.execute(() -> ran.add("third"));
        assertEquals(List.of("first", "second", "third"), ran);
    }
}
