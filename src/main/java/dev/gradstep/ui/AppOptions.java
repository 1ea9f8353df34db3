package dev.gradstep.ui;

import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the app reads derivations and style sheets from: the bundled resources, or folders given
 * on the command line ({@code --derivations DIR}, {@code --styles DIR}) so a teacher can try
 * files and a designer can try a theme without rebuilding.
 */
public record AppOptions(Path derivations, Path styles, List<String> problems) {

    public static final AppOptions BUNDLED = new AppOptions(null, null, List.of());

    public AppOptions {
        problems = List.copyOf(problems);
    }

    /** Reads {@code --derivations DIR} and {@code --styles DIR}; anything else becomes a problem to show. */
    public static AppOptions parse(List<String> args) {
        Path derivations = null;
        Path styles = null;
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            boolean known = a.equals("--derivations") || a.equals("--styles");
            if (!known) {
                problems.add("unknown option '" + a + "' (the app takes --derivations DIR and --styles DIR)");
                continue;
            }
            if (i + 1 >= args.size()) {
                problems.add(a + " needs a folder");
                continue;
            }
            Path dir = Path.of(args.get(++i));
            if (!Files.isDirectory(dir)) {
                problems.add(a + ": '" + dir + "' is not a folder; using the bundled files");
            } else if (a.equals("--derivations")) {
                derivations = dir;
            } else {
                styles = dir;
            }
        }
        return new AppOptions(derivations, styles, problems);
    }

    /** The style sheet's URL: from the styles folder when it has the file, else the bundled one. */
    public String styleSheet(String name) {
        if (styles != null) {
            Path file = styles.resolve(Path.of(name).getFileName());
            if (Files.isRegularFile(file)) {
                try {
                    return file.toUri().toURL().toExternalForm();
                } catch (MalformedURLException e) {
                    return bundled(name);
                }
            }
        }
        return bundled(name);
    }

    private static String bundled(String name) {
        return AppOptions.class.getClassLoader().getResource(name).toExternalForm();
    }
}
