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
     * part; sums and products term by term. {@code kept[0]} records whether anything was unchanged,
     * since marking everything tells the reader nothing.
     */
    private String diff(Expr before, Expr now, boolean[] kept) {
        if (before.equals(now)) {
            kept[0] = true;
            return writer.write(now);
        }
        if (before instanceof Expr.Div b && now instanceof Expr.Div n) {
            return "\\frac{" + diff(b.numerator(), n.numerator(), kept) + "}{" + diff(b.denominator(), n.denominator(), kept) + "}";
        }
        List<Expr> oldUnits = units(before);
        List<Expr> newUnits = units(now);
        if (newUnits.size() < 2) {
            return mark(writer.write(now));
        }
        List<Expr> remaining = new ArrayList<>(oldUnits);
        boolean[] changed = new boolean[newUnits.size()];
        for (int i = 0; i < newUnits.size(); i++) {
            if (!remaining.remove(newUnits.get(i))) {
                changed[i] = true;
            } else {
                kept[0] = true;
            }
        }
        return now instanceof Expr.Mul ? writeFactors(newUnits, changed) : writeTerms(newUnits, changed);
    }

    private String writeTerms(List<Expr> terms, boolean[] changed) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            Expr t = terms.get(i);
            boolean negative = t instanceof Expr.Neg && terms.size() > 1;
            Expr body = negative ? ((Expr.Neg) t).arg() : t;
            String text = writer.write(body);
            if (body instanceof Expr.Add) {
                text = "\\left(" + text + "\\right)";
            }
            if (i > 0) {
                sb.append(negative ? " - " : " + ");
            } else if (negative) {
                sb.append("-");
            }
            sb.append(changed[i] ? mark(text) : text);
        }
        return sb.toString();
    }

    private String writeFactors(List<Expr> factors, boolean[] changed) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < factors.size(); i++) {
            Expr f = factors.get(i);
            String text = writer.write(f);
            if (f instanceof Expr.Add || (f instanceof Expr.Neg && i > 0)) {
                text = "\\left(" + text + "\\right)";
            }
            if (i > 0) {
                boolean numeric = f instanceof Expr.Num;
                sb.append(numeric ? " \\cdot " : " ");
            }
            sb.append(changed[i] ? mark(text) : text);
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
