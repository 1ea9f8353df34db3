package dev.gradstep.tex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Containers and delimiters: what each form of document gives as rows, and where they are. */
class DocumentTextTest {

    private static List<String> rows(String name, String text) {
        return TexDocument.read(DocumentText.read(name, text)).blocks().stream().flatMap(b -> b.rows().stream())
                .map(r -> r.text().replaceAll("\\s+", " ").trim()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        dollars                  | p.md  | see $$ a = \\frac{1}{2} $$ here                      | a = \\frac{1}{2}
        kramdown inline dollars  | p.md  | so $$a = b + c$$ and on                              | a = b + c
        brackets                 | p.md  | \\[ a = b + c \\]                                    | a = b + c
        parentheses inline       | p.md  | so \\( L = -\\log s_c \\) holds                      |
        inline claim in prose    | p.md  | we get $\\frac{\\partial L}{\\partial z} = s - y$.  | \\frac{\\partial L}{\\partial z} = s - y
        inline qualified claim   | p.md  | if $\\frac{\\partial L}{\\partial z} = s - y$.      |
        dollars inside inline    | p.md  | $a$ then $$b = c + d$$                               | b = c + d
        inline condition is prose| p.md  | where $i = j$ and $y_c = 1$                          |
        inline without equals    | p.md  | the loss $L$ is                                      |
        price is no delimiter    | p.md  | it costs \\$5 and \\$6 = a + b                      |
        code span                | p.md  | run `$$a = b + c$$` now                              |
        code fence               | p.md  | ```\\n$$a = b + c$$\\n```                           |
        math fence               | p.md  | ```math\\na = b + c\\n```                           | a = b + c
        gathered in dollars      | p.md  | $$\\begin{gathered} a = b + c \\\\ d = e + f \\end{gathered}$$ | a = b + c;d = e + f
        eqnarray                 | p.tex | \\begin{eqnarray} a &=& b + c \\end{eqnarray}        | a = b + c
        multline                 | p.tex | \\begin{multline} a = b \\\\ + c \\end{multline}      | a = b + c
        split in equation        | p.tex | \\begin{equation}\\begin{split} a &= b + c \\end{split}\\end{equation} | a = b + c
        """)
    void read_containerAndDelimiter_rowsAsExpected(String name, String file, String text, String expected) {
        List<String> want = expected == null ? List.of() : List.of(expected.split(";"));
        assertEquals(want, rows(file, text.replace("\\n", "\n")), name);
    }

    @Test
    void read_mismatchedTopLevelEnvironment_readWithAWarning() {
        TexDocument doc = TexDocument.read(DocumentText.read("a.tex", "\\begin{align}\n a &= b + c \\\\\n &= d\n\\end{aligned}\n"));
        assertEquals(2, doc.blocks().get(0).rows().size());
        assertEquals(List.of("line 1: \\begin{align} is closed by \\end{aligned} on line 4; read as one block"), doc.warnings());
    }

    @Test
    void read_notebook_markdownCellsOnlyWithCellAndLine() {
        String nb = "{\"cells\": [{\"cell_type\": \"markdown\", \"source\": \"# Title\\nText\"},"
                + " {\"cell_type\": \"code\", \"source\": [\"$$a = b + c$$\\n\"]},"
                + " {\"cell_type\": \"markdown\", \"source\": [\"So\\n\", \"\\n\", \"$$a = b + d$$\\n\"]}]}";
        DocumentText text = DocumentText.read("n.ipynb", nb);
        assertEquals(DocumentText.Kind.NOTEBOOK, text.kind());
        TexDocument doc = TexDocument.read(text);
        assertEquals(1, doc.blocks().size(), "code cells are not read");
        int line = doc.blocks().get(0).rows().get(0).start().line();
        assertEquals("cell 3, line 3", doc.places().label(line));
    }

    @Test
    void read_brokenNotebook_oneErrorNamingThePlace() {
        TexDocument doc = TexDocument.read(DocumentText.read("n.ipynb", "{\"cells\": [\n{\"cell_type\": }"));
        assertNotNull(doc.blocks().get(0).error());
        assertTrue(doc.blocks().get(0).error().startsWith("not a readable notebook: broken JSON at line 2"),
                doc.blocks().get(0).error());
    }
}
