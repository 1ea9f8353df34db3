package dev.gradstep.tex;

import dev.gradstep.expr.Condition;
import dev.gradstep.expr.Condition.Op;
import dev.gradstep.expr.Condition.Relation;
import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Expr.Add;
import dev.gradstep.expr.Expr.Delta;
import dev.gradstep.expr.Expr.Deriv;
import dev.gradstep.expr.Expr.Div;
import dev.gradstep.expr.Expr.Exp;
import dev.gradstep.expr.Expr.Fn;
import dev.gradstep.expr.Expr.Log;
import dev.gradstep.expr.Expr.Mul;
import dev.gradstep.expr.Expr.Neg;
import dev.gradstep.expr.Expr.Num;
import dev.gradstep.expr.Expr.Pow;
import dev.gradstep.expr.Expr.Sum;
import dev.gradstep.expr.Expr.Sym;
import dev.gradstep.expr.Line;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Writes expressions as canonical LaTeX; the reader's inverse: for every tree {@code e} that
 * {@link TexReader} produces, {@code readExpr(write(e)).equals(e)} (and likewise for lines).
 * Parentheses ({@code \left( \right)}) appear exactly where precedence needs them; juxtaposition is
 * used for products except before a number or between a bare symbol and a parenthesis, where
 * {@code \cdot} keeps the product from reading as a function call.
 */
public final class TexWriter {

    private static final BigDecimal HALF = new BigDecimal("0.5");

    private final Marks marks;

    public TexWriter() {
        this(Marks.NONE);
    }

    private TexWriter(Marks marks) {
        this.marks = marks;
    }

    /** Canonical LaTeX for one expression. */
    public String write(Expr expr) {
        return top(expr);
    }

    /**
     * The same LaTeX as {@link #write(Line)} with the marked parts wrapped in the marks' macro:
     * removing each {@code macro{} and its closing brace gives back exactly the unmarked text.
     */
    public String write(Line line, Marks marks) {
        return new TexWriter(marks).write(line);
    }

    /** {@code LHS = R1 = R2 \quad (i \neq j)}, or {@code = R1} for a continuation. */
    public String write(Line line) {
        StringBuilder sb = new StringBuilder();
        if (line.lhs() != null) {
            sb.append(top(line.lhs())).append(' ');
        }
        List<String> rights = new ArrayList<>();
        for (Expr r : line.rights()) {
            rights.add(top(r));
        }
        sb.append("= ").append(String.join(" = ", rights));
        Condition c = line.condition();
        if (!c.isAlways()) {
            StringJoiner j = new StringJoiner(", ", " \\quad (", ")");
            for (Relation r : c.relations()) {
                j.add(relation(r));
            }
            sb.append(j);
        }
        return sb.toString();
    }

    /**
     * Whether {@code tex}, read and written again, still looks the same: not when it sets symbols in
     * a font the reader drops (bold vectors would come back plain).
     */
    public boolean keepsLook(String tex) {
        for (String font : Vocabulary.FONTS) {
            if (!font.equals("\\mathrm") && Pattern.compile(Pattern.quote(font) + "(?![A-Za-z])").matcher(tex).find()) {
                return false;
            }
        }
        return true;
    }

    /** Writes at the loosest precedence: nothing needs parentheses. */
    private String top(Expr e) {
        String tex = plain(e);
        return marks.isWhole(e) ? marks.wrap(tex) : tex;
    }

    /** A symbol in a place that does not go through {@link #top}, marked like any other part. */
    private String markedSym(Sym s) {
        return marks.isWhole(s) ? marks.wrap(sym(s)) : sym(s);
    }

    private String plain(Expr e) {
        if (e instanceof Num n) {
            return n.value().toPlainString();
        } else if (e instanceof Sym s) {
            return sym(s);
        } else if (e instanceof Add a) {
            return add(a);
        } else if (e instanceof Neg n) {
            return "-" + termLevel(n.arg());
        } else if (e instanceof Mul m) {
            return mul(m);
        } else if (e instanceof Div d) {
            return div(d);
        } else if (e instanceof Pow p) {
            return pow(p);
        } else if (e instanceof Exp x) {
            return "e^{" + top(x.arg()) + "}";
        } else if (e instanceof Log l) {
            return l.arg() instanceof Sym s ? "\\log " + markedSym(s) : "\\log" + paren(top(l.arg()));
        } else if (e instanceof Sum s) {
            return sum(s);
        } else if (e instanceof Deriv d) {
            return deriv(d);
        } else if (e instanceof Delta d) {
            return delta(d);
        } else if (e instanceof Fn f) {
            return fn(f);
        }
        throw new IllegalArgumentException("unknown expression " + e);
    }

