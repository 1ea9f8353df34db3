package dev.gradstep.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.DerivationLoader;
import dev.gradstep.derivation.NotationChange;
import dev.gradstep.derivation.Step;
import dev.gradstep.tex.TexWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every marked step of every file in derivations/, in every notation, typesets and unmarks exactly. */
class HighlightLibraryTest {

    private final TexWriter writer = new TexWriter();
    private final ChangeHighlighter highlighter = new ChangeHighlighter(writer);
    private final FormulaRenderer renderer = new FormulaRenderer();

    @ParameterizedTest
    @EnumSource(NotationChoice.class)
    void highlight_everyStepOfTheLibrary_typesetsAndUnmarksToTheStepsLatex(NotationChoice choice) {
        DerivationLoader.Library library = new DerivationLoader().loadFolder(Path.of("derivations"));
        assertEquals(List.of(), library.problems());
        List<String> failures = new ArrayList<>();
        int marked = 0;
        for (Derivation original : library.derivations()) {
            Derivation d = shown(original, choice);
            for (int i = 1; i < d.steps().size(); i++) {
                Step current = d.steps().get(i);
                Optional<String> out = highlighter.highlight(d.steps().get(i - 1), current);
                if (out.isEmpty()) {
                    continue;
                }
                marked++;
                String where = d.id() + " step " + current.number() + ": " + out.get();
                renderer.problem(out.get()).ifPresent(p -> failures.add(where + " does not typeset: " + p));
                if (!out.get().contains(FormulaRenderer.HIGHLIGHT)) {
                    failures.add(where + " has no mark");
                }
                if (!ChangeHighlighterTest.unmarked(out.get()).equals(writer.write(current.line()))) {
                    failures.add(where + " unmarks to something else than " + writer.write(current.line()));
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(marked > library.derivations().size(), "only " + marked + " steps marked");
    }

    /** The derivation as View › Notation shows it; one that cannot be renamed keeps its own letters. */
    private static Derivation shown(Derivation d, NotationChoice choice) {
        if (choice.notation() == null) {
            return d;
        }
        try {
            return new NotationChange().apply(d, choice.notation());
        } catch (IllegalArgumentException e) {
            return d;
        }
    }
}
