package dev.gradstep.tex;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prose split into words and the formulas written in it, for every place that shows an author's
 * reason, a hint or a correction: the exports typeset the formulas as inline maths, the window
 * typesets them beside the words. Text between {@code $...$} is maths as written; elsewhere a run
 * of tokens with LaTeX marks ({@code u = e^{z_i}}, {@code \delta_{ij}}), lone symbols ({@code K},
 * {@code i = j}, {@code u/v}) and a function name before them ({@code log s_i}) is maths. A run
 * that is not safe to typeset (unbalanced braces, an unknown command) stays words, so an export
 * always compiles.
 */
public final class Prose {

    /** A piece of prose: plain words, or a formula in LaTeX; {@code spaceBefore} when a space separates it from the previous piece. */
    public record Run(String text, boolean math, boolean spaceBefore) {
    }

    private static final Pattern MATHY = Pattern.compile("[\\\\^_{]|(^|[^A-Za-z])[B-HJ-Zb-z]'|^[-(]*[B-HJ-Zb-z]\\)*$"
            + "|(^|[^A-Za-z])[A-Za-z0-9]/[A-Za-z0-9]($|[^A-Za-z0-9])|(^|[^A-Za-z])d[A-Za-z]/d[A-Za-z]|(log|ln|exp|diag)\\(");
    private static final Pattern NEUTRAL =
            Pattern.compile("\\(*([B-HJ-Zb-z]|[0-9]+|[=+\\-<>/*]|!=|<=|>=)\\)*|[()]");
    /** Function names written as words before a formula ("log s_i"): part of it, typeset as commands. */
    private static final Pattern FUNCTION_WORD = Pattern.compile("[-(]*(log|ln|exp)");
    private static final Pattern FUNCTION_IN_MATH = Pattern.compile("(?<![\\\\A-Za-z])(log|ln|exp)(?![A-Za-z])");
    /** Greek letters spelt out ("delta_ij", "sigma(z_i)", "1 - epsilon"): always a symbol in these texts. */
    private static final String GREEK = "alpha|beta|gamma|delta|epsilon|varepsilon|theta|lambda|mu|sigma|tau|eta|Delta|Sigma";
    private static final Pattern GREEK_WORD = Pattern.compile("(^|[^A-Za-z\\\\])(" + GREEK + ")($|[^A-Za-z])");
    private static final Pattern GREEK_IN_MATH = Pattern.compile("(?<![\\\\A-Za-z])(" + GREEK + ")(?![A-Za-z])");
    /** "sum_j" written as a word with its subscript. */
    private static final Pattern SUM_IN_MATH = Pattern.compile("(?<![\\\\A-Za-z])sum(?=[_^])");
    /** "w_ji", "w_11": a two-character subscript without braces means both characters. */
    private static final Pattern BARE_SUBSCRIPT = Pattern.compile("_([A-Za-z0-9]{2})(?![A-Za-z0-9])");
    /** A word (three letters or more, not a command) or a long subscript without braces: prose, not maths. */
    private static final Pattern PROSE_IN_MATH = Pattern.compile("(?<![\\\\A-Za-z])[A-Za-z]{3,}|[_^][A-Za-z0-9]{2}");
    private static final Pattern COMMAND = Pattern.compile("\\\\([A-Za-z]+)");
    private static final Set<String> SAFE_COMMANDS = Set.of(
            "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "iota", "kappa",
            "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "phi", "varphi", "chi", "psi", "omega",
            "Gamma", "Delta", "Theta", "Lambda", "Sigma", "Phi", "Psi", "Omega", "partial", "sum", "prod", "frac",
            "log", "ln", "exp", "neq", "ne", "le", "leq", "ge", "geq", "cdot", "times", "left", "right", "hat",
            "tilde", "bar", "mathbf", "mathrm", "operatorname", "top", "infty", "approx", "in", "ldots", "cdots",
            "nabla", "sqrt", "mathbb", "quad", "dfrac", "tfrac", "text", "boldsymbol", "vec", "to", "mid", "lvert",
            "rvert", "max", "min", "qquad", "odot", "otimes", "circ", "prime", "dots", "T");
    private static final String TRAILING = ".,;:!?";
    /** Operators that end or open a run are left in the words: "v = the sum" typesets v, not "v =". */
    private static final String LOOSE_OPERATORS = "=+-<>";

