package dev.gradstep.check;

import dev.gradstep.derivation.Notation;
import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Line;
import dev.gradstep.tex.TexParseException;
import dev.gradstep.tex.TexReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notation of a student's file: read from {@code % notation: logits=z probs=\hat{y} ...} (or the
 * same words on the command line), or guessed from the symbols the file uses. {@code functionNames}
 * are the names to read as calls ({@code s} for {@code s(\mathbf{x})_i}); {@code labelsSumToOne} is
 * false after {@code labelsum=any}, for soft labels that need not sum to one.
 */
public record StudentNotation(Notation notation, Set<String> functionNames, boolean labelsSumToOne, Source source,
                              String activation, String objective, String smoothing) {

    /** Where the notation came from. */
    public enum Source {
        FILE("file"), COMMAND_LINE("command line"), GUESSED("guessed");

        private final String words;

        Source(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** Keys of the notation line, in the order they are written. */
    public static final List<String> KEYS = List.of("logits", "probs", "labels", "loss", "classes", "batch", "onehot",
            "labelsum", "temperature", "activation", "objective", "smoothing");

    /** Activations a file may declare: the softmax (default) or an independent sigmoid per logit. */
    public static final List<String> ACTIVATIONS = List.of("softmax", "sigmoid");

    /** Losses a file may declare: cross-entropy (default), binary cross-entropy, half the squared error. */
    public static final List<String> OBJECTIVES = List.of("ce", "bce", "mse");

    private static final Pattern KEY = Pattern.compile("(?<![\\\\A-Za-z])([A-Za-z]+)\\s*=");
    private static final Pattern CALL = Pattern.compile("^(.+?)\\s*\\((.*)\\)\\s*(_.*)?$");
    private static final Pattern UPRIGHT = Pattern.compile("^\\\\(operatorname|mathrm|text|mathit)\\s*\\{([A-Za-z]+)\\}$");

    public StudentNotation {
        functionNames = Set.copyOf(functionNames);
        activation = activation == null ? "softmax" : activation;
        objective = objective == null ? "ce" : objective;
    }

    /** Without label smoothing. */
    public StudentNotation(Notation notation, Set<String> functionNames, boolean labelsSumToOne, Source source,
                           String activation, String objective) {
        this(notation, functionNames, labelsSumToOne, source, activation, objective, null);
    }

    /** The softmax with cross-entropy, as most files use. */
    public StudentNotation(Notation notation, Set<String> functionNames, boolean labelsSumToOne, Source source) {
        this(notation, functionNames, labelsSumToOne, source, null, null);
    }

    /** The notation line form, as written after {@code % notation:}. */
    public String describe() {
        String probs = notation.probs();
        String base = notation.describe();
        if (functionNames.contains(probs)) {
            base = base.replace("probs=" + probs, "probs=" + probs + "(" + notation.logits() + ")");
        }
        return base + (labelsSumToOne ? "" : " labelsum=any")
                + (notation.temperature() == null ? "" : " temperature=" + notation.temperature())
                + (activation.equals("softmax") ? "" : " activation=" + activation)
                + (objective.equals("ce") ? "" : " objective=" + objective)
                + (smoothing == null ? "" : " smoothing=" + smoothing);
    }

    /** A notation problem: the message names the key or value. */
    public static final class NotationException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotationException(String message) {
            super(message);
        }
    }

    /**
     * Reads {@code logits=z probs=\hat{y} labels=y loss=L classes=K [batch=N] [onehot=c] [labelsum=any]};
     * missing keys take the defaults (z, s, y, L, K).
     *
     * @throws NotationException naming the key or value that cannot be read
     */
    /**
     * The words without their unknown keys (each key with its value, up to the next key), and a
     * warning naming each one, with the nearest known key where one is close: a file's notation
     * comment with one misspelt key still gives every other key.
     */
    public static List<String> unknownKeys(String words, StringBuilder known) {
        List<String> warnings = new ArrayList<>();
        Matcher m = KEY.matcher(words);
        List<int[]> keys = new ArrayList<>();
        while (m.find()) {
            keys.add(new int[] {m.start(1), m.end(1)});
        }
        int last = 0;
        for (int k = 0; k < keys.size(); k++) {
            String key = words.substring(keys.get(k)[0], keys.get(k)[1]);
            if (KEYS.contains(key.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String near = dev.gradstep.derivation.Suggest.nearest(key, KEYS);
            warnings.add("unknown notation key '" + key + "'" + (near == null ? "" : " (did you mean '" + near + "'?)")
                    + " is ignored; known keys: " + String.join(", ", KEYS));
            known.append(words, last, keys.get(k)[0]);
            last = k + 1 < keys.size() ? keys.get(k + 1)[0] : words.length();
        }
        known.append(words.substring(last));
        return warnings;
    }

    public static StudentNotation parse(String words, Source source) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = KEY.matcher(words);
        List<int[]> keys = new ArrayList<>();
        while (m.find()) {
            if (!KEYS.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                throw new NotationException("unknown notation key '" + m.group(1) + "' (known: " + String.join(", ", KEYS) + ")");
            }
            keys.add(new int[] {m.start(1), m.end(1), m.end()});
        }
        if (keys.isEmpty()) {
            throw new NotationException("no notation keys in '" + words.trim() + "' (expected e.g. logits=z probs=s labels=y loss=L classes=K)");
        }
        String before = words.substring(0, keys.get(0)[0]).trim();
        if (!before.isEmpty()) {
            throw new NotationException("cannot read '" + before + "' in the notation (known keys: " + String.join(", ", KEYS) + ")");
        }
        for (int k = 0; k < keys.size(); k++) {
            String key = words.substring(keys.get(k)[0], keys.get(k)[1]).toLowerCase(Locale.ROOT);
            int end = k + 1 < keys.size() ? keys.get(k + 1)[0] : words.length();
            String value = words.substring(keys.get(k)[2], end).trim().replaceAll("[\\[\\],]+$", "").trim();
            if (value.isEmpty()) {
                throw new NotationException("notation key '" + key + "' has no value");
            }
            if (values.put(key, value) != null) {
                throw new NotationException("notation key '" + key + "' is given twice");
            }
        }
        TexReader reader = new TexReader();
        String logits = values.containsKey("logits") ? name(reader, "logits", values.get("logits")) : null;
        String probs;
        Set<String> functions = Set.of();
        String probsValue = values.getOrDefault("probs", "s");
        Matcher call = CALL.matcher(probsValue);
        if (call.matches()) {
            probs = name(reader, "probs", call.group(1));
            functions = Set.of(probs);
            String arg = name(reader, "probs", call.group(2));
            if (logits == null) {
                logits = arg;
            } else if (!logits.equals(arg)) {
                throw new NotationException("probs=" + probsValue + " is applied to '" + arg + "' but logits=" + logits);
            }
        } else {
            probs = name(reader, "probs", probsValue);
            if (probs.startsWith("\\") && !probs.contains("{") || probs.equals("softmax")) {
                functions = Set.of(probs);
            }
        }
        if (logits == null) {
            logits = "z";
        }
        String labelsum = values.getOrDefault("labelsum", "one").toLowerCase(Locale.ROOT);
        if (!labelsum.equals("one") && !labelsum.equals("any")) {
            throw new NotationException("labelsum must be 'one' or 'any', not '" + labelsum + "'");
        }
        String classes = values.containsKey("classes") ? name(reader, "classes", values.get("classes")) : "K";
        Notation n = new Notation(logits, probs,
                values.containsKey("labels") ? name(reader, "labels", values.get("labels")) : "y",
                values.containsKey("loss") ? name(reader, "loss", values.get("loss")) : "L",
                classes,
                values.containsKey("batch") ? name(reader, "batch", values.get("batch")) : null,
                values.containsKey("onehot") ? name(reader, "onehot", values.get("onehot"))
                        : values.containsKey("smoothing") ? "c" : null,
                values.containsKey("temperature") ? name(reader, "temperature", values.get("temperature")) : null);
        String activation = choice(values, "activation", ACTIVATIONS);
        String objective = choice(values, "objective", OBJECTIVES);
        // smoothing=\\epsilon: the labels are the one-hot label at the true class (onehot, c unless given)
        // mixed with the uniform distribution, as in derivations/label-smoothing.yaml
        String smoothing = values.containsKey("smoothing") ? name(reader, "smoothing", values.get("smoothing")) : null;
        return new StudentNotation(n, functions, labelsum.equals("one"), source, activation, objective, smoothing);
    }

    private static String choice(Map<String, String> values, String key, List<String> allowed) {
        String v = values.getOrDefault(key, allowed.get(0)).trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new NotationException(key + " must be one of " + String.join(", ", allowed) + ", not '" + v + "'");
        }
        return v;
    }

    /** The canonical symbol name a value denotes ({@code \mathbf{z}} is {@code z}), or an error naming the key. */
    private static String name(TexReader reader, String key, String value) {
        Matcher upright = UPRIGHT.matcher(value.trim());
        if (upright.matches()) {
            return upright.group(2);
        }
        Expr e;
        try {
            e = reader.readExpr(value);
        } catch (TexParseException ex) {
            throw new NotationException("cannot read " + key + "=" + value + ": " + ex.reason()
                    + (ex.token().isEmpty() ? "" : " (at '" + ex.token() + "')"));
        }
        if (e instanceof Expr.Sym s) {
            return s.name();
        }
        if (e instanceof Expr.Num num && (key.equals("classes") || key.equals("batch"))) {
            return num.value().toPlainString();
        }
        throw new NotationException(key + "=" + value + " must be one symbol, as in " + key + "="
                + switch (key) {
                    case "probs" -> "\\hat{y} or s(\\mathbf{z})";
                    case "loss" -> "L";
                    case "classes" -> "K";
                    case "batch" -> "N";
                    case "onehot" -> "c";
                    default -> "z";
                });
    }

    /**
     * Guesses the notation from the lines of a file: probabilities are what a log is taken of,
     * logits what is exponentiated or differentiated by, labels what multiplies the log, the loss
     * what is differentiated, the class count the usual upper bound of a sum.
     */
    public static StudentNotation guess(List<Line> lines) {
        Clues clues = new Clues();
        for (Line l : lines) {
            if (l.lhs() != null) {
                clues.visit(l.lhs(), false, null);
                if (l.lhs() instanceof Expr.Sym s && s.isPlain()) {
                    clues.count(clues.lossNames, s.name());
                }
            }
            for (Expr r : l.rights()) {
                clues.visit(r, false, null);
            }
        }
        String probs = top(clues.probs, null);
        boolean function = probs != null && clues.functions.contains(probs);
        if (probs == null) {
            probs = top(clues.derivedIndexed, "s");
        }
        Map<String, Integer> logitCounts = new HashMap<>(clues.logits);
        logitCounts.remove(probs);
        String logits = top(logitCounts, null);
        if (logits == null) {
            Map<String, Integer> wrt = new HashMap<>(clues.wrt);
            wrt.remove(probs);
            logits = top(wrt, "z");
        }
        Map<String, Integer> labelCounts = new HashMap<>(clues.labels);
        labelCounts.remove(probs);
        labelCounts.remove(logits);
        String labels = top(labelCounts, null);
        String onehot = null;
        if (labels == null) {
            for (String candidate : List.of("y", "t", "Y", "T")) {
                if (clues.indexed.containsKey(candidate) && !candidate.equals(probs) && !candidate.equals(logits)) {
                    labels = candidate;
                    break;
                }
            }
        }
        if (labels == null) {
            labels = "y";
            onehot = clues.logIndexPlain;
        }
        String loss = top(clues.derivedPlain, null);
        if (loss == null) {
            Map<String, Integer> lhs = new HashMap<>(clues.lossNames);
            List.of(probs, logits, labels).forEach(lhs::remove);
            loss = top(lhs, "L");
        }
        boolean batch = clues.twoIndices.contains(logits) || clues.twoIndices.contains(labels)
                || function && clues.rowArgument;
        Map<String, Integer> bounds = new HashMap<>(clues.bounds);
        String batchName = null;
        if (batch) {
            batchName = clues.rowBound != null ? clues.rowBound : "N";
            bounds.remove(batchName);
        }
        String classes = top(bounds, "K");
        Notation n = new Notation(logits, probs, labels, loss, classes, batchName, onehot);
        return new StudentNotation(n, function ? Set.of(probs) : Set.of(), true, Source.GUESSED);
    }

    private static String top(Map<String, Integer> counts, String fallback) {
        // most frequent first; ties go to the alphabetically first name, so a guess is repeatable
        String best = fallback;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(counts).entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    /** What the lines say about each name. */
    private static final class Clues {
        final Map<String, Integer> probs = new HashMap<>();
        final Set<String> functions = new java.util.HashSet<>();
        final Map<String, Integer> logits = new HashMap<>();
        final Map<String, Integer> wrt = new HashMap<>();
        final Map<String, Integer> labels = new HashMap<>();
        final Map<String, Integer> derivedPlain = new HashMap<>();
        final Map<String, Integer> derivedIndexed = new HashMap<>();
        final Map<String, Integer> lossNames = new HashMap<>();
        final Map<String, Integer> bounds = new HashMap<>();
        final Map<String, Integer> indexed = new HashMap<>();
        final Set<String> twoIndices = new java.util.HashSet<>();
        final Map<String, String> sumBounds = new HashMap<>();
        boolean rowArgument;
        String rowBound;
        String logIndexPlain;

        void count(Map<String, Integer> m, String name) {
            m.merge(name, 1, Integer::sum);
        }

        void visit(Expr e, boolean inLog, Expr.Sum enclosing) {
            if (e instanceof Expr.Sym s) {
                if (!s.isPlain()) {
                    count(indexed, s.name());
                    if (s.indices().size() == 2) {
                        twoIndices.add(s.name());
                        noteRow(s.indices().get(0));
                    }
                    if (inLog) {
                        count(probs, s.name());
                        if (s.indices().size() == 1 && s.indices().get(0) instanceof Expr.Sym i && i.isPlain()
                                && enclosing == null) {
                            logIndexPlain = i.name();
                        }
                    }
                }
            } else if (e instanceof Expr.Fn f) {
                if (!f.name().equals("diag") && !f.name().equals("transpose")) {
                    count(probs, f.name());
                    functions.add(f.name());
                    for (Expr a : f.args()) {
                        if (a instanceof Expr.Sym s) {
                            count(logits, s.name());
                            if (s.indices().size() == 1 && f.indices().size() == 1) {
                                rowArgument = true;
                                noteRow(s.indices().get(0));
                            }
                        }
                    }
                }
                f.args().forEach(a -> visit(a, false, enclosing));
            } else if (e instanceof Expr.Exp x) {
                if (x.arg() instanceof Expr.Sym s && !s.isPlain()) {
                    count(logits, s.name());
                }
                visit(x.arg(), false, enclosing);
            } else if (e instanceof Expr.Log l) {
                visit(l.arg(), true, enclosing);
            } else if (e instanceof Expr.Mul m) {
                boolean hasLog = m.factors().stream().anyMatch(f -> f instanceof Expr.Log);
                for (Expr f : m.factors()) {
                    if (hasLog && f instanceof Expr.Sym s && !s.isPlain()) {
                        count(labels, s.name());
                    }
                    visit(f, false, enclosing);
                }
            } else if (e instanceof Expr.Add a) {
                a.terms().forEach(t -> visit(t, false, enclosing));
            } else if (e instanceof Expr.Neg n) {
                visit(n.arg(), inLog, enclosing);
            } else if (e instanceof Expr.Div d) {
                visit(d.numerator(), false, enclosing);
                visit(d.denominator(), false, enclosing);
            } else if (e instanceof Expr.Pow p) {
                visit(p.base(), false, enclosing);
                visit(p.exponent(), false, enclosing);
            } else if (e instanceof Expr.Sum s) {
                if (s.to() instanceof Expr.Sym b && b.isPlain()) {
                    count(bounds, b.name());
                    sumBounds.put(s.index(), b.name());
                }
                visit(s.body(), inLog, s);
            } else if (e instanceof Expr.Deriv d) {
                if (d.of() instanceof Expr.Sym s) {
                    count(s.isPlain() ? derivedPlain : derivedIndexed, s.name());
                }
                count(wrt, d.wrt().name());
                if (d.wrt().indices().size() == 2) {
                    twoIndices.add(d.wrt().name());
                }
                visit(d.of(), false, enclosing);
            }
        }

        private void noteRow(Expr index) {
            if (index instanceof Expr.Sym r && r.isPlain() && sumBounds.containsKey(r.name())) {
                rowBound = sumBounds.get(r.name());
            }
        }
    }
}
