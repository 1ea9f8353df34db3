package dev.gradstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check FILE.tex}: the readable report, the JSON shape of the issue, and the exit codes. */
class StudentCheckCommandTest {

    private static final Path DIR = Path.of("src", "test", "resources", "student");

    @TempDir
    Path temp;

    private static CliRun run(String... args) {
        return CliRun.of(new CheckCommand(), args);
    }

    private static String file(String name) {
        return DIR.resolve(name).toString();
    }

    @Test
    void check_texWithAWrongLine_exit1AndReportMarksIt() {
        CliRun r = run("--numeric-only", file("homework.tex"));
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().contains("notation logits=z probs=\\hat{y} labels=y loss=L classes=K (file)"), r.out());
        assertTrue(r.out().matches("(?s).*line  13  WRONG\\*.*"), r.out());
        assertTrue(r.out().contains("counterexample: K=2, i=1, j=2, logits ("), r.out());
        assertTrue(r.out().contains("hint: sign: the right side is the negative of the true value"), r.out());
        assertTrue(r.out().contains("correction: \\frac{\\partial \\hat{y}_{i}}{\\partial z_{j}} = -\\hat{y}_{i} \\hat{y}_{j} \\quad (i \\neq j)   [checked: holds, by numbers]"), r.out());
        assertTrue(r.out().contains("9 steps: 8 hold, 1 wrong, 0 unreadable, 0 undecided -- NOT OK"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void check_twoReadingsOfASum_markedAmbiguousWithBothNeverWrong() throws IOException {
        Path f = temp.resolve("scope.tex");
        Files.writeString(f, "% notation: logits=z probs=s labels=y loss=L classes=K\n"
                + "\\[ 0 \\cdot s_i + 1 = \\sum_i s_i y_i - s_i y_i + s_i \\]\n");
        CliRun r = run("--numeric-only", f.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("line   2  AMBIGUOUS"), r.out());
        assertTrue(r.out().contains("two readings: as the operators are usually scoped, at K="), r.out());
        assertTrue(r.out().contains("1 step: 0 hold, 0 wrong, 0 unreadable, 0 undecided, 1 ambiguous -- NOT OK"), r.out());
        assertTrue(!r.out().contains("hint:") && !r.out().contains("counterexample:"), r.out());
        CliRun json = run("--numeric-only", "--json", f.toString());
        assertTrue(json.out().contains("\"holds\": null") && json.out().contains("\"ambiguous\": true")
                && json.out().contains("\"reading\": \"two readings: "), json.out());
    }

    @Test
    void check_rowAnnotations_shownAsTheStatedReasonNeverAsMaths() throws IOException {
        Path f = temp.resolve("reasons.md");
        Files.writeString(f, "<!-- notation: logits=z probs=s labels=y loss=L classes=K -->\n$$\n\\begin{aligned}\n"
                + "\\frac{\\partial L}{\\partial z_j} &= -\\sum_i \\frac{y_i}{s_i} \\frac{\\partial s_i}{\\partial z_j}"
                + " & \\text{(Apply chain rule)} \\\\\n&= s_j - y_j \\tag{3}\n\\end{aligned}\n$$\n");
        CliRun r = run("--numeric-only", f.toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("stated reason: (Apply chain rule)"), r.out());
        assertTrue(r.out().contains("stated reason: (3)"), r.out());
        CliRun json = run("--numeric-only", "--json", f.toString());
        assertTrue(json.out().contains("\"reason\": \"(Apply chain rule)\"") && json.out().contains("\"reason\": \"(3)\""),
                json.out());
    }

    @Test
    void check_correctTex_exit0() {
        CliRun r = run("--numeric-only", file("homework-correct.tex"));
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("9 steps: 9 hold, 0 wrong"), r.out());
    }

    @Test
    void check_texWithSymja_stepsConfirmedByBoth() {
        CliRun r = run("--json", file("homework-correct.tex"));
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("\"basis\": \"both\""), r.out());
        assertTrue(!r.out().contains("\"holds\": false") && !r.out().contains("\"holds\": null"), r.out());
    }

