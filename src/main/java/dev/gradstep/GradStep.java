package dev.gradstep;

import dev.gradstep.cli.Cli;
import java.lang.reflect.InvocationTargetException;

/**
 * The jar's entry point: with no arguments (or only the app's {@code --derivations DIR} and
 * {@code --styles DIR}) it opens the desktop app; with a sub-command it runs the command line
 * without starting JavaFX (so it works with no display). Run from the packaged jar, both go
 * through {@link FastStart}.
 */
public final class GradStep {

    private GradStep() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        boolean app = args.length == 0 || args[0].equals("--derivations") || args[0].equals("--styles");
        FastStart.relaunchOrReturn(GradStep.class, app ? FastStart.APP_ARCHIVE : FastStart.CLI_ARCHIVE, args);
        if (app) {
            openApp(args);
            return;
        }
        System.exit(Cli.run(args));
    }

    /** Looked up by name so that the command-line path never loads a JavaFX class. */
    private static void openApp(String[] args) throws ReflectiveOperationException {
        try {
            Class.forName("dev.gradstep.ui.UiMain").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
