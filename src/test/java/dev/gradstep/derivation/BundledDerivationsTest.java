package dev.gradstep.derivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.derivation.DerivationLoader.Library;
import dev.gradstep.derivation.DerivationLoader.LoadProblem;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundled derivations are found the same way from a class folder and from a jar. */
class BundledDerivationsTest {

    private final DerivationLoader loader = new DerivationLoader();

    private static Map<String, String> entries() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("derivations/README.md", "# not a derivation\n");
        files.put("derivations/b-second.yaml", DerivationLoaderTest.validFile("second"));
        files.put("derivations/a-first.yml", DerivationLoaderTest.validFile("first"));
        files.put("derivations/c-broken.yaml", "id: broken\ntitle: t\nstpes: []\n");
        files.put("derivations/drafts/ignored.yaml", DerivationLoaderTest.validFile("ignored"));
        files.put("other/elsewhere.yaml", DerivationLoaderTest.validFile("elsewhere"));
        return files;
    }

    private static Path classFolder(Path dir) throws IOException {
        for (Map.Entry<String, String> e : entries().entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
        }
        return dir;
    }

    private static Path jar(Path dir, boolean directoryEntries) throws IOException {
        Path jar = dir.resolve("bundle.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out)) {
            if (directoryEntries) {
                jos.putNextEntry(new JarEntry("derivations/"));
                jos.closeEntry();
            }
            for (Map.Entry<String, String> e : entries().entrySet()) {
                jos.putNextEntry(new JarEntry(e.getKey()));
                jos.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                jos.closeEntry();
            }
        }
        return jar;
    }

    private Library loadThrough(Path classpathEntry) throws IOException {
        // No parent: only the temporary entry is visible, not the project's own resources.
        try (URLClassLoader cl = new URLClassLoader(new URL[] {classpathEntry.toUri().toURL()}, null)) {
            return loader.loadBundled(cl);
        }
    }

    private static String show(List<LoadProblem> problems) {
        return problems.stream().map(LoadProblem::describe).collect(Collectors.joining("\n"));
    }

    private static void assertBrokenFileOnly(Library lib) {
        assertTrue(!lib.problems().isEmpty(), "the broken file is reported");
        assertTrue(lib.problems().stream().allMatch(p -> p.source().equals("derivations/c-broken.yaml")
                || p.source().equals("derivations/a-first.yml") || p.source().equals("derivations/b-second.yaml")),
                show(lib.problems()));
        assertTrue(lib.problems().stream().anyMatch(p -> p.source().equals("derivations/c-broken.yaml")
                && p.line() == 3 && p.message().contains("did you mean 'steps'")), show(lib.problems()));
    }

    @Test
    void loadBundled_classFolder_listsTopLevelYamlOnly(@TempDir Path dir) throws IOException {
        Library lib = loadThrough(classFolder(dir));
        assertBrokenFileOnly(lib);
    }

    @Test
    void loadBundled_jar_listsTopLevelYamlOnly(@TempDir Path dir) throws IOException {
        Library lib = loadThrough(jar(dir, true));
        assertBrokenFileOnly(lib);
    }

    @Test
    void loadBundled_jarWithoutDirectoryEntries_foundThroughReadme(@TempDir Path dir) throws IOException {
        Library lib = loadThrough(jar(dir, false));
        assertBrokenFileOnly(lib);
    }

    @Test
    void loadBundled_classFolder_loadsGoodFilesInNameOrder(@TempDir Path dir) throws IOException {
        Library lib = loadThrough(classFolder(dir));
        assertEquals(List.of("first", "second"), lib.derivations().stream().map(Derivation::id).toList());
        assertEquals("derivations/a-first.yml", lib.derivations().get(0).source());
        assertTrue(lib.problems().stream().allMatch(p -> p.source().equals("derivations/c-broken.yaml")),
                show(lib.problems()));
    }

    @Test
    void loadBundled_jar_loadsGoodFilesInNameOrder(@TempDir Path dir) throws IOException {
        Library lib = loadThrough(jar(dir, true));
        assertEquals(List.of("first", "second"), lib.derivations().stream().map(Derivation::id).toList());
        assertTrue(lib.problems().stream().allMatch(p -> p.source().equals("derivations/c-broken.yaml")),
                show(lib.problems()));
    }

    @Test
    void loadBundled_nothingBundled_isEmpty(@TempDir Path dir) throws IOException {
        Library lib = loadThrough(dir);
        assertTrue(lib.derivations().isEmpty());
        assertTrue(lib.problems().isEmpty(), show(lib.problems()));
    }

    @Test
    void loadBundled_projectDerivations_loadWithoutProblems() {
        Library lib = loader.loadBundled();
        assertTrue(lib.problems().isEmpty(), show(lib.problems()));
        assertTrue(lib.derivations().stream().allMatch(d -> d.source().startsWith("derivations/")));
    }

    @Test
    void loadBundled_jar_isClosedAfterLoading(@TempDir Path dir) throws IOException {
        Path jar = jar(dir, true);
        loadThrough(jar);
        Files.delete(jar);
        assertTrue(Files.notExists(jar));
    }
}
