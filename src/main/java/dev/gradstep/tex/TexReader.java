package dev.gradstep.tex;

import dev.gradstep.expr.Condition;
import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Line;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads LaTeX as people write it into expressions. Stateless apart from its configuration, so one
 * instance may be shared between threads.
 *
 * <h2>Trees</h2>
 * <ul>
 * <li>{@code a + b - c} is {@code Add(a, b, Neg c)}, flattened left to right; a leading {@code -a b}
 * is {@code Neg(Mul(a, b))}. Parentheses keep their structure: {@code a + (b + c)} nests.</li>
 * <li>Products ({@code \cdot}, {@code \times}, {@code *}, juxtaposition) flatten into one
 * {@code Mul}. Plain letters are single-letter symbols, so {@code ab} is {@code a b}.</li>
 * <li>A slash binds the two factors next to it: {@code a b / c d} is {@code a (b/c) d}, so
 * {@code -y_i / s_i} is {@code Neg(Div(y_i, s_i))}.</li>
 * <li>Subscripts: {@code z_{n,i}} has two indices; a braced run of letters and numbers without
 * commas ({@code w_{ji}}, {@code w_{12}}) gives one index per letter and one per digit run;
 * anything else ({@code z_{j+1}}) is one index expression. Unbraced scripts take one token as in
 * TeX ({@code y_12} is {@code y_1} times 2). {@code \delta} with two indices is a {@code Delta}.</li>
 * <li>Names: {@code \theta}, {@code \hat{y}}, {@code \tilde{y}}, {@code \bar{z}}
 * ({@code \overline} and {@code \widehat} are normalised), {@code \mathcal{L}}; bold and similar
 * fonts ({@code \mathbf}, {@code \boldsymbol}, {@code \bm}, {@code \vec}) are dropped; primes join
 * the name ({@code u'}); {@code \mathrm{CE}} and {@code \text{CE}} are the multi-letter symbol
 * {@code CE}.</li>
 * <li>{@code \delta_{ij}}, {@code [i = j]}, {@code \mathbb{1}[i=j]}, {@code \mathbb{1}_{i=j}} are
 * {@code Delta(i, j)}; {@code [i \neq j]} is {@code Add(1, Neg(Delta(i, j)))}.</li>
 * <li>{@code \sqrt{x}} is {@code Pow(x, 0.5)}; {@code \sqrt[n]{x}} is {@code Pow(x, Div(1, n))}.</li>
 * <li>Transpose: {@code s^T}, {@code s^\top}, {@code J^{T}}, {@code s^{\mathrm{T}}} are
 * {@code Fn("transpose", [s])} only when the base is a symbol without indices; otherwise
 * ({@code s_i^T}, {@code (s)^T}) it is a power of the symbol {@code T}.</li>
 * </ul>
 *
 * <h2>Operator scope</h2>
 * {@code \log}, {@code \ln}, {@code \exp} without parentheses, and the operator
 * {@code \frac{\partial}{\partial z_j}} take the <em>next factor</em>: a symbol with its scripts, a
 * group, a {@code \frac}, a function call or another operator ({@code \log s_i y_i} is
 * {@code Mul(Log s_i, y_i)}). When that next factor is a {@code \sum}, it extends to the end of the
 * current product term ({@code \log \sum_k e^{z_k}} is {@code Log(Sum(..))}). A parenthesised
 * argument is taken as is: {@code \log(s_i) y_i} is {@code Mul(Log s_i, y_i)}. {@code \sum} itself
 * binds the rest of its product term: {@code \sum_i y_i \log s_i + b} is {@code Add(Sum(..), b)}.
 *
 * <h2>Functions</h2>
 * A Greek letter followed by {@code (} is always a call ({@code \sigma(x_j)}); so is an upright name
 * ({@code \operatorname{softmax}(z)_i}, {@code \mathrm{diag}(s)}). A single letter followed by a
 * parenthesised group is a call only when a subscript follows ({@code S(\mathbf{z})_i}) or when the
 * letter was registered through {@link #TexReader(Set)}; otherwise {@code s(x)} is a product.
 *
 * <h2>Lines</h2>
 * {@code LHS = R1 = R2 ...}; a leading {@code =} (or {@code &=}) makes a continuation. After the last
 * right side, a condition may follow: {@code (i = j)}, {@code \quad i \neq j}, {@code , i \ne j},
 * {@code \text{for } i \neq j}, {@code \text{if } i = c}, several joined by {@code ,} or
 * {@code \text{and}}. A final parenthesised group that holds relations between index terms is
 * always a condition. A trailing {@code \quad \text{...}} that is not a condition is a remark and
 * is dropped (so is {@code \text{otherwise}}), as are spacing, {@code &}, {@code \\},
 * {@code \label}, {@code \tag}, a final {@code .} or {@code ,}, and the labels of &#92;underbrace
 * and &#92;overbrace.
 *
 * <p>Condition sides are index terms only (a letter, Greek letter or number, joined by {@code +}/{@code -}).
 * Not supported: {@code \begin{cases}}, absolute values, higher-order derivatives, log bases.
 *
 * <h2>Errors</h2>
 * Only {@link TexParseException} escapes, with a 1-based line and column. Input is limited to
 * {@value #MAX_LENGTH} characters and trees to {@value #MAX_DEPTH} levels.
 */
public final class TexReader {

    /** Longest input accepted, in characters. */
    public static final int MAX_LENGTH = 20_000;

    /** Deepest tree accepted, in levels; deeper input is an error rather than a stack overflow. */
    public static final int MAX_DEPTH = 200;

    private final Set<String> functionNames;

    public TexReader() {
        this(Set.of());
    }

    /**
     * A reader for which these symbol names (e.g. {@code s} or {@code \sigma} when a notation says
     * the probabilities are a function) read {@code name(...)} as a call even without a subscript.
     */
    public TexReader(Set<String> functionNames) {
        this.functionNames = Set.copyOf(Objects.requireNonNull(functionNames, "functionNames"));
    }

    /**
     * Reads one line: {@code LHS = R1 [= R2 ...] [condition]} or {@code = R1 ...}.
     *
     * @throws TexParseException when the text cannot be read (the only exception thrown)
     */
    public Line readLine(String tex) {
        return guarded(tex, toks -> Parser.readLine(toks, functionNames));
    }

    /** A line as read, with how it was read where that was a choice ("d read as a partial derivative"). */
    public record Reading(Line line, List<String> notes) {
        public Reading {
            notes = List.copyOf(notes);
        }
    }

    /**
     * Reads one line as {@link #readLine} does, and says how where the text allowed a choice.
     *
     * @throws TexParseException when the text cannot be read
     */
    public Reading read(String tex) {
        List<String> notes = new java.util.ArrayList<>();
        Line line = guarded(tex, toks -> Parser.readLine(toks, functionNames, notes));
        return new Reading(line, notes);
    }

    /** Reads a row of a document as {@link #read(String)} does (a case's condition is {@link #withCase}'s). */
    public Reading read(TexDocument.Row row) {
        return read(row.text());
    }

    /**
     * A case of a {@code \\begin{cases}} holds under its condition: the one written beside it, or for
     * {@code \\text{otherwise}} the opposite of the one other case's single relation. A case whose
     * condition cannot be read is unreadable, never checked for all indices.
     *
     * @throws TexParseException when the case's condition cannot be read
     */
    public Line withCase(Line line, TexDocument.Row row) {
        TexDocument.Case of = row.of();
        if (of == null) {
            return line;
        }
        int column = row.text().indexOf(row.text().trim()) + 1;
        if (of.condition() == null) {
            if (of.others().size() == 1 && !of.others().get(0).isEmpty()) {
                Condition other = readCondition(of.others().get(0));
                if (other.relations().size() == 1) {
                    Condition.Relation r = other.relations().get(0);
                    Condition.Op not = r.op() == Condition.Op.EQ ? Condition.Op.NE : Condition.Op.EQ;
                    return new Line(line.lhs(), line.rights(), Condition.of(new Condition.Relation(r.left(), not, r.right())));
                }
            }
            throw new TexParseException("'otherwise' here is more than the opposite of one condition: state this case's"
                    + " condition (e.g. i \\neq j)", 1, column, "otherwise");
        }
        if (of.condition().isEmpty()) {
            if (!line.condition().isAlways()) {
                return line;
            }
            throw new TexParseException("this case states no condition (write it after '&', e.g. & i = j)", 1, column, "");
        }
        return new Line(line.lhs(), line.rights(), readCondition(of.condition()));
    }

    /**
     * Reads a condition on the indices alone ({@code i = j}, {@code \\text{if } i \\neq j}): a case of
     * {@code \\begin{cases}}, a range stated after a line.
     *
     * @throws TexParseException when the text is not such a condition
     */
    public Condition readCondition(String tex) {
        return guarded(tex, toks -> Parser.readCondition(toks, functionNames));
    }

    /**
     * Reads a single expression (no {@code =}, no trailing condition).
     *
     * @throws TexParseException when the text cannot be read (the only exception thrown)
     */
    public Expr readExpr(String tex) {
        return guarded(tex, toks -> Parser.readExpr(toks, functionNames));
    }

    private static <T> T guarded(String tex, Function<List<Token>, T> parse) {
        if (tex == null) {
            throw new TexParseException("no input", 1, 1, "");
        }
        if (tex.length() > MAX_LENGTH) {
            throw new TexParseException("input too long (" + tex.length() + " characters; the limit is "
                    + MAX_LENGTH + ")", 1, 1, "");
        }
        try {
            return parse.apply(Lexer.tokenize(tex));
        } catch (TexParseException e) {
            throw e;
        } catch (StackOverflowError e) {
            // a safety net only: the parser's own depth limit normally fires first
            throw new TexParseException("nesting too deep", 1, 1, "");
        } catch (RuntimeException e) {
            // a safety net so callers only ever handle one exception type; tests assert it never fires
            throw new TexParseException("internal error while reading: " + e, 1, 1, "");
        }
    }
}
