package dev.gradstep.tex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Prose split into words and formulas, written with [..] around each formula so a table can show both. */
class ProseTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            u = e^{z_i} changes with z_j only when i = j, so u' = \\delta_{ij} e^{z_i}. | [u = e^{z_i}] changes with [z_j] only when [i = j], so [u' = \\delta_{ij} e^{z_i}].
            s_i is a quotient u/v with v = the sum                                    | [s_i] is a quotient [u/v] with [v] = the sum
            the derivative of log s_i is 1/s_i.                                       | the derivative of [\\log s_i] is [1/s_i].
            On the diagonal (i = j) the delta is 1                                     | On the diagonal [(i = j)] the [\\delta] is 1
            The softmax turns K logits into probabilities.                             | The softmax turns [K] logits into probabilities.
            Case i \\neq j                                                            | Case [i \\neq j]
            a hint: the sum $-\\sum_{i \\neq j} y_{i} s_{j}$ is missing.              | a hint: the sum [-\\sum_{i \\neq j} y_{i} s_{j}] is missing.
            sign: $s_j$and words                                                     | sign: [s_j]and words
            one $ sign alone, s_i                                                    | one $ sign alone, [s_i]
            and/or the natural log                                                   | and/or the natural log
            I don't think it's maths                                                 | I don't think it's maths
            the delta_ij is 1, and sigma(z_i) with 1 - epsilon                       | the [\\delta_{ij}] is 1, and [\\sigma(z_i)] with [1 - \\epsilon]
            z_i = sum_j h_j w_ji + b_i and dz_1/dw_11 = h_1                         | [z_i = \\sum_j h_j w_{ji} + b_i] and [dz_1/dw_{11} = h_1]
            the gradient is 1/N times                                              | the gradient is [1/N] times
            a word_with under_score stays                                          | a word_with under_score stays
            """)
    void split_table(String prose, String expected) {
        assertEquals(expected, bracketed(prose));
    }

    private static String bracketed(String prose) {
        StringBuilder sb = new StringBuilder();
        for (Prose.Run r : Prose.split(prose)) {
            sb.append(r.spaceBefore() ? " " : "").append(r.math() ? "[" + r.text() + "]" : r.text());
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            the sum $-\\sum_i y_i$ here | the sum -\\sum_i y_i here
            when i = j                  | when i = j
            """)
    void plain_dropsDollarSigns(String prose, String expected) {
        assertEquals(expected, Prose.plain(prose));
    }
}
