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
        assertEquals("\\hat{y}", PlainText.of("\\hat{y}"));
    }
}
