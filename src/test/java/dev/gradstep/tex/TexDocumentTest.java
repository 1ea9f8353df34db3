package dev.gradstep.tex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TexDocumentTest {

    private static List<String> rows(String tex) {
        return TexDocument.read(tex).blocks().stream().flatMap(b -> b.rows().stream())
                .map(r -> r.text().replaceAll("\\s+", " ").trim()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        align                 | \\begin{align} a &= b \\\\ &= c \\end{align}                     | a = b;= c
        align star with label | \\begin{align*} a &= b \\label{x} \\nonumber \\\\[2pt] &= c \\end{align*} | a = b;= c
        equation and aligned  | \\begin{equation}\\begin{aligned} a &= b \\\\ &= c \\end{aligned}\\end{equation} | a = b;= c
        gather                | \\begin{gather} a = b \\\\ c = d \\tag{2} \\end{gather}            | a = b;c = d
        brackets              | text \\[ a = b \\] more $x = y$ text                               | a = b
        dollars               | $$ a = b $$ and $c = d$                                            | a = b
        row without equals    | \\begin{align} a &= b \\\\ &\\quad + c \\\\ &= d \\end{align}       | a = b \\quad + c;= d
        comment blanked       | \\[ a = b \\] % \\[ c = d \\]                                    | a = b
        commented block       | % \\[ a = b \\]                                                    | 
        escaped dollar        | costs \\$5 \\[ a = b \\]                                           | a = b
        other environments    | \\begin{itemize} \\item $a=b$ \\end{itemize}                       | 
        cases one row a case  | \\[ f = \\begin{cases} 1 & i = j \\\\ 0 & \\text{otherwise} \\end{cases} \\] | f = 1;f = 0
        cases on a left side  | \\[ \\begin{cases} a \\\\ b \\end{cases} = f \\]                  | \\begin{cases} a \\\\ b \\end{cases} = f
        intertext             | \\begin{align} a &= b \\intertext{so} c &= d \\end{align}          | a = b c = d
        """)
    void read_displayBlocks_rowsAsExpected(String name, String tex, String expected) {
        List<String> want = expected == null ? List.of() : List.of(expected.split(";"));
        assertEquals(want, rows(tex), name);
    }

    @Test
    void read_rowPositions_mapBackToTheFile() {
        String tex = "% notation: logits=z\nintro\n\\begin{align}\n  L &= a \\\\\n    &= b + \\frac{1}{ \\\\\n  &= c\n\\end{align}\n";
        TexDocument doc = TexDocument.read(tex);
        assertEquals("logits=z", doc.notation());
        assertEquals(1, doc.notationLine());
        TexDocument.Block block = doc.blocks().get(0);
        assertEquals(3, block.line());
        List<TexDocument.Row> rows = block.rows();
        assertEquals(3, rows.size());
        assertEquals(new TexDocument.Position(4, 3), rows.get(0).start());
        assertEquals(List.of(4), rows.get(0).equalsLines());
        assertEquals(List.of(5), rows.get(1).equalsLines(), "an unclosed brace does not hide the row's '='");
        assertEquals("b + \\frac{1}{", rows.get(1).segment(0, 1));
        assertEquals("L", rows.get(0).segment(-1, 0));
        int col = rows.get(1).text().indexOf('{') + 1;
        assertEquals(new TexDocument.Position(5, 17), rows.get(1).position(1, col));
    }

    @Test
    void read_equalsInsideGroupsAndConditions_onlyTopLevelCounts() {
        assertEquals(List.of(2), TexDocument.topLevelEquals("a = \\sum_{k=1}^K b (i = j) [i=j]").subList(0, 1));
        assertEquals(1, TexDocument.topLevelEquals("a = \\sum_{k=1}^K b (i = j) [i=j]").size());
    }

    @Test
    void read_unclosedBlock_errorAtItsLine() {
        TexDocument.Block b = TexDocument.read("x\n\\begin{align}\na &= b").blocks().get(0);
        assertEquals(2, b.line());
        assertTrue(b.error().contains("\\end{align}"), b.error());
    }

    @Test
    void read_noNotationComment_null() {
        assertNull(TexDocument.read("\\[ a = b \\]").notation());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        text after ampersand  | a &= b & \\text{(Apply product rule)}         | a = b                  | (Apply product rule)
        quad text             | a = b \\quad \\text{by the chain rule}       | a = b                  | by the chain rule
        tag                   | a = b \\tag{3}                              | a = b                  | (3)
        eq reference          | a = b \\quad eq.(1)                         | a = b                  | eq.(1)
        eqref                 | a = b \\quad \\text{by } \\eqref{soft}      | a = b                  | by soft
        underbrace label      | a = \\underbrace{\\sum_i y_i}_{=1} c        | a = \\underbrace{\\sum_i y_i} c | under the brace: =1
        underbrace text label | a = \\underbrace{b}_{\\text{softmax}} c      | a = \\underbrace{b} c  | under the brace: softmax
        condition stays       | a = b \\quad \\text{if } i = j               | a = b \\quad \\text{if } i = j |
        otherwise stays       | a = b \\quad \\text{otherwise}               | a = b \\quad \\text{otherwise} |
        text as maths stays   | a = \\text{softmax}                         | a = \\text{softmax}    |
        text in a product     | a = b \\cdot \\text{const}                  | a = b \\cdot \\text{const} |
        two annotations       | a = b \\quad \\text{(chain rule)} \\tag{2}  | a = b                  | (chain rule); (2)
        """)
    void read_rowAnnotations_areTheRowsReasonNotItsMaths(String name, String tex, String text, String reason) {
        TexDocument.Row row = TexDocument.read("\\[ " + tex + " \\]").blocks().get(0).rows().get(0);
        assertEquals(text, row.segment(-1, row.equalsOffsets().size()).replaceAll("\\s+", " ").trim(), name);
        assertEquals(reason, row.reason(), name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        range after a comma   | s_i = a_i ,\\: i=1,\\dots,n                      | s_i = a_i              | i=1,\\dots,n
        for all               | g_j = a_j \\quad \\text{for all } j               | g_j = a_j              | for all j
        forall                | g_j = a_j \\quad \\forall j                      | g_j = a_j              | for all j
        parenthesised range   | g_j = a_j \\quad (j = 1, \\ldots, K)             | g_j = a_j              | j = 1, \\ldots, K
        in a set              | g_j = a_j \\quad \\text{for } j \\in \\{1, \\dots, K\\} | g_j = a_j      | for j \\in \\{1, \\dots, K\\}
        condition stays       | g_j = a_j \\quad (i = j)                         | g_j = a_j \\quad (i = j) |
        a subscript stays     | g_j = a_j + y_j                                  | g_j = a_j + y_j        |
        a sum stays           | g = x_1 + \\dots + x_n                           | g = x_1 + \\dots + x_n |
        """)
    void read_rangeAfterTheMaths_isTheRowsDomainNotASteps(String name, String tex, String text, String domain) {
        TexDocument.Row row = TexDocument.read("\\[ " + tex + " \\]").blocks().get(0).rows().get(0);
        assertEquals(text, row.segment(-1, row.equalsOffsets().size()).replaceAll("\\s+", " ").trim(), name);
        assertEquals(domain, row.domain(), name);
    }
}