    private Prose() {
    }

    /**
     * The prose as runs, in order. {@code $...$} segments (the convention for hints) are maths as
     * written; an unmatched {@code $} leaves the whole text to the word-by-word reading.
     */
    public static List<Run> split(String text) {
        List<Run> runs = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return runs;
        }
        String t = text.strip().replaceAll("\\s+", " ");
        List<String> segments = dollarSegments(t);
        if (segments == null) {
            heuristic(runs, t, false);
            return runs;
        }
        for (int i = 0; i < segments.size(); i++) {
            String seg = segments.get(i);
            boolean spaced = i > 0 && (seg.startsWith(" ") || segments.get(i - 1).endsWith(" "));
            if (i % 2 == 1) {
                String formula = seg.strip();
                if (formula.isEmpty()) {
                    continue;
                }
                if (safeToTypeset(formula)) {
                    runs.add(new Run(formula, true, spaced && !runs.isEmpty()));
                } else {
                    words(runs, formula, spaced);
                }
            } else if (!seg.isBlank()) {
                heuristic(runs, seg, spaced);
            }
        }
        return runs;
    }

    /** Prose written out: formulas between {@code delimiter}s, words through {@code escape}. */
    public static String write(String text, String delimiter, UnaryOperator<String> escape) {
        StringBuilder sb = new StringBuilder();
        for (Run r : split(text)) {
            sb.append(r.spaceBefore() ? " " : "").append(r.math() ? delimiter + r.text() + delimiter : escape.apply(r.text()));
        }
        return sb.toString();
    }

    /** The prose as plain text: the maths left as its LaTeX, the {@code $} signs gone. */
    public static String plain(String text) {
        StringBuilder sb = new StringBuilder();
        for (Run r : split(text)) {
            sb.append(r.spaceBefore() ? " " : "").append(r.text());
        }
        return sb.toString();
    }

    /** The text cut at unescaped {@code $}: words, maths, words, ...; null when the signs do not pair up. */
    private static List<String> dollarSegments(String t) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) == '$' && (i == 0 || t.charAt(i - 1) != '\\')) {
                out.add(t.substring(start, i));
                start = i + 1;
            }
        }
        out.add(t.substring(start));
        return out.size() % 2 == 1 ? out : null;
    }

    private static void heuristic(List<Run> runs, String text, boolean spacedFirst) {
        String[] tokens = text.strip().split("\\s+");
        int n = tokens.length;
        boolean[] inMath = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (!mathy(core(tokens[i]))) {
                continue;
            }
            inMath[i] = true;
            for (int j = i - 1; j >= 0 && !endsClause(tokens[j]); j--) {
                String c = core(tokens[j]);
                if (!(NEUTRAL.matcher(c).matches() || FUNCTION_WORD.matcher(c).matches())) {
                    break;
                }
                inMath[j] = true;
            }
            for (int j = i + 1; j < n && !endsClause(tokens[j - 1]); j++) {
                String c = core(tokens[j]);
                if (!(NEUTRAL.matcher(c).matches() || mathy(c))) {
                    break;
                }
                inMath[j] = true;
            }
        }
        int i = 0;
        boolean first = true;
        while (i < n) {
            boolean spaced = !first || spacedFirst;
            first = false;
            if (!inMath[i]) {
                words(runs, tokens[i++], spaced);
                continue;
            }
            List<String> math = new ArrayList<>();
            while (i < n && inMath[i]) {
                math.add(tokens[i]);
                if (endsClause(tokens[i++])) {
                    break;
                }
            }
            formula(runs, math, spaced);
        }
    }

    /** A run of tokens read as maths: loose operators at its ends go back to the words around it. */
    private static void formula(List<Run> runs, List<String> tokens, boolean spaced) {
        String last = tokens.get(tokens.size() - 1);
        String tail = last.substring(core(last).length());
        List<String> body = new ArrayList<>(tokens);
        body.set(body.size() - 1, core(last));
        int from = 0;
        int to = body.size();
        while (from < to && isLoose(body.get(from))) {
            from++;
        }
        while (to > from && isLoose(body.get(to - 1))) {
            to--;
        }
        String joined = String.join(" ", body.subList(from, to));
        String open = "";
        String close = "";
        while (joined.startsWith("(") && count(joined, '(') > count(joined, ')')) {
            open += "(";
            joined = joined.substring(1);
        }
        while (joined.endsWith(")") && count(joined, ')') > count(joined, '(')) {
            close = ")" + close;
            joined = joined.substring(0, joined.length() - 1);
        }
        String before = String.join(" ", body.subList(0, from)) + (from > 0 && !open.isEmpty() ? " " : "") + open;
        String formula = toTex(joined).strip();
        String rest = String.join(" ", body.subList(to, body.size()));
        String after = close + (!close.isEmpty() && !rest.isEmpty() ? " " : "") + rest;
        if (formula.isEmpty() || !safeToTypeset(formula) || FUNCTION_WORD.matcher(formula).matches()) {
            words(runs, String.join(" ", tokens), spaced);
            return;
        }
        if (!before.isEmpty()) {
            words(runs, before, spaced);
            spaced = !before.endsWith("(");
        }
        runs.add(new Run(formula, true, spaced && !runs.isEmpty()));
        if (!after.isEmpty()) {
            words(runs, after, !after.startsWith(")"));
        }
        words(runs, tail, false);
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }

    private static boolean mathy(String token) {
        return MATHY.matcher(token).find() || GREEK_WORD.matcher(token).find();
    }

    /** Words that stand for symbols in an author's formula, as LaTeX: log, sum_j, delta_ij, epsilon. */
    private static String toTex(String formula) {
        String t = FUNCTION_IN_MATH.matcher(formula).replaceAll("\\\\$1");
        t = SUM_IN_MATH.matcher(t).replaceAll("\\\\sum");
        t = GREEK_IN_MATH.matcher(t).replaceAll("\\\\$1");
        t = t.replace("!=", "\\neq ").replace("<=", "\\leq ").replace(">=", "\\geq ").replace("diag(", "\\operatorname{diag}(");
        return BARE_SUBSCRIPT.matcher(t).replaceAll("_{$1}");
    }

    private static boolean isLoose(String token) {
        return token.length() == 1 && LOOSE_OPERATORS.indexOf(token.charAt(0)) >= 0;
    }

    /** Adds words to the last run of words, or starts one. */
    private static void words(List<Run> runs, String text, boolean spaced) {
        if (text.isEmpty()) {
            return;
        }
        Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        if (last != null && !last.math()) {
            runs.set(runs.size() - 1, new Run(last.text() + (spaced ? " " : "") + text, false, last.spaceBefore()));
        } else {
            runs.add(new Run(text, false, last != null && spaced));
        }
    }

    /** The token without the punctuation that ends a clause after it. */
    private static String core(String token) {
        int end = token.length();
        while (end > 0 && TRAILING.indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        return token.substring(0, end);
    }

    private static boolean endsClause(String token) {
        return !token.isEmpty() && TRAILING.indexOf(token.charAt(token.length() - 1)) >= 0;
    }

    private static boolean safeToTypeset(String formula) {
        int depth = 0;
        for (char c : formula.toCharArray()) {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth < 0 || c == '$' || c == '%' || c == '#' || c == '&') {
                return false;
            }
        }
        String outsideText = formula.replaceAll("\\\\(text|operatorname|mathrm)\\{[^{}]*\\}", "");
        if (depth != 0 || formula.endsWith("\\") || formula.isBlank()
                || formula.chars().filter(c -> c == '(').count() != formula.chars().filter(c -> c == ')').count()
                || PROSE_IN_MATH.matcher(outsideText).find()) {
            return false;
        }
        Matcher m = COMMAND.matcher(formula);
        while (m.find()) {
            if (!SAFE_COMMANDS.contains(m.group(1))) {
                return false;
            }
        }
        return !formula.matches(".*\\\\[^A-Za-z,;! ].*");
    }
}
