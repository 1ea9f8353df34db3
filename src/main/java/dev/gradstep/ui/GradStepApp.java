package dev.gradstep.ui;

import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The JavaFX application. Settings go to the user's preferences unless
 * {@code -Dgradstep.settings=memory} (demos, benchmarks) asks for a throw-away store; the
 * arguments may name folders of derivations and styles ({@link AppOptions}).
 */
public final class GradStepApp extends Application {

    private AppContext context;

    @Override
    public void start(Stage stage) {
        Settings settings = "memory".equals(System.getProperty("gradstep.settings"))
                ? Settings.inMemory() : Settings.userSettings();
        context = AppContext.create(settings, Platform::runLater, AppOptions.parse(getParameters().getRaw()));
        MainWindow window = new MainWindow(context, stage);
        window.show();
        if (Boolean.getBoolean("gradstep.timing")) {
            long startMs = ManagementFactory.getRuntimeMXBean().getStartTime();
            window.whenFirstStepPainted(() -> System.out.println("start-to-first-step "
                    + (System.currentTimeMillis() - startMs) + " ms"));
        }
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }
}
