package dev.gradstep.ui;

import dev.gradstep.derivation.Step;
import dev.gradstep.expr.Condition;
import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Line;
import dev.gradstep.tex.TexWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Marks what a step changed: the top-level terms (or factors) of its right side that the previous
 * right side did not have. Comparing parsed expressions, not strings, ignores spacing and notation
 * noise; any surprise falls back to the step's own LaTeX with nothing marked.
 */
public final class ChangeHighlighter {

    private final TexWriter writer;

    public ChangeHighlighter(TexWriter writer) {
        this.writer = writer;
    }

    /** The current step's LaTeX with changed parts wrapped in {@code \gshl{..}}, or empty. */
    public Optional<String> highlight(Step previous, Step current) {
        if (previous == null || current == null) {
            return Optional.empty();
        }
        try {
            Line line = current.line();
            Expr now = last(line);
            Expr before = last(previous.line());
            if (before.equals(now)) {
                return Optional.empty();
            }
            boolean[] kept = new boolean[1];
            String rhs = diff(before, now, kept);
            if (!kept[0]) {
                return Optional.empty();
            }
            return Optional.of(assemble(line, rhs));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private String assemble(Line line, String lastRhs) {
        StringBuilder sb = new StringBuilder();
        if (line.lhs() != null) {
            sb.append(writer.write(line.lhs())).append(' ');
        }
        List<Expr> rights = line.rights();
        for (int i = 0; i < rights.size() - 1; i++) {
            sb.append("= ").append(writer.write(rights.get(i))).append(' ');
        }
        sb.append("= ").append(lastRhs);
        if (!line.condition().isAlways()) {
            String full = writer.write(line);
            String bare = writer.write(new Line(line.lhs(), line.rights(), Condition.ALWAYS));
            if (full.startsWith(bare)) {
                sb.append(full.substring(bare.length()));
            }
        }
        return sb.toString();
    }

    /**
     * Writes {@code now} with the parts not in {@code before} marked. Quotients are compared part by
     * part; sums and products term by term, and a new term is compared with an old one it replaced,
     * so that only the smallest changed pieces are marked. {@code kept[0]} records whether anything
     * was unchanged, since marking everything tells the reader nothing.
     */
    private String diff(Expr before, Expr now, boolean[] kept) {
        if (before.equals(now)) {
            kept[0] = true;
            return writer.write(now);
        }
        if (before instanceof Expr.Div b && now instanceof Expr.Div n) {
            return "\\frac{" + diff(b.numerator(), n.numerator(), kept) + "}{" + diff(b.denominator(), n.denominator(), kept) + "}";
        }
        if (before instanceof Expr.Neg b && now instanceof Expr.Neg n) {
            return "-" + parenthesised(n.arg(), diff(b.arg(), n.arg(), kept));
        }
        List<Expr> oldUnits = units(before);
        List<Expr> newUnits = units(now);
        if (newUnits.size() < 2) {
            return mark(writer.write(now));
        }
        boolean terms = !(now instanceof Expr.Mul);
        List<Expr> remaining = new ArrayList<>(oldUnits);
        boolean[] same = new boolean[newUnits.size()];
        for (int i = 0; i < newUnits.size(); i++) {
            if (remaining.remove(newUnits.get(i))) {
                same[i] = true;
                kept[0] = true;
            }
        }
        String[] texts = new String[newUnits.size()];
        for (int i = 0; i < newUnits.size(); i++) {
            Expr unit = newUnits.get(i);
            Expr body = terms && unit instanceof Expr.Neg neg ? neg.arg() : unit;
            String plain = terms ? termText(body) : factorText(body, i);
            if (same[i]) {
                texts[i] = plain;
                continue;
            }
            texts[i] = mark(plain);
            for (Expr old : remaining) {
                if (!replaces(old, unit, terms)) {
                    continue;
                }
                boolean[] inner = new boolean[1];
                Expr oldBody = terms && old instanceof Expr.Neg neg ? neg.arg() : old;
                String text = diff(oldBody, body, inner);
                if (inner[0]) {
                    texts[i] = terms ? (body instanceof Expr.Add ? "\\left(" + text + "\\right)" : text)
                            : parenthesisedFactor(body, i, text);
                    kept[0] = true;
                    remaining.remove(old);
                    break;
                }
            }
        }
        return terms ? joinTerms(newUnits, texts) : joinFactors(newUnits, texts);
    }

    /** An old unit that a new one may have replaced: same sign as a term, same kind of expression. */
    private static boolean replaces(Expr old, Expr now, boolean terms) {
        if (terms && (old instanceof Expr.Neg) != (now instanceof Expr.Neg)) {
            return false;
        }
        Expr a = terms && old instanceof Expr.Neg n ? n.arg() : old;
        Expr b = terms && now instanceof Expr.Neg n ? n.arg() : now;
        return a.getClass() == b.getClass() && (a instanceof Expr.Mul || a instanceof Expr.Add || a instanceof Expr.Div
                || a instanceof Expr.Neg);
    }

    private String termText(Expr body) {
        String text = writer.write(body);
        return body instanceof Expr.Add ? "\\left(" + text + "\\right)" : text;
    }

    private String factorText(Expr f, int position) {
        return parenthesisedFactor(f, position, writer.write(f));
    }

    private static String parenthesisedFactor(Expr f, int position, String text) {
        return f instanceof Expr.Add || (f instanceof Expr.Neg && position > 0) ? "\\left(" + text + "\\right)" : text;
    }

    private static String parenthesised(Expr e, String text) {
        return e instanceof Expr.Add ? "\\left(" + text + "\\right)" : text;
    }

    private static String joinTerms(List<Expr> terms, String[] texts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            boolean negative = terms.get(i) instanceof Expr.Neg;
            if (i > 0) {
                sb.append(negative ? " - " : " + ");
            } else if (negative) {
                sb.append("-");
            }
            sb.append(texts[i]);
        }
        return sb.toString();
    }

    private static String joinFactors(List<Expr> factors, String[] texts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < factors.size(); i++) {
            if (i > 0) {
                sb.append(factors.get(i) instanceof Expr.Num ? " \\cdot " : " ");
            }
            sb.append(texts[i]);
        }
        return sb.toString();
    }

    private static String mark(String tex) {
        return FormulaRenderer.HIGHLIGHT + "{" + tex + "}";
    }

    private static Expr last(Line line) {
        return line.rights().get(line.rights().size() - 1);
    }

    private static List<Expr> units(Expr e) {
        if (e instanceof Expr.Add add) {
            return add.terms();
        }
        if (e instanceof Expr.Mul mul) {
            return mul.factors();
        }
        return List.of(e);
    }
}
