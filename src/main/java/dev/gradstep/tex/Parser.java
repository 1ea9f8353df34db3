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
import dev.gradstep.tex.Token.Kind;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recursive-descent parser over one token range. Grammar (loosest first):
 * expression = term (('+'|'-') term)*; term = sign* factor (('\cdot'|'/'|juxtaposition) factor)*;
 * factor = primary with its scripts. A new instance per range keeps it free of shared state.
 */
final class Parser {

    /** Deepest tree the reader returns; anything the writer makes of such a tree reads back. */
    static final int MAX_DEPTH = TexReader.MAX_DEPTH;
    /** Parser recursion allowed: written trees may need a parenthesis level per tree level. */
    private static final int RECURSION_LIMIT = 2 * MAX_DEPTH + 10;
    /** Trailing conditions are short; bounding them keeps the search linear on hostile input. */
    private static final int MAX_CONDITION_TOKENS = 64;
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private final List<Token> toks;
    private final int[] match;
    private final Set<String> functionNames;
    private int pos;
    private int depth;
    /** How the line was read where it could mean something else ("d read as a partial derivative"). */
    private final List<String> notes = new ArrayList<>();
    /** Position just after the last superscript read, so a second one on the same base is an error. */
    private int lastScriptEnd = -1;

    private Parser(List<Token> toks, Set<String> functionNames) {
        this.toks = toks;
        this.match = matchBrackets(toks);
        this.functionNames = functionNames;
    }

    // ---------------------------------------------------------------- entry points

    static Expr readExpr(List<Token> all, Set<String> functionNames) {
        int end = trimEnd(all, all.size() - 1);
        Parser p = new Parser(slice(all, 0, end), functionNames);
        Expr e = p.expression(null);
        p.expectEnd();
        return p.checkDepth(e);
    }

    /** A condition alone: {@code i = j}, {@code \\text{if } i \\neq j}, {@code (i \\ne k)}; trailing punctuation dropped. */
    static Condition readCondition(List<Token> all, Set<String> functionNames) {
        int end = trimEnd(all, all.size() - 1);
        Parser p = new Parser(slice(all, 0, end), functionNames);
        Condition c = p.conditionList();
        p.expectEnd();
        return c;
    }

    static Line readLine(List<Token> all, Set<String> functionNames) {
        return readLine(all, functionNames, new ArrayList<>());
    }

    /** As {@link #readLine(List, Set)}, adding to {@code notesOut} how it was read where that was a choice. */
    static Line readLine(List<Token> all, Set<String> functionNames, List<String> notesOut) {
        int end = trimEnd(all, all.size() - 1);
        Condition cond = Condition.ALWAYS;
        int[] allMatch = matchBrackets(all);
        int firstEq = -1;
        int d = 0;
        for (int s = 0; s < end; s++) {
            Token t = all.get(s);
            if (d == 0 && firstEq >= 0 && end - s <= MAX_CONDITION_TOKENS && isConditionStart(t, allMatch, s, end)) {
                boolean separator = t.kind() == Kind.QUAD || t.isSymbol(",");
                int from = separator ? s + 1 : s;
                Optional<Condition> c = tryCondition(all, from, end, functionNames);
                if (c.isPresent() || separator && remarkOnly(all, from, end)) {
                    cond = c.orElse(Condition.ALWAYS);
                    end = trimEnd(all, s);
                    break;
                }
            }
            if (t.kind() == Kind.OPEN) {
                d++;
            } else if (t.kind() == Kind.CLOSE) {
                d = Math.max(0, d - 1);
            } else if (d == 0 && firstEq < 0 && t.isSymbol("=")) {
                firstEq = s;
            }
        }
        Parser p = new Parser(slice(all, 0, end), functionNames);
        Expr lhs = null;
        if (!p.peek().isSymbol("=")) {
            lhs = p.checkDepth(p.expression(null));
        }
        if (!p.peek().isSymbol("=")) {
            if (p.peek().kind() == Kind.END) {
                throw p.error("a line needs '=' (e.g. L = ... or = ...)", p.peek());
            }
            p.expectEnd();
        }
        List<Expr> rights = new ArrayList<>();
        while (p.peek().isSymbol("=")) {
            Token eq = p.next();
            rights.add(p.checkDepth(p.expression(eq)));
        }
        p.expectEnd();
        p.notes.stream().distinct().forEach(notesOut::add);
        return new Line(lhs, rights, cond);
    }

    private static boolean isConditionStart(Token t, int[] allMatch, int s, int end) {
        return t.kind() == Kind.QUAD || t.isSymbol(",")
                || t.kind() == Kind.TEXT && Vocabulary.CONDITION_WORDS.contains(t.value().toLowerCase())
                || t.is(Kind.OPEN, "(") && allMatch[s] == end - 1;
    }

    private static Optional<Condition> tryCondition(List<Token> all, int from, int end, Set<String> fns) {
        if (from >= end) {
            return Optional.empty();
        }
        try {
            Parser p = new Parser(slice(all, from, end), fns);
            return Optional.of(p.conditionList());
        } catch (TexParseException e) {
            return Optional.empty();
        }
    }

    /** A trailing {@code \quad \text{(chain rule)}} is a remark: dropped, it carries no math. */
    private static boolean remarkOnly(List<Token> all, int from, int end) {
        boolean text = false;
        for (int s = from; s < end; s++) {
            Token t = all.get(s);
            if (t.kind() == Kind.TEXT) {
                text = true;
            } else if (t.kind() != Kind.QUAD && !t.isSymbol(",")) {
                return false;
            }
        }
        return text;
    }

    /** Drops trailing punctuation and spacing: {@code ... ,\quad} and a final {@code .}. */
    private static int trimEnd(List<Token> all, int end) {
        while (end > 0) {
            Token t = all.get(end - 1);
            if (t.kind() == Kind.QUAD || t.isSymbol(".") || t.isSymbol(",")) {
                end--;
            } else {
                break;
            }
        }
        return end;
    }

