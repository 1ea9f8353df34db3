package dev.gradstep.check;

import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.Notation;
import dev.gradstep.expr.Condition;
import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Line;
import dev.gradstep.tex.TexWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The corrected line for a student's wrong step, taken from a library derivation: a library step
 * whose chain has the same left side and condition (after renaming the library's notation into the
 * student's), choosing the right side closest to what the student wrote.
 */
public final class LibraryMatch {

    private final TexWriter writer = new TexWriter();

    /**
     * The library line, in the student's notation, that a wrong step should have been; null when
     * no library chain has the step's left side.
     */
    public String correction(StudentNotation student, Expr lhs, Condition condition, Expr wrongRhs,
                             List<Derivation> library) {
        if (lhs == null || wrongRhs == null) {
            return null;
        }
        String wrong = writer.write(wrongRhs);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Derivation d : library) {
            Map<String, String> names = renaming(d.notation(), student.notation());
            if (names == null) {
                continue;
            }
            List<Chains.Link> links;
            try {
                links = Chains.of(d.steps());
            } catch (IllegalArgumentException e) {
                continue;
            }
            for (Chains.Link link : links) {
                Expr left = rename(link.chainLeft(), names);
                if (!lhs.equals(left) || !condition.equals(rename(link.condition(), names))) {
                    continue;
                }
                for (Expr right : link.rights()) {
                    Expr candidate = rename(right, names);
                    if (candidate == null || candidate.equals(wrongRhs)) {
                        continue;
                    }
                    String tex = writer.write(candidate);
                    int distance = distance(tex, wrong);
                    if (distance < bestDistance) {
                        bestDistance = distance;
                        best = writer.write(new Line(lhs, List.of(candidate), condition));
                    }
                }
            }
        }
        return best;
    }

    /** Library names to student names, or null when the two notations differ in kind (batch, one-hot). */
    private static Map<String, String> renaming(Notation from, Notation to) {
        if ((from.batch() == null) != (to.batch() == null) || (from.onehot() == null) != (to.onehot() == null)) {
            return null;
        }
        Map<String, String> m = new HashMap<>();
        m.put(from.logits(), to.logits());
        m.put(from.probs(), to.probs());
        m.put(from.labels(), to.labels());
        m.put(from.loss(), to.loss());
        m.put(from.classes(), to.classes());
        if (from.batch() != null) {
            m.put(from.batch(), to.batch());
        }
        if (from.onehot() != null) {
            m.put(from.onehot(), to.onehot());
        }
        return m;
    }

    private static String name(String n, Map<String, String> names) {
        return names.getOrDefault(n, n);
    }

    private static Condition rename(Condition c, Map<String, String> names) {
        return ExprMap.map(c, renamer(names));
    }

    private static Expr rename(Expr e, Map<String, String> names) {
        return ExprMap.map(e, renamer(names));
    }

    /** Renames symbols and functions (with their indices and arguments); other nodes are rebuilt as they are. */
    private static java.util.function.UnaryOperator<Expr> renamer(Map<String, String> names) {
        return new java.util.function.UnaryOperator<>() {
            @Override
            public Expr apply(Expr x) {
                if (x instanceof Expr.Sym s) {
                    return new Expr.Sym(name(s.name(), names), s.indices().stream().map(i -> ExprMap.map(i, this)).toList());
                }
                if (x instanceof Expr.Fn f) {
                    return new Expr.Fn(name(f.name(), names), f.args().stream().map(a -> ExprMap.map(a, this)).toList(),
                            f.indices().stream().map(i -> ExprMap.map(i, this)).toList());
                }
                return null;
            }
        };
    }

    /** Edit distance, capped in length so a long line stays cheap. */
    static int distance(String a, String b) {
        a = a.length() > 400 ? a.substring(0, 400) : a;
        b = b.length() > 400 ? b.substring(0, 400) : b;
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
