package dev.gradstep.derivation;

import dev.gradstep.expr.Budget;
import dev.gradstep.expr.Line;
import dev.gradstep.tex.SourceText;
import dev.gradstep.tex.TexParseException;
import dev.gradstep.tex.TexReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads derivation files (YAML). Problems are reported with file:line; other files still load.
 *
 * <p>The YAML is read as a node tree (never bound to objects) so that every problem has a line
 * and column. All problems of a file are collected before giving up on it. Anchors and aliases
 * are refused outright: derivation files never need them, and they are the door to
 * "billion laughs" documents.
 */
public final class DerivationLoader {

    /** Files above this size are refused before they are parsed. */
    public static final int MAX_FILE_BYTES = 1 << 20;
    /** Lists and mappings inside each other; the deepest bundled file uses four. */
    public static final int MAX_NESTING = 32;

    /** The classpath folder the build copies the top-level {@code derivations/} folder into. */
    public static final String BUNDLED_FOLDER = "derivations/";
    private static final Pattern ID_AS_FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    private static final List<String> TOP_KEYS =
            List.of("id", "title", "summary", "notation", "assumptions", "definitions", "steps");
    private static final List<String> NOTATION_KEYS =
            List.of("logits", "probs", "labels", "loss", "classes", "batch", "onehot", "temperature");
    private static final List<String> STEP_KEYS = List.of("tex", "rule", "why", "parts", "mistake");
    private static final List<String> MISTAKE_KEYS = List.of("correct", "explanation");

    private final TexReader reader = new TexReader();

    /** A loaded library: the derivations that read cleanly and the problems of those that did not. */
    public record Library(List<Derivation> derivations, List<LoadProblem> problems) {
        public Library {
            derivations = List.copyOf(derivations);
            problems = List.copyOf(problems);
        }
    }

    /** A problem in a file: where, and what. Line and column are 1-based; 0 when unknown. */
    public record LoadProblem(String source, int line, int column, String message) {
        /** {@code file:line:column: message}; line and column are left out when unknown (0). */
        public String describe() {
            return source + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + message;
        }
    }

    /** Thrown by {@link #load(Path)} / {@link #parse} for a file that cannot be used. */
    public static final class LoadException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<LoadProblem> problems;

        public LoadException(List<LoadProblem> problems) {
            super(problems.isEmpty() ? "cannot load" : problems.get(0).describe());
            this.problems = List.copyOf(problems);
        }

