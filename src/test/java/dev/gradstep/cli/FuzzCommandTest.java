package dev.gradstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The audit's method in the normal test run: a few hundred seeded mutants of every bundled
 * derivation and student document; the long run is {@code java -jar target/gradstep.jar fuzz --count 10000}.
 */
class FuzzCommandTest {

    @Test
    void run_threeHundredMutantsOfTheBundledFiles_nothingEscapesAndEveryReportIsJson() throws Exception {
        List<FuzzCommand.Seed> seeds = FuzzCommand.seeds(List.of(Path.of("derivations"), Path.of("src", "test", "resources")));
        assertTrue(seeds.stream().anyMatch(FuzzCommand.Seed::yaml) && seeds.stream().anyMatch(s -> !s.yaml()),
                "derivations and student documents both seed the run");
        FuzzCommand.Result r = FuzzCommand.run(seeds, 300, 20261206L, null);
        assertEquals(300, r.inputs());
        assertEquals(0, r.escaped(), String.join("\n", r.examples()));
        assertEquals(0, r.malformedJson(), String.join("\n", r.examples()));
    }

    @Test
    void wellFormed_truncatedReport_isCaught() {
        JsonFactory f = new JsonFactory();
        assertTrue(FuzzCommand.wellFormed(f, Json.write(java.util.Map.of("tex", "a \"quoted\" \\frac"))));
        assertFalse(FuzzCommand.wellFormed(f, "{\"tex\":\"a"));
    }
}
