package dev.gradstep.ui;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** The real window on a context without the CAS, opened by one TestFX test and closed after it. */
final class WindowFixture {

    final AppContext ctx;
    final MainWindow window;

    private WindowFixture(AppContext ctx, MainWindow window) {
        this.ctx = ctx;
        this.window = window;
    }

    /** Call from the test's {@code @Start} method, on the JavaFX thread. */
    static WindowFixture open(Stage stage, double width, double height) {
        AppContext ctx = AppContext.withoutCas(Settings.inMemory(), Platform::runLater);
        MainWindow window = new MainWindow(ctx, stage);
        stage.setWidth(width);
        stage.setHeight(height);
        window.show();
        return new WindowFixture(ctx, window);
    }

    /** Call from {@code @AfterEach}: stops the context's background work on the JavaFX thread. */
    void close() {
        WaitForAsyncUtils.waitForAsyncFx(10_000, ctx::close);
    }
}
