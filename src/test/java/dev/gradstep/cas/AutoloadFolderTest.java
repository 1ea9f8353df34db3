package dev.gradstep.cas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Symja's {@code F.initSymbols} evaluates every {@code .m} file in a folder literally named
 * {@code .\Autoload} in the working directory. A definition planted there must never reach the
 * engine: the gateway is started in a second JVM whose working directory holds such a folder.
 */
class AutoloadFolderTest {

    /** Run in the second JVM: starts the gateway and prints what the planted symbol evaluates to. */
    public static void main(String[] args) {
        SymjaGateway gateway = SymjaGateway.start();
        gateway.whenReady().join();
        System.out.println("planted=" + gateway.evaluate("gradstepPlanted", Duration.ofSeconds(10)));
        System.out.println("sum=" + gateway.evaluate("1+1", Duration.ofSeconds(10)));
        gateway.close();
    }

    @Test
    void start_inFolderWithAutoloadPackages_evaluatesNoneOfThem(@TempDir Path cwd) throws IOException, InterruptedException {
        for (String folder : List.of(".\\Autoload", ".\\AutoloadSymja")) {
            Path planted = Files.createDirectories(cwd.resolve(folder));
            Files.writeString(planted.resolve("evil.m"), "gradstepPlanted = 42\n", StandardCharsets.UTF_8);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                AutoloadFolderTest.class.getName())
                .directory(cwd.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(2, TimeUnit.MINUTES);
        assertEquals("planted=Ok[value=gradstepPlanted]\nsum=Ok[value=2]\n", out.replace("\r", ""));
    }
}
