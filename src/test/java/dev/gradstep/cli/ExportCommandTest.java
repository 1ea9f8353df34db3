package dev.gradstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class ExportCommandTest {

    static final String VALID = "id: sample\n"
            + "title: Softmax sample\n"
            + "summary: Two steps.\n"
            + "steps:\n"
            + "  - tex: 's_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}'\n"
            + "    rule: definition\n"
            + "    why: The softmax turns logits into probabilities.\n"
            + "  - tex: '= \\frac{e^{z_i}}{\\sum_{k=1}^{K} e^{z_k}}'\n"
            + "    rule: simplify\n"
            + "    why: The range of k is written out.\n";

    /** One run: exit code, standard output and standard error. */
    record Run(int exit, String out, String err) {
    }

    @TempDir
    Path dir;

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ExportCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** Replaces {dir} in arguments by the temporary folder, which holds good.yaml and bad.yaml. */
    private String[] args(String... raw) throws IOException {
        Files.writeString(dir.resolve("good.yaml"), VALID);
        Files.writeString(dir.resolve("bad.yaml"), "id: bad\ntitle: t\nstpes: []\n");
        Files.writeString(dir.resolve("taken.tex"), "old");
        List<String> out = new ArrayList<>();
        for (String a : raw) {
            out.add(a.replace("{dir}", dir.toString()));
        }
        return out.toArray(String[]::new);
    }

    /** Cases that fail before any LaTeX is read, so they run whatever the state of the reader. */
    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(List.of(), "Missing required"),
                Arguments.of(List.of("{dir}/good.yaml"), "Missing required option: '--format"),
                Arguments.of(List.of("{dir}/good.yaml", "--format", "pdf"), "unknown format 'pdf': use tex or md"),
                Arguments.of(List.of("{dir}/good.yaml", "--format", "md", "--snippet"), "--snippet works with --format tex only"),
                Arguments.of(List.of("{dir}/good.yaml", "--format", "tex", "--steps", "3-1"), "bad --steps '3-1'"),
                Arguments.of(List.of("{dir}/good.yaml", "--format", "tex", "--steps", "x"), "bad --steps 'x'"),
                Arguments.of(List.of("{dir}/good.yaml", "--format", "tex", "--bogus"), "Unknown option: '--bogus'"),
                Arguments.of(List.of("{dir}/missing.yaml", "--format", "tex"), "missing.yaml: no such file"),
                Arguments.of(List.of("{dir}/bad.yaml", "--format", "md"), "bad.yaml:3:1: unknown key 'stpes' (did you mean 'steps'?)"),
                Arguments.of(List.of("{dir}/good.yaml", "--format", "tex", "--out", "{dir}/taken.tex"),
                        "taken.tex exists; use --force to overwrite"),
                Arguments.of(List.of("{dir}/good.yaml", "--format", "tex", "--out", "{dir}", "--force"),
                        "is a folder, not a file"),
                Arguments.of(List.of("{dir}/good.yaml", "--format", "tex", "--out", ""),
                        "export: \"\" is not a file name"),
                Arguments.of(List.of("{dir}/good.yaml", "--format", "tex", "--out", "/dev/null", "--force"),
                        "/dev/null is a device, pipe or socket, not a regular file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void export_badUsageOrInput_exit2WithMessage(List<String> raw, String message) throws IOException {
        Run r = run(args(raw.toArray(String[]::new)));
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertEquals("", r.out());
        assertEquals("old", Files.readString(dir.resolve("taken.tex")), "an existing file is never touched");
    }

    @Test
    void export_help_exit0() {
        Run r = run("--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("--format") && r.out().contains("--snippet") && r.out().contains("--force"), r.out());
    }

    @Test
    void parseSteps_listsAndRanges() {
        assertEquals(List.of(1, 3, 4, 5), ExportCommand.parseSteps("1, 3-5"));
        assertEquals(List.of(2), ExportCommand.parseSteps("2,2"));
        assertEquals(List.of(), ExportCommand.parseSteps(null));
        assertThrows(IllegalArgumentException.class, () -> ExportCommand.parseSteps("0"));
        assertThrows(IllegalArgumentException.class, () -> ExportCommand.parseSteps("1,,2"));
        assertThrows(IllegalArgumentException.class, () -> ExportCommand.parseSteps("1-2000000000"));
    }

    static Stream<Arguments> successes() {
        return Stream.of(
                Arguments.of(List.of("--format", "tex"), List.of("\\documentclass{article}", "s_i &= ", "&= \\frac{e^{z_i}}{\\sum_{k=1}^{K}", "\\end{document}")),
                Arguments.of(List.of("--format", "tex", "--snippet"), List.of("\\begin{align*}", "2. Simplify.")),
                Arguments.of(List.of("--format", "tex", "--snippet", "--steps", "2"), List.of("2. Simplify.")),
                Arguments.of(List.of("--format", "md"), List.of("# Softmax sample", "**1. Definition** \u2014 ", "$$\n= \\frac")),
                Arguments.of(List.of("--format", "MD", "--steps", "1"), List.of("**1. Definition**")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("successes")
    void export_toStdout_exit0WithContent(List<String> options, List<String> fragments) throws IOException {
        List<String> all = new ArrayList<>(List.of("{dir}/good.yaml"));
        all.addAll(options);
        Run r = run(args(all.toArray(String[]::new)));
        assertEquals(0, r.exit(), r.err());
        for (String f : fragments) {
            assertTrue(r.out().contains(f), "missing " + f + " in\n" + r.out());
        }
        assertEquals("", r.err());
    }

    @Test
    void export_snippetSteps_onlyChosenStep() throws IOException {
        Run r = run(args("{dir}/good.yaml", "--format", "tex", "--snippet", "--steps", "2"));
        assertFalse(r.out().contains("1. Definition"), r.out());
        assertFalse(r.out().contains("\\documentclass"), r.out());
    }

    @Test
    void export_stepOutOfRange_exit2() throws IOException {
        Run r = run(args("{dir}/good.yaml", "--format", "md", "--steps", "1-3"));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no step 3: the derivation has 2 steps"), r.err());
    }

    @Test
    void export_out_writesFileAtomically() throws IOException {
        Run r = run(args("{dir}/good.yaml", "--format", "md", "--out", "{dir}/out.md"));
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(dir.resolve("out.md")).startsWith("# Softmax sample\n"));
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left");
        }
    }

    @Test
    void export_outExistsWithForce_overwrites() throws IOException {
        Run r = run(args("{dir}/good.yaml", "--format", "tex", "--out", "{dir}/taken.tex", "--force"));
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(dir.resolve("taken.tex")).startsWith("\\documentclass{article}"));
    }

    @Test
    void export_outFolderMissing_exit2() throws IOException {
        Run r = run(args("{dir}/good.yaml", "--format", "tex", "--out", "{dir}/nope/out.tex"));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("does not exist"), r.err());
        assertFalse(Files.exists(dir.resolve("nope")));
    }

    @Test
    void export_outIsAFifo_refusedAndLeftAFifo() throws Exception {
        Path fifo = dir.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Run r = run(args("{dir}/good.yaml", "--format", "tex", "--out", fifo.toString(), "--force"));
        assertEquals(2, r.exit(), r.err());
        assertEquals("export: " + fifo + " is a device, pipe or socket, not a regular file; it is never replaced\n",
                r.err().replace("\r", ""));
        assertTrue(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class).isOther(), "still a fifo");
    }

    @Test
    void export_forceOverExistingFile_keepsItsPermissions() throws IOException {
        String[] a = args("{dir}/good.yaml", "--format", "tex", "--out", "{dir}/taken.tex", "--force");
        Path taken = dir.resolve("taken.tex");
        var perms = java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(taken, perms);
        Run r = run(a);
        assertEquals(0, r.exit(), r.err());
        assertEquals(perms, Files.getPosixFilePermissions(taken));
    }
}
