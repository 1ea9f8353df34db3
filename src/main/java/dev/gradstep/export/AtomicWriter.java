package dev.gradstep.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see the old content or the new, never half of it: the bytes go to
 * a temporary file in the same folder, are flushed to disk, then moved over the target.
 */
public final class AtomicWriter {

    private AtomicWriter() {
    }

    /** Writes text as UTF-8; see {@link #write(Path, byte[], boolean)}. */
    public static void write(Path target, String content, boolean overwrite) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8), overwrite);
    }

    /**
     * @throws FileAlreadyExistsException when the target exists and {@code overwrite} is false
     * @throws NoSuchFileException when the target's folder does not exist (it is never created)
     */
    public static void write(Path target, byte[] content, boolean overwrite) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw Files.exists(folder == null ? absolute : folder)
                    ? new NotDirectoryException(String.valueOf(folder))
                    : new NoSuchFileException(String.valueOf(folder), null, "folder does not exist");
        }
        if (Files.isDirectory(absolute)) {
            throw new FileAlreadyExistsException(absolute.toString(), null, "is a folder");
        }
        if (!overwrite && Files.exists(absolute)) {
            throw new FileAlreadyExistsException(absolute.toString(), null, "already exists");
        }
        Path temp = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            move(temp, absolute, overwrite);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void move(Path temp, Path target, boolean overwrite) throws IOException {
        if (!overwrite) {
            // Without REPLACE_EXISTING the move refuses a file that appeared since the check above.
            Files.move(temp, target);
            return;
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
