package dev.gradstep.cas;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Symja's finished answers ({@link Proof.Status#PROVED} or {@link Proof.Status#NOT_PROVED}) by the
 * exact text of the question: an answer is a pure function of that text, so a change to how a
 * question is written (its canonical form) is a different key and can never meet an old answer.
 * Aborted and failed answers depend on time and are never kept. Bounded by the characters it holds
 * (the least recently used go first). On disk it is one text file whose name carries GradStep's and
 * Symja's versions; each entry carries a SHA-256 of its question, checked on reading, and a file
 * that does not read back exactly is ignored and rewritten. Thread-safe.
 */
public final class AnswerCache {

    /** The system property that moves the on-disk cache (tests point it at a temporary folder). */
    public static final String FOLDER_PROPERTY = "gradstep.cacheDir";
    /** Bumped when what is stored, or how an answer is read from Symja, changes. */
    private static final int FORMAT = 1;
    private static final String MAGIC = "gradstep-symja-answers";
    /** Default bound: a few thousand flagship-sized questions, a few megabytes on disk. */
    public static final long DEFAULT_MAX_CHARS = 4_000_000;

    private final Path file;
    private final long maxChars;
    private final String header;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long chars;
    private boolean dirty;
    private int hits;
    private int misses;

    /** The kind of an entry that is not a zero test: a text answer another package keeps here (a step's verdict). */
    private static final String TEXT = "TEXT";

    /** {@code status} is a {@link Proof.Status} name or {@link #TEXT}. */
    private record Entry(String question, String status, String detail) {
        long size() {
            return question.length() + detail.length() + 80L;
        }
    }

    private AnswerCache(Path file, long maxChars, SymjaGateway.Limits limits) {
        this.file = file;
        this.maxChars = maxChars;
        this.header = MAGIC + " " + FORMAT + " " + limits;
    }

    /** A cache in memory only, for one process (the app, the language server). */
    public static AnswerCache inMemory(long maxChars) {
        return new AnswerCache(null, maxChars, SymjaGateway.Limits.DEFAULT);
    }

    /**
     * The cache in {@code folder}, read now if its file is there; {@link #save()} writes it back.
     * A missing, unreadable or corrupt file gives an empty cache (and is rewritten on save).
     */
    public static AnswerCache onDisk(Path folder, long maxChars) {
        AnswerCache c = new AnswerCache(folder.resolve(fileName()), maxChars, SymjaGateway.Limits.DEFAULT);
        c.load();
        return c;
    }

