package dev.gradstep.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.DerivationLoader;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file in derivations/ loads and passes the check the product itself runs. */
class LibraryReplayTest {

    static Stream<Derivation> library() {
        DerivationLoader.Library lib = new DerivationLoader().loadFolder(Path.of("derivations"));
        assertTrue(lib.problems().isEmpty(), () -> lib.problems().stream()
                .map(DerivationLoader.LoadProblem::describe).collect(Collectors.joining("\n")));
        return lib.derivations().stream();
    }

    @Test
    void loadFolder_projectDerivations_hasTheFlagship() {
        assertTrue(library().anyMatch(d -> d.id().equals("softmax-ce-quotient")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("library")
    void check_libraryDerivation_passes(Derivation derivation) {
        DerivationReport report = new DerivationChecker(null, CheckSettings.defaults()).check(derivation);
        assertTrue(report.passes(), () -> derivation.source() + "\n" + report.verdicts().stream()
                .filter(v -> v.outcome() != Outcome.VERIFIED)
                .map(v -> "step " + v.step() + ": " + v.outcome() + " " + v.detail())
                .collect(Collectors.joining("\n")));
    }
}
