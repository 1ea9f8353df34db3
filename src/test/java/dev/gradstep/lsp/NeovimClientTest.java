package dev.gradstep.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real editor as the client: Neovim's built-in LSP client, headless, starts {@code gradstep lsp},
 * opens homework.tex and waits for diagnostics, which it writes to a file. Skipped where there is no
 * {@code nvim} (.ci/run installs Debian's package).
 */
class NeovimClientTest {

    @TempDir
    Path temp;

    private static final String SCRIPT = String.join("\n",
            "local id = vim.lsp.start_client({ name = 'gradstep', cmd = vim.fn.json_decode(vim.env.GS_CMD), root_dir = vim.env.GS_ROOT })",
            "vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.GS_FILE))",
            "vim.lsp.buf_attach_client(0, id)",
            "local done = vim.wait(120000, function() return #vim.diagnostic.get(0) > 0 end, 100)",
            "local lines = {}",
            "if not done then table.insert(lines, 'no diagnostics') end",
            "for _, d in ipairs(vim.diagnostic.get(0)) do",
            "  table.insert(lines, string.format('%d:%d:%d:%s', d.lnum + 1, d.col, d.severity, (d.message:gsub('\\n', ' | '))))",
            "end",
            "vim.fn.writefile(lines, vim.env.GS_OUT)",
            "vim.lsp.stop_client(id)",
            "vim.cmd('qa!')", "");

    private static boolean hasNeovim() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "nvim"))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void neovim_opensHomework_marksTheWrongLineWithItsCounterexample() throws Exception {
        Assumptions.assumeTrue(hasNeovim(), "nvim is not installed: the real-editor test is skipped");
        Path file = temp.resolve("homework.tex");
        Files.copy(Path.of("src", "test", "resources", "student", "homework.tex"), file);
        Path script = temp.resolve("check.lua");
        Files.writeString(script, SCRIPT);
        Path out = temp.resolve("diagnostics.txt");
        String java = ProcessHandle.current().info().command().orElse("java");
        com.google.gson.JsonArray args = new com.google.gson.JsonArray();
        for (String a : List.of(java, "-Xss16m", "-Dgradstep.fastStart=false", "-cp", System.getProperty("java.class.path"),
                "dev.gradstep.GradStep", "lsp")) {
            args.add(a);
        }
        String cmd = args.toString();
        ProcessBuilder pb = new ProcessBuilder("nvim", "--headless", "--clean", "-n", "-c", "luafile " + script);
        pb.environment().put("GS_CMD", cmd);
        pb.environment().put("GS_ROOT", temp.toString());
        pb.environment().put("GS_FILE", file.toString());
        pb.environment().put("GS_OUT", out.toString());
        pb.environment().put("XDG_STATE_HOME", temp.resolve("state").toString());
        pb.environment().put("XDG_DATA_HOME", temp.resolve("data").toString());
        pb.redirectErrorStream(true).redirectOutput(temp.resolve("nvim.log").toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process nvim = pb.start();
        boolean ended = nvim.waitFor(180, TimeUnit.SECONDS);
        if (!ended) {
            nvim.destroyForcibly();
        }
        assertTrue(ended, "nvim did not finish: " + Files.readString(temp.resolve("nvim.log")));
        assertTrue(Files.exists(out), "nvim wrote nothing: " + Files.readString(temp.resolve("nvim.log")));
        List<String> diagnostics = Files.readAllLines(out);
        List<String> errors = diagnostics.stream().filter(l -> l.matches("\\d+:\\d+:1:.*")).toList();
        assertEquals(1, errors.size(), String.join("\n", diagnostics));
        String wrong = errors.get(0);
        assertTrue(wrong.startsWith("13:"), wrong);
        assertTrue(wrong.contains("wrong: this line does not equal the left side"), wrong);
        assertTrue(wrong.contains("counterexample: K=2, i=1, j=2, logits ("), wrong);
        assertTrue(wrong.contains("hint: sign: the right side is the negative of the true value"), wrong);
    }
}
