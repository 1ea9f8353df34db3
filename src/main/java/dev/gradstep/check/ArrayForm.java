package dev.gradstep.check;

import dev.gradstep.derivation.Definition;
import dev.gradstep.derivation.Notation;
import dev.gradstep.expr.Condition;
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
import dev.gradstep.expr.Exprs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Vector and matrix notation ({@code \operatorname{diag}(s) - s s^T}, {@code J^T \partial L / \partial s},
 * {@code (S - Y)/N}) rewritten as index notation, entry by entry, so the index checker needs nothing new.
 *
 * <p>Shapes: the logits, probabilities and labels without an index are column vectors of K entries
 * (N x K matrices in a batch); a symbol defined with indices ({@code S_{n,k} = ...}) used without
 * them is the array of its entries; a symbol defined as an array ({@code J = ...}) has the shape of
 * its meaning. Products of arrays are matrix products, {@code ^T} transposes, {@code \operatorname{diag}}
 * makes a diagonal matrix, and quotients, {@code \log}, {@code \exp} and powers of arrays act entry by
 * entry (a scalar added to an array is added to every entry). {@code \partial f / \partial v} with a
 * vector v has the shape of v for a scalar f (the gradient as a column) and is the Jacobian
 * ({@code J_{ij} = \partial f_i / \partial v_j}) for a vector f.
 */
final class ArrayForm {

    /** The length of one side of an array: 1, the class count K or the batch size N. */
    enum Dim { ONE, CLASSES, BATCH }

    /** Rows and columns; ONE x ONE is a scalar. */
    record Shape(Dim rows, Dim cols) {
        static final Shape SCALAR = new Shape(Dim.ONE, Dim.ONE);

        boolean isScalar() {
            return rows == Dim.ONE && cols == Dim.ONE;
        }

        Shape transposed() {
            return new Shape(cols, rows);
        }

        String describe(Notation n) {
            if (isScalar()) {
                return "a number";
            }
            if (cols == Dim.ONE) {
                return "a column vector of " + size(rows, n) + " entries";
            }
            if (rows == Dim.ONE) {
                return "a row vector of " + size(cols, n) + " entries";
            }
            return "a " + size(rows, n) + " x " + size(cols, n) + " matrix";
        }

        private static String size(Dim d, Notation n) {
            return switch (d) {
                case ONE -> "1";
                case CLASSES -> n.classes();
                case BATCH -> n.batch();
            };
        }
    }

    private static final List<String> FRESH = List.of("i", "j", "k", "l", "m", "n", "p", "q", "r", "u", "v", "a", "b");
    private static final Expr FIRST = Exprs.ONE;

    private final Notation notation;
    private final Map<String, Definition> definitions = new HashMap<>();
    private final Set<String> used = new HashSet<>();

    private ArrayForm(Notation notation, List<Definition> definitions) {
        this.notation = notation;
        for (Definition d : definitions) {
            this.definitions.put(d.symbol().name(), d);
            collectNames(d.value());
            collectNames(d.symbol());
        }
        for (String name : new String[] {notation.classes(), notation.batch(), notation.onehot()}) {
            if (name != null) {
                used.add(name);
            }
        }
    }

    /**
     * The link in index notation: unchanged when no side holds an array; otherwise every side is
     * replaced by its entry at fresh free indices (which the checker then runs over every case).
     *
     * @throws Instantiator.InstantiationException when the sides' shapes do not fit together
     */
    static Chains.Link indexForm(Chains.Link link, Notation notation, List<Definition> definitions) {
        ArrayForm f = new ArrayForm(notation, definitions);
        List<Expr> sides = DerivationChecker.sides(link);
        if (sides.stream().noneMatch(f::mentionsArray)) {
            return link;
        }
        for (Expr e : sides) {
            f.collectNames(e);
        }
        Shape shape = f.shape(link.chainLeft());
        for (Expr e : sides) {
            Shape s = f.shape(e);
            if (!s.equals(shape)) {
                throw new Instantiator.InstantiationException("the two sides do not have the same shape: "
                        + shape.describe(notation) + " and " + s.describe(notation));
            }
        }
        Expr row = shape.rows() == Dim.ONE ? FIRST : new Sym(f.fresh());
        Expr col = shape.cols() == Dim.ONE ? FIRST : new Sym(f.fresh());
        List<Expr> rights = new ArrayList<>();
        for (Expr r : link.rights()) {
            rights.add(f.entry(r, row, col));
        }
        return new Chains.Link(link.step(), f.entry(link.chainLeft(), row, col),
                link.previous() == null ? null : f.entry(link.previous(), row, col), rights, link.condition());
    }

    // ---------------------------------------------------------------- shapes

