package dev.gradstep.ui;

import javafx.application.Application;

/** Launcher: a main class that is not an Application, so a plain classpath launch finds JavaFX. */
public final class UiMain {

    private UiMain() {
    }

    public static void main(String[] args) {
        Application.launch(GradStepApp.class, args);
    }
}
