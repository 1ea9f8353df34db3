package dev.gradstep.tex;

import static dev.gradstep.tex.Trees.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradstep.expr.Expr;
import java.util.List;
import org.junit.jupiter.api.Test;

class TexWriterTest {

    private final TexWriter writer = new TexWriter();
    private final TexReader reader = new TexReader();

    private String w(String tex) {
        return writer.write(reader.readExpr(tex));
    }

    @Test
    void write_exp_usesPowerOfE() {
        assertEquals("e^{z_{i}}", w("\\exp(z_i)"));
    }

    @Test
    void write_logOfSymbol_isBare() {
        assertEquals("\\log s_{i}", w("\\ln(s_i)"));
    }

    @Test
    void write_logOfSum_isParenthesised() {
        assertEquals("\\log\\left(\\sum_{k} e^{z_{k}}\\right)", w("\\log \\sum_k e^{z_k}"));
    }

    @Test
    void write_divAndSlash_useFrac() {
        assertEquals("\\frac{y_{i}}{s_{i}}", w("y_i / s_i"));
    }

    @Test
    void write_derivOfSymbol_isLeibnizFraction() {
        assertEquals("\\frac{\\partial L}{\\partial z_{j}}", w("\\partial L / \\partial z_j"));
    }

    @Test
    void write_derivOfShortExp_keepsExpInNumerator() {
        assertEquals("\\frac{\\partial e^{z_{i}}}{\\partial z_{j}}", w("\\frac{\\partial e^{z_i}}{\\partial z_j}"));
    }

    @Test
    void write_derivOfCompound_usesOperatorForm() {
        assertEquals("\\frac{\\partial}{\\partial z_{j}}\\left(a + b\\right)",
                w("\\frac{\\partial}{\\partial z_j}(a+b)"));
    }

    @Test
    void write_sums_inAllFourShapes() {
        assertEquals("\\sum_{k=1}^{K} x_{k}", w("\\sum\\limits_{k=1}^K x_k"));
        assertEquals("\\sum_{k} x_{k}", w("\\sum_k x_k"));
        assertEquals("\\sum_{i \\neq j} x_{i}", w("\\sum_{i: i \\ne j} x_i"));
        assertEquals("\\sum_{k=1, k \\neq i}^{K} x_{k}", w("\\sum_{k=1,k\\neq i}^{K} x_k"));
    }

    @Test
    void write_delta_compactOrComma() {
        assertEquals("\\delta_{ij}", w("[i=j]"));
        assertEquals("\\delta_{i,1}", w("\\delta_{i,1}"));
    }

    @Test
    void write_subtraction_usesMinus() {
        assertEquals("a - b + c", w("a - b + c"));
        assertEquals("-a b", w("-ab"));
    }

    @Test
    void write_products_juxtaposeButDotNumbers() {
        assertEquals("2 \\cdot 3", w("2 \\times 3"));
        assertEquals("2 x", w("2x"));
        assertEquals("s_{i} \\left(1 - s_{i}\\right)", w("s_i(1-s_i)"));
        assertEquals("s \\cdot \\left(1 - s\\right)", w("s(1-s)"));
    }

    @Test
    void write_parentheses_onlyWherePrecedenceNeedsThem() {
        assertEquals("\\left(a + b\\right)^{2}", w("(a+b)^2"));
        assertEquals("-\\left(a + b\\right)", w("-(a+b)"));
        assertEquals("\\frac{a + b}{c}", w("\\frac{(a+b)}{c}"));
        assertEquals("\\left(\\sum_{k} x_{k}\\right) y", w("\\left(\\sum_k x_k\\right) y"));
        assertEquals("y \\sum_{k} x_{k}", w("y \\sum_k x_k"));
    }

    @Test
    void write_functions() {
        assertEquals("\\operatorname{softmax}(z)_{i}", w("\\mathrm{softmax}(\\mathbf{z})_i"));
        assertEquals("\\sigma(x_{j})", w("\\sigma(x_j)"));
        assertEquals("s^{T}", w("s^\\top"));
        assertEquals("s(X_{n})_{k}", w("s(X_n)_k"));
        assertEquals("\\operatorname{diag}(s)", w("\\operatorname{diag}(s)"));
    }

    @Test
    void write_symbols_keepCanonicalNames() {
        assertEquals("\\hat{y}_{i}", w("\\hat{\\mathbf{y}}_i"));
        assertEquals("X_{n,i}", w("X_{n,i}"));
        assertEquals("w_{j,i}", w("w_{ji}"));
        assertEquals("z_{j + 1}", w("z_{j+1}"));
        assertEquals("L_{\\mathrm{CE}}", w("L_{\\text{CE}}"));
        assertEquals("\\sqrt{x}", w("\\sqrt x"));
    }

    @Test
    void write_line_withCondition() {
        assertEquals("= s_{i} \\left(1 - s_{i}\\right) \\quad (i = j)",
                writer.write(reader.readLine("&= s_i(1 - s_i), \\quad \\text{if } i = j.")));
        assertEquals("\\frac{\\partial s_{i}}{\\partial z_{j}} = -s_{i} s_{j} \\quad (i \\neq j)",
                writer.write(reader.readLine("\\frac{\\partial s_i}{\\partial z_j} = -s_i s_j \\text{ for } i \\ne j")));
    }

    @Test
    void write_treesTheReaderCannotProduce_stillGiveValidLatex() {
        Expr negNum = mul(s("x"), n(-2));
        assertEquals("x \\cdot \\left(-2\\right)", writer.write(negNum));
        assertEquals("\\operatorname{s}(x)", writer.write(fn("s", List.of(s("x")), List.of())));
        assertEquals("\\left(e\\right)^{x}", writer.write(pow(s("e"), s("x"))));
        assertEquals("\\frac{\\left(d x\\right)}{d y}", writer.write(div(mul(s("d"), s("x")), mul(s("d"), s("y")))));
    }
}
