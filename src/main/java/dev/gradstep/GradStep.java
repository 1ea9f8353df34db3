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

    /** Said instead of JavaFX's stack trace when there is no screen to open a window on. */
    static final String NO_DISPLAY = "gradstep: the window needs a display (none is set or it cannot be opened); "
            + "the command line works without one: java -jar gradstep.jar check|export|numbers ... (--help)";

    /** Looked up by name so that the command-line path never loads a JavaFX class. */
    private static void openApp(String[] args) throws ReflectiveOperationException {
        if (noDisplay(System.getenv(), System.getProperty("os.name", ""), System.getProperty("glass.platform"))) {
            System.err.println(NO_DISPLAY);
            System.exit(1);
        }
        try {
            Class.forName("dev.gradstep.ui.UiMain").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof UnsupportedOperationException u && String.valueOf(u.getMessage()).contains("DISPLAY")) {
                System.err.println(NO_DISPLAY);
                System.exit(1);
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** On Linux and the BSDs a window needs X11 or Wayland; the headless Monocle platform needs neither. */
    static boolean noDisplay(java.util.Map<String, String> env, String osName, String glassPlatform) {
        boolean unixDesktop = !osName.startsWith("Windows") && !osName.startsWith("Mac");
        return unixDesktop && glassPlatform == null && blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