    /** The user's cache folder: {@value #FOLDER_PROPERTY}, else $XDG_CACHE_HOME/gradstep, else ~/.cache/gradstep. */
    public static Path defaultFolder() {
        String given = System.getProperty(FOLDER_PROPERTY);
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "gradstep");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "gradstep");
    }

    /** {@code symja-answers-<GradStep version>-symja-<Symja version>.txt}: a new version starts afresh. */
    static String fileName() {
        String ours = version("/META-INF/maven/dev.gradstep/gradstep/pom.properties", AnswerCache.class);
        String symja = version("/META-INF/maven/org.matheclipse/matheclipse-core/pom.properties", AnswerCache.class);
        return "symja-answers-" + ours + "-symja-" + symja + ".txt";
    }

    private static String version(String resource, Class<?> from) {
        try (InputStream in = from.getResourceAsStream(resource)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && v.matches("[A-Za-z0-9._-]{1,40}")) {
                    return v;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // no version to read: fall through to the development name
        }
        return "dev";
    }

    public Path file() {
        return file;
    }

    /** Symja's earlier answer to exactly this question, marked as cached. */
    public synchronized Optional<Proof> get(String question) {
        Entry e = entries.get(question);
        if (e == null || !e.question().equals(question)) {
            misses++;
            return Optional.empty();
        }
        if (TEXT.equals(e.status())) {
            misses++;
            return Optional.empty();
        }
        hits++;
        return Optional.of(new Proof(Proof.Status.valueOf(e.status()), e.detail(), true));
    }

    /**
     * A text answer kept under {@code question} by {@link #rememberText}: for answers derived from
     * Symja's and the numbers' (a step's whole verdict), under a question that names everything
     * the answer depends on. Kept in the same bounded store, file and versions as Symja's answers.
     */
    public synchronized Optional<String> recallText(String question) {
        Entry e = entries.get(question);
        if (e == null || !TEXT.equals(e.status()) || !e.question().equals(question)) {
            misses++;
            return Optional.empty();
        }
        hits++;
        return Optional.of(e.detail());
    }

    public synchronized void rememberText(String question, String answer) {
        if (storable(question) && storable(answer)) {
            add(new Entry(question, TEXT, answer));
            dirty = true;
        }
    }

    /** Keeps a finished answer; aborted and failed ones are not answers to the question and are dropped. */
    public synchronized void put(String question, Proof proof) {
        if (proof.cached() || proof.status() != Proof.Status.PROVED && proof.status() != Proof.Status.NOT_PROVED) {
            return;
        }
        String detail = proof.detail() == null ? "" : proof.detail();
        if (!storable(question) || !storable(detail)) {
            return;
        }
        add(new Entry(question, proof.status().name(), detail));
        dirty = true;
    }

    public synchronized int hits() {
        return hits;
    }

    public synchronized int misses() {
        return misses;
    }

    public synchronized int size() {
        return entries.size();
    }

    private static boolean storable(String s) {
        return s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0;
    }

    private void add(Entry e) {
        Entry old = entries.put(e.question(), e);
        if (old != null) {
            chars -= old.size();
        }
        chars += e.size();
        Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
        while (chars > maxChars && it.hasNext()) {
            Entry eldest = it.next().getValue();
            if (eldest == e) {
                break;
            }
            chars -= eldest.size();
            it.remove();
        }
        if (chars > maxChars) {
            entries.remove(e.question());
            chars -= e.size();
        }
    }

    private synchronized void load() {
        Map<String, Entry> read = read(file, header);
        if (read == null) {
            dirty = Files.exists(file);
            return;
        }
        read.values().forEach(this::add);
    }

    /** The entries of a cache file, oldest first; null when it is missing, of another format, or corrupt. */
    private static Map<String, Entry> read(Path file, String header) {
        Map<String, Entry> out = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (!header.equals(in.readLine())) {
                return null;
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split("\t", -1);
                if (f.length != 4 || !f[0].equals(hash(f[3]))) {
                    return null;
                }
                if (!f[1].equals(Proof.Status.PROVED.name()) && !f[1].equals(Proof.Status.NOT_PROVED.name()) && !f[1].equals(TEXT)) {
                    return null;
                }
                out.put(f[3], new Entry(f[3], f[1], f[2]));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            // missing, unreadable, or not valid UTF-8 or not our lines: start afresh
            return null;
        }
    }

    /**
     * Writes the cache back when it learned something, merged with what another process may have
     * written meanwhile; through a temporary file and a move, so a reader sees the old file or the
     * new. A cache that cannot be written is only a cache: failures are ignored.
     */
    public synchronized void save() {
        if (file == null || !dirty) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Map<String, Entry> theirs = Files.exists(file) ? read(file, header) : null;
            if (theirs != null) {
                LinkedHashMap<String, Entry> ours = new LinkedHashMap<>(entries);
                entries.clear();
                chars = 0;
                theirs.values().stream().filter(t -> !ours.containsKey(t.question())).forEach(this::add);
                ours.values().forEach(this::add);
            }
            StringBuilder sb = new StringBuilder(header).append('\n');
            for (Entry e : entries.values()) {
                sb.append(hash(e.question())).append('\t').append(e.status()).append('\t').append(e.detail())
                        .append('\t').append(e.question()).append('\n');
            }
            Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try {
                Files.writeString(temp, sb, StandardCharsets.UTF_8);
                try {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            dirty = false;
        } catch (NoSuchFileException e) {
            // the folder went away while writing: nothing to keep
        } catch (IOException | RuntimeException e) {
            // read-only or full disk: the next run asks Symja again
        }
    }

    static String hash(String question) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(question.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
