package dev.gradstep.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StudentNotationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        logits=z probs=\\hat{y} labels=y loss=L classes=K                | logits=z probs=\\hat{y} labels=y loss=L classes=K
        logits=\\mathbf{x} probs=s(\\mathbf{x}) labels=t loss=E classes=C | logits=x probs=s(x) labels=t loss=E classes=C
        probs=s(X_n) labels=Y classes=K [batch=N]                         | logits=X probs=s(X) labels=Y loss=L classes=K batch=N
        logits=x probs=\\sigma                                             | logits=x probs=\\sigma(x) labels=y loss=L classes=K
        probs=\\operatorname{softmax}(z)                                   | logits=z probs=softmax(z) labels=y loss=L classes=K
        probs=S(\\mathbf{z}) onehot=c                                      | logits=z probs=S(z) labels=y loss=L classes=K onehot=c
        logits = \\theta  probs = p  loss = \\mathcal{L}  labelsum = any    | logits=\\theta probs=p labels=y loss=\\mathcal{L} classes=K labelsum=any
        classes=3                                                         | logits=z probs=s labels=y loss=L classes=3
        """)
    void parse_notationWords_givesCanonicalNotation(String words, String described) {
        assertEquals(described, StudentNotation.parse(words, StudentNotation.Source.FILE).describe());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        colour=red                          | unknown notation key 'colour'
        logits=z logits=x                   | given twice
        probs=\\frac{                        | cannot read probs=\\frac{
        logits=z probs=s(x)                 | is applied to 'x' but logits=z
        labelsum=maybe                      | labelsum must be 'one' or 'any'
        loss=a+b                            | loss=a+b must be one symbol
        just words                          | no notation keys
        logits=                             | has no value
        """)
    void parse_badWords_messageNamesTheProblem(String words, String message) {
        var e = assertThrows(StudentNotation.NotationException.class,
                () -> StudentNotation.parse(words, StudentNotation.Source.COMMAND_LINE));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        hat y and x                 | \\[ \\hat{y}_i = \\frac{e^{x_i}}{\\sum_{k=1}^{C} e^{x_k}} \\] \\[ \\mathcal{L} = -\\sum_i y_i \\log \\hat{y}_i \\] | logits=x probs=\\hat{y} labels=y loss=\\mathcal{L} classes=C
        sigma function              | \\[ \\frac{\\partial L}{\\partial x_j} = \\sigma(x_j) - t_j \\] \\[ L = -\\sum_j t_j \\log \\sigma(x_j) \\]     | logits=x probs=\\sigma(x) labels=t loss=L classes=K
        batch rows                  | \\[ L = -\\frac{1}{N}\\sum_{n=1}^{N}\\sum_{k=1}^{K} Y_{n,k} \\log s(X_n)_k \\]                                 | logits=X probs=s(X) labels=Y loss=L classes=K batch=N
        one-hot without labels      | \\[ L = -\\log p_c \\] \\[ \\frac{\\partial L}{\\partial o_i} = p_i - \\delta_{ic} \\]                          | logits=o probs=p labels=y loss=L classes=K onehot=c
        """)
    void guess_fromSymbols_givesNotation(String name, String tex, String described) {
        StudentReport r = StudentChecker.read(name, tex, null);
        assertEquals(StudentNotation.Source.GUESSED, r.notation().source());
        assertEquals(described, r.notation().describe());
    }
}