    @Test
    void check_unreadableLine_exit1AndErrorNamesLineColumnToken() {
        CliRun r = run("--numeric-only", file("homework-unreadable.tex"));
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("line   4  UNREADABLE"), r.out());
        assertTrue(r.out().contains("line 4, column "), r.out());
        assertTrue(r.out().contains("(at '{')"), r.out());
        assertTrue(r.out().contains("line   5  OK         = s_j - y_j   [numbers]"), "the rest is still checked:\n" + r.out());
    }

    @Test
    void check_json_exactlyTheDocumentedShape() {
        CliRun r = run("--numeric-only", "--json", file("homework.tex"));
        assertEquals(1, r.exit());
        String json = r.out().trim();
        assertTrue(json.startsWith("{\"file\": \"" + file("homework.tex").replace("\\", "\\\\") + "\", \"notation\": {\"logits\": \"z\", "
                + "\"probs\": \"\\\\hat{y}\", \"labels\": \"y\", \"loss\": \"L\", \"classes\": \"K\", \"batch\": null, "
                + "\"onehot\": null, \"labelsum\": \"one\", \"source\": \"file\"}, \"readAs\": \"latex\", \"warnings\": [], \"blocks\": [{\"line\": 8, \"lhs\": "
                + "\"\\\\hat{y}_i\", \"steps\": [{\"line\": 8, \"rhs\": \"\\\\frac{e^{z_i}}{\\\\sum_{k=1}^{K} e^{z_k}}\", "
                + "\"holds\": true, \"link\": true, \"condition\": null, \"basis\": \"numeric\", \"counterexample\": null, "
                + "\"hint\": null, \"hintKind\": null, \"correction\": null, \"error\": null, \"ambiguous\": false, "
                + "\"reading\": null, \"reason\": null}]}"), json);
        Matcher wrong = Pattern.compile("\\{\"line\": 13, \"rhs\": \"[^\"]+\", \"holds\": false, \"link\": false, "
                + "\"condition\": \"i \\\\\\\\neq j\", \"basis\": \"numeric\", \"counterexample\": \\{\"classes\": 2, "
                + "\"indices\": \\{\"i\": 1, \"j\": 2\\}, \"logits\": \\[[^\\]]+\\], \"labels\": \\[\\], \"parameters\": \\{\\}, "
                + "\"left\": \"-0\\.168[0-9]+\", \"right\": \"0\\.168[0-9]+\"\\}, \"hint\": \"sign: [^\"]+\", \"hintKind\": \"SIGN\", "
                + "\"correction\": \\{\"tex\": \"[^\"]+\", \"rhs\": \"-\\\\\\\\hat\\{y\\}_\\{i\\} \\\\\\\\hat\\{y\\}_\\{j\\}\", "
                + "\"holds\": true, \"basis\": \"numeric\", \"from\": \"repair\"\\}, \"error\": null, \"ambiguous\": false, \"reading\": null, \"reason\": null\\}")
                .matcher(json);
        assertTrue(wrong.find(), json);
        assertTrue(json.contains("{\"line\": 19, \"lhs\": \"\\\\frac{\\\\partial L}{\\\\partial z_j}\", \"steps\": [{\"line\": 20,"), json);
        assertTrue(json.endsWith("]}"), json);
    }

    @Test
    void check_notationOnCommandLine_overridesAndGuessIsReported() throws IOException {
        Path f = temp.resolve("p.tex");
        Files.writeString(f, "\\[ \\frac{\\partial J}{\\partial a_j} = p_j - t_j \\]\n");
        CliRun guessed = run("--numeric-only", f.toString());
        assertTrue(guessed.out().contains("(guessed)"), guessed.out());
        CliRun given = run("--numeric-only", "--notation", "logits=a probs=p labels=t loss=J classes=K", f.toString());
        assertEquals(0, given.exit(), given.out());
        assertTrue(given.out().contains("notation logits=a probs=p labels=t loss=J classes=K (command line)"), given.out());
    }

    @Test
    void check_badNotation_exit2WithMessage() {
        CliRun r = run("--numeric-only", "--notation", "logits=z colour=red", file("homework.tex"));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("notation: unknown notation key 'colour' (known: logits, probs,"), r.err());
    }

    @Test
    void check_missingTex_exit2() {
        CliRun r = run("--numeric-only", temp.resolve("none.tex").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no such file"), r.err());
    }

    @Test
    void check_markdownPost_readsDollarBlocksAndSkipsCode() throws IOException {
        Path md = temp.resolve("post.md");
        Files.writeString(md, "# Softmax gradient\n\n```python\n$$ s_i = 2 $$\n```\n\nWith `$$x = 1 + 2$$` in code.\n\n"
                + "$$\\begin{split}\n\\frac{\\partial L}{\\partial z_j} &= s_j - y_j \\\\\n&= y_j - s_j\n\\end{aligned}$$\n");
        CliRun r = run("--numeric-only", md.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("read as Markdown"), r.out() + r.err());
        assertTrue(r.out().contains("warning: line 9: \\begin{split} is closed by \\end{aligned} on line 12"), r.out());
        assertTrue(r.out().matches("(?s).*line  10 +OK .*line  11 +WRONG\\* .*"), r.out());
        assertEquals(2, r.out().split("line  1[01]", -1).length - 1, "code is never read as maths: " + r.out());
    }

    @Test
    void check_notebook_positionsAreCellAndLine() throws IOException {
        Path nb = temp.resolve("grad.ipynb");
        Files.writeString(nb, "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"x = 1\\n\"]},"
                + " {\"cell_type\": \"markdown\", \"source\": [\"Intro\\n\"]},"
                + " {\"cell_type\": \"markdown\", \"source\": [\"So\\n\", \"$$\\\\frac{\\\\partial L}{\\\\partial z_j} = s_j - y_j$$\"]}],"
                + " \"nbformat\": 4}");
        CliRun r = run("--numeric-only", nb.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("c3:l2     OK"), r.out());
        CliRun j = run("--numeric-only", "--json", nb.toString());
        assertTrue(j.out().contains("\"steps\": [{\"cell\": 3, \"line\": 2,"), j.out());
    }

    @Test
    void check_folder_takesMarkdownAndNotebooksAndNoMathsFileGetsOneMessage() throws IOException {
        Files.writeString(temp.resolve("a.md"), "$$\\frac{\\partial L}{\\partial z_j} = s_j - y_j$$\n");
        Files.writeString(temp.resolve("notes.txt"), "nothing to see\n");
        Files.writeString(temp.resolve("image.png"), "not read");
        CliRun r = run("--numeric-only", temp.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("a.md: notation"), r.out());
        assertTrue(r.err().contains("notes.txt: no derivation and no maths to check here. GradStep reads"), r.err());
        assertTrue(!r.out().contains("image.png") && !r.err().contains("image.png"), r.err());
    }

    @Test
    void check_unknownNotationKey_warningWithDidYouMeanAndTheRestChecked() throws IOException {
        Path md = temp.resolve("n.md");
        Files.writeString(md, "<!-- notation: logits=a probz=p labels=t -->\n\n$$\\frac{\\partial L}{\\partial a_j} = p_j - t_j$$\n");
        CliRun r = run("--numeric-only", md.toString());
        assertTrue(r.out().contains("warning: line 1: unknown notation key 'probz' (did you mean 'probs'?) is ignored"), r.out() + r.err());
        assertTrue(r.out().contains("logits=a"), r.out());
    }
}