    private String add(Add a) {
        StringBuilder sb = new StringBuilder();
        List<Expr> terms = a.terms();
        Expr first = terms.get(0);
        sb.append(first instanceof Add ? paren(top(first)) : top(first));
        for (Expr t : terms.subList(1, terms.size())) {
            if (t instanceof Neg n) {
                String arg = termLevel(n.arg());
                sb.append(" - ").append(marks.isWhole(n) ? marks.wrap(arg) : arg);
            } else {
                sb.append(" + ").append(termLevel(t));
            }
        }
        return sb.toString();
    }

    /** A product term (after a sign, or a sum's body): sums and negations need parentheses. */
    private String termLevel(Expr e) {
        return e instanceof Add || e instanceof Neg || isNegativeNumber(e) ? paren(top(e)) : top(e);
    }

    private String mul(Mul m) {
        StringBuilder sb = new StringBuilder();
        List<Expr> fs = m.factors();
        for (int i = 0; i < fs.size(); i++) {
            Expr f = fs.get(i);
            String s = factorLevel(f, i == fs.size() - 1);
            if (i > 0) {
                sb.append(needsDot(fs.get(i - 1), marks.unmarkedStart(s)) ? " \\cdot " : " ");
            }
            sb.append(s);
        }
        return sb.toString();
    }

    /** A sum swallows the rest of its product term, so it needs parentheses unless it comes last. */
    private String factorLevel(Expr e, boolean last) {
        if (e instanceof Add || e instanceof Neg || e instanceof Mul || isNegativeNumber(e)
                || e instanceof Sum && !last) {
            return paren(top(e));
        }
        return top(e);
    }

    /** {@code 2 \cdot 3}, and {@code \sigma \cdot (x)} which would otherwise read as a call. */
    private static boolean needsDot(Expr previous, String next) {
        if (!next.isEmpty() && (Character.isDigit(next.charAt(0)) || next.charAt(0) == '.')) {
            return true;
        }
        boolean bare = previous instanceof Sym s && s.isPlain()
                || previous instanceof Log l && l.arg() instanceof Sym s2 && s2.isPlain();
        return bare && next.startsWith("\\left(");
    }

    private String div(Div d) {
        String num = top(d.numerator());
        String den = top(d.denominator());
        if (bareDifferential(marks.unmarkedStart(num)) && bareDifferential(marks.unmarkedStart(den))) {
            num = paren(num);
        }
        return "\\frac{" + num + "}{" + den + "}";
    }

    /** {@code \frac{d x}{d y}} would read as a derivative; the reader's rule, mirrored. */
    private static boolean bareDifferential(String s) {
        return s.startsWith("d") && (s.length() == 1 || "_^'(".indexOf(s.charAt(1)) < 0);
    }

    private String pow(Pow p) {
        if (p.exponent() instanceof Num n && n.value().equals(HALF)) {
            return "\\sqrt{" + top(p.base()) + "}";
        }
        Expr b = p.base();
        boolean wrap = b instanceof Add || b instanceof Neg || b instanceof Mul || b instanceof Div
                || b instanceof Pow || b instanceof Exp || b instanceof Log || b instanceof Sum
                || b instanceof Deriv || isNegativeNumber(b) || isTranspose(b)
                || b instanceof Sym s && s.isPlain() && (s.name().equals("e") || isTransposeMark(p.exponent()));
        String base = wrap ? paren(top(b)) : top(b);
        return base + "^{" + top(p.exponent()) + "}";
    }

    private static boolean isTransposeMark(Expr e) {
        return e instanceof Sym s && s.isPlain()
                && (s.name().equals("T") || s.name().equals("\\top") || s.name().equals("\\intercal"));
    }

    private static boolean isTranspose(Expr e) {
        return e instanceof Fn f && f.name().equals("transpose") && f.indices().isEmpty() && f.args().size() == 1
                && f.args().get(0) instanceof Sym s && s.isPlain() && !s.name().equals("e");
    }

