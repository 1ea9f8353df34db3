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

    @Test
    void highlight_everythingNew_marksNothing() {
        assertTrue(highlighter.highlight(step("= a"), step("= b + c")).isEmpty());
    }
}