    /** Tokens [from, to) without {@code \quad}, closed by an END placed where the range stops. */
    private static List<Token> slice(List<Token> all, int from, int to) {
        List<Token> out = new ArrayList<>(to - from + 1);
        for (int s = from; s < to; s++) {
            if (all.get(s).kind() != Kind.QUAD) {
                out.add(all.get(s));
            }
        }
        Token at = all.get(to);
        out.add(new Token(Kind.END, "", "", at.line(), at.column()));
        return out;
    }

    private static int[] matchBrackets(List<Token> toks) {
        int[] m = new int[toks.size()];
        java.util.Arrays.fill(m, -1);
        Deque<Integer> open = new ArrayDeque<>();
        for (int s = 0; s < toks.size(); s++) {
            Kind k = toks.get(s).kind();
            if (k == Kind.OPEN) {
                open.push(s);
            } else if (k == Kind.CLOSE && !open.isEmpty()) {
                int o = open.pop();
                m[o] = s;
                m[s] = o;
            }
        }
        return m;
    }

    // ---------------------------------------------------------------- conditions

    /** {@code (i = j)}, {@code \text{for } i \neq j, k = c}: relations between index terms. */
    private Condition conditionList() {
        List<Relation> rels = new ArrayList<>();
        while (peek().kind() != Kind.END) {
            Token t = peek();
            if (t.isSymbol(",") || t.isCommand("\\land") || t.isCommand("\\wedge") || t.isCommand("\\forall")
                    || t.kind() == Kind.TEXT && Vocabulary.CONDITION_WORDS.contains(t.value().toLowerCase())) {
                next();
            } else if (t.is(Kind.OPEN, "(")) {
                next();
                rels.add(relation());
                while (peek().isSymbol(",")) {
                    next();
                    rels.add(relation());
                }
                expectClose(t);
            } else {
                rels.add(relation());
            }
        }
        if (rels.isEmpty()) {
            throw error("empty condition", peek());
        }
        return new Condition(rels);
    }

    private Relation relation() {
        Expr left = indexTerm();
        Token op = next();
        Op o;
        if (op.isSymbol("=")) {
            o = Op.EQ;
        } else if (op.kind() == Kind.NOT_EQUAL) {
            o = Op.NE;
        } else {
            throw error("expected '=' or '\\neq' in a condition", op);
        }
        return new Relation(left, o, indexTerm());
    }

    /** The restricted grammar of condition sides: {@code i}, {@code c}, {@code 1}, {@code j+1}. */
    private Expr indexTerm() {
        List<Expr> terms = new ArrayList<>();
        boolean neg = false;
        if (peek().isSymbol("-")) {
            next();
            neg = true;
        }
        Expr first = indexAtom();
        terms.add(neg ? new Neg(first) : first);
        while (peek().isSymbol("+") || peek().isSymbol("-")) {
            boolean minus = next().isSymbol("-");
            Expr a = indexAtom();
            terms.add(minus ? new Neg(a) : a);
        }
        return terms.size() == 1 ? terms.get(0) : new Add(terms);
    }

    private Expr indexAtom() {
        Token t = next();
        return switch (t.kind()) {
            case LETTER -> new Sym(t.value());
            case NUMBER -> new Num(new BigDecimal(t.value()));
            case NAME -> new Sym(t.value());
            case COMMAND -> {
                if (Vocabulary.isSymbolCommand(t.value())) {
                    yield new Sym(t.value());
                }
                throw error("expected an index", t);
            }
            default -> throw error("expected an index", t);
        };
    }

    // ---------------------------------------------------------------- expressions

    Expr expression(Token after) {
        List<Expr> terms = new ArrayList<>();
        if (peek().isSymbol("+")) {
            after = next();
        }
        terms.add(term(after));
        while (peek().isSymbol("+") || peek().isSymbol("-")) {
            Token op = next();
            Expr t = term(op);
            terms.add(op.isSymbol("-") ? new Neg(t) : t);
        }
        return terms.size() == 1 ? terms.get(0) : new Add(terms);
    }

    /** A product term; leading minus signs negate the whole product ({@code -a b} is Neg(a b)). */
    private Expr term(Token after) {
        int negations = 0;
        while (peek().isSymbol("-") || peek().isSymbol("+")) {
            Token sign = next();
            if (sign.isSymbol("-")) {
                negations++;
            }
            after = sign;
        }
        depth += negations;
        if (depth > RECURSION_LIMIT) {
            throw tooDeep(peek());
        }
        try {
            return negate(product(after), negations);
        } finally {
            depth -= negations;
        }
    }

    private static Expr negate(Expr e, int times) {
        for (int k = 0; k < times; k++) {
            e = new Neg(e);
        }
        return e;
    }

    private Expr product(Token after) {
        List<Expr> fs = new ArrayList<>();
        fs.add(factor(after));
        while (true) {
            Token t = peek();
            if (t.isSymbol("*") || t.kind() == Kind.COMMAND && Vocabulary.TIMES.contains(t.value())) {
                next();
                if (peek().isSymbol("-")) {
                    Token minus = next();
                    fs.add(new Neg(factor(minus)));
                } else {
                    fs.add(factor(t));
                }
            } else if (t.isSymbol("/")) {
                next();
                int last = fs.size() - 1;
                fs.set(last, new Div(fs.get(last), factor(t)));
            } else if (startsFactor(t)) {
                fs.add(factor(t));
            } else {
                break;
            }
        }
        return fs.size() == 1 ? fs.get(0) : new Mul(fs);
    }

    private static boolean startsFactor(Token t) {
        return switch (t.kind()) {
            case LETTER, NUMBER, NAME, TEXT, OPEN -> true;
            case COMMAND -> !Vocabulary.TIMES.contains(t.value()) && !t.value().equals("\\land")
                    && !t.value().equals("\\wedge");
            default -> false;
        };
    }

