package dev.gradstep.numeric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VectorParserTest {

    static Stream<Arguments> accepted() {
        double[] v = {2, 1, 0.1};
        return Stream.of(
                Arguments.of("2,1,0.1", v),
                Arguments.of("2, 1, 0.1", v),
                Arguments.of("2 1 0.1", v),
                Arguments.of("2\t1\t0.1\r\n", v),
                Arguments.of("2\n1\n0.1\n", v),
                Arguments.of("2;1;0.1", v),
                Arguments.of("[2.  1.  0.1]", v),
                Arguments.of("[2.0, 1.0, 0.1]", v),
                Arguments.of("array([2.0, 1.0, 0.1])", v),
                Arguments.of("np.array([2, 1, 0.1])", v),
                Arguments.of("tensor([2.0000, 1.0000, 0.1000])", v),
                Arguments.of("tensor([2., 1., 0.1], dtype=torch.float64)", v),
                Arguments.of("array([2. , 1. , 0.1], dtype=float32)", v),
                Arguments.of("[[2.0, 1.0, 0.1]]", v),
                Arguments.of("2e0, 1E0, 1e-1", v),
                Arguments.of("[2, 1, 0.1,]", v),
                Arguments.of("+2, 1.0e+0, .1", v),
                Arguments.of("\u22122, 3", new double[] {-2, 3}),
                Arguments.of("-1.5e-300 7", new double[] {-1.5e-300, 7}));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("accepted")
    void parse_acceptedFormats_values(String text, double[] expected) {
        assertArrayEquals(expected, VectorParser.parse(text, "logits"));
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("2,abc,0.1", "'abc' is not a number", 2, 3),
                Arguments.of("1, 2, nan", "NaN is not allowed", 6, 3),
                Arguments.of("[1. NaN]", "NaN is not allowed", 4, 3),
                Arguments.of("1 -inf", "Infinity is not allowed", 2, 4),
                Arguments.of("Infinity,1", "Infinity is not allowed", 0, 8),
                Arguments.of("1e999 2", "'1e999' is too large for a double: Infinity is not allowed", 0, 5),
                Arguments.of("", "no numbers given", 0, 0),
                Arguments.of("  [ ] ", "no numbers given", 0, 6),
                Arguments.of("1, 2x", "'2x' is not a number", 3, 2),
                Arguments.of("1,,2", "empty entry: no number between these two commas", 1, 2),
                Arguments.of("1, 2, , 4", "empty entry: no number between these two commas", 4, 3),
                Arguments.of("1; ,2", "empty entry: no number between these separators", 1, 3),
                Arguments.of("0x10", "'0x10' is not a number", 0, 4),
                Arguments.of("[[1, 2], [3, 4]]", "more than one row: give a single vector, not a matrix", 9, 1));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("rejected")
    void parse_badInput_messageAndOffset(String text, String message, int offset, int length) {
        NumericInputException e = assertThrows(NumericInputException.class, () -> VectorParser.parse(text, "logits"));
        assertEquals(message, e.getMessage());
        assertEquals(offset, e.offset());
        assertEquals(length, e.length());
        assertEquals("logits", e.what());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("rejected")
    void parse_badInput_isIllegalArgument(String text, String message, int offset, int length) {
        assertThrows(IllegalArgumentException.class, () -> VectorParser.parse(text, "labels"));
    }

    @org.junit.jupiter.api.Test
    void parse_numpyEllipsis_explainsShortenedPrint() {
        NumericInputException e = assertThrows(NumericInputException.class,
                () -> VectorParser.parse("[0.1 0.2 ... 0.9]", "logits"));
        assertEquals(9, e.offset());
        assertEquals(3, e.length());
    }
}
