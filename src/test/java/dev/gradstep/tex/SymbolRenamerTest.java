package dev.gradstep.tex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SymbolRenamerTest {

    private static final Map<String, String> Z_S_TO_X_HAT = Map.of("z", "x", "s", "\\hat{y}", "y", "t");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        indexed symbols             | s_i = \\frac{e^{z_i}}{\\sum_{k=1}^{K} e^{z_k}}           | \\hat{y}_i = \\frac{e^{x_i}}{\\sum_{k=1}^{K} e^{x_k}}
        all roles at once           | L = -\\sum_i y_i \\log s_i                                | L = -\\sum_i t_i \\log \\hat{y}_i
        layout kept                 | \\left(\\mathbf{s} - \\mathbf{y}\\right)^T                | \\left(\\mathbf{\\hat{y}} - \\mathbf{t}\\right)^T
        derivative                  | \\frac{\\partial L}{\\partial z_j}                        | \\frac{\\partial L}{\\partial x_j}
        commands and text untouched | \\operatorname{diag}(s) \\quad \\text{for } i \\neq j     | \\operatorname{diag}(\\hat{y}) \\quad \\text{for } i \\neq j
        adjacent letters            | s s^T                                                    | \\hat{y} \\hat{y}^T
        """)
    void rename_notationRoles_replacedTokenByToken(String name, String tex, String expected) {
        assertEquals(expected, SymbolRenamer.rename(tex, Z_S_TO_X_HAT));
    }

    @Test
    void rename_intoCommand_keepsTheNextLetterApart() {
        assertEquals("\\theta s", SymbolRenamer.rename("zs", Map.of("z", "\\theta")));
    }

    @Test
    void rename_fromAccentedAndGreek_matchesWholeSymbol() {
        assertEquals("s_i y_i \\theta", SymbolRenamer.rename("\\hat{y}_i y_i \\theta", Map.of("\\hat{y}", "s")));
        assertEquals("z_1 + \\hat{z}", SymbolRenamer.rename("\\theta_1 + \\hat{\\theta}", Map.of("\\theta", "z",
                "\\hat{\\theta}", "\\hat{z}")));
    }

    @Test
    void rename_swap_isSimultaneous() {
        assertEquals("s_i - z_i", SymbolRenamer.rename("z_i - s_i", Map.of("z", "s", "s", "z")));
    }

    @Test
    void rename_multiLine_offsetsFollowLines() {
        assertEquals("\\hat{y}_i\n  = x_j", SymbolRenamer.rename("s_i\n  = z_j", Z_S_TO_X_HAT));
    }

    @Test
    void symbols_listsEverySymbolName() {
        assertEquals(List.of("s", "i", "e", "z", "k", "K", "\\hat{y}", "CE"),
                List.copyOf(SymbolRenamer.symbols("s_i = \\frac{e^{z_i}}{\\sum_{k=1}^{K} e^{z_k}} \\hat{y} \\mathrm{CE}")));
    }
}