        public List<LoadProblem> problems() {
            return problems;
        }
    }

    /** Loads one file; its path (as given) is the source named in messages. */
    public Derivation load(Path file) throws LoadException {
        Result r = read(file.toString(), () -> readCapped(file));
        return r.orThrow();
    }

    /** Parses the text of a derivation file; {@code source} names it in messages. */
    public Derivation parse(String text, String source) throws LoadException {
        return readText(text, source).orThrow();
    }

    /** Every {@code *.yaml} / {@code *.yml} directly in a folder, sorted by file name. Never throws. */
    public Library loadFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return new Library(List.of(), List.of(new LoadProblem(folder.toString(), 0, 0, "not a folder")));
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> isDerivationName(p.getFileName().toString()) && !Files.isDirectory(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .collect(Collectors.toList());
        } catch (IOException | RuntimeException e) {
            return new Library(List.of(), List.of(new LoadProblem(folder.toString(), 0, 0,
                    "cannot list the folder: " + reasonOf(e))));
        }
        List<Pending> pending = new ArrayList<>();
        for (Path f : files) {
            pending.add(new Pending(f.toString(), () -> readCapped(f)));
        }
        return assemble(pending);
    }

    /**
     * The one derivation whose file is {@code <id>.yaml}, read before the rest so that a window can
     * show it at once: from the bundled resources, or from {@code folder} when it is not null.
     * Empty when there is no such file or it does not read cleanly; the full read reports why.
     */
    public Optional<Derivation> loadById(Path folder, String id) {
        // an id comes from saved settings: it must never name another path
        if (id == null || !ID_AS_FILE.matcher(id).matches()) {
            return Optional.empty();
        }
        String name = id + ".yaml";
        Result r;
        if (folder != null) {
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            r = read(file.toString(), () -> readCapped(file));
        } else {
            ClassLoader loader = bundledLoader();
            r = read(BUNDLED_FOLDER + name, () -> {
                try (InputStream in = loader.getResourceAsStream(BUNDLED_FOLDER + name)) {
                    if (in == null) {
                        throw new NoSuchFileException(BUNDLED_FOLDER + name);
                    }
                    return in.readNBytes(MAX_FILE_BYTES + 1);
                }
            });
        }
        return r.problems().isEmpty() && r.derivation().id().equals(id) ? Optional.of(r.derivation()) : Optional.empty();
    }

    /** The derivations bundled with the program (the {@code derivations/} resources). */
    public Library loadBundled() {
        return loadBundled(bundledLoader());
    }

    /** The class loader the bundled derivations are read through: the thread's, else this class's. */
    private static ClassLoader bundledLoader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : DerivationLoader.class.getClassLoader();
    }

    /**
     * The {@code derivations/*.yaml} resources visible to a class loader, from class folders
     * (file: URLs) and jars (jar: URLs) alike; sub-folders are ignored, as in {@link #loadFolder}.
     */
    public Library loadBundled(ClassLoader classLoader) {
        List<LoadProblem> problems = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        Set<String> seenRoots = new LinkedHashSet<>();
        for (URL root : bundledRoots(classLoader, problems)) {
            if (!seenRoots.add(root.toString())) {
                continue;
            }
            try {
                switch (root.getProtocol()) {
                    case "file" -> listDirectory(Path.of(root.toURI()), pending);
                    case "jar" -> listJar(root, pending);
                    default -> problems.add(new LoadProblem(root.toString(), 0, 0,
                            "cannot list bundled derivations from a '" + root.getProtocol() + "' location"));
                }
            } catch (IOException | URISyntaxException | RuntimeException e) {
                problems.add(new LoadProblem(root.toString(), 0, 0,
                        "cannot list bundled derivations: " + reasonOf(e)));
            }
        }
        pending.sort(Comparator.comparing(Pending::source));
        Library lib = assemble(pending);
        problems.addAll(lib.problems());
        return new Library(lib.derivations(), problems);
    }

    private static List<URL> bundledRoots(ClassLoader cl, List<LoadProblem> problems) {
        List<URL> roots = new ArrayList<>();
        try {
            roots.addAll(Collections.list(cl.getResources(BUNDLED_FOLDER)));
            if (roots.isEmpty()) {
                // A jar built without directory entries still has the README, which names the folder.
                for (URL readme : Collections.list(cl.getResources(BUNDLED_FOLDER + "README.md"))) {
                    String s = readme.toString();
                    roots.add(new URL(s.substring(0, s.length() - "README.md".length())));
                }
            }
        } catch (IOException e) {
            problems.add(new LoadProblem(BUNDLED_FOLDER, 0, 0, "cannot find bundled derivations: " + reasonOf(e)));
        }
        return roots;
    }

    private static void listDirectory(Path dir, List<Pending> pending) throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            for (Path f : listing.collect(Collectors.toList())) {
                String name = f.getFileName().toString();
                if (isDerivationName(name) && !Files.isDirectory(f)) {
                    pending.add(new Pending(BUNDLED_FOLDER + name, () -> readCapped(f)));
                }
            }
        }
    }

    private static void listJar(URL root, List<Pending> pending) throws IOException, URISyntaxException {
        URLConnection connection = root.openConnection();
        if (!(connection instanceof JarURLConnection jarConnection)) {
            throw new IOException("not a jar location: " + root);
        }
        // Open the jar ourselves (not the connection's cached copy) so it is closed after reading.
        Path jarPath = Path.of(jarConnection.getJarFileURL().toURI());
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                String name = e.getName();
                if (e.isDirectory() || !name.startsWith(BUNDLED_FOLDER)) {
                    continue;
                }
                String rest = name.substring(BUNDLED_FOLDER.length());
                if (rest.contains("/") || !isDerivationName(rest)) {
                    continue;
                }
                byte[] bytes;
                IOException failure = null;
                try (InputStream in = jar.getInputStream(e)) {
                    bytes = in.readNBytes(MAX_FILE_BYTES + 1);
                } catch (IOException ex) {
                    bytes = null;
                    failure = ex;
                }
                byte[] content = bytes;
                IOException error = failure;
                pending.add(new Pending(name, () -> {
                    if (error != null) {
                        throw error;
                    }
                    return content;
                }));
            }
        }
    }

    private static boolean isDerivationName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return (n.endsWith(".yaml") || n.endsWith(".yml")) && !n.startsWith(".");
    }

    /** Reads a file, refusing it before reading when it is over the size limit. */
    private static byte[] readCapped(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new TooLargeException();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(MAX_FILE_BYTES + 1);
        }
    }

    /** A file refused by its size before it was read. */
    private static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private Library assemble(List<Pending> pending) {
        List<Derivation> derivations = new ArrayList<>();
        List<LoadProblem> problems = new ArrayList<>();
        Map<String, String> firstSourceOfId = new HashMap<>();
        for (Pending p : pending) {
            Result r = read(p.source(), p.content());
            if (!r.problems().isEmpty()) {
                problems.addAll(r.problems());
                continue;
            }
            Derivation d = r.derivation();
            String first = firstSourceOfId.putIfAbsent(d.id(), d.source());
            if (first != null) {
                problems.add(new LoadProblem(d.source(), r.idLine(), r.idColumn(),
                        "duplicate id '" + d.id() + "': already used by " + first));
            } else {
                derivations.add(d);
            }
        }
        return new Library(derivations, problems);
    }

    private Result read(String source, Content content) {
        byte[] bytes;
        try {
            bytes = content.read();
        } catch (NoSuchFileException e) {
            return Result.failed(new LoadProblem(source, 0, 0, "no such file"));
        } catch (TooLargeException e) {
            return Result.failed(tooLargeProblem(source));
        } catch (IOException | RuntimeException e) {
            return Result.failed(new LoadProblem(source, 0, 0, "cannot read the file: " + reasonOf(e)));
        }
        if (bytes.length > MAX_FILE_BYTES) {
            return Result.failed(tooLargeProblem(source));
        }
        String text;
        try {
            text = SourceText.decode(bytes);
        } catch (SourceText.NotText e) {
            return Result.failed(new LoadProblem(source, e.line(), e.column(), e.getMessage()));
        }
        return readText(text, source);
    }

    private static LoadProblem tooLargeProblem(String source) {
        return new LoadProblem(source, 0, 0, "the file is larger than 1 MiB; derivation files are small, so it is refused");
    }

    private Result readText(String text, String source) {
        if (text.length() > MAX_FILE_BYTES) {
            return Result.failed(tooLargeProblem(source));
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return new FileReading(source, body).run();
    }

    /** SnakeYAML splits a message into context and problem; join them so they read as one sentence. */
    private static String yamlReason(String context, String problem) {
        if (problem == null) {
            return context == null ? "unreadable YAML" : context;
        }
        if (context == null) {
            return problem;
        }
        return problem.startsWith("but ") ? context + ", " + problem : problem + " (" + context + ")";
    }

    private static String reasonOf(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Bytes of a file, read only when its turn comes. */
    @FunctionalInterface
    private interface Content {
        byte[] read() throws IOException;
    }

    private record Pending(String source, Content content) {
    }

    private record Result(Derivation derivation, int idLine, int idColumn, List<LoadProblem> problems) {
        static Result failed(LoadProblem p) {
            return new Result(null, 0, 0, List.of(p));
        }

        Derivation orThrow() throws LoadException {
            if (!problems.isEmpty()) {
                throw new LoadException(problems);
            }
            return derivation;
        }
    }

    private static LoadSettings settings(String source) {
        return LoadSettings.builder()
                .setLabel(source)
                .setAllowRecursiveKeys(false)
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(1)
                .setCodePointLimit(MAX_FILE_BYTES + 16)
                .setUseMarks(true)
                .build();
    }

    /** The reading of one file: its text, the problems found so far. Used once. */
    private final class FileReading {
        private final String source;
        private final String text;
        private final List<LoadProblem> problems = new ArrayList<>();
        private String[] lines;

        FileReading(String source, String text) {
            this.source = source;
            this.text = text;
        }

        Result run() {
            Node root = compose();
            if (root == null) {
                return done(null, 0, 0);
            }
            if (!(root instanceof MappingNode map)) {
                problem(root, "a derivation file is a mapping of keys (id, title, steps, ...), not "
                        + kindOf(root));
                return done(null, 0, 0);
            }
            Map<String, NodeTuple> fields = fields(map, TOP_KEYS, null);
            String id = requiredText(fields, "id", map, null);
            if (id != null && id.length() > Budget.DEFAULT.maxIdLength()) {
                problem(fields.get("id").getValueNode(), "the id has " + id.length() + " characters; the budget is "
                        + Budget.DEFAULT.maxIdLength());
            } else if (id != null && !ID.matcher(id).matches()) {
                problem(fields.get("id").getValueNode(),
                        "id '" + id + "' may use only lower-case letters, digits and '-'");
            }
            String title = requiredText(fields, "title", map, null);
            String summary = optionalText(fields.get("summary"));
            Notation notation = notation(fields.get("notation"));
            Set<Assumption> assumptions = assumptions(fields.get("assumptions"));
            List<Definition> definitions = definitions(fields.get("definitions"));
            List<Step> steps = steps(fields.get("steps"), map);
            if (!problems.isEmpty()) {
                return done(null, 0, 0);
            }
            Derivation d = new Derivation(id, title, summary, notation, assumptions, steps, source, definitions);
            Node idNode = fields.get("id").getKeyNode();
            return done(d, lineOf(idNode), columnOf(idNode));
        }

        private Result done(Derivation d, int idLine, int idColumn) {
            List<LoadProblem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingInt(LoadProblem::line).thenComparingInt(LoadProblem::column));
            return new Result(d, idLine, idColumn, sorted);
        }

        /** Syntax and alias check by events first (cheap, positioned), then the node tree. */
        private Node compose() {
            LoadSettings settings = settings(source);
            try {
                int depth = 0;
                for (Event e : new Parse(settings).parseString(text)) {
                    if (e instanceof CollectionStartEvent && ++depth > MAX_NESTING) {
                        // the node tree is built recursively: refuse before it is, at the first level too many
                        problem(e.getStartMark(), "YAML nested more than " + MAX_NESTING
                                + " lists or mappings deep; a derivation file needs a few levels");
                        return null;
                    }
                    if (e instanceof CollectionEndEvent) {
                        depth--;
                    }
                    if (e instanceof AliasEvent || (e instanceof NodeEvent ne && ne.getAnchor().isPresent())) {
                        problem(e.getStartMark(), "YAML anchors and aliases (&name, *name) are not allowed "
                                + "in derivation files; write the text out");
                        return null;
                    }
                }
                Optional<Node> node = new Compose(settings).composeString(text);
                if (node.isEmpty()) {
                    problems.add(new LoadProblem(source, 1, 0, "the file is empty"));
                    return null;
                }
                return node.get();
            } catch (MarkedYamlEngineException e) {
                Optional<Mark> where = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
                problem(where, "YAML syntax: " + yamlReason(e.getContext(), e.getProblem()));
                return null;
            } catch (YamlEngineException e) {
                problems.add(new LoadProblem(source, 0, 0, "YAML: " + reasonOf(e)));
                return null;
            }
        }

        /** The keys of a mapping; unknown and duplicate keys are problems. */
        private Map<String, NodeTuple> fields(MappingNode map, List<String> known, String where) {
            Map<String, NodeTuple> out = new LinkedHashMap<>();
            String in = where == null ? "" : " in " + where;
            for (NodeTuple t : map.getValue()) {
                Node k = t.getKeyNode();
                if (!(k instanceof ScalarNode ks)) {
                    problem(k, "a key must be a plain word" + in);
                    continue;
                }
                String key = ks.getValue();
                if (!known.contains(key)) {
                    String near = Suggest.nearest(key, known);
                    problem(k, "unknown key '" + key + "'" + in + (near != null
                            ? " (did you mean '" + near + "'?)"
                            : " (known keys: " + String.join(", ", known) + ")"));
                    continue;
                }
                if (out.containsKey(key)) {
                    problem(k, "duplicate key '" + key + "'" + in);
                    continue;
                }
                out.put(key, t);
            }
            return out;
        }

        private String requiredText(Map<String, NodeTuple> fields, String key, Node owner, String where) {
            NodeTuple t = fields.get(key);
            String in = where == null ? "" : " in " + where;
            if (t == null) {
                problem(owner, "missing '" + key + "'" + in);
                return null;
            }
            String value = text(t.getValueNode(), key);
            if (value == null || value.isBlank()) {
                if (value != null || isNull(t.getValueNode())) {
                    problem(t.getKeyNode(), "'" + key + "'" + in + " is empty");
                }
                return null;
            }
            return value.strip();
        }

        private String optionalText(NodeTuple t) {
            if (t == null) {
                return null;
            }
            String v = text(t.getValueNode(), t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "value");
            return v == null ? null : v.strip();
        }

        /** A scalar's text; a problem (and null) for a list or mapping; null for an empty value. */
        private String text(Node n, String key) {
            if (!(n instanceof ScalarNode s)) {
                problem(n, "'" + key + "' must be text, not " + kindOf(n));
                return null;
            }
            return isNull(n) ? null : s.getValue();
        }

        private Notation notation(NodeTuple t) {
            Notation d = Notation.DEFAULT;
            if (t == null || isNull(t.getValueNode())) {
                return d;
            }
            if (!(t.getValueNode() instanceof MappingNode map)) {
                problem(t.getValueNode(), "'notation' must be a mapping such as 'logits: z', not " + kindOf(t.getValueNode()));
                return d;
            }
            Map<String, NodeTuple> f = fields(map, NOTATION_KEYS, "notation");
            return new Notation(symbol(f, "logits", d.logits()), symbol(f, "probs", d.probs()),
                    symbol(f, "labels", d.labels()), symbol(f, "loss", d.loss()),
                    symbol(f, "classes", d.classes()), symbol(f, "batch", d.batch()),
                    symbol(f, "onehot", d.onehot()), symbol(f, "temperature", d.temperature()));
        }

        private String symbol(Map<String, NodeTuple> f, String key, String dflt) {
            NodeTuple t = f.get(key);
            if (t == null) {
                return dflt;
            }
            String v = text(t.getValueNode(), key);
            if (v == null || v.isBlank()) {
                problem(t.getKeyNode(), "notation '" + key + "' is empty");
                return dflt;
            }
            return v.strip();
        }

        private Set<Assumption> assumptions(NodeTuple t) {
            Set<Assumption> out = EnumSet.noneOf(Assumption.class);
            if (t == null || isNull(t.getValueNode())) {
                return out;
            }
            if (!(t.getValueNode() instanceof SequenceNode seq)) {
                problem(t.getValueNode(), "'assumptions' must be a list such as [labels-sum-to-one], not "
                        + kindOf(t.getValueNode()));
                return out;
            }
            List<String> known = new ArrayList<>();
            for (Assumption a : Assumption.values()) {
                known.add(a.fileName());
            }
            for (Node n : seq.getValue()) {
                String name = text(n, "assumption");
                if (name == null) {
                    continue;
                }
                Assumption a = Assumption.fromFileName(name);
                if (a == null) {
                    String near = Suggest.nearest(name, known);
                    problem(n, "unknown assumption '" + name + "'" + (near != null ? " (did you mean '" + near + "'?)" : "")
                            + "; known assumptions: " + String.join(", ", known));
                } else {
                    out.add(a);
                }
            }
            return out;
        }

        /** {@code definitions:} a list of equations {@code symbol = meaning}, e.g. {@code z_i = ...}. */
        private List<Definition> definitions(NodeTuple t) {
            List<Definition> out = new ArrayList<>();
            if (t == null) {
                return out;
            }
            if (!(t.getValueNode() instanceof SequenceNode seq)) {
                problem(t.getValueNode(), "'definitions' must be a list of equations such as '- L = ...', not "
                        + kindOf(t.getValueNode()));
                return out;
            }
            int number = 0;
            for (Node n : seq.getValue()) {
                number++;
                String where = "definition " + number;
                if (!(n instanceof ScalarNode sc) || sc.getValue().isBlank()) {
                    problem(n, where + " must be one LaTeX equation, such as 'L = -\\sum_i y_i \\log s_i'");
                    continue;
                }
                Line line = readLine(n, sc.getValue(), "cannot read " + where);
                if (line == null) {
                    continue;
                }
                if (line.isContinuation() || line.rights().size() != 1 || !line.condition().isAlways()
                        || !(line.lhs() instanceof dev.gradstep.expr.Expr.Sym sym)) {
                    problem(n, where + " must read 'symbol = meaning', with a symbol such as L or z_i on the left");
                    continue;
                }
                try {
                    out.add(new Definition(sc.getValue(), sym, line.rights().get(0), lineOf(n)));
                } catch (IllegalArgumentException e) {
                    problem(n, where + ": " + e.getMessage());
                }
            }
            return out;
        }

        private List<Step> steps(NodeTuple t, MappingNode owner) {
            List<Step> out = new ArrayList<>();
            if (t == null) {
                problem(owner, "missing 'steps'");
                return out;
            }
            if (!(t.getValueNode() instanceof SequenceNode seq)) {
                problem(isNull(t.getValueNode()) ? t.getKeyNode() : t.getValueNode(),
                        "'steps' must be a list of steps (each starting with '- tex:'), not " + kindOf(t.getValueNode()));
                return out;
            }
            if (seq.getValue().isEmpty()) {
                problem(t.getKeyNode(), "'steps' is empty; a derivation needs at least one step");
                return out;
            }
            if (seq.getValue().size() > Budget.DEFAULT.maxSteps()) {
                // counted before any is read: each step costs a LaTeX parse and a check
                problem(t.getKeyNode(), "'steps' has " + seq.getValue().size() + " steps; the budget is "
                        + Budget.DEFAULT.maxSteps() + " per file: split the derivation");
                return out;
            }
            int number = 0;
            for (Node n : seq.getValue()) {
                number++;
                Step s = step(n, number);
                if (s != null) {
                    out.add(s);
                }
            }
            return out;
        }

        private Step step(Node n, int number) {
            String where = "step " + number;
            if (!(n instanceof MappingNode map)) {
                problem(n, where + " must be a mapping with 'tex', 'rule' and 'why', not " + kindOf(n));
                return null;
            }
            Map<String, NodeTuple> f = fields(map, STEP_KEYS, where);
            String tex = requiredText(f, "tex", map, where);
            Line line = null;
            if (tex != null) {
                line = readLine(f.get("tex").getValueNode(), tex, "cannot read " + where);
                if (line != null && number == 1 && line.isContinuation()) {
                    problem(f.get("tex").getValueNode(), "step 1 cannot start with '=': the first step needs a left side");
                    line = null;
                }
            }
            Rule rule = rule(f, map, where);
            String why = requiredText(f, "why", map, where);
            Map<String, String> parts = parts(f.get("parts"), where);
            Step.Mistake mistake = mistake(f.get("mistake"), where);
            if (line == null || rule == null || why == null || parts == null) {
                return null;
            }
            int sourceLine = lineOf(f.get("tex").getKeyNode());
            return new Step(number, tex, line, rule, why, parts, mistake, sourceLine);
        }

        private Rule rule(Map<String, NodeTuple> f, Node owner, String where) {
            String name = requiredText(f, "rule", owner, where);
            if (name == null) {
                return null;
            }
            Rule r = Rule.fromFileName(name);
            if (r == null) {
                List<String> known = new ArrayList<>();
                for (Rule k : Rule.values()) {
                    known.add(k.fileName());
                }
                String near = Suggest.nearest(name, known);
                problem(f.get("rule").getValueNode(), "unknown rule '" + name + "' in " + where
                        + (near != null ? " (did you mean '" + near + "'?)" : "")
                        + "; known rules: " + String.join(", ", known));
            }
            return r;
        }

        /** Named sub-expressions; null when any of them is a problem. */
        private Map<String, String> parts(NodeTuple t, String where) {
            Map<String, String> out = new LinkedHashMap<>();
            if (t == null || isNull(t.getValueNode())) {
                return out;
            }
            if (!(t.getValueNode() instanceof MappingNode map)) {
                problem(t.getValueNode(), "'parts' in " + where + " must be a mapping such as {u: 'e^{z_i}'}, not "
                        + kindOf(t.getValueNode()));
                return null;
            }
            boolean ok = true;
            for (NodeTuple p : map.getValue()) {
                if (!(p.getKeyNode() instanceof ScalarNode k) || isNull(k) || k.getValue().isBlank()) {
                    problem(p.getKeyNode(), "a part name in " + where + " must be a word such as 'u'");
                    ok = false;
                    continue;
                }
                String name = k.getValue().strip();
                if (out.containsKey(name)) {
                    problem(k, "duplicate part '" + name + "' in " + where);
                    ok = false;
                    continue;
                }
                String tex = text(p.getValueNode(), name);
                if (tex == null || tex.isBlank()) {
                    if (tex != null || isNull(p.getValueNode())) {
                        problem(k, "part '" + name + "' in " + where + " is empty");
                    }
                    ok = false;
                    continue;
                }
                if (!readExpr(p.getValueNode(), tex.strip(), "cannot read part '" + name + "' of " + where)) {
                    ok = false;
                }
                out.put(name, tex.strip());
            }
            return ok ? out : null;
        }

        private Step.Mistake mistake(NodeTuple t, String where) {
            if (t == null) {
                return null;
            }
            if (!(t.getValueNode() instanceof MappingNode map)) {
                problem(isNull(t.getValueNode()) ? t.getKeyNode() : t.getValueNode(),
                        "'mistake' in " + where + " must be a mapping with 'correct' and 'explanation', not "
                                + kindOf(t.getValueNode()));
                return null;
            }
            String in = "the mistake of " + where;
            Map<String, NodeTuple> f = fields(map, MISTAKE_KEYS, in);
            String correct = requiredText(f, "correct", map, in);
            String explanation = requiredText(f, "explanation", map, in);
            Line correctLine = null;
            if (correct != null) {
                correctLine = readLine(f.get("correct").getValueNode(), correct, "cannot read the correct line of " + where);
            }
            return correct == null || explanation == null ? null : new Step.Mistake(correct, explanation, correctLine);
        }

        private Line readLine(Node scalar, String tex, String what) {
            try {
                return reader.readLine(tex);
            } catch (TexParseException e) {
                texProblem(scalar, e, what);
            } catch (RuntimeException e) {
                // A reader bug must cost this file, not the whole library.
                problem(scalar, what + ": the LaTeX reader failed (" + reasonOf(e) + ")");
            }
            return null;
        }

        private boolean readExpr(Node scalar, String tex, String what) {
            try {
                reader.readExpr(tex);
                return true;
            } catch (TexParseException e) {
                texProblem(scalar, e, what);
            } catch (RuntimeException e) {
                problem(scalar, what + ": the LaTeX reader failed (" + reasonOf(e) + ")");
            }
            return false;
        }

        private void texProblem(Node scalar, TexParseException e, String what) {
            String at = e.token().isEmpty() ? " (at the end)" : " (at '" + e.token() + "')";
            int[] pos = texPosition(scalar, e.line(), e.column());
            problems.add(new LoadProblem(source, pos[0], pos[1], what + ": " + e.reason() + at));
        }

        /**
         * Maps a reader position (within the scalar's value) to the file. Exact for literal block
         * scalars ({@code |}) and single-line plain scalars; for quoted scalars escapes ({@code ''},
         * {@code \\}) and for folded ones ({@code >}) line folding shift it, so it is approximate there.
         */
        private int[] texPosition(Node scalar, int readerLine, int readerColumn) {
            Optional<Mark> m = scalar.getStartMark();
            if (m.isEmpty()) {
                return new int[] {0, 0};
            }
            int line0 = m.get().getLine();
            int col0 = m.get().getColumn();
            ScalarStyle style = scalar instanceof ScalarNode s ? s.getScalarStyle() : ScalarStyle.PLAIN;
            // The reader saw the stripped value: put back the lines and columns stripped in front.
            String raw = scalar instanceof ScalarNode s ? s.getValue() : "";
            String lead = raw.substring(0, raw.length() - raw.stripLeading().length());
            int leadLines = (int) lead.chars().filter(c -> c == '\n').count();
            int leadColumns = lead.length() - (lead.lastIndexOf('\n') + 1);
            int rl = Math.max(1, readerLine) + leadLines;
            int rc = Math.max(1, readerColumn) + (readerLine <= 1 ? leadColumns : 0);
            if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
                int fileLine0 = line0 + rl;
                return new int[] {fileLine0 + 1, blockIndent(line0) + rc};
            }
            int quote = style == ScalarStyle.PLAIN ? 0 : 1;
            return new int[] {line0 + rl, rl == 1 ? col0 + quote + rc : rc};
        }

        /** Indentation of a block scalar's content: that of its first non-blank line. */
        private int blockIndent(int indicatorLine0) {
            if (lines == null) {
                lines = text.split("\r\n|\r|\n", -1);
            }
            for (int i = indicatorLine0 + 1; i < lines.length; i++) {
                String l = lines[i];
                if (!l.isBlank()) {
                    int n = 0;
                    while (n < l.length() && l.charAt(n) == ' ') {
                        n++;
                    }
                    return n;
                }
            }
            return 0;
        }

        private void problem(Node n, String message) {
            problems.add(new LoadProblem(source, lineOf(n), columnOf(n), message));
        }

        private void problem(Optional<Mark> mark, String message) {
            problems.add(new LoadProblem(source, mark.map(x -> x.getLine() + 1).orElse(0),
                    mark.map(x -> x.getColumn() + 1).orElse(0), message));
        }
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode && Tag.NULL.equals(n.getTag());
    }

    private static String kindOf(Node n) {
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        return isNull(n) ? "nothing" : "text";
    }

    private static int lineOf(Node n) {
        return n.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    private static int columnOf(Node n) {
        return n.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
    }
}
