package dev.gradstep.cas;

import java.util.Optional;
import java.util.Set;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Decides, on the parsed but unevaluated input, whether it may be evaluated: only algebra,
 * calculus and simplification heads, numbers and the caller's own symbols. Anything else
 * ({@code URLFetch}, file and Java functions, definitions, loops, {@code $HomeDirectory}) is
 * refused before Symja sees it.
 */
final class Whitelist {

    static final Set<String> HEADS = Set.of("Plus", "Times", "Power", "Exp", "Log", "Sqrt", "Subscript",
            "D", "N", "Simplify", "FullSimplify", "Together", "Cancel", "Expand", "ExpandAll", "Factor",
            "PowerExpand", "PossibleZeroQ", "Numerator", "Denominator", "KroneckerDelta", "Rational", "Complex", "List");

    /** Built-in symbols that are values, not actions. */
    static final Set<String> CONSTANTS = Set.of("E", "Pi", "True", "False");

    private final int maxLeaves;

    Whitelist(int maxLeaves) {
        this.maxLeaves = maxLeaves;
    }

    /** Empty when allowed, else the reason in plain words naming the offending head or symbol. */
    Optional<String> refusal(IExpr parsed) {
        if (parsed.leafCount() > maxLeaves) {
            return Optional.of("the expression is too large (" + parsed.leafCount() + " leaves; the cap is "
                    + maxLeaves + ")");
        }
        return walk(parsed, 0);
    }

    private Optional<String> walk(IExpr e, int depth) {
        if (depth > 2_000) {
            return Optional.of("the expression is nested too deeply");
        }
        if (e.isNumber()) {
            return Optional.empty();
        }
        if (e.isSymbol()) {
            ISymbol s = (ISymbol) e;
            if (s.isBuiltInSymbol() && !CONSTANTS.contains(s.getSymbolName())) {
                return Optional.of("'" + s.getSymbolName() + "' is not allowed here");
            }
            return Optional.empty();
        }
        if (e.isAST()) {
            IAST ast = (IAST) e;
            IExpr head = ast.head();
            if (!head.isSymbol() || !((ISymbol) head).isBuiltInSymbol()
                    || !HEADS.contains(((ISymbol) head).getSymbolName())) {
                return Optional.of("the function '" + head + "' is not allowed (only arithmetic, Exp, Log, D,"
                        + " N and simplification are)");
            }
            for (int i = 1; i < ast.size(); i++) {
                Optional<String> inner = walk(ast.get(i), depth + 1);
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        return Optional.of("'" + e + "' is not allowed (strings, patterns and other objects are refused)");
    }
}
