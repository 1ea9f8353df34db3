package dev.gradstep.testing;

import dev.gradstep.tex.TexReader;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need real LaTeX parsing skip (not pass) while the reader is still the "pending"
 * stub on a branch; once the reader is merged they run and can fail like any other test.
 */
public final class TexReaderAvailable {

    private TexReaderAvailable() {
    }

    public static boolean isAvailable() {
        try {
            new TexReader().readLine("s_i = z_i");
            return true;
        } catch (IllegalStateException e) {
            return e.getMessage() == null || !e.getMessage().startsWith("pending");
        } catch (RuntimeException e) {
            return true;
        }
    }

    public static void assume() {
        Assumptions.assumeTrue(isAvailable(), "the LaTeX reader is not merged yet (stub says 'pending')");
    }
}
