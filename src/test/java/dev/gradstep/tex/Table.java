package dev.gradstep.tex;

import static dev.gradstep.tex.Trees.*;

import dev.gradstep.expr.Condition;
import dev.gradstep.expr.Expr;
import dev.gradstep.expr.Expr.Sym;
import dev.gradstep.expr.Line;
import java.util.ArrayList;
import java.util.List;

/** Input LaTeX and the tree it must give: every notation of math.md and of the reader's contract. */
final class Table {

    private Table() {
    }

    record ExprCase(String name, String tex, Expr expected) {
        @Override
        public String toString() {
            return name + ": " + tex;
        }
    }

    record LineCase(String name, String tex, Line expected) {
        @Override
        public String toString() {
            return name + ": " + tex;
        }
    }

    private static final Sym A = s("a");
    private static final Sym B = s("b");
    private static final Sym C = s("c");
    private static final Sym X = s("x");
    private static final Sym L = s("L");
    private static final Sym K = s("K");
    private static final Sym ZJ = s("z", "j");
    private static final Sym ZI = s("z", "i");
    private static final Sym SI = s("s", "i");
    private static final Sym SJ = s("s", "j");
    private static final Sym YI = s("y", "i");
    private static final Sym YJ = s("y", "j");
    private static final Expr SUM_EXP = sum("k", exp(s("z", "k")));

