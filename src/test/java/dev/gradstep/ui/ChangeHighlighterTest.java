package dev.gradstep.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.derivation.Rule;
import dev.gradstep.derivation.Step;
import dev.gradstep.tex.TexReader;
import dev.gradstep.tex.TexWriter;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangeHighlighterTest {

    private final TexReader reader = new TexReader();
    private final ChangeHighlighter highlighter = new ChangeHighlighter(new TexWriter());

    private Step step(String tex) {
        return new Step(1, tex, reader.readLine(tex), Rule.SIMPLIFY, "", Map.of(), null, 1);
    }

    @Test
    void highlight_changedTerm_isMarkedAndRestIsNot() {
        Optional<String> out = highlighter.highlight(step("= -y_j + s_j y_j + s_j \\sum_{i \\neq j} y_i"),
                step("= -y_j + s_j \\sum_{i} y_i"));
        assertTrue(out.isPresent(), "no highlight");
        assertTrue(out.get().contains(FormulaRenderer.HIGHLIGHT), out.get());
        assertTrue(out.get().startsWith("= "), out.get());
        assertTrue(!out.get().startsWith("= \\gshl"), out.get());
    }

    @Test
    void highlight_quotient_marksOnlyTheChangedNumerator() {
        Optional<String> out = highlighter.highlight(step("= \\frac{a + b}{c}"), step("= \\frac{a + d}{c}"));
        assertEquals(1, out.orElseThrow().split("\\\\gshl", -1).length - 1, out.get());
    }

    /** Only the smallest replaced pieces are marked: a term is compared with the term it replaced. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "= x (a + b) + c | = x (a + d) + c | 1",
            "= -a b + c | = -a d + c | 1",
            "= \\frac{\\frac{\\partial e^{z_i}}{\\partial z_j} \\sum_{k=1}^{K} e^{z_k} - e^{z_i} \\frac{\\partial}{\\partial z_j} "
                    + "\\sum_{k=1}^{K} e^{z_k}}{\\left(\\sum_{k=1}^{K} e^{z_k}\\right)^2} "
                    + "| = \\frac{\\delta_{ij} e^{z_i} \\sum_{k=1}^{K} e^{z_k} - e^{z_i} e^{z_j}}{\\left(\\sum_{k=1}^{K} e^{z_k}\\right)^2} | 3",
    })
    void highlight_replacedTerm_marksOnlyItsNewPieces(String before, String after, int marks) {
        String out = highlighter.highlight(step(before), step(after)).orElseThrow();
        assertEquals(marks, out.split("\\\\gshl", -1).length - 1, out);
        assertEquals(reader.readLine(after), reader.readLine(out.replace(FormulaRenderer.HIGHLIGHT, "")), out);
    }

    @Test
    void highlight_everythingNew_marksNothing() {
        assertTrue(highlighter.highlight(step("= a"), step("= b + c")).isEmpty());
    }
}
