package dev.gradstep.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.derivation.Rule;
import dev.gradstep.derivation.Step;
import dev.gradstep.tex.Marks;
import dev.gradstep.tex.TexReader;
import dev.gradstep.tex.TexWriter;
import java.util.List;
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

    /** Previous right side, current right side, and the current one as it should be marked. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // inside a summand: only the factor that was substituted
            "= \\sum_{i \\neq j} \\frac{\\partial L}{\\partial s_i} \\frac{\\partial s_i}{\\partial z_j} "
                    + "| = \\sum_{i \\neq j} \\frac{\\partial L}{\\partial s_i} s_i "
                    + "| = \\sum_{i \\neq j} \\frac{\\partial L}{\\partial s_{i}} \\gshl{s_{i}}",
            // a sum split in two: the first keeps its summand's first term, the second is new
            "= \\sum_{i=1}^{K} (a_i + b_i) | = \\sum_{i=1}^{K} a_i + \\sum_{i=1}^{K} b_i "
                    + "| = \\sum_{i=1}^{K} a_{i} + \\gshl{\\sum_{i=1}^{K} b_{i}}",
            // a delta collapses its sum: the term it became
            "= -\\sum_{i=1}^{K} y_i \\delta_{ij} + s_j \\sum_{i=1}^{K} y_i | = -y_j + s_j \\sum_{i=1}^{K} y_i "
                    + "| = \\gshl{-y_{j}} + s_{j} \\sum_{i=1}^{K} y_{i}",
            // a fraction whose numerator alone changed
            "= \\frac{a + b}{\\sum_{k=1}^{K} e^{z_k}} | = \\frac{a + d}{\\sum_{k=1}^{K} e^{z_k}} "
                    + "| = \\frac{a + \\gshl{d}}{\\sum_{k=1}^{K} e^{z_{k}}}",
            // an exponent
            "= \\left(\\sum_{k=1}^{K} e^{z_k}\\right)^2 | = \\left(\\sum_{k=1}^{K} e^{z_k}\\right)^3 "
                    + "| = \\left(\\sum_{k=1}^{K} e^{z_{k}}\\right)^{\\gshl{3}}",
            // a sum's range: index, start and exclusion as one piece, the new upper limit as another
            "= s_j \\sum_{i \\neq j} y_i | = s_j \\sum_{i=1}^{K} y_i | = s_{j} \\sum_{\\gshl{i=1}}^{\\gshl{K}} y_{i}",
            // a changed subscript marks its whole symbol, never the subscript alone
            "= \\frac{e^{z_i}}{\\sum_{k=1}^{K} e^{z_k}} | = \\frac{e^{z_j}}{\\sum_{k=1}^{K} e^{z_k}} "
                    + "| = \\frac{e^{\\gshl{z_{j}}}}{\\sum_{k=1}^{K} e^{z_{k}}}",
            // inside a derivative and inside a function's argument
            "= \\frac{\\partial}{\\partial z_j} \\left(a + b\\right) | = \\frac{\\partial}{\\partial z_j} \\left(a + c\\right) "
                    + "| = \\frac{\\partial}{\\partial z_{j}}\\left(a + \\gshl{c}\\right)",
            "= \\log\\left(a + b\\right) | = \\log\\left(a + c\\right) | = \\log\\left(a + \\gshl{c}\\right)",
            // the old side wrapped whole: only the new factor
            "= s_i - y_i | = h_j (s_i - y_i) | = \\gshl{h_{j}} \\left(s_{i} - y_{i}\\right)",
            // every piece of a part changed: one mark, not two touching ones
            "= x (a + b) | = x (c - d) | = x \\cdot \\left(\\gshl{c - d}\\right)",
            // many small marks over most of a part: the part instead of confetti
            "= x + a_1 b_1 c_1 d | = x + a_2 b_2 c_2 d | = x + \\gshl{a_{2} b_{2} c_{2} d}",
    })
    void highlight_change_marksTheSmallestChangedParts(String before, String after, String expected) {
        String out = highlighter.highlight(step(before), step(after)).orElseThrow();
        assertEquals(expected, out);
        assertEquals(new TexWriter().write(reader.readLine(after)), unmarked(out));
    }

    /** The text with every {@code \gshl{..}} replaced by what it wraps. */
    static String unmarked(String tex) {
        return Marks.of(FormulaRenderer.HIGHLIGHT, List.of(), List.of()).unmark(tex);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // nothing changed
            "= s_j - y_j | = s_j - y_j",
            // only something removed: nothing new to point at
            "= s_j \\sum_{i=1}^{K} y_i - y_j | = s_j - y_j",
            // everything changed: marking it all says no more than marking nothing
            "= a | = b + c",
            "= \\sum_{i=1}^{K} y_i \\log s_i | = \\frac{u}{v}",
            // a new statement about something else
            "L = -\\sum_{i=1}^{K} y_i \\log s_i | \\frac{\\partial L}{\\partial s_i} = -\\sum_{i=1}^{K} y_i \\log p_i",
            // the author's bold would be lost in the rewritten text
            "= \\mathbf{s} - \\mathbf{a} | = \\mathbf{s} - \\mathbf{y}",
    })
    void highlight_nothingToPointAt_isEmpty(String before, String after) {
        assertEquals(Optional.empty(), highlighter.highlight(step(before), step(after)));
    }

    @Test
    void highlight_sameStatementWithCondition_keepsConditionUnmarked() {
        String out = highlighter.highlight(step("= s_i \\left(\\delta_{ij} - s_j\\right)"),
                step("\\frac{\\partial s_i}{\\partial z_j} = s_i \\left(\\delta_{ij} - s_i\\right) \\quad (i = j)")).orElseThrow();
        assertEquals("\\frac{\\partial s_{i}}{\\partial z_{j}} = s_{i} \\left(\\delta_{ij} - \\gshl{s_{i}}\\right) \\quad (i = j)", out);
    }

    @Test
    void highlight_firstStep_isEmpty() {
        assertTrue(highlighter.highlight(null, step("= a")).isEmpty());
    }
}
