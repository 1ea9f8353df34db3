package dev.gradstep.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppOptionsTest {

    @TempDir
    Path dir;

    @Test
    void parse_foldersGiven_usesThem() {
        AppOptions o = AppOptions.parse(List.of("--derivations", dir.toString(), "--styles", dir.toString()));
        assertEquals(dir, o.derivations());
        assertEquals(dir, o.styles());
        assertTrue(o.problems().isEmpty());
    }

    @Test
    void parse_missingFolderOrUnknownOption_reportsAndFallsBack() {
        AppOptions o = AppOptions.parse(List.of("--derivations", dir.resolve("nope").toString(), "--theme", "--styles"));
        assertNull(o.derivations());
        assertNull(o.styles());
        assertEquals(3, o.problems().size(), o.problems().toString());
        assertTrue(o.problems().get(0).contains("is not a folder"));
        assertTrue(o.problems().get(1).contains("unknown option '--theme'"));
        assertTrue(o.problems().get(2).contains("--styles needs a folder"));
    }

    @Test
    void styleSheet_fileInStylesFolder_overridesBundled() throws IOException {
        Files.writeString(dir.resolve("dark.css"), ".root { -fx-base: black; }");
        AppOptions o = AppOptions.parse(List.of("--styles", dir.toString()));
        assertTrue(o.styleSheet("styles/dark.css").startsWith("file:"), o.styleSheet("styles/dark.css"));
        assertTrue(o.styleSheet("styles/light.css").contains("styles/light.css"));
        assertTrue(!o.styleSheet("styles/light.css").startsWith(dir.toUri().toString()));
    }

    @Test
    void loadFolder_derivationsFolderGiven_replacesBundledLibrary() throws IOException {
        Files.copy(Path.of("derivations", "softmax-ce-quotient.yaml"), dir.resolve("mine.yaml"));
        AppContext ctx = AppContext.withoutCas(Settings.inMemory(), Runnable::run,
                AppOptions.parse(List.of("--derivations", dir.toString())));
        try (ctx) {
            assertEquals(1, ctx.derivations().derivations().size());
        }
    }
}
