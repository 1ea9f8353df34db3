package dev.gradstep.tex;

import dev.gradstep.expr.Expr;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Parts of an expression the writer wraps in {@code macro{..}}: whole subtrees, and the lower limit
 * of a sum (index, range start and exclusions together). Kept by identity, since equal subtrees can
 * sit in several places of one tree and only one of them may have changed.
 */
public record Marks(String macro, Set<Expr> whole, Set<Expr> lowerLimits) {

    public static final Marks NONE = new Marks("", Set.of(), Set.of());

    public Marks {
        whole = identityCopy(whole);
        lowerLimits = identityCopy(lowerLimits);
    }

    /** Marks from any collections of parts, which may hold equal parts from different places. */
    public static Marks of(String macro, Collection<Expr> whole, Collection<Expr> lowerLimits) {
        return new Marks(macro, identityCopy(whole), identityCopy(lowerLimits));
    }

    boolean isWhole(Expr e) {
        return whole.contains(e);
    }

    boolean isLowerLimit(Expr e) {
        return lowerLimits.contains(e);
    }

    String wrap(String tex) {
        return macro + "{" + tex + "}";
    }

    /** {@code tex} without the marks that open it, for decisions that look at its first characters. */
    String unmarkedStart(String tex) {
        String open = macro + "{";
        String s = tex;
        while (!macro.isEmpty() && s.startsWith(open)) {
            s = s.substring(open.length());
        }
        return s;
    }

    /** The text with every {@code macro{..}} replaced by what it wraps: the writer's unmarked LaTeX. */
    public String unmark(String tex) {
        String open = macro + "{";
        StringBuilder sb = new StringBuilder();
        Deque<Boolean> closesMark = new ArrayDeque<>();
        for (int i = 0; i < tex.length(); i++) {
            char c = tex.charAt(i);
            if (!macro.isEmpty() && tex.startsWith(open, i)) {
                closesMark.push(true);
                i += open.length() - 1;
            } else if (c == '\\' && i + 1 < tex.length()) {
                sb.append(c).append(tex.charAt(++i));
            } else if (c == '{') {
                closesMark.push(false);
                sb.append(c);
            } else if (c != '}' || !closesMark.pop()) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static Set<Expr> identityCopy(Collection<Expr> items) {
        Set<Expr> copy = Collections.newSetFromMap(new IdentityHashMap<>());
        copy.addAll(items);
        return Collections.unmodifiableSet(copy);
    }
}
