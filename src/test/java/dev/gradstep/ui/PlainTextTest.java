package dev.gradstep.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void of_macrosAndSimpleSubscripts_becomeText() {
        assertEquals("Case i \u2260 j", PlainText.of("Case i \\neq j"));
        assertEquals("every s\u1d62 depends on z\u2c7c", PlainText.of("every s_i depends on z_j"));
        assertEquals("\u03b4\u1d62\u2c7c e^(z\u1d62)", PlainText.of("\\delta_{ij} e^{z_i}"));
    }

    @Test
    void of_unknownMacro_isKept() {
        assertEquals("\\mathcal{L}", PlainText.of("\\mathcal{L}"));
    }

    @Test
    void of_renamedGreekAndHattedSymbols_readAsLetters() {
        assertEquals("e^(\u03b8\u1d62) divided by the sum", PlainText.of("e^{\\theta_i} divided by the sum"));
        assertEquals("y\u0302\u2c7c \u2212 y\u2c7c".replace("\u2212", "-"), PlainText.of("\\hat{y}_j - y_j"));
        assertEquals("\u03c3(x\u2c7c)", PlainText.of("\\sigma(x_j)"));
    }
}