    static List<ExprCase> exprs() {
        List<ExprCase> t = new ArrayList<>();
        // numbers and symbols
        t.add(new ExprCase("integer", "2", n(2)));
        t.add(new ExprCase("decimal", "0.5", n("0.5")));
        t.add(new ExprCase("indexed", "z_j", ZJ));
        t.add(new ExprCase("bracedIndex", "z_{j}", ZJ));
        t.add(new ExprCase("numericIndex", "y_1", s("y", 1)));
        t.add(new ExprCase("commaIndices", "X_{n,i}", s("X", "n", "i")));
        t.add(new ExprCase("batchRow", "X_n", s("X", "n")));
        t.add(new ExprCase("labelMatrix", "Y_{n,k}", s("Y", "n", "k")));
        t.add(new ExprCase("indexExpression", "z_{j+1}", s("z", add(s("j"), n(1)))));
        t.add(new ExprCase("letterRunIndices", "w_{ji}", s("w", "j", "i")));
        t.add(new ExprCase("digitRunIsOneIndex", "w_{12}", s("w", 12)));
        t.add(new ExprCase("greekBase", "\\theta_i", s("\\theta", "i")));
        t.add(new ExprCase("greekPlain", "\\sigma", s("\\sigma")));
        t.add(new ExprCase("hat", "\\hat{y}_i", s("\\hat{y}", "i")));
        t.add(new ExprCase("hatUnbraced", "\\hat y_i", s("\\hat{y}", "i")));
        t.add(new ExprCase("tilde", "\\tilde{y}", s("\\tilde{y}")));
        t.add(new ExprCase("bar", "\\bar{z}", s("\\bar{z}")));
        t.add(new ExprCase("boldDropped", "\\mathbf{z}_i", s("z", "i")));
        t.add(new ExprCase("boldsymbolDropped", "\\boldsymbol{z}", s("z")));
        t.add(new ExprCase("bmDropped", "\\bm{z}", s("z")));
        t.add(new ExprCase("boldLabel", "\\mathbf{y}_i", s("y", "i")));
        t.add(new ExprCase("hatOfBold", "\\hat{\\mathbf{y}}_i", s("\\hat{y}", "i")));
        t.add(new ExprCase("prime", "u'", s("u'")));
        t.add(new ExprCase("juxtaposedLetters", "ab", mul(A, B)));
        t.add(new ExprCase("logitsX", "x_j", s("x", "j")));
        t.add(new ExprCase("logitsTheta", "\\theta_j", s("\\theta", "j")));
        t.add(new ExprCase("logitsA", "a_j", s("a", "j")));
        t.add(new ExprCase("logitsO", "o_j", s("o", "j")));
        t.add(new ExprCase("probsP", "p_i", s("p", "i")));
        t.add(new ExprCase("probsQ", "q_i", s("q", "i")));
        t.add(new ExprCase("labelsT", "t_i", s("t", "i")));
        t.add(new ExprCase("mathrmWord", "L_{\\mathrm{CE}}", s("L", s("CE"))));
        t.add(new ExprCase("mathcal", "\\mathcal{L}", s("\\mathcal{L}")));
        // arithmetic
        t.add(new ExprCase("addFlattens", "a + b - c", add(A, B, neg(C))));
        t.add(new ExprCase("leadingMinus", "-a", neg(A)));
        t.add(new ExprCase("leadingMinusTakesProduct", "-a b", neg(mul(A, B))));
        t.add(new ExprCase("cdot", "a \\cdot b", mul(A, B)));
        t.add(new ExprCase("times", "a \\times b", mul(A, B)));
        t.add(new ExprCase("parenFactor", "a(b)", mul(A, B)));
        t.add(new ExprCase("mulFlattens", "a \\cdot b c", mul(A, B, C)));
        t.add(new ExprCase("frac", "\\frac{a}{b}", div(A, B)));
        t.add(new ExprCase("fracDigits", "\\frac12", div(n(1), n(2))));
        t.add(new ExprCase("dfrac", "\\dfrac{a}{b}", div(A, B)));
        t.add(new ExprCase("slash", "a / b", div(A, B)));
        t.add(new ExprCase("slashIsTight", "-y_i / s_i", neg(div(YI, SI))));
        t.add(new ExprCase("power", "a^{b}", pow(A, B)));
        t.add(new ExprCase("powerOfIndexed", "z_j^2", pow(ZJ, n(2))));
        t.add(new ExprCase("eToThe", "e^{x}", exp(X)));
        t.add(new ExprCase("eToTheUnbraced", "e^z", exp(s("z"))));
        t.add(new ExprCase("expParen", "\\exp(x)", exp(X)));
        t.add(new ExprCase("expBare", "\\exp x", exp(X)));
        t.add(new ExprCase("expBraced", "\\exp{x}", exp(X)));
        t.add(new ExprCase("expCaretTypo", "\\exp^{x}", exp(X)));
        t.add(new ExprCase("log", "\\log x", log(X)));
        t.add(new ExprCase("lnIsNatural", "\\ln x", log(X)));
        t.add(new ExprCase("sqrt", "\\sqrt{x}", pow(X, n("0.5"))));
        t.add(new ExprCase("parens", "(a+b)c", mul(add(A, B), C)));
        t.add(new ExprCase("brackets", "[a+b]c", mul(add(A, B), C)));
        t.add(new ExprCase("braceDelims", "\\{a+b\\}c", mul(add(A, B), C)));
        t.add(new ExprCase("leftRight", "\\left(a+b\\right)c", mul(add(A, B), C)));
        t.add(new ExprCase("bigl", "\\bigl(a+b\\bigr)c", mul(add(A, B), C)));
        t.add(new ExprCase("Big", "\\Big(a+b\\Big)c", mul(add(A, B), C)));
        t.add(new ExprCase("nestedAddKept", "a + (b + c)", add(A, add(B, C))));
        // Kronecker delta and Iverson brackets
        t.add(new ExprCase("delta", "\\delta_{ij}", delta("i", "j")));
        t.add(new ExprCase("deltaComma", "\\delta_{i,j}", delta("i", "j")));
        t.add(new ExprCase("deltaSpace", "\\delta_{i j}", delta("i", "j")));
        t.add(new ExprCase("iverson", "[i = j]", delta("i", "j")));
        t.add(new ExprCase("indicatorBracket", "\\mathbb{1}[i=j]", delta("i", "j")));
        t.add(new ExprCase("indicatorSubscript", "\\mathbb{1}_{i=j}", delta("i", "j")));
        t.add(new ExprCase("indicatorSet", "\\mathbb{1}_{\\{i=j\\}}", delta("i", "j")));
        t.add(new ExprCase("iversonNotEqual", "[i \\neq j]", add(n(1), neg(delta("i", "j")))));
        // operator scope
        t.add(new ExprCase("logOfSum", "\\log \\sum_k e^{z_k}", log(SUM_EXP)));
        t.add(new ExprCase("sumBindsProductTerm", "\\sum_i y_i \\log s_i + b",
                add(sum("i", mul(YI, log(SI))), B)));
        t.add(new ExprCase("logParenTakesGroup", "\\log(s_i) y_i", mul(log(SI), YI)));
        t.add(new ExprCase("logTakesNextFactor", "\\log s_i y_i", mul(log(SI), YI)));
        t.add(new ExprCase("expTakesNextFactor", "\\exp z_i + 1", add(exp(ZI), n(1))));
        t.add(new ExprCase("logOfHat", "\\log \\hat{y}_i", log(s("\\hat{y}", "i"))));
        t.add(new ExprCase("logOfFrac", "\\log \\frac{a}{b} c", mul(log(div(A, B)), C)));
        t.add(new ExprCase("logOfLog", "\\log \\log x", log(log(X))));
        t.add(new ExprCase("derivOperatorOfSum", "\\frac{\\partial}{\\partial z_j} \\sum_k e^{z_k} + 1",
                add(d(SUM_EXP, ZJ), n(1))));
        t.add(new ExprCase("minusLogSum", "-\\log \\sum_k e^{z_k}", neg(log(SUM_EXP))));
        // sums
        t.add(new ExprCase("sumBare", "\\sum_k x_k", sum("k", s("x", "k"))));
        t.add(new ExprCase("sumBraced", "\\sum_{k} x_k", sum("k", s("x", "k"))));
        t.add(new ExprCase("sumRange", "\\sum_{k=1}^{K} x_k", sum("k", n(1), K, null, s("x", "k"))));
        t.add(new ExprCase("sumRangeUnbraced", "\\sum_{k=1}^K x_k", sum("k", n(1), K, null, s("x", "k"))));
        t.add(new ExprCase("sumNeq", "\\sum_{i \\neq j} x_i", sum("i", null, null, when(ne("i", "j")), s("x", "i"))));
        t.add(new ExprCase("sumNe", "\\sum_{i \\ne j} x_i", sum("i", null, null, when(ne("i", "j")), s("x", "i"))));
        t.add(new ExprCase("sumColon", "\\sum_{i: i \\neq j} x_i",
                sum("i", null, null, when(ne("i", "j")), s("x", "i"))));
        t.add(new ExprCase("sumRangeExcluding", "\\sum_{k=1, k \\neq i}^{K} x_k",
                sum("k", n(1), K, when(ne("k", "i")), s("x", "k"))));
        t.add(new ExprCase("sumExcludingWithTop", "\\sum_{k \\neq i}^{K} x_k",
                sum("k", null, K, when(ne("k", "i")), s("x", "k"))));
        t.add(new ExprCase("sumLimits", "\\sum\\limits_{k=1}^{K} x_k", sum("k", n(1), K, null, s("x", "k"))));
        t.add(new ExprCase("sumOfSum", "\\sum_n \\sum_k Y_{n,k}", sum("n", sum("k", s("Y", "n", "k")))));
        t.add(new ExprCase("sumNegatedBody", "\\sum_k -x_k", sum("k", neg(s("x", "k")))));
        // derivatives
        t.add(new ExprCase("partialFrac", "\\frac{\\partial L}{\\partial z_j}", d(L, ZJ)));
        t.add(new ExprCase("partialOfProb", "\\frac{\\partial s_i}{\\partial z_j}", d(SI, ZJ)));
        t.add(new ExprCase("partialOfExp", "\\frac{\\partial e^{z_i}}{\\partial z_j}", d(exp(ZI), ZJ)));
        t.add(new ExprCase("partialOperatorGroup", "\\frac{\\partial}{\\partial z_j}\\left( a + b \\right)",
                d(add(A, B), ZJ)));
        t.add(new ExprCase("partialOperatorFactor", "\\frac{\\partial}{\\partial z_j} X", d(s("X"), ZJ)));
        t.add(new ExprCase("partialSlash", "\\partial L / \\partial z_j", d(L, ZJ)));
        t.add(new ExprCase("dFrac", "\\frac{d L}{d z_j}", d(L, ZJ)));
        t.add(new ExprCase("dFracTight", "\\frac{dL}{dz_j}", d(L, ZJ)));
        t.add(new ExprCase("mathrmD", "\\frac{\\mathrm{d} L}{\\mathrm{d} z_j}", d(L, ZJ)));
        t.add(new ExprCase("partialBoldVar", "\\frac{\\partial L}{\\partial \\mathbf{z}}", d(L, s("z"))));
        t.add(new ExprCase("partialWeight", "\\frac{\\partial L}{\\partial w_{ji}}", d(L, s("w", "j", "i"))));
        t.add(new ExprCase("partialHat", "\\frac{\\partial L}{\\partial \\hat{y}_i}", d(L, s("\\hat{y}", "i"))));
        t.add(new ExprCase("fracOfDsIsDiv", "\\frac{d_1}{d_2}", div(s("d", 1), s("d", 2))));
        // functions
        t.add(new ExprCase("sigmaCall", "\\sigma(x_j)", fn("\\sigma", List.of(s("x", "j")), List.of())));
        t.add(new ExprCase("operatornameSoftmax", "\\operatorname{softmax}(z)_i",
                fn("softmax", List.of(s("z")), List.of(s("i")))));
        t.add(new ExprCase("mathrmSoftmax", "\\mathrm{softmax}(\\mathbf{z})_i",
                fn("softmax", List.of(s("z")), List.of(s("i")))));
        t.add(new ExprCase("textSoftmax", "\\text{softmax}(z)_i", fn("softmax", List.of(s("z")), List.of(s("i")))));
        t.add(new ExprCase("letterCallS", "S(\\mathbf{z})_i", fn("S", List.of(s("z")), List.of(s("i")))));
        t.add(new ExprCase("letterCallSmallS", "s(\\mathbf{x})_i", fn("s", List.of(s("x")), List.of(s("i")))));
        t.add(new ExprCase("letterCallBatch", "s(X_n)_k", fn("s", List.of(s("X", "n")), List.of(s("k")))));
        t.add(new ExprCase("letterWithoutSubscriptIsProduct", "s(x)", mul(s("s"), X)));
        t.add(new ExprCase("diag", "\\operatorname{diag}(s)", fn("diag", List.of(s("s")), List.of())));
        t.add(new ExprCase("transposeT", "s^T", transpose(s("s"))));
        t.add(new ExprCase("transposeTop", "s^\\top", transpose(s("s"))));
        t.add(new ExprCase("transposeBraced", "J^{T}", transpose(s("J"))));
        t.add(new ExprCase("transposeMathrm", "s^{\\mathrm{T}}", transpose(s("s"))));
        t.add(new ExprCase("indexedTIsPower", "s_i^T", pow(SI, s("T"))));
        t.add(new ExprCase("jacobian", "\\operatorname{diag}(s) - s s^T",
                add(fn("diag", List.of(s("s")), List.of()), neg(mul(s("s"), transpose(s("s")))))));
        t.add(new ExprCase("sigmaOfLogitMinusLabel", "\\sigma(z) - y", add(fn("\\sigma", List.of(s("z")),
                List.of()), neg(s("y")))));
        // decorations
        t.add(new ExprCase("underbrace", "\\underbrace{e^{z_1}}_{u}", exp(s("z", 1))));
        t.add(new ExprCase("underbraceHatLabel",
                "\\underbrace{\\frac{e^{z_1}}{\\sum_k e^{z_k}}}_{\\hat{y}_1}", div(exp(s("z", 1)), SUM_EXP)));
        t.add(new ExprCase("overbrace", "\\overbrace{a+b}^{v} c", mul(add(A, B), C)));
        t.add(new ExprCase("thinSpaces", "a \\, b \\; c \\: x \\! y", mul(A, B, C, X, s("y"))));
        t.add(new ExprCase("quadInside", "a \\quad b", mul(A, B)));
        t.add(new ExprCase("qquadTilde", "a \\qquad ~b", mul(A, B)));
        t.add(new ExprCase("displaystyle", "\\displaystyle a", A));
        t.add(new ExprCase("leftDot", "\\left. a \\right.", A));
        t.add(new ExprCase("trailingPeriod", "a.", A));
        t.add(new ExprCase("trailingComma", "a,", A));
        t.add(new ExprCase("label", "\\label{eq:1} a", A));
        t.add(new ExprCase("tag", "a \\tag{3}", A));
        t.add(new ExprCase("nonumber", "a \\nonumber", A));
        t.add(new ExprCase("notag", "a \\notag", A));
        t.add(new ExprCase("ampersand", "& a", A));
        t.add(new ExprCase("lineBreak", "a \\\\\n + b", add(A, B)));
        t.add(new ExprCase("ell", "\\ell_i", s("\\ell", "i")));
        t.add(new ExprCase("quotientRuleShape", "(u' v - u v') / v^2",
                div(add(mul(s("u'"), s("v")), neg(mul(s("u"), s("v'")))), pow(s("v"), n(2)))));
        t.add(new ExprCase("iversonTimesExp", "[i=j] e^{z_i}", mul(delta("i", "j"), exp(ZI))));
        t.add(new ExprCase("partialOfLog", "\\frac{\\partial \\log s_i}{\\partial z_j}", d(log(SI), ZJ)));
        t.add(new ExprCase("cubeRoot", "\\sqrt[3]{x}", pow(X, div(n(1), n(3)))));
        t.add(new ExprCase("softmaxOverSum", "e^{z_i}/\\sum_k e^{z_k}", div(exp(ZI), SUM_EXP)));
        t.add(new ExprCase("temperatureArg", "\\operatorname{softmax}(z/T)_i",
                fn("softmax", List.of(div(s("z"), s("T"))), List.of(s("i")))));
        t.add(new ExprCase("softLabels", "s_j \\sum_i y_i - y_j", add(mul(SJ, sum("i", YI)), neg(YJ))));
        t.add(new ExprCase("batchGradient", "\\frac{1}{N}(S - Y)", mul(div(n(1), s("N")), add(s("S"), neg(s("Y"))))));
        t.add(new ExprCase("twoArgFunction", "\\operatorname{f}(a, b)", fn("f", List.of(A, B), List.of())));
        return t;
    }

