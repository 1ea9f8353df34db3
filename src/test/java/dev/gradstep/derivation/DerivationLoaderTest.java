package dev.gradstep.derivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradstep.derivation.DerivationLoader.LoadException;
import dev.gradstep.derivation.DerivationLoader.LoadProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DerivationLoaderTest {

    private final DerivationLoader loader = new DerivationLoader();

    static String resource(String name) {
        try (InputStream in = DerivationLoaderTest.class.getResourceAsStream("/loader/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String validFile(String id) {
        return "id: " + id + "\n"
                + "title: Sample " + id + "\n"
                + "steps:\n"
                + "  - tex: 's_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}'\n"
                + "    rule: definition\n"
                + "    why: The softmax turns logits into probabilities.\n";
    }

    private List<LoadProblem> problemsOf(String text) {
        LoadException e = assertThrows(LoadException.class, () -> loader.parse(text, "t.yaml"));
        assertFalse(e.problems().isEmpty());
        return e.problems();
    }

    private static boolean has(List<LoadProblem> problems, int line, String fragment) {
        return problems.stream().anyMatch(p -> p.line() == line && p.message().contains(fragment));
    }

    private static String show(List<LoadProblem> problems) {
        return problems.stream().map(LoadProblem::describe).collect(Collectors.joining("\n"));
    }

    @Test
    void load_validFile_readsEveryField() throws Exception {
        Derivation d = loader.parse(resource("valid-full.yaml"), "valid-full.yaml");

        assertEquals("softmax-quotient-sample", d.id());
        assertEquals("Softmax derivative by the quotient rule", d.title());
        assertEquals("A short sample with every key used.", d.summary());
        assertEquals(new Notation("x", "p", "t", "E", "C", "N", "c"), d.notation());
        assertEquals(Set.of(Assumption.LABELS_SUM_TO_ONE, Assumption.ONE_HOT), d.assumptions());
        assertEquals("valid-full.yaml", d.source());
        assertEquals(3, d.steps().size());

        Step first = d.steps().get(0);
        assertEquals(1, first.number());
        assertEquals(Rule.DEFINITION, first.rule());
        assertEquals("p_i = \\frac{e^{x_i}}{\\sum_{k=1}^{C} e^{x_k}}", first.tex());
        assertEquals("The softmax turns logits into probabilities.", first.why());
        assertEquals(15, first.sourceLine());
        assertFalse(first.line().isContinuation());

        Step second = d.steps().get(1);
        assertEquals(2, second.number());
        assertEquals(Rule.QUOTIENT_RULE, second.rule());
        assertEquals(Map.of("u", "e^{x_i}", "v", "\\sum_k e^{x_k}"), second.parts());
        assertTrue(second.tex().startsWith("\\frac{\\partial p_i}{\\partial x_j}\n"), second.tex());
        assertEquals(18, second.sourceLine());

        Step third = d.steps().get(2);
        assertEquals(Rule.CASE_EQUAL, third.rule());
        assertTrue(third.markedWrong());
        assertEquals("\\frac{\\partial p_i}{\\partial x_j} = p_i (1 - p_i) \\quad (i = j)", third.mistake().correctTex());
        assertEquals("The sign is flipped.", third.mistake().explanation());
        assertTrue(d.isExercise());
    }

    @Test
    void load_withoutNotation_usesDefaults() throws Exception {
        Derivation d = loader.parse(validFile("plain"), "plain.yaml");
        assertEquals(Notation.DEFAULT, d.notation());
        assertTrue(d.assumptions().isEmpty());
        assertEquals("", d.summary());
        assertNull(d.steps().get(0).mistake());
    }

    static Stream<Arguments> problemCases() {
        return Stream.of(
                Arguments.of("bad YAML syntax",
                        "id: a\ntitle: t\nsteps:\n  - tex: 'x = y'\n   rule: definition\n", 5, "YAML syntax"),
                Arguments.of("unclosed flow list",
                        "id: a\ntitle: [t\nsteps: []\n", 3, "YAML syntax"),
                Arguments.of("unknown key with suggestion",
                        "id: a\ntitle: t\nstpes: []\n", 3, "unknown key 'stpes' (did you mean 'steps'?)"),
                Arguments.of("unknown key without a near one",
                        "id: a\ntitle: t\nflavour: x\nsteps: []\n", 3, "unknown key 'flavour' (known keys: id, title"),
                Arguments.of("unknown step key",
                        "id: a\ntitle: t\nsteps:\n  - tex: 'x = y'\n    rule: definition\n    whu: because\n",
                        6, "unknown key 'whu' in step 1 (did you mean 'why'?)"),
                Arguments.of("missing tex",
                        "id: a\ntitle: t\nsteps:\n  - rule: definition\n    why: because\n", 4, "missing 'tex' in step 1"),
                Arguments.of("missing why",
                        "id: a\ntitle: t\nsteps:\n  - tex: 'x = y'\n    rule: definition\n", 4, "missing 'why' in step 1"),
                Arguments.of("empty why",
                        "id: a\ntitle: t\nsteps:\n  - tex: 'x = y'\n    rule: definition\n    why: ''\n", 6, "'why' in step 1 is empty"),
                Arguments.of("unknown rule lists the known ones",
                        "id: a\ntitle: t\nsteps:\n  - tex: 'x = y'\n    rule: quotient-rul\n    why: w\n",
                        5, "unknown rule 'quotient-rul' in step 1 (did you mean 'quotient-rule'?); known rules: definition, quotient-rule"),
                Arguments.of("missing id",
                        "title: t\nsteps:\n  - tex: 'x = y'\n    rule: definition\n    why: w\n", 1, "missing 'id'"),
                Arguments.of("bad id",
                        "id: Soft Max\ntitle: t\nsteps: []\n", 1, "id 'Soft Max' may use only lower-case"),
                Arguments.of("steps not a list",
                        "id: a\ntitle: t\nsteps: hello\n", 3, "'steps' must be a list"),
                Arguments.of("empty steps",
                        "id: a\ntitle: t\nsteps: []\n", 3, "'steps' is empty"),
                Arguments.of("title is a list",
                        "id: a\ntitle: [a, b]\nsteps: []\n", 2, "'title' must be text, not a list"),
                Arguments.of("notation typo",
                        "id: a\ntitle: t\nnotation:\n  logit: x\nsteps: []\n", 4, "unknown key 'logit' in notation (did you mean 'logits'?)"),
                Arguments.of("unknown assumption",
                        "id: a\ntitle: t\nassumptions: [labels-sum-to-1]\nsteps: []\n", 3,
                        "unknown assumption 'labels-sum-to-1' (did you mean 'labels-sum-to-one'?); known assumptions: labels-sum-to-one, one-hot"),
                Arguments.of("duplicate key",
                        "id: a\ntitle: t\ntitle: u\nsteps: []\n", 3, "duplicate key 'title'"),
                Arguments.of("mistake without explanation",
                        "id: a\ntitle: t\nsteps:\n  - tex: 'x = y'\n    rule: definition\n    why: w\n    mistake:\n      correct: 'x = z'\n",
                        8, "missing 'explanation' in the mistake of step 1"),
                Arguments.of("not a mapping",
                        "- just\n- a list\n", 1, "a derivation file is a mapping"),
                Arguments.of("empty file", "", 1, "the file is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problemCases")
    void load_badFile_reportsProblemAtLine(String name, String yaml, int line, String fragment) {
        List<LoadProblem> problems = problemsOf(yaml);
        assertTrue(has(problems, line, fragment), () -> "wanted line " + line + " '" + fragment + "' in\n" + show(problems));
    }

    @Test
    void load_unknownKey_suggestsNearest() {
        List<LoadProblem> problems = problemsOf("id: a\ntitel: t\nsteps: []\n");
        assertTrue(has(problems, 2, "unknown key 'titel' (did you mean 'title'?)"), show(problems));
        assertTrue(has(problems, 1, "missing 'title'"), show(problems));
    }

    @Test
    void load_problem_describesFileLineColumn() {
        List<LoadProblem> problems = problemsOf("id: a\ntitle: t\n  stpes: []\nsteps: []\n");
        LoadProblem p = problems.get(0);
        assertEquals("t.yaml", p.source());
        assertTrue(p.describe().startsWith("t.yaml:" + p.line() + ":" + p.column() + ": "), p.describe());
    }

    @Test
    void load_severalProblems_collectsThemAll() {
        List<LoadProblem> problems = problemsOf(resource("several-problems.yaml"));
        assertTrue(has(problems, 3, "unknown key 'stpes' (did you mean 'steps'?)"), show(problems));
        assertTrue(has(problems, 6, "unknown rule 'defintion' in step 1 (did you mean 'definition'?)"), show(problems));
        assertTrue(has(problems, 8, "missing 'tex' in step 2"), show(problems));
        assertTrue(has(problems, 10, "missing 'why' in step 3"), show(problems));
        for (int i = 1; i < problems.size(); i++) {
            assertTrue(problems.get(i - 1).line() <= problems.get(i).line(), "problems are in file order");
        }
    }

    @Test
    void load_severalProblems_reportsExactlyThoseWithRealReader() {
        List<LoadProblem> problems = problemsOf(resource("several-problems.yaml"));
        assertEquals(4, problems.size(), show(problems));
    }

    @Test
    void load_unreadableTex_reportedAtFileLineAndColumn() {
        List<LoadProblem> problems = problemsOf(resource("bad-tex.yaml"));
        assertEquals(2, problems.size(), show(problems));

        LoadProblem quoted = problems.get(0);
        assertEquals(7, quoted.line(), show(problems));
        assertTrue(quoted.message().startsWith("cannot read step 2: "), quoted.message());
        assertTrue(quoted.message().endsWith("(at '}')"), quoted.message());
        assertEquals(28, quoted.column(), "the extra brace is column 28 of line 7");

        LoadProblem block = problems.get(1);
        assertEquals(12, block.line(), show(problems));
        assertTrue(block.message().startsWith("cannot read step 3: "), block.message());
        assertEquals(22, block.column(), "the extra brace is column 22 of line 12");
    }

    @Test
    void load_unreadablePart_reportedForThatPart() {
        String yaml = validFile("p") + "    parts: {u: 'e^{z_i}}'}\n";
        List<LoadProblem> problems = problemsOf(yaml);
        assertTrue(has(problems, 7, "cannot read part 'u' of step 1"), show(problems));
    }

    @Test
    void load_firstStepContinuation_isAProblem() {
        String yaml = "id: a\ntitle: t\nsteps:\n  - tex: '= s_j - y_j'\n    rule: result\n    why: w\n";
        List<LoadProblem> problems = problemsOf(yaml);
        assertEquals(1, problems.size(), show(problems));
        assertTrue(has(problems, 4, "step 1 cannot start with '='"), show(problems));
    }

    @Test
    void load_aliasBomb_refusedAtFirstAnchor() {
        StringBuilder bomb = new StringBuilder("id: lol\ntitle: t\n");
        bomb.append("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(p);
            }
            bomb.append("]\n");
        }
        bomb.append("steps: []\n");
        List<LoadProblem> problems = problemsOf(bomb.toString());
        assertEquals(1, problems.size(), show(problems));
        assertTrue(has(problems, 3, "anchors and aliases"), show(problems));
    }

    @Test
    void load_scalarAlias_refused() {
        List<LoadProblem> problems = problemsOf("id: &x a\ntitle: *x\nsteps: []\n");
        assertTrue(has(problems, 1, "anchors and aliases"), show(problems));
    }

    @Test
    void parse_oversizedText_refused() {
        String big = "summary: '" + "x".repeat(DerivationLoader.MAX_FILE_BYTES) + "'\n";
        List<LoadProblem> problems = problemsOf(big);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).message().contains("larger than 1 MiB"), show(problems));
    }

    @Test
    void load_oversizedFile_refusedWithoutParsing(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("big.yaml");
        Files.write(f, new byte[DerivationLoader.MAX_FILE_BYTES + 1]);
        LoadException e = assertThrows(LoadException.class, () -> loader.load(f));
        assertTrue(e.getMessage().contains("larger than 1 MiB"), e.getMessage());
        assertEquals(f.toString(), e.problems().get(0).source());
    }

    @Test
    void load_missingFile_saysSo(@TempDir Path dir) {
        LoadException e = assertThrows(LoadException.class, () -> loader.load(dir.resolve("nope.yaml")));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void load_notUtf8_saysSo(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("latin1.yaml");
        Files.write(f, "title: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        LoadException e = assertThrows(LoadException.class, () -> loader.load(f));
        assertTrue(e.getMessage().contains("latin1.yaml:1:11: byte 0xE9 at offset 10 (line 1, column 11) is not valid UTF-8"),
                e.getMessage());
    }

    @Test
    void loadFolder_oneBadFile_othersStillLoad(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("b-good.yaml"), validFile("good-b"));
        Files.writeString(dir.resolve("a-good.yml"), validFile("good-a"));
        Files.writeString(dir.resolve("c-bad.yaml"), "id: bad\ntitle: t\nstpes: []\n");
        Files.writeString(dir.resolve("notes.txt"), "not a derivation");
        Files.createDirectory(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub").resolve("hidden.yaml"), validFile("hidden"));

        DerivationLoader.Library lib = loader.loadFolder(dir);

        assertEquals(List.of("good-a", "good-b"), lib.derivations().stream().map(Derivation::id).toList());
        assertFalse(lib.problems().isEmpty());
        assertTrue(lib.problems().stream().allMatch(p -> p.source().endsWith("c-bad.yaml")), show(lib.problems()));
    }

    @Test
    void loadById_namedFile_readAloneAndOthersNot(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("wanted.yaml"), validFile("wanted"));
        Files.writeString(dir.resolve("other.yaml"), "id: other\ntitle: [\n");
        Files.writeString(dir.resolve("misnamed.yaml"), validFile("not-misnamed"));
        assertEquals("wanted", loader.loadById(dir, "wanted").orElseThrow().id());
        assertTrue(loader.loadById(dir, "other").isEmpty(), "a file that does not read cleanly waits for the full read");
        assertTrue(loader.loadById(dir, "misnamed").isEmpty(), "the file's id must be the one asked for");
        assertTrue(loader.loadById(dir, "absent").isEmpty());
    }

    @Test
    void loadById_idThatNamesAPath_refusedWithoutReading(@TempDir Path dir) throws IOException {
        Path inside = Files.createDirectory(dir.resolve("library"));
        Files.writeString(dir.resolve("outside.yaml"), validFile("outside"));
        for (String id : List.of("../outside", "sub/x", "/etc/passwd", ".hidden", "")) {
            assertTrue(loader.loadById(inside, id).isEmpty(), id);
        }
    }

    @Test
    void loadById_bundled_readsTheFlagshipFromTheResources() {
        Derivation d = loader.loadById(null, "softmax-ce-quotient").orElseThrow();
        assertEquals("derivations/softmax-ce-quotient.yaml", d.source());
        assertFalse(d.steps().isEmpty());
    }

    @Test
    void loadFolder_badFile_reportedWithoutThrowing(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), "id: bad\ntitle: [\n");
        DerivationLoader.Library lib = loader.loadFolder(dir);
        assertTrue(lib.derivations().isEmpty());
        assertTrue(lib.problems().stream().anyMatch(p -> p.source().equals(dir.resolve("bad.yaml").toString())
                && p.message().startsWith("YAML syntax")), show(lib.problems()));
    }

    @Test
    void loadFolder_duplicateId_problemForSecondFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("one.yaml"), validFile("same"));
        Files.writeString(dir.resolve("two.yaml"), "# a comment first\n" + validFile("same"));

        DerivationLoader.Library lib = loader.loadFolder(dir);

        assertEquals(1, lib.derivations().size());
        assertEquals(dir.resolve("one.yaml").toString(), lib.derivations().get(0).source());
        assertEquals(1, lib.problems().size(), show(lib.problems()));
        LoadProblem p = lib.problems().get(0);
        assertEquals(dir.resolve("two.yaml").toString(), p.source());
        assertEquals(2, p.line());
        assertTrue(p.message().contains("duplicate id 'same'"), p.message());
        assertTrue(p.message().contains("one.yaml"), p.message());
    }

    @Test
    void loadFolder_missingFolder_isAProblemNotAnException(@TempDir Path dir) {
        DerivationLoader.Library lib = loader.loadFolder(dir.resolve("absent"));
        assertTrue(lib.derivations().isEmpty());
        assertEquals(1, lib.problems().size());
        assertTrue(lib.problems().get(0).message().contains("not a folder"));
    }

    @Test
    void loadFolder_oversizedFile_refused(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("big.yaml"), new byte[DerivationLoader.MAX_FILE_BYTES + 10]);
        DerivationLoader.Library lib = loader.loadFolder(dir);
        assertEquals(1, lib.problems().size());
        assertTrue(lib.problems().get(0).message().contains("larger than 1 MiB"));
    }

    @Test
    void load_sourceLineOfEachStep_isItsTexKey() throws Exception {
        String yaml = "id: a\ntitle: t\nsteps:\n"
                + "  - rule: definition\n    why: w\n    tex: 's_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}'\n"
                + "  - tex: '= \\frac{e^{z_i}}{\\sum_k e^{z_k}}'\n    rule: simplify\n    why: w\n";
        Derivation d = loader.parse(yaml, "t.yaml");
        assertEquals(6, d.steps().get(0).sourceLine());
        assertEquals(7, d.steps().get(1).sourceLine());
        assertNotNull(d.steps().get(1).line());
        assertTrue(d.steps().get(1).line().isContinuation());
    }

    @Test
    void parse_yamlNestedFiftyThousandDeep_problemAtFileAndLineNoStackOverflow() {
        String text = "id: deep\ntitle: t\nsteps: " + "[".repeat(50_000) + "]".repeat(50_000) + "\n";
        List<LoadProblem> problems = problemsOf(text);
        assertTrue(has(problems, 3, "nested more than " + DerivationLoader.MAX_NESTING), show(problems));
        assertEquals("t.yaml", problems.get(0).source());
    }
}
