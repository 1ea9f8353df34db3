package dev.gradstep.ui;

import javafx.application.Application;

/** Launcher: a main class that is not an Application, so a plain classpath launch finds JavaFX. */
public final class UiMain {

    private UiMain() {
    }

    public static void main(String[] args) {
        startPreload();
        Application.launch(GradStepApp.class, args);
    }

    /** JLaTeXMath costs about a second to load: do it while JavaFX starts, not after. */
    static void startPreload() {
        Thread t = new Thread(FormulaRenderer::preloadEngine, "gradstep-latex-preload");
        t.setDaemon(true);
        t.start();
    }
}