    private boolean mentionsArray(Expr e) {
        try {
            return e != null && containsArray(e);
        } catch (Instantiator.InstantiationException ex) {
            return true;
        }
    }

    private boolean containsArray(Expr e) {
        if (!shape(e).isScalar()) {
            return true;
        }
        if (e instanceof Add a) {
            return a.terms().stream().anyMatch(this::containsArray);
        }
        if (e instanceof Mul m) {
            return m.factors().stream().anyMatch(this::containsArray);
        }
        if (e instanceof Neg n) {
            return containsArray(n.arg());
        }
        if (e instanceof Div d) {
            return containsArray(d.numerator()) || containsArray(d.denominator());
        }
        if (e instanceof Pow p) {
            return containsArray(p.base());
        }
        if (e instanceof Exp x) {
            return containsArray(x.arg());
        }
        if (e instanceof Log l) {
            return containsArray(l.arg());
        }
        if (e instanceof Sum s) {
            return containsArray(s.body());
        }
        if (e instanceof Deriv d) {
            return containsArray(d.of()) || !shape(d.wrt()).isScalar();
        }
        if (e instanceof Sym s && !s.isPlain()) {
            Definition def = definitions.get(s.name());
            return def != null && def.symbol().isPlain() && !shape(def.value()).isScalar();
        }
        return false;
    }

    private boolean isVectorName(String name) {
        return name.equals(notation.logits()) || name.equals(notation.probs()) || name.equals(notation.labels());
    }

    private Shape vectorShape() {
        return notation.batch() != null ? new Shape(Dim.BATCH, Dim.CLASSES) : new Shape(Dim.CLASSES, Dim.ONE);
    }

    Shape shape(Expr e) {
        if (e instanceof Sym s) {
            return symbolShape(s);
        }
        if (e instanceof Add a) {
            Shape out = Shape.SCALAR;
            for (Expr t : a.terms()) {
                Shape s = shape(t);
                if (s.isScalar()) {
                    continue;
                }
                if (!out.isScalar() && !out.equals(s)) {
                    throw mismatch("add", out, s);
                }
                out = s;
            }
            return out;
        }
        if (e instanceof Mul m) {
            Shape out = Shape.SCALAR;
            for (Expr f : m.factors()) {
                out = product(out, shape(f));
            }
            return out;
        }
        if (e instanceof Neg n) {
            return shape(n.arg());
        }
        if (e instanceof Div d) {
            Shape top = shape(d.numerator());
            Shape bottom = shape(d.denominator());
            if (bottom.isScalar()) {
                return top;
            }
            if (top.isScalar() || top.equals(bottom)) {
                return bottom;
            }
            throw mismatch("divide entry by entry", top, bottom);
        }
        if (e instanceof Pow p) {
            Shape base = shape(p.base());
            if (!base.isScalar() && isTransposeMark(p.exponent())) {
                return base.transposed();
            }
            return base;
        }
        if (e instanceof Exp x) {
            return shape(x.arg());
        }
        if (e instanceof Log l) {
            return shape(l.arg());
        }
        if (e instanceof Sum s) {
            return shape(s.body());
        }
        if (e instanceof Deriv d) {
            Shape of = shape(d.of());
            Shape wrt = shape(d.wrt());
            if (of.isScalar()) {
                return wrt;
            }
            if (wrt.isScalar()) {
                return of;
            }
            if (of.cols() == Dim.ONE && wrt.cols() == Dim.ONE) {
                return new Shape(of.rows(), wrt.rows());
            }
            throw new Instantiator.InstantiationException("a derivative of " + of.describe(notation)
                    + " with respect to " + wrt.describe(notation) + " is not supported");
        }
        if (e instanceof Fn f) {
            return functionShape(f);
        }
        return Shape.SCALAR;
    }

    private Shape symbolShape(Sym s) {
        Definition def = definitions.get(s.name());
        if (!s.isPlain()) {
            return Shape.SCALAR;
        }
        if (def != null) {
            if (def.symbol().isPlain()) {
                return shape(def.value());
            }
            List<Dim> dims = new ArrayList<>();
            Set<String> rows = rowIndicesOf(def);
            for (Expr i : def.symbol().indices()) {
                dims.add(rows.contains(((Sym) i).name()) ? Dim.BATCH : Dim.CLASSES);
            }
            if (dims.size() > 2) {
                throw new Instantiator.InstantiationException("'" + s.name() + "' has more than two indices: give them");
            }
            return new Shape(dims.get(0), dims.size() == 2 ? dims.get(1) : Dim.ONE);
        }
        return isVectorName(s.name()) ? vectorShape() : Shape.SCALAR;
    }

