package dev.gradstep.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriterTest {

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void write_newFile_writesContentAndNoTempFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("out.tex");
        AtomicWriter.write(f, "caf\u00e9 \\alpha", false);
        assertEquals("caf\u00e9 \\alpha", Files.readString(f));
        assertEquals(List.of("out.tex"), names(dir));
    }

    @Test
    void write_existingWithoutOverwrite_refusesAndKeepsOldContent(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("out.md");
        Files.writeString(f, "old");
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> AtomicWriter.write(f, "new", false));
        assertTrue(e.getMessage().contains(f.toAbsolutePath().toString()), e.getMessage());
        assertEquals("old", Files.readString(f));
        assertEquals(List.of("out.md"), names(dir));
    }

    @Test
    void write_existingWithOverwrite_replaces(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("out.md");
        Files.writeString(f, "old content that is longer");
        AtomicWriter.write(f, new byte[] {1, 2, 3}, true);
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(f));
        assertEquals(List.of("out.md"), names(dir));
    }

    @Test
    void write_missingFolder_clearErrorAndNothingCreated(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("absent").resolve("out.tex");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> AtomicWriter.write(f, "x", true));
        assertTrue(e.getMessage().contains("absent") && e.getMessage().contains("folder does not exist"), e.getMessage());
        assertEquals(List.of(), names(dir));
    }

    @Test
    void write_targetIsAFolder_refusedAndNoTempFileLeft(@TempDir Path dir) throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        AtomicWriter.Refused e = assertThrows(AtomicWriter.Refused.class, () -> AtomicWriter.write(sub, "x", true));
        assertEquals(sub + ": is a folder, not a file: name a file inside it", e.getMessage());
        assertEquals(List.of("sub"), names(dir));
    }

    @Test
    void write_moveFails_tempFileRemoved(@TempDir Path dir) throws IOException {
        // A non-empty folder is refused before any temporary file is made, and stays as it was.
        Path target = dir.resolve("busy");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside"), "keep");
        assertThrows(IOException.class, () -> AtomicWriter.write(target, "x", true));
        assertEquals(List.of("busy"), names(dir));
        assertEquals(List.of("inside"), names(target));
    }
}
