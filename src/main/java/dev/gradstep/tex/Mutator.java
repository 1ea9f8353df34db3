package dev.gradstep.tex;

import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of real documents for fuzzing, as a careless editor or a hostile one would
 * make them: characters deleted, spans cut or repeated, and LaTeX, Markdown or YAML fragments
 * inserted. The same seed gives the same inputs, so a failure can be replayed.
 */
public final class Mutator {

    /** Fragments that most often break a reader: delimiters, environments, YAML syntax, odd characters. */
    public static final List<String> SNIPPETS = List.of("{", "}", "(", ")", "[", "]", "\\\\", "&=", "=", "&",
            "\\begin{align}", "\\end{align}", "\\begin{aligned}", "\\end{aligned}", "\\[", "\\]", "$$", "$", "%",
            "% notation: logits=z", "probs=", "\\label{", "\\tag{1}", "\\nonumber", "\\frac{", "\\sum_{k=1, k \\neq i}^K",
            "\\exp^{", "\\partial", "\\hat{y}_i", "s(X_n)_k", "\\operatorname{softmax}(z)_i", "\\sigma(", "\\text{for }",
            "\\quad", "\n", " ", "\\begin{cases}", "\\end{cases}", "\\\\[2pt]", "\\intertext{", "\\", "\u2212", "_", "^",
            ": ", "- ", "\n  - tex: '", "'", "\"", "&a ", "*a", "!!str ", "\t", "---\n", "classes: 1000000000",
            "\\sum_{i=1}^{K}", "10^{-10^{10}}", "\uFEFF", "\u0000", "```", "\n$$\n");

    private final Random random;

    public Mutator(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    /** One to four edits of the seed text. */
    public String mutate(String seed) {
        StringBuilder sb = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(4)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, SNIPPETS.get(random.nextInt(SNIPPETS.size())));
                case 2 -> sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(12)));
                default -> {
                    int to = Math.min(sb.length(), at + 1 + random.nextInt(20));
                    sb.insert(random.nextInt(sb.length()), sb.substring(at, to));
                }
            }
        }
        return sb.toString();
    }

    /** Random fragments strung together, with a letter here and there. */
    public String soup() {
        StringBuilder sb = new StringBuilder();
        int n = 5 + random.nextInt(60);
        for (int i = 0; i < n; i++) {
            sb.append(SNIPPETS.get(random.nextInt(SNIPPETS.size())));
            if (random.nextInt(4) == 0) {
                sb.append((char) ('a' + random.nextInt(26)));
            }
        }
        return sb.toString();
    }
}
