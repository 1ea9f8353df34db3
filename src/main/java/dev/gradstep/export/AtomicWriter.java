package dev.gradstep.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see the old content or the new, never half of it: the bytes go to
 * a temporary file in the same folder, are flushed to disk, then moved over the target. Only a
 * regular file is ever replaced (never a device, pipe, socket or folder), an overwritten file keeps
 * its permissions, and every failure names the caller's path, never the temporary file.
 */
public final class AtomicWriter {

    private AtomicWriter() {
    }

    /** Writes text as UTF-8; see {@link #write(Path, byte[], boolean)}. */
    public static void write(Path target, String content, boolean overwrite) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8), overwrite);
    }

    /** The target is one GradStep never writes over; the reason follows the path's name. */
    public static final class Refused extends FileSystemException {
        private static final long serialVersionUID = 1L;

        Refused(String file, String reason) {
            super(file, null, reason);
        }
    }

    /** How a path is shown in messages: as the user gave it, an empty one as {@code ""}. */
    public static String shown(Path target) {
        return target.toString().isEmpty() ? "\"\"" : target.toString();
    }

    /**
     * Why {@code target} may not be written, in words that follow its name ("exists; use --force to
     * overwrite", "is a folder, not a file", ...); empty when it may. A missing folder is reported
     * by {@link #write}.
     */
    public static Optional<String> refusal(Path target, boolean overwrite) {
        if (target.toString().isEmpty()) {
            return Optional.of("is not a file name");
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(target, BasicFileAttributes.class);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (a.isDirectory()) {
            return Optional.of("is a folder, not a file: name a file inside it");
        }
        if (!a.isRegularFile()) {
            return Optional.of("is a device, pipe or socket, not a regular file; it is never replaced");
        }
        return overwrite ? Optional.empty() : Optional.of("exists; use --force to overwrite");
    }

    /**
     * @throws FileAlreadyExistsException when the target exists and {@code overwrite} is false
     * @throws NoSuchFileException when the target's folder does not exist (it is never created)
     * @throws Refused when the target is not a file that may be replaced (a folder, a device)
     * @throws FileSystemException naming {@code target}, with the reason, when writing fails
     */
    public static void write(Path target, byte[] content, boolean overwrite) throws IOException {
        Optional<String> refused = refusal(target, overwrite);
        if (refused.isPresent()) {
            throw refused.get().startsWith("exists")
                    ? new FileAlreadyExistsException(shown(target), null, refused.get())
                    : new Refused(shown(target), refused.get());
        }
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw Files.exists(folder == null ? absolute : folder)
                    ? new NotDirectoryException(String.valueOf(folder))
                    : new NoSuchFileException(String.valueOf(folder), null, "folder does not exist");
        }
        Path temp = null;
        try {
            temp = createTemp(folder, absolute);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (overwrite && Files.isRegularFile(absolute)) {
                keepPermissions(absolute, temp);
            }
            move(temp, absolute, overwrite);
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(shown(target), null, "exists; use --force to overwrite");
        } catch (IOException e) {
            throw new FileSystemException(shown(target), null, reason(e));
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Created as a plain new file would be (the user's umask), not 0600 as a temporary file. */
    private static Path createTemp(Path folder, Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = folder.resolve("." + target.getFileName() + "." + Long.toUnsignedString(
                    ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 8) {
                    throw e;
                }
            }
        }
    }

    private static void keepPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        PosixFileAttributeView copy = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (source != null && copy != null) {
            copy.setPermissions(source.readAttributes().permissions());
        }
    }

    /** The failure in words, without the temporary file's name that the JDK's messages carry. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f) {
            return f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
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
