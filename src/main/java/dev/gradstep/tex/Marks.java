package dev.gradstep.tex;

import dev.gradstep.expr.Expr;
import java.util.Collection;
import java.util.Collections;
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

    private static Set<Expr> identityCopy(Collection<Expr> items) {
        Set<Expr> copy = Collections.newSetFromMap(new IdentityHashMap<>());
        copy.addAll(items);
        return Collections.unmodifiableSet(copy);
    }
}