    private Set<String> rowIndicesOf(Definition def) {
        if (notation.batch() == null) {
            return Set.of();
        }
        return new Instantiator(notation, 2, 2, List.of(), true).rowIndices(List.of(def.value()));
    }

    private Shape functionShape(Fn f) {
        if (f.name().equals("transpose")) {
            return shape(f.args().get(0)).transposed();
        }
        if (f.name().equals("diag") && f.args().size() == 1) {
            Shape v = shape(f.args().get(0));
            if (v.cols() != Dim.ONE || v.isScalar()) {
                throw new Instantiator.InstantiationException("diag(..) needs a column vector, not " + v.describe(notation));
            }
            return new Shape(v.rows(), v.rows());
        }
        if (isSoftmaxOfVector(f)) {
            return vectorShape();
        }
        return Shape.SCALAR;
    }

    /** {@code \operatorname{softmax}(\mathbf{z})} or {@code s(z)} without an index: the probability vector. */
    private boolean isSoftmaxOfVector(Fn f) {
        return (f.name().equals("softmax") || f.name().equals(notation.probs())) && f.indices().isEmpty()
                && f.args().size() == 1 && f.args().get(0) instanceof Sym a && a.isPlain()
                && a.name().equals(notation.logits()) && notation.batch() == null;
    }

    private static boolean isTransposeMark(Expr e) {
        return e instanceof Sym s && s.isPlain() && (s.name().equals("T") || s.name().equals("\\top"));
    }

    private Shape product(Shape a, Shape b) {
        if (a.isScalar()) {
            return b;
        }
        if (b.isScalar()) {
            return a;
        }
        if (a.cols() != b.rows()) {
            throw mismatch("multiply", a, b);
        }
        return new Shape(a.rows(), b.cols());
    }

    private Instantiator.InstantiationException mismatch(String what, Shape a, Shape b) {
        return new Instantiator.InstantiationException("cannot " + what + " " + a.describe(notation) + " and "
                + b.describe(notation));
    }

    // ---------------------------------------------------------------- entries

    /** The entry (row, col) of an expression, in index notation; for a scalar, the expression itself rewritten. */
    Expr entry(Expr e, Expr row, Expr col) {
        if (!containsArray(e)) {
            return e;
        }
        if (e instanceof Sym s) {
            return symbolEntry(s, row, col);
        }
        if (e instanceof Add a) {
            List<Expr> terms = new ArrayList<>();
            for (Expr t : a.terms()) {
                terms.add(entry(t, row, col));
            }
            return new Add(terms);
        }
        if (e instanceof Mul m) {
            return productEntry(m.factors(), row, col);
        }
        if (e instanceof Neg n) {
            return new Neg(entry(n.arg(), row, col));
        }
        if (e instanceof Div d) {
            return new Div(entry(d.numerator(), row, col), entry(d.denominator(), row, col));
        }
        if (e instanceof Pow p) {
            if (!shape(p.base()).isScalar() && isTransposeMark(p.exponent())) {
                return entry(p.base(), col, row);
            }
            return new Pow(entry(p.base(), row, col), p.exponent());
        }
        if (e instanceof Exp x) {
            return new Exp(entry(x.arg(), row, col));
        }
        if (e instanceof Log l) {
            return new Log(entry(l.arg(), row, col));
        }
        if (e instanceof Sum s) {
            return new Sum(s.index(), s.from(), s.to(), s.where(), entry(s.body(), row, col));
        }
        if (e instanceof Deriv d) {
            return derivativeEntry(d, row, col);
        }
        if (e instanceof Fn f) {
            return functionEntry(f, row, col);
        }
        return e;
    }

    private Expr symbolEntry(Sym s, Expr row, Expr col) {
        Definition def = definitions.get(s.name());
        if (!s.isPlain()) {
            // J_{ij} where J is defined as a matrix: one index per side longer than 1
            Shape shape = shape(def.value());
            int sides = (shape.rows() == Dim.ONE ? 0 : 1) + (shape.cols() == Dim.ONE ? 0 : 1);
            if (s.indices().size() != sides) {
                throw new Instantiator.InstantiationException("'" + s.name() + "' is " + shape.describe(notation)
                        + ": give it " + sides + (sides == 1 ? " index" : " indices"));
            }
            Expr r = shape.rows() == Dim.ONE ? FIRST : s.indices().get(0);
            Expr c = shape.cols() == Dim.ONE ? FIRST : s.indices().get(sides - 1);
            return entry(def.value(), r, c);
        }
        if (def != null && def.symbol().isPlain()) {
            return entry(def.value(), row, col);
        }
        Shape shape = symbolShape(s);
        List<Expr> idx = new ArrayList<>();
        if (shape.rows() != Dim.ONE) {
            idx.add(row);
        }
        if (shape.cols() != Dim.ONE) {
            idx.add(col);
        }
        return new Sym(s.name(), idx);
    }