    private String sum(Sum s) {
        StringBuilder sb = new StringBuilder();
        String index = symName(s.index());
        List<Relation> rels = s.where().relations();
        int skip = 0;
        if (s.from() != null) {
            sb.append(index).append('=').append(top(s.from()));
        } else if (!rels.isEmpty() && rels.get(0).op() == Op.NE
                && rels.get(0).left().equals(new Sym(s.index()))) {
            sb.append(index).append(" \\neq ").append(top(rels.get(0).right()));
            skip = 1;
        } else {
            sb.append(index);
        }
        for (Relation r : rels.subList(skip, rels.size())) {
            sb.append(", ").append(relation(r));
        }
        String lower = marks.isLowerLimit(s) ? marks.wrap(sb.toString()) : sb.toString();
        sb = new StringBuilder("\\sum_{").append(lower).append('}');
        if (s.to() != null) {
            sb.append("^{").append(top(s.to())).append('}');
        }
        return sb.append(' ').append(termLevel(s.body())).toString();
    }

    private String relation(Relation r) {
        return top(r.left()) + (r.op() == Op.EQ ? " = " : " \\neq ") + top(r.right());
    }

    private String deriv(Deriv d) {
        String wrt = "{\\partial " + markedSym(d.wrt()) + "}";
        Expr of = d.of();
        if (of instanceof Sym s) {
            return "\\frac{\\partial " + markedSym(s) + "}" + wrt;
        }
        if (of instanceof Exp x && x.arg() instanceof Sym) {
            return "\\frac{\\partial " + top(x) + "}" + wrt;
        }
        return "\\frac{\\partial}" + wrt + paren(top(of));
    }

    private String delta(Delta d) {
        if (isLetter(d.left()) && isLetter(d.right())) {
            return "\\delta_{" + top(d.left()) + top(d.right()) + "}";
        }
        return "\\delta_{" + top(d.left()) + "," + top(d.right()) + "}";
    }

    private String fn(Fn f) {
        if (isTranspose(f)) {
            return markedSym((Sym) f.args().get(0)) + "^{T}";
        }
        StringJoiner args = new StringJoiner(", ", "(", ")");
        for (Expr a : f.args()) {
            args.add(top(a));
        }
        String name = f.name();
        String head;
        if (Vocabulary.isSymbolCommand(name) || name.length() == 1 && isAsciiLetter(name.charAt(0))
                && !f.indices().isEmpty()) {
            head = name;
        } else {
            head = "\\operatorname{" + name + "}";
        }
        return head + args + indices(f.indices());
    }

    private String sym(Sym s) {
        return symName(s.name()) + indices(s.indices());
    }

    /** {@code z}, {@code \hat{y}}, {@code \theta}, {@code u'}; multi-letter words as {@code \mathrm{CE}}. */
    private static String symName(String name) {
        int end = name.length();
        while (end > 0 && name.charAt(end - 1) == '\'') {
            end--;
        }
        String base = name.substring(0, end);
        String primes = name.substring(end);
        if (base.length() > 1 && base.chars().allMatch(c -> isAsciiLetter((char) c))) {
            base = "\\mathrm{" + base + "}";
        }
        return base + primes;
    }

    /**
     * {@code _{j}}, or comma-separated {@code _{n,i}} so rows and columns stay visibly apart. A
     * single product index is parenthesised, since {@code _{ab}} would read as two indices.
     */
    private String indices(List<Expr> idx) {
        if (idx.isEmpty()) {
            return "";
        }
        if (idx.size() == 1) {
            Expr only = idx.get(0);
            return "_{" + (only instanceof Mul ? paren(top(only)) : top(only)) + "}";
        }
        StringJoiner j = new StringJoiner(",", "_{", "}");
        for (Expr i : idx) {
            j.add(top(i));
        }
        return j.toString();
    }

    private static boolean isLetter(Expr e) {
        return e instanceof Sym s && s.isPlain() && s.name().length() == 1 && isAsciiLetter(s.name().charAt(0));
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNegativeNumber(Expr e) {
        return e instanceof Num n && n.value().signum() < 0;
    }

    private static String paren(String s) {
        return "\\left(" + s + "\\right)";
    }
}
