package dev.gradstep.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Calls back for each file whose content changed since it was last looked at, until the thread is
 * interrupted. It polls rather than using a WatchService: editors save by writing in place, by
 * renaming a temporary file over the old one, or through a synced folder, and a content comparison
 * sees all of these alike. A file is read only when its size or time changed; files larger than
 * {@link #MAX_BYTES} are compared by size and time alone.
 */
final class Watcher {

    static final long MAX_BYTES = 8L << 20;

    private record Seen(long size, long modified, byte[] content) {
    }

    private final Map<Path, Seen> seen = new LinkedHashMap<>();
    private final Consumer<Path> changed;

    Watcher(List<Path> files, Consumer<Path> changed) {
        this.changed = changed;
        for (Path f : files) {
            seen.put(f, look(f, null));
        }
    }

    /** Polls every {@code pollMs} until interrupted; returns then. */
    void run(long pollMs) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(pollMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            poll();
        }
    }

    /** Looks at every file once, calling back for those that changed. */
    void poll() {
        for (Map.Entry<Path, Seen> e : seen.entrySet()) {
            Seen before = e.getValue();
            Seen now = look(e.getKey(), before);
            if (now != null && (before == null || differs(before, now))) {
                e.setValue(now);
                changed.accept(e.getKey());
            } else if (now == null) {
                // deleted or mid-rename: wait for it to come back, then compare with what was checked
                continue;
            }
        }
    }

    private static boolean differs(Seen a, Seen b) {
        if (a.content() != null && b.content() != null) {
            return !Arrays.equals(a.content(), b.content());
        }
        return a.size() != b.size() || a.modified() != b.modified();
    }

    private static Seen look(Path f, Seen before) {
        try {
            long size = Files.size(f);
            long modified = Files.getLastModifiedTime(f).toMillis();
            if (before != null && before.size() == size && before.modified() == modified) {
                return before;
            }
            byte[] content = size <= MAX_BYTES ? Files.readAllBytes(f) : null;
            return new Seen(size, modified, content);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }
}