    /** A primary with at most one superscript; depth-limited so hostile input cannot overflow the stack. */
    private Expr factor(Token after) {
        if (++depth > RECURSION_LIMIT) {
            throw tooDeep(peek());
        }
        try {
            Expr base = primary(after);
            if (peek().isSymbol("^")) {
                Token caret = next();
                if (lastScriptEnd == pos - 1) {
                    throw error("double superscript", caret);
                }
                base = new Pow(base, scriptArg(caret));
            }
            Token t = peek();
            if (t.isSymbol("^")) {
                throw error("double superscript", t);
            }
            if (t.isSymbol("_")) {
                throw error("a subscript must follow a symbol", t);
            }
            if (t.isSymbol("'")) {
                throw error("a prime must follow a symbol", t);
            }
            return base;
        } finally {
            depth--;
        }
    }

    private Expr primary(Token after) {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER:
                next();
                return new Num(new BigDecimal(t.value()));
            case LETTER:
                Expr operator = plainOperator(t);
                if (operator != null) {
                    return operator;
                }
                next();
                if (t.value().equals("e") && peek().isSymbol("^")) {
                    return scriptedExp(next());
                }
                return symbolRest(t.value(), t, true);
            case OPEN:
                next();
                return group(t);
            case NAME:
                next();
                return named(t);
            case TEXT:
                next();
                return text(t);
            case COMMAND:
                return command(t);
            case CLOSE:
                throw after == null ? error("unbalanced '" + t.text() + "'", t)
                        : error("expected an expression after '" + after.text() + "'", after);
            case END:
                throw after == null ? error("expected an expression", t)
                        : error("expected an expression after '" + after.text() + "'", after);
            default:
                if (t.isSymbol("|")) {
                    throw error("absolute values |x| are not supported", t);
                }
                if (after != null && (t.isSymbol("=") || t.isSymbol("+") || t.isSymbol("-"))) {
                    throw error("expected an expression after '" + after.text() + "'", after);
                }
                throw error("unexpected '" + t.text() + "'", t);
        }
    }

    private Expr command(Token t) {
        String c = t.value();
        if (Vocabulary.isSymbolCommand(c)) {
            next();
            return symbolRest(c, t, false);
        }
        if (Vocabulary.DECORATIONS.containsKey(c) || Vocabulary.FONTS.contains(c)) {
            String base = symbolBase();
            if (base != null) {
                return symbolRest(base, t, base.length() == 1);
            }
            Expr inside = decoratedIndexed(c);
            if (inside != null) {
                return inside;
            }
            if (Vocabulary.DECORATIONS.containsKey(c)) {
                throw error(c + " must decorate a single symbol", t);
            }
            next();
            Expr inner = argument(t, "argument");
            if (isOne(inner) && (peek().isSymbol("_") || isIversonOpen(peek()))) {
                return indicator(t);
            }
            return inner;
        }
        next();
        switch (c) {
            case "\\frac", "\\dfrac", "\\tfrac":
                return fraction(t);
            case "\\sqrt":
                return squareRoot(t);
            case "\\log", "\\ln":
                return logarithm(t);
            case "\\exp":
                return exponential(t);
            case "\\sum":
                return sum(t);
            case "\\partial":
                return slashDerivative(t);
            case "\\mathbb":
                return blackboard(t);
            case "\\underbrace", "\\overbrace":
                return brace(t);
            case "\\top", "\\intercal":
                // a transpose mark away from a plain symbol is just the symbol \top, like T
                return symbolRest(c, t, false);
            default:
                if (Vocabulary.TIMES.contains(c)) {
                    throw error("expected an expression before " + c, t);
                }
                throw error("unknown command " + c, t);
        }
    }

    /**
     * {@code \\hat{y_i}} (the subscript typed inside the accent) is {@code \\hat{y}_i}; also with a font,
     * {@code \\mathbf{x_i}}. Null, position unchanged, for anything else.
     */
    private Expr decoratedIndexed(String command) {
        int save = pos;
        int saveScript = lastScriptEnd;
        next();
        if (peek().is(Kind.OPEN, "{")) {
            Token open = next();
            String inner = symbolBase();
            if (inner != null && peek().isSymbol("_")) {
                List<Expr> idx = indices(next());
                if (peek().kind() == Kind.CLOSE) {
                    expectClose(open);
                    String deco = Vocabulary.DECORATIONS.get(command);
                    Expr base = new Sym(deco == null ? inner : deco + "{" + inner + "}", idx);
                    if (peek().isSymbol("^")) {
                        Token caret = next();
                        base = new Pow(base, scriptArg(caret));
                        lastScriptEnd = pos;
                    }
                    return base;
                }
            }
        }
        pos = save;
        lastScriptEnd = saveScript;
        return null;
    }

    // ---------------------------------------------------------------- symbols and functions

    /**
     * The name of a symbol starting at the current token, or null (position unchanged) when the
     * tokens there do not form one: a letter, a Greek command, an accent or font around one.
     */
    private String symbolBase() {
        if (++depth > RECURSION_LIMIT) {
            throw tooDeep(peek());
        }
        try {
            int save = pos;
            Token t = next();
            if (t.kind() == Kind.LETTER) {
                return t.value();
            }
            if (t.kind() == Kind.COMMAND && Vocabulary.isSymbolCommand(t.value())) {
                return t.value();
            }
            if (t.kind() == Kind.COMMAND && (Vocabulary.DECORATIONS.containsKey(t.value())
                    || Vocabulary.FONTS.contains(t.value()))) {
                String inner;
                if (peek().is(Kind.OPEN, "{")) {
                    next();
                    inner = symbolBase();
                    if (inner == null || peek().kind() != Kind.CLOSE) {
                        pos = save;
                        return null;
                    }
                    next();
                } else {
                    inner = symbolBase();
                    if (inner == null) {
                        pos = save;
                        return null;
                    }
                }
                String deco = Vocabulary.DECORATIONS.get(t.value());
                return deco == null ? inner : deco + "{" + inner + "}";
            }
            pos = save;
            return null;
        } finally {
            depth--;
        }
    }

    /**
     * After a symbol's base: a function call, or subscripts, superscript and primes in any order.
     * A single letter is a function only when a subscript follows the call ({@code s(x)_i}) or
     * when it was registered; Greek letters followed by {@code (} are always functions.
     */
    private Expr symbolRest(String name, Token at, boolean singleLetter) {
        Token t = peek();
        if (t.is(Kind.OPEN, "(")) {
            int close = match[pos];
            boolean call = functionNames.contains(name) || name.startsWith("\\") && Vocabulary.isSymbolCommand(name)
                    || singleLetter && close > 0 && toks.get(close + 1).isSymbol("_")
                    || close > 0 && hasTopLevelComma(pos + 1, close);
            if (call) {
                return call(name);
            }
        }
        List<Expr> indices = null;
        Expr exponent = null;
        boolean transpose = false;
        StringBuilder primes = new StringBuilder();
        while (true) {
            t = peek();
            if (t.isSymbol("'")) {
                next();
                primes.append('\'');
            } else if (t.isSymbol("_")) {
                next();
                if (indices != null) {
                    throw error("double subscript", t);
                }
                indices = indices(t);
            } else if (t.isSymbol("^")) {
                next();
                if (exponent != null || transpose) {
                    throw error("double superscript", t);
                }
                if (isTransposeMark()) {
                    transpose = true;
                } else {
                    exponent = scriptArg(t);
                }
            } else {
                break;
            }
        }
        if (exponent != null || transpose) {
            lastScriptEnd = pos;
        }
        List<Expr> idx = indices == null ? List.of() : indices;
        if (!idx.isEmpty() && exponent == null && !transpose && primes.length() == 0) {
            Expr own = ownArgument(name, idx);
            if (own != null) {
                return own;
            }
        }
        Expr base;
        if (name.equals("\\delta") && idx.size() == 2 && primes.length() == 0) {
            base = new Delta(idx.get(0), idx.get(1));
        } else {
            base = new Sym(name + primes, idx);
        }
        if (transpose) {
            base = idx.isEmpty() ? new Fn("transpose", List.of(base), List.of()) : new Pow(base, new Sym("T"));
        }
        return exponent == null ? base : new Pow(base, exponent);
    }

    /** Arguments separated by a comma cannot be a product, so {@code L(\\mathbf{s}, \\mathbf{y})} is a call. */
    private boolean hasTopLevelComma(int from, int close) {
        int d = 0;
        for (int s = from; s < close; s++) {
            Token k = toks.get(s);
            if (k.kind() == Kind.OPEN) {
                d++;
            } else if (k.kind() == Kind.CLOSE) {
                d--;
            } else if (d == 0 && k.isSymbol(",")) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code y_i(z_i)}: an indexed symbol followed by one parenthesised symbol with the same indices is
     * the symbol written as a function of that variable, a call {@code Fn(y, [z_i], [i])}; the checker
     * reads it as the probability when the argument is a logit, and as the product otherwise.
     */
    private Expr ownArgument(String name, List<Expr> idx) {
        if (!peek().is(Kind.OPEN, "(")) {
            return null;
        }
        int save = pos;
        int savedScript = lastScriptEnd;
        try {
            Expr call = call(name);
            if (call instanceof Fn f && f.indices().isEmpty() && f.args().size() == 1 && f.args().get(0) instanceof Sym a
                    && !a.name().equals(name) && a.indices().equals(idx)) {
                return new Fn(name, f.args(), idx);
            }
        } catch (TexParseException e) {
            // not a call after all: read as before
        }
        pos = save;
        lastScriptEnd = savedScript;
        return null;
    }

    /** {@code ^T}, {@code ^\top}, {@code ^{T}}, {@code ^{\mathrm{T}}}: consumed when present. */
    private boolean isTransposeMark() {
        Token t = peek();
        if (isTransposeToken(t)) {
            next();
            return true;
        }
        if (t.is(Kind.OPEN, "{") && isTransposeToken(toks.get(pos + 1)) && toks.get(pos + 2).kind() == Kind.CLOSE) {
            pos += 3;
            return true;
        }
        return false;
    }

    private static boolean isTransposeToken(Token t) {
        return t.is(Kind.LETTER, "T") || t.is(Kind.NAME, "T") || t.isCommand("\\top") || t.isCommand("\\intercal");
    }

    private Expr call(String name) {
        Token open = next();
        List<Expr> args = new ArrayList<>();
        args.add(expression(open));
        while (peek().isSymbol(",")) {
            args.add(expression(next()));
        }
        expectClose(open);
        List<Expr> indices = List.of();
        if (peek().isSymbol("_")) {
            indices = indices(next());
        }
        return new Fn(name, args, indices);
    }

    /** {@code \operatorname{softmax}(z)_i}, {@code \mathrm{CE}}, {@code \mathrm{e}^{x}}, {@code \mathrm{log}}. */
    private Expr named(Token t) {
        String w = t.value();
        switch (w) {
            case "log", "ln":
                return logarithm(t);
            case "exp":
                return exponential(t);
            case "e":
                if (peek().isSymbol("^")) {
                    return scriptedExp(next());
                }
                break;
            default:
                break;
        }
        if (peek().is(Kind.OPEN, "(")) {
            return call(w);
        }
        return symbolRest(w, t, false);
    }

    private Expr text(Token t) {
        String w = t.value();
        if (Vocabulary.CONDITION_WORDS.contains(w.toLowerCase())) {
            throw error("'" + w + "' must introduce a condition at the end of the line", t);
        }
        if (!w.matches("[A-Za-z]+")) {
            throw error("cannot read the text '" + w + "' as mathematics", t);
        }
        if (peek().is(Kind.OPEN, "(")) {
            return call(w);
        }
        return symbolRest(w, t, false);
    }

    /** Subscripts: {@code _j}, {@code _{j}}, {@code _{n,i}}, {@code _{ji}} (two), {@code _{12}} (one), {@code _{j+1}}. */
    private List<Expr> indices(Token underscore) {
        Token t = peek();
        if (t.is(Kind.OPEN, "{")) {
            int close = match[pos];
            if (close == pos + 1) {
                throw error("empty subscript", t);
            }
            if (close == pos + 4 && toks.get(pos + 1).kind() == Kind.LETTER && toks.get(pos + 2).isSymbol("=")
                    && (toks.get(pos + 3).kind() == Kind.LETTER || toks.get(pos + 3).kind() == Kind.NUMBER)) {
                // y_{k=i}: "y_k at k = i", the label of class i
                Token x = toks.get(pos + 3);
                pos = close + 1;
                return List.of(x.kind() == Kind.LETTER ? new Sym(x.value()) : new Num(new BigDecimal(x.value())));
            }
            if (close > pos + 2 && allLettersOrNumbers(pos + 1, close)) {
                List<Expr> out = new ArrayList<>();
                for (int s = pos + 1; s < close; s++) {
                    Token x = toks.get(s);
                    out.add(x.kind() == Kind.LETTER ? new Sym(x.value()) : new Num(new BigDecimal(x.value())));
                }
                pos = close + 1;
                return out;
            }
            Token open = next();
            List<Expr> out = new ArrayList<>();
            out.add(expression(open));
            while (peek().isSymbol(",")) {
                out.add(expression(next()));
            }
            expectClose(open);
            return out;
        }
        return List.of(singleToken(underscore, "a subscript"));
    }

    private boolean allLettersOrNumbers(int from, int to) {
        for (int s = from; s < to; s++) {
            Kind k = toks.get(s).kind();
            if (k != Kind.LETTER && k != Kind.NUMBER) {
                return false;
            }
        }
        return true;
    }

    /** An unbraced script or {@code \frac} argument is one token, as in TeX ({@code x^23} is x^2 3). */
    private Expr singleToken(Token before, String what) {
        Token t = peek();
        switch (t.kind()) {
            case LETTER:
                next();
                return new Sym(t.value());
            case NUMBER:
                if (!Character.isDigit(t.value().charAt(0))) {
                    throw error("put " + what + " in braces: " + before.text() + "{...}", t);
                }
                if (t.value().length() > 1) {
                    toks.set(pos, t.with(Kind.NUMBER, t.value().substring(1), 1));
                    return new Num(new BigDecimal(t.value().substring(0, 1)));
                }
                next();
                return new Num(new BigDecimal(t.value()));
            case NAME:
                next();
                return new Sym(t.value());
            case COMMAND:
                if (Vocabulary.isSymbolCommand(t.value()) || t.isCommand("\\top") || t.isCommand("\\intercal")) {
                    next();
                    return new Sym(t.value());
                }
                if (Vocabulary.DECORATIONS.containsKey(t.value()) || Vocabulary.FONTS.contains(t.value())) {
                    String base = symbolBase();
                    if (base != null) {
                        return new Sym(base);
                    }
                }
                throw error("put " + what + " in braces: " + before.text() + "{...}", t);
            case END:
                throw error("missing " + what + " after '" + before.text() + "'", before);
            default:
                throw error("missing " + what + " after '" + before.text() + "'", before);
        }
    }

    /** A superscript or similar argument: a braced expression or one token. */
    private Expr scriptArg(Token before) {
        if (peek().is(Kind.OPEN, "{")) {
            return braced(next());
        }
        return singleToken(before, "an argument");
    }

    private Expr argument(Token command, String what) {
        if (peek().is(Kind.OPEN, "{")) {
            return braced(next());
        }
        if (peek().kind() == Kind.END || peek().kind() == Kind.CLOSE) {
            throw error("missing " + what + " for " + command.text(), command);
        }
        return singleToken(command, what);
    }

    private Expr braced(Token open) {
        if (peek().kind() == Kind.CLOSE && match[pos] == pos - 1) {
            throw error("empty group '{}'", open);
        }
        Expr e = expression(open);
        expectClose(open);
        return e;
    }

    // ---------------------------------------------------------------- groups

    /** {@code ( )}, {@code [ ]}, {@code \{ \}}, {@code { }}; a bracket holding a relation is an Iverson bracket. */
    private Expr group(Token open) {
        if (peek().kind() == Kind.CLOSE && match[pos] == pos - 1) {
            throw error("empty group '" + open.text() + peek().text() + "'", open);
        }
        Expr e = expression(open);
        Token t = peek();
        if (t.isSymbol("=") || t.kind() == Kind.NOT_EQUAL) {
            if (open.value().equals("[") || open.value().equals("\\{")) {
                next();
                Expr right = expression(t);
                expectClose(open);
                return iverson(e, t, right);
            }
            throw error("a condition such as (i = j) may only end a line", t);
        }
        expectClose(open);
        return e;
    }

    private static Expr iverson(Expr left, Token op, Expr right) {
        Delta d = new Delta(left, right);
        return op.isSymbol("=") ? d : new Add(List.of(Num.of(1), new Neg(d)));
    }

    private static boolean isIversonOpen(Token t) {
        return t.kind() == Kind.OPEN && !t.value().equals("{");
    }

    private static boolean isOne(Expr e) {
        return e instanceof Num n && n.value().compareTo(BigDecimal.ONE) == 0;
    }

    /** {@code \mathbb{1}[i=j]}, {@code \mathbb{1}_{i=j}}, {@code \mathbb{1}_{\{i=j\}}}. */
    private Expr indicator(Token at) {
        Token t = next();
        Token open;
        if (t.isSymbol("_")) {
            open = next();
            if (!open.is(Kind.OPEN, "{")) {
                throw error("expected '{' after the indicator's '_'", open);
            }
        } else {
            open = t;
        }
        return relationGroup(open, at);
    }

    private Expr relationGroup(Token open, Token at) {
        if (open.value().equals("{") && isIversonOpen(peek())) {
            Expr inner = relationGroup(next(), at);
            expectClose(open);
            return inner;
        }
        Expr left = expression(open);
        Token op = next();
        if (!op.isSymbol("=") && op.kind() != Kind.NOT_EQUAL) {
            throw error("an indicator needs a relation such as i = j", op);
        }
        Expr right = expression(op);
        expectClose(open);
        return iverson(left, op, right);
    }

    private Expr blackboard(Token t) {
        if (!peek().is(Kind.OPEN, "{")) {
            throw error("expected '{' after \\mathbb", t);
        }
        Token open = next();
        int close = match[pos - 1];
        if (close > pos + 1 || close == pos + 1 && toks.get(pos).kind() == Kind.COMMAND) {
            // \\mathbb{\\theta}, \\mathbb{\\hat{y_i}}: used for bold, which carries no meaning
            pos--;
            Expr e = group(next());
            return e;
        }
        Token inner = next();
        expectClose(open);
        boolean indicatorSymbol = inner.is(Kind.NUMBER, "1") || inner.is(Kind.LETTER, "I");
        if (indicatorSymbol && (peek().isSymbol("_") || isIversonOpen(peek()))) {
            return indicator(t);
        }
        if (inner.is(Kind.NUMBER, "1")) {
            return Num.of(1);
        }
        if (inner.kind() == Kind.LETTER) {
            return symbolRest("\\mathbb{" + inner.value() + "}", t, false);
        }
        throw error("unsupported \\mathbb content", inner);
    }

    /** &#92;underbrace{body}_{label}: the label is commentary, skipped unread. */
    private Expr brace(Token t) {
        if (!peek().is(Kind.OPEN, "{")) {
            throw error("expected '{' after " + t.text(), t);
        }
        Expr body = braced(next());
        if (peek().isSymbol("_") || peek().isSymbol("^")) {
            Token script = next();
            if (peek().is(Kind.OPEN, "{")) {
                int close = match[pos];
                if (close < 0) {
                    throw error("unbalanced '{'", peek());
                }
                pos = close + 1;
            } else if (peek().kind() == Kind.END) {
                throw error("missing label after '" + script.text() + "'", script);
            } else {
                next();
            }
        }
        return body;
    }

    // ---------------------------------------------------------------- operators

    private Expr fraction(Token t) {
        if (peek().is(Kind.OPEN, "{") && match[pos] > 0 && toks.get(match[pos] + 1).is(Kind.OPEN, "{")
                && (isDifferential(pos + 1) && isDifferential(match[pos] + 2)
                    || looseDifferential(pos + 1) && toks.get(pos + 1).value().equals(toks.get(match[pos] + 2).value())
                    && looseDifferential(match[pos] + 2))) {
            return derivative(t);
        }
        Expr num = argument(t, "numerator");
        Expr den = argument(t, "denominator");
        return new Div(num, den);
    }

    /**
     * {@code \frac{\delta L}{\delta s_1}}, {@code \frac{\theta \hat{y}_i}{\theta x_j}}: a Greek letter
     * standing for the partial sign, unmistakable when it opens both the numerator and the
     * denominator and carries no script of its own ({@code \delta_{ij}} stays Kronecker's).
     */
    private boolean looseDifferential(int s) {
        Token t = toks.get(s);
        if (!t.isCommand("\\delta") && !t.isCommand("\\theta")) {
            return false;
        }
        Token n = toks.get(s + 1);
        return !n.isSymbol("_") && !n.isSymbol("^") && n.kind() != Kind.CLOSE && !n.is(Kind.OPEN, "(");
    }

    /** {@code \partial}, a bare {@code d} or {@code \mathrm{d}} (not {@code d_i}, {@code d^2}). */
    private boolean isDifferential(int s) {
        Token t = toks.get(s);
        if (t.isCommand("\\partial")) {
            return true;
        }
        if (t.is(Kind.LETTER, "d") || t.is(Kind.NAME, "d")) {
            Token n = toks.get(s + 1);
            return !n.isSymbol("_") && !n.isSymbol("^") && !n.isSymbol("'") && !n.is(Kind.OPEN, "(");
        }
        return false;
    }

    /** {@code \frac{\partial L}{\partial z_j}} or the operator form {@code \frac{\partial}{\partial z_j} X}. */
    private Expr derivative(Token frac) {
        Token open = next();
        Token d = next();
        if (peek().isSymbol("^")) {
            throw error("higher-order derivatives are not supported", peek());
        }
        Expr of = null;
        if (peek().kind() != Kind.CLOSE) {
            of = expression(d);
        }
        expectClose(open);
        Token denOpen = next();
        Token dd = next();
        Sym wrt = variable(dd);
        if (peek().kind() != Kind.CLOSE) {
            if (isDifferential(pos)) {
                throw error("higher-order derivatives are not supported", peek());
            }
        }
        expectClose(denOpen);
        if (of == null) {
            of = operand(frac, "\\frac{" + d.text() + "}{" + dd.text() + " ...}");
        }
        if (!d.isCommand("\\partial")) {
            notes.add(d.text() + " taken as \\partial (a partial derivative)");
        }
        return new Deriv(of, wrt);
    }

    private Sym variable(Token d) {
        Token at = peek();
        if (at.kind() == Kind.END || at.kind() == Kind.CLOSE) {
            throw error("missing variable after " + d.text(), d);
        }
        Expr v = factor(d);
        if (v instanceof Sym s) {
            return s;
        }
        Sym probability = probabilityCall(v);
        if (probability != null) {
            return probability;
        }
        throw error("the variable of a derivative must be a symbol", at);
    }

    /**
     * {@code \\partial \\sigma(x_i)} or {@code \\partial s(\\mathbf{x})_i}: a derivative with respect to a
     * probability written as a call of a function the reader knows is one with respect to that
     * probability, {@code \\sigma_i}; null when the call carries no single index.
     */
    private static Sym probabilityCall(Expr v) {
        if (!(v instanceof Fn f) || f.args().size() != 1 || !(f.args().get(0) instanceof Sym arg)) {
            return null;
        }
        if (f.indices().isEmpty() && !arg.indices().isEmpty() && arg.indices().stream().allMatch(Parser::plainIndex)) {
            return new Sym(f.name(), arg.indices());
        }
        if (!f.indices().isEmpty() && arg.indices().isEmpty() && f.indices().stream().allMatch(Parser::plainIndex)) {
            return new Sym(f.name(), f.indices());
        }
        return null;
    }

    private static boolean plainIndex(Expr e) {
        return e instanceof Sym s && s.isPlain() || e instanceof Num;
    }

    /** {@code \partial L / \partial z_j}. */
    private Expr slashDerivative(Token t) {
        Expr of = factor(t);
        Token slash = next();
        if (!slash.isSymbol("/")) {
            throw error("expected '/' after \\partial ... (as in \\partial L / \\partial z_j)", slash);
        }
        Token d = next();
        if (!d.isCommand("\\partial")) {
            throw error("expected \\partial after '/'", d);
        }
        return new Deriv(of, variable(d));
    }

    /**
     * The argument of an operator without parentheses: the next factor, or, when that is a
     * {@code \sum}, the rest of the product term; a parenthesised group is taken as is.
     */
    private Expr operand(Token op, String what) {
        Token t = peek();
        if (t.is(Kind.OPEN, "(")) {
            next();
            return group(t);
        }
        if (t.kind() == Kind.END || !startsFactor(t)) {
            throw error("missing argument after " + what, op);
        }
        return factor(op);
    }

    private Expr logarithm(Token t) {
        if (peek().isSymbol("_") || peek().isSymbol("^")) {
            throw error("only the natural logarithm is supported (no base or power on " + t.text() + ")", peek());
        }
        return new Log(operand(t, t.text()));
    }

    private Expr exponential(Token t) {
        if (peek().isSymbol("^")) {
            return scriptedExp(next());
        }
        return new Exp(operand(t, t.text()));
    }

    /** {@code e^{x}}, and the student typo {@code \exp^{x}}. */
    private Expr scriptedExp(Token caret) {
        Expr arg = scriptArg(caret);
        lastScriptEnd = pos;
        return new Exp(arg);
    }

    private Expr squareRoot(Token t) {
        Expr degree = null;
        if (peek().is(Kind.OPEN, "[")) {
            Token open = next();
            degree = expression(open);
            expectClose(open);
        }
        Expr radicand = argument(t, "radicand");
        return new Pow(radicand, degree == null ? new Num(HALF) : new Div(Num.of(1), degree));
    }

    /** {@code \sum_{k=1, k \neq i}^{K} body}: the body is the rest of the product term. */
    private Expr sum(Token t) {
        String index = null;
        Expr from = null;
        Expr to = null;
        List<Relation> where = new ArrayList<>();
        boolean seenTo = false;
        while (peek().isSymbol("_") || peek().isSymbol("^")) {
            Token s = next();
            if (s.isSymbol("^")) {
                if (seenTo) {
                    throw error("double superscript", s);
                }
                seenTo = true;
                if (peek().is(Kind.OPEN, "{") && toks.get(pos + 1).kind() == Kind.CLOSE) {
                    pos += 2; // \\sum_{k}^{ }: an empty upper limit is no limit
                    continue;
                }
                to = scriptArg(s);
                continue;
            }
            if (index != null) {
                throw error("double subscript", s);
            }
            if (peek().is(Kind.OPEN, "{")) {
                Token open = next();
                Token first = peek();
                Expr head = expression(open);
                index = indexName(head, first);
                if (peek().isSymbol("=")) {
                    from = expression(next());
                } else if (peek().kind() == Kind.NOT_EQUAL) {
                    Token ne = next();
                    where.add(new Relation(head, Op.NE, expression(ne)));
                }
                while (peek().isSymbol(",") || peek().isSymbol(":")) {
                    next();
                    where.add(sumRelation());
                }
                expectClose(open);
            } else {
                Token first = peek();
                index = indexName(singleToken(s, "an index"), first);
            }
        }
        if (index == null) {
            // \\sum e^{x_j}: the one letter the body is indexed by is the summation index, when that
            // letter appears nowhere else on the line (\\sum e^{x_i} next to a free i stays unread)
            int save = pos;
            int sumAt = toks.indexOf(t);
            Expr body = null;
            try {
                body = term(t);
            } catch (TexParseException e) {
                pos = save;
            }
            Set<String> letters = new java.util.TreeSet<>();
            if (body != null) {
                subscriptLetters(body, letters);
            }
            // a letter also used outside the sum (a free index of the line, j in "\\frac{dy_i}{dx_j}") is not its index
            List<String> own = new ArrayList<>();
            for (String letter : letters) {
                if (!usedOutside(letter, sumAt, pos)) {
                    own.add(letter);
                }
            }
            if (own.size() != 1) {
                pos = save;
                throw error("\\sum needs an index, e.g. \\sum_{k}", t);
            }
            return new Sum(own.get(0), from, to, new Condition(where), body);
        }
        Expr body = term(t);
        return new Sum(index, from, to, new Condition(where), body);
    }

    private boolean usedOutside(String letter, int from, int to) {
        for (int s = 0; s < toks.size(); s++) {
            if ((s < from || s >= to) && sameBareSum(s, from, to)) {
                // the same bare sum written again ("\\frac{\\sum e^{x_d} - e^{x_i}}{\\sum e^{x_d}}") binds its own letter
                s += to - from - 1;
                continue;
            }
            boolean differential = letter.equals("d") && s > 0 && toks.get(s - 1).is(Kind.OPEN, "{");
            if ((s < from || s >= to) && toks.get(s).is(Kind.LETTER, letter) && !differential) {
                return true;
            }
        }
        return false;
    }

    /** Whether the tokens at {@code at} repeat the bare sum {@code [from, to)} token for token. */
    private boolean sameBareSum(int at, int from, int to) {
        if (at + (to - from) > toks.size()) {
            return false;
        }
        for (int k = 0; k < to - from; k++) {
            Token a = toks.get(at + k);
            Token b = toks.get(from + k);
            if (a.kind() != b.kind() || !a.text().equals(b.text())) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code ln(s_k)}, {@code log(x)}, {@code exp(z)} typed without a backslash (plain-text habits):
     * the letters followed by a parenthesis are the operator. Null, nothing consumed, otherwise.
     */
    private Expr plainOperator(Token t) {
        for (String name : List.of("log", "ln", "exp")) {
            int n = name.length();
            if (pos + n >= toks.size() || !toks.get(pos + n).is(Kind.OPEN, "(")) {
                continue;
            }
            boolean spelled = true;
            for (int k = 0; k < n && spelled; k++) {
                spelled = toks.get(pos + k).is(Kind.LETTER, String.valueOf(name.charAt(k)));
            }
            if (spelled && !(pos > 0 && toks.get(pos - 1).kind() == Kind.LETTER)) {
                pos += n;
                return name.equals("exp") ? exponential(t) : logarithm(t);
            }
        }
        return null;
    }

    /** The single-letter plain subscripts used in an expression ({@code e^{x_j}} gives j). */
    private static void subscriptLetters(Expr e, Set<String> out) {
        if (e instanceof Sym s) {
            for (Expr i : s.indices()) {
                if (i instanceof Sym is && is.isPlain() && is.name().length() == 1) {
                    out.add(is.name());
                }
            }
        }
        for (Expr c : dev.gradstep.expr.Exprs.children(e)) {
            subscriptLetters(c, out);
        }
    }

    private Relation sumRelation() {
        Expr left = expression(peek());
        Token op = next();
        if (op.isSymbol("=")) {
            return new Relation(left, Op.EQ, expression(op));
        }
        if (op.kind() == Kind.NOT_EQUAL) {
            return new Relation(left, Op.NE, expression(op));
        }
        throw error("expected '=' or '\\neq' under \\sum", op);
    }

    private String indexName(Expr e, Token at) {
        if (e instanceof Sym s && s.isPlain()) {
            return s.name();
        }
        throw error("the index of a sum must be a single symbol", at);
    }

    // ---------------------------------------------------------------- plumbing

    private Token peek() {
        return toks.get(pos);
    }

    private Token next() {
        Token t = toks.get(pos);
        if (t.kind() != Kind.END) {
            pos++;
        }
        return t;
    }

    private void expectClose(Token open) {
        Token t = peek();
        if (t.kind() == Kind.CLOSE) {
            if (!t.value().equals(open.value())) {
                throw error("'" + open.text() + "' at line " + open.line() + ", column " + open.column()
                        + " is closed by '" + t.text() + "'", t);
            }
            next();
            return;
        }
        if (t.kind() == Kind.END) {
            throw error("unbalanced '" + open.text() + "'", open);
        }
        throw error("unexpected '" + t.text() + "' (expected '" + closerOf(open) + "')", t);
    }

    private static String closerOf(Token open) {
        return switch (open.value()) {
            case "(" -> ")";
            case "[" -> "]";
            case "\\{" -> "\\}";
            default -> "}";
        };
    }

    private void expectEnd() {
        Token t = peek();
        if (t.kind() == Kind.END) {
            return;
        }
        if (t.kind() == Kind.CLOSE) {
            throw error("unbalanced '" + t.text() + "'", t);
        }
        if (t.isSymbol("=")) {
            throw error("unexpected '=': a single expression is expected here", t);
        }
        if (t.kind() == Kind.NOT_EQUAL) {
            throw error("unexpected '" + t.text() + "': conditions go at the end of a line", t);
        }
        throw error("unexpected '" + t.text() + "'", t);
    }

    private TexParseException tooDeep(Token at) {
        return error("nesting too deep (more than " + MAX_DEPTH + " levels)", at);
    }

    /** Rejects trees deeper than {@link #MAX_DEPTH}; recursion is bounded by the parser's own limit. */
    private Expr checkDepth(Expr e) {
        if (treeDepth(e) > MAX_DEPTH) {
            throw tooDeep(toks.get(0));
        }
        return e;
    }

    private static int treeDepth(Expr e) {
        if (e == null) {
            return 0;
        }
        int inner = 0;
        if (e instanceof Sym s) {
            inner = maxDepth(s.indices());
        } else if (e instanceof Add a) {
            inner = maxDepth(a.terms());
        } else if (e instanceof Mul m) {
            inner = maxDepth(m.factors());
        } else if (e instanceof Neg n) {
            inner = treeDepth(n.arg());
        } else if (e instanceof Div d) {
            inner = Math.max(treeDepth(d.numerator()), treeDepth(d.denominator()));
        } else if (e instanceof Pow p) {
            inner = Math.max(treeDepth(p.base()), treeDepth(p.exponent()));
        } else if (e instanceof Exp x) {
            inner = treeDepth(x.arg());
        } else if (e instanceof Log l) {
            inner = treeDepth(l.arg());
        } else if (e instanceof Sum s) {
            inner = Math.max(Math.max(treeDepth(s.from()), treeDepth(s.to())), treeDepth(s.body()));
            for (Relation r : s.where().relations()) {
                inner = Math.max(inner, Math.max(treeDepth(r.left()), treeDepth(r.right())));
            }
        } else if (e instanceof Deriv d) {
            inner = Math.max(treeDepth(d.of()), treeDepth(d.wrt()));
        } else if (e instanceof Delta d) {
            inner = Math.max(treeDepth(d.left()), treeDepth(d.right()));
        } else if (e instanceof Fn f) {
            inner = Math.max(maxDepth(f.args()), maxDepth(f.indices()));
        }
        return 1 + inner;
    }

    private static int maxDepth(List<Expr> es) {
        int m = 0;
        for (Expr x : es) {
            m = Math.max(m, treeDepth(x));
        }
        return m;
    }

    private TexParseException error(String message, Token at) {
        return new TexParseException(message, at.line(), at.column(), at.text());
    }
}
