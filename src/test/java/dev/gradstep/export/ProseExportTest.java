package dev.gradstep.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An author's reasons as exported: formulas written in the prose become inline maths, the rest stays words. */
class ProseExportTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            u = e^{z_i} changes with z_j only when i = j, so u' = \\delta_{ij} e^{z_i}. | $u = e^{z_i}$ changes with $z_j$ only when $i = j$, so $u' = \\delta_{ij} e^{z_i}$.
            its derivative is (u'v - uv')/v^2.                                      | its derivative is $(u'v - uv')/v^2$.
            the delta_ij is 1                                                        | the $\\delta_{ij}$ is 1
            a word_with under_score                                                  | a word\\_with under\\_score
            a brace {a_1 left open                                                   | a brace \\{a\\_1 left open
            an unknown \\foo_x command                                               | an unknown \\textbackslash{}foo\\_x command
            I don't think it's maths                                                 | I don't think it's maths
            (s_i) alone, then s_i(1 - s_i)                                           | $(s_i)$ alone, then $s_i(1 - s_i)$
            """)
    void latexProse_table(String why, String expected) {
        assertEquals(expected, LatexExporter.prose(why));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            so v' = e^{z_j}.                | so $v' = e^{z_j}$.
            the delta_ij is 1               | the $\\delta_{ij}$ is 1
            """)
    void markdownProse_table(String why, String expected) {
        assertEquals(expected, MarkdownExporter.prose(why));
    }
}
