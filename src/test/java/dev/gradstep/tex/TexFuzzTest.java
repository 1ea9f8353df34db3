package dev.gradstep.tex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Seeded, bounded fuzzing: mutated table inputs and random token soup. Only TexParseException may
 * escape, every input is read quickly, and whatever reads successfully also round-trips.
 */
class TexFuzzTest {

    private static final int INPUTS = 3000;
    private static final long PER_INPUT_LIMIT_NANOS = 2_000_000_000L;
    private static final Pattern PIECE = Pattern.compile("\\\\[A-Za-z]+|\\\\.|\\s+|.", Pattern.DOTALL);
    private static final List<String> SNIPPETS = List.of(
            "{", "}", "(", ")", "[", "]", "\\{", "\\}", "\\left(", "\\right)", "\\left.", "\\bigl(", "\\frac",
            "\\frac{", "\\sum_", "\\sum_{k=1}^{K}", "^", "_", "'", "=", "&=", "\\neq", "\\ne", ",", ".", "-", "+",
            "/", "\\cdot", "\\partial", "\\log", "\\ln", "\\exp", "\\exp^", "e^", "\\sqrt", "\\sqrt[", "\\delta_{",
            "\\mathbb{1}", "\\mathbb{", "\\hat{", "\\mathbf{", "\\operatorname{", "\\operatorname{softmax}",
            "\\text{for }", "\\text{", "\\quad", "\\\\", "\\foo", "\\underbrace{", "}_{", "\\label{", "%", "\n",
            "12", "0.5", "z_j", "s_i", "\\sigma(", "s(", ")_i", "^T", "^\\top", "|", "\\not", "\\not=", "~", "\\",
            "\\mathrm{d}", "d", "\\left", "\\right", "\\tag{", "\u2212", "\u2260", "$", "\\mathcal{");

    private final TexReader reader = new TexReader();
    private final TexWriter writer = new TexWriter();

    @Test
    void fuzz_mutatedAndRandomInputs_onlyTexParseExceptionEscapes() {
        Random rnd = new Random(Long.getLong("tex.fuzz.seed", 424242L));
        List<String> seeds = new ArrayList<>();
        Table.exprs().forEach(c -> seeds.add(c.tex()));
        Table.lines().forEach(c -> seeds.add(c.tex()));
        int parsed = 0;
        long start = System.nanoTime();
        for (int i = 0; i < INPUTS; i++) {
            String input = i % 10 == 9 ? soup(rnd) : mutate(seeds.get(rnd.nextInt(seeds.size())), seeds, rnd);
            parsed += check(input);
        }
        for (String big : bigInputs()) {
            check(big);
        }
        long totalMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(parsed > 100, "the fuzzer should also produce readable inputs, got " + parsed);
        assertTrue(totalMillis < 30_000, "fuzzing took " + totalMillis + " ms");
    }

    /** Reads the input both ways; returns how many of the two reads succeeded. */
    private int check(String input) {
        int ok = 0;
        Expr e = timed(input, reader::readExpr);
        if (e != null) {
            ok++;
            String tex = writer.write(e);
            // canonical output is longer than terse input: beyond the length limit it cannot be re-read
            if (tex.length() <= TexReader.MAX_LENGTH) {
                assertEquals(e, timed(tex, reader::readExpr), () -> "round trip of '" + input + "' via '" + tex + "'");
            }
        }
        Line l = timed(input, reader::readLine);
        if (l != null) {
            ok++;
            String tex = writer.write(l);
            if (tex.length() <= TexReader.MAX_LENGTH) {
                assertEquals(l, timed(tex, reader::readLine), () -> "round trip of '" + input + "' via '" + tex + "'");
            }
        }
        return ok;
    }

    private static <T> T timed(String input, Function<String, T> read) {
        long t0 = System.nanoTime();
        try {
            return read.apply(input);
        } catch (TexParseException e) {
            String m = e.getMessage();
            assertTrue(m != null && !m.isBlank(), () -> "empty message for '" + input + "'");
            assertFalse(m.startsWith("internal error"), () -> m + " for '" + input + "'");
            assertTrue(e.line() >= 1 && e.column() >= 1, () -> "bad position " + e.describe());
            return null;
        } catch (Throwable t) {
            fail("'" + input + "' threw " + t, t);
            return null;
        } finally {
            long elapsed = System.nanoTime() - t0;
            assertTrue(elapsed < PER_INPUT_LIMIT_NANOS, () -> "too slow (" + elapsed / 1_000_000 + " ms): " + input);
        }
    }

    private static List<String> pieces(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = PIECE.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static String mutate(String seed, List<String> seeds, Random rnd) {
        List<String> p = pieces(seed);
        for (int k = 0, n = 1 + rnd.nextInt(4); k < n; k++) {
            int at = p.isEmpty() ? 0 : rnd.nextInt(p.size());
            switch (rnd.nextInt(6)) {
                case 0 -> {
                    if (!p.isEmpty()) {
                        p.remove(at);
                    }
                }
                case 1 -> p.add(at, SNIPPETS.get(rnd.nextInt(SNIPPETS.size())));
                case 2 -> {
                    if (p.size() > 1) {
                        int other = rnd.nextInt(p.size());
                        String x = p.get(at);
                        p.set(at, p.get(other));
                        p.set(other, x);
                    }
                }
                case 3 -> {
                    if (!p.isEmpty()) {
                        p.set(at, SNIPPETS.get(rnd.nextInt(SNIPPETS.size())));
                    }
                }
                case 4 -> {
                    List<String> q = pieces(seeds.get(rnd.nextInt(seeds.size())));
                    if (!q.isEmpty()) {
                        int from = rnd.nextInt(q.size());
                        p.addAll(at, q.subList(from, Math.min(q.size(), from + 1 + rnd.nextInt(6))));
                    }
                }
                default -> {
                    if (!p.isEmpty()) {
                        int to = Math.min(p.size(), at + 1 + rnd.nextInt(4));
                        p.addAll(to, new ArrayList<>(p.subList(at, to)));
                    }
                }
            }
        }
        return String.join("", p);
    }

    private static String soup(Random rnd) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0, n = 1 + rnd.nextInt(40); k < n; k++) {
            sb.append(SNIPPETS.get(rnd.nextInt(SNIPPETS.size())));
            if (rnd.nextBoolean()) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    /** Inputs near the length limit that stress depth and repetition. */
    private static List<String> bigInputs() {
        return List.of(
                "\\log ".repeat(3900),
                "{".repeat(19_000),
                "(".repeat(6000) + "x" + ")".repeat(6000),
                "x_{".repeat(5000),
                "e^{".repeat(5000),
                "\\sum_k ".repeat(2800) + "x",
                "- ".repeat(9000) + "x",
                "a, ".repeat(6000),
                "= a \\quad ".repeat(1900),
                "s(".repeat(9000) + "x",
                "\\hat{".repeat(3000) + "y" + "}".repeat(3000),
                "L = " + "s_i(1 - s_i) + ".repeat(1300) + "1 \\quad (i = j)",
                "\\frac{".repeat(3000) + "a}{b}".repeat(3000));
    }
}