    static List<LineCase> lines() {
        List<LineCase> t = new ArrayList<>();
        Expr caseEq = mul(SI, add(n(1), neg(SI)));
        Expr caseNe = neg(mul(SI, SJ));
        t.add(new LineCase("quotientRule",
                "\\frac{\\partial s_i}{\\partial z_j} = \\frac{\\delta_{ij} e^{z_i} \\sum_k e^{z_k} - e^{z_i} e^{z_j}}"
                        + "{\\left(\\sum_k e^{z_k}\\right)^2}",
                line(d(SI, ZJ), null, div(add(mul(delta("i", "j"), exp(ZI), SUM_EXP), neg(mul(exp(ZI), exp(ZJ)))),
                        pow(SUM_EXP, n(2))))));
        t.add(new LineCase("caseEqualContinuation", "= s_i(1 - s_i) \\quad (i = j)",
                line(null, when(eq("i", "j")), caseEq)));
        t.add(new LineCase("chainRule",
                "\\frac{\\partial L}{\\partial z_j} = \\sum_{i} \\frac{\\partial L}{\\partial s_i} "
                        + "\\frac{\\partial s_i}{\\partial z_j}",
                line(d(L, ZJ), null, sum("i", mul(d(L, SI), d(SI, ZJ))))));
        t.add(new LineCase("substituteCases",
                "= -\\frac{y_j}{s_j} s_j(1-s_j) - \\sum_{i \\neq j} \\frac{y_i}{s_i}(-s_i s_j)",
                line(null, null, add(neg(mul(div(YJ, SJ), SJ, add(n(1), neg(SJ)))),
                        neg(sum("i", null, null, when(ne("i", "j")), mul(div(YI, SI), caseNe)))))));
        t.add(new LineCase("collect", "= s_j \\sum_i y_i - y_j",
                line(null, null, add(mul(SJ, sum("i", YI)), neg(YJ)))));
        t.add(new LineCase("lossHat", "L = -\\sum_{i=1}^{K} y_i \\log \\hat{y}_i",
                line(L, null, neg(sum("i", n(1), K, null, mul(YI, log(s("\\hat{y}", "i"))))))));
        t.add(new LineCase("logSoftmax", "\\log s_i = z_i - \\log \\sum_k e^{z_k}",
                line(log(SI), null, add(ZI, neg(log(SUM_EXP))))));
        t.add(new LineCase("lossGradHat", "\\frac{\\partial L}{\\partial \\hat{y}_i} = -\\frac{y_i}{\\hat{y}_i}",
                line(d(L, s("\\hat{y}", "i")), null, neg(div(YI, s("\\hat{y}", "i"))))));
        t.add(new LineCase("softmaxDefinition", "s_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}",
                line(SI, null, div(exp(ZI), SUM_EXP))));
        t.add(new LineCase("softmaxExpNotation", "\\hat{y}_i = \\frac{\\exp(z_i)}{\\sum_{k=1}^{K} \\exp(z_k)}",
                line(s("\\hat{y}", "i"), null, div(exp(ZI), sum("k", n(1), K, null, exp(s("z", "k")))))));
        t.add(new LineCase("result", "\\frac{\\partial L}{\\partial z_j} = s_j - y_j",
                line(d(L, ZJ), null, add(SJ, neg(YJ)))));
        t.add(new LineCase("slashResult", "\\partial L / \\partial z_j = s_j - y_j",
                line(d(L, ZJ), null, add(SJ, neg(YJ)))));
        t.add(new LineCase("lnLoss", "L = -\\sum_i t_i \\ln p_i",
                line(L, null, neg(sum("i", mul(s("t", "i"), log(s("p", "i"))))))));
        t.add(new LineCase("oneHot", "L = -\\log s_c", line(L, null, neg(log(s("s", "c"))))));
        t.add(new LineCase("batchMean", "L = -\\frac{1}{N} \\sum_n \\sum_k Y_{n,k} \\log s(X_n)_k",
                line(L, null, neg(mul(div(n(1), s("N")), sum("n", sum("k", mul(s("Y", "n", "k"),
                        log(fn("s", List.of(s("X", "n")), List.of(s("k"))))))))))));
        t.add(new LineCase("linearLayer", "z_i = \\sum_j h_j w_{ji} + b_i",
                line(ZI, null, add(sum("j", mul(s("h", "j"), s("w", "j", "i"))), s("b", "i")))));
        t.add(new LineCase("weightGradient", "\\frac{\\partial L}{\\partial w_{ji}} = h_j (s_i - y_i)",
                line(d(L, s("w", "j", "i")), null, mul(s("h", "j"), add(SI, neg(YI))))));
        t.add(new LineCase("jacobianLine", "J = \\operatorname{diag}(s) - s s^T",
                line(s("J"), null, add(fn("diag", List.of(s("s")), List.of()), neg(mul(s("s"), transpose(s("s"))))))));
        t.add(new LineCase("jacobianTransposeProduct",
                "\\frac{\\partial L}{\\partial z} = J^T \\frac{\\partial L}{\\partial s}",
                line(d(L, s("z")), null, mul(transpose(s("J")), d(L, s("s"))))));
        t.add(new LineCase("temperature", "\\frac{\\partial L}{\\partial z_j} = \\frac{1}{T}(s_j - y_j)",
                line(d(L, ZJ), null, mul(div(n(1), s("T")), add(SJ, neg(YJ))))));
        t.add(new LineCase("sigmoidProbs", "\\frac{\\partial L}{\\partial x_j} = \\sigma(x_j) - y_j",
                line(d(L, s("x", "j")), null, add(fn("\\sigma", List.of(s("x", "j")), List.of()), neg(YJ)))));
        t.add(new LineCase("softmaxOperatorname", "p_i = \\operatorname{softmax}(z)_i",
                line(s("p", "i"), null, fn("softmax", List.of(s("z")), List.of(s("i"))))));
        t.add(new LineCase("chainOfRights", "L = a = b", line(L, null, A, B)));
        t.add(new LineCase("alignedContinuation", "&= a", line(null, null, A)));
        t.add(new LineCase("multiLineAligned", "L &= a \\\\\n &= b", line(L, null, A, B)));
        t.add(new LineCase("sumExcludingRange", "= \\sum_{k=1, k \\neq i}^{K} s_k",
                line(null, null, sum("k", n(1), K, when(ne("k", "i")), s("s", "k")))));
        // trailing conditions
        t.add(new LineCase("condParenNe", "= -s_i s_j \\quad (i \\neq j)", line(null, when(ne("i", "j")), caseNe)));
        t.add(new LineCase("condCommaQuad", "= -s_i s_j, \\quad i \\neq j", line(null, when(ne("i", "j")), caseNe)));
        t.add(new LineCase("condTextFor", "= -s_i s_j \\text{for } i \\ne j", line(null, when(ne("i", "j")), caseNe)));
        t.add(new LineCase("condTextIf", "= s_c - 1 \\text{if } i = c",
                line(null, when(eq("i", "c")), add(s("s", "c"), neg(n(1))))));
        t.add(new LineCase("condTextSpacedFor", "= -s_i s_j \\text{ for } i \\neq j",
                line(null, when(ne("i", "j")), caseNe)));
        t.add(new LineCase("condQuadWhen", "= s_i(1-s_i) \\quad\\text{when } i=j", line(null, when(eq("i", "j")), caseEq)));
        t.add(new LineCase("condBareParen", "= -s_i s_j (i \\neq j)", line(null, when(ne("i", "j")), caseNe)));
        t.add(new LineCase("condFinalParenNeverFactor", "= s_i(1-s_i)(i = j)", line(null, when(eq("i", "j")), caseEq)));
        t.add(new LineCase("condSeveralInParen", "= 0 \\quad (i \\neq j, k \\neq j)",
                line(null, when(ne("i", "j"), ne("k", "j")), n(0))));
        t.add(new LineCase("condSeveralComma", "= 0, \\quad i \\neq j, k = c",
                line(null, when(ne("i", "j"), eq("k", "c")), n(0))));
        t.add(new LineCase("condTextAnd", "= 0 \\text{ for } i \\neq j \\text{ and } k = c",
                line(null, when(ne("i", "j"), eq("k", "c")), n(0))));
        t.add(new LineCase("condWithLhsAndPeriod", "\\frac{\\partial s_i}{\\partial z_j} = -s_i s_j, \\quad i \\neq j.",
                line(d(SI, ZJ), when(ne("i", "j")), caseNe)));
        t.add(new LineCase("remarkDropped", "= s_j - y_j \\quad \\text{(chain rule)}",
                line(null, Condition.ALWAYS, add(SJ, neg(YJ)))));
        t.add(new LineCase("condForall", "= 0 \\quad \\forall i \\neq j", line(null, when(ne("i", "j")), n(0))));
        t.add(new LineCase("finalIversonIsFactor", "= s_j - [i = j]", line(null, null, add(SJ, neg(delta("i", "j"))))));
        t.add(new LineCase("logSoftmaxLoss", "L = -\\sum_i y_i z_i + \\left(\\sum_i y_i\\right) \\log \\sum_k e^{z_k}",
                line(L, null, add(neg(sum("i", mul(YI, ZI))), mul(sum("i", YI), log(SUM_EXP))))));
        t.add(new LineCase("oneHotCase", "\\frac{\\partial L}{\\partial z_i} = s_i - 1 \\quad (i = c)",
                line(d(L, ZI), when(eq("i", "c")), add(SI, neg(n(1))))));
        return t;
    }
}