    /** Scalars factor out; neighbouring arrays multiply as matrices, summing over a fresh index. */
    private Expr productEntry(List<Expr> factors, Expr row, Expr col) {
        List<Expr> scalars = new ArrayList<>();
        List<Expr> arrays = new ArrayList<>();
        for (Expr f : factors) {
            if (shape(f).isScalar()) {
                scalars.add(entry(f, FIRST, FIRST));
            } else {
                arrays.add(f);
            }
        }
        if (!arrays.isEmpty()) {
            scalars.add(chainEntry(arrays, row, col));
        }
        return scalars.size() == 1 ? scalars.get(0) : new Mul(scalars);
    }

    private Expr chainEntry(List<Expr> arrays, Expr row, Expr col) {
        if (arrays.size() == 1) {
            return entry(arrays.get(0), row, col);
        }
        Expr first = arrays.get(0);
        List<Expr> rest = arrays.subList(1, arrays.size());
        Dim inner = shape(first).cols();
        Expr restEntry;
        if (inner == Dim.ONE) {
            restEntry = chainEntry(rest, FIRST, col);
            return Exprs.mul(entry(first, row, FIRST), restEntry);
        }
        String k = fresh();
        Sym index = new Sym(k);
        Expr body = Exprs.mul(entry(first, row, index), chainEntry(rest, index, col));
        Expr to = inner == Dim.BATCH ? new Sym(notation.batch()) : new Sym(notation.classes());
        return new Sum(k, Exprs.ONE, to, Condition.ALWAYS, body);
    }

    private Expr derivativeEntry(Deriv d, Expr row, Expr col) {
        Shape of = shape(d.of());
        Shape wrt = shape(d.wrt());
        if (wrt.isScalar()) {
            return new Deriv(entry(d.of(), row, col), d.wrt());
        }
        Expr variable;
        Expr function;
        if (of.isScalar()) {
            variable = entry(d.wrt(), row, col);
            function = entry(d.of(), FIRST, FIRST);
        } else {
            variable = entry(d.wrt(), col, FIRST);
            function = entry(d.of(), row, FIRST);
        }
        if (!(variable instanceof Sym v)) {
            throw new Instantiator.InstantiationException("cannot differentiate with respect to an entry of "
                    + d.wrt() + ": it is not a variable");
        }
        return new Deriv(function, v);
    }

    private Expr functionEntry(Fn f, Expr row, Expr col) {
        if (f.name().equals("transpose")) {
            return entry(f.args().get(0), col, row);
        }
        if (f.name().equals("diag")) {
            return Exprs.mul(new Delta(row, col), entry(f.args().get(0), row, FIRST));
        }
        if (isSoftmaxOfVector(f)) {
            return new Sym(notation.probs(), List.of(row));
        }
        return f;
    }

    // ---------------------------------------------------------------- fresh indices

    private String fresh() {
        for (String name : FRESH) {
            if (used.add(name)) {
                return name;
            }
        }
        for (int n = 1; ; n++) {
            String name = "i" + n;
            if (used.add(name)) {
                return name;
            }
        }
    }

    /** Every name in the link, so fresh indices never capture one the author wrote. */
    private void collectNames(Expr e) {
        if (e == null) {
            return;
        }
        if (e instanceof Sym s) {
            used.add(s.name());
            s.indices().forEach(this::collectNames);
        } else if (e instanceof Add a) {
            a.terms().forEach(this::collectNames);
        } else if (e instanceof Mul m) {
            m.factors().forEach(this::collectNames);
        } else if (e instanceof Neg n) {
            collectNames(n.arg());
        } else if (e instanceof Div d) {
            collectNames(d.numerator());
            collectNames(d.denominator());
        } else if (e instanceof Pow p) {
            collectNames(p.base());
            collectNames(p.exponent());
        } else if (e instanceof Exp x) {
            collectNames(x.arg());
        } else if (e instanceof Log l) {
            collectNames(l.arg());
        } else if (e instanceof Sum s) {
            used.add(s.index());
            collectNames(s.from());
            collectNames(s.to());
            collectNames(s.body());
            for (Condition.Relation r : s.where().relations()) {
                collectNames(r.left());
                collectNames(r.right());
            }
        } else if (e instanceof Deriv d) {
            collectNames(d.of());
            collectNames(d.wrt());
        } else if (e instanceof Delta d) {
            collectNames(d.left());
            collectNames(d.right());
        } else if (e instanceof Fn f) {
            f.args().forEach(this::collectNames);
            f.indices().forEach(this::collectNames);
        }
    }
}
