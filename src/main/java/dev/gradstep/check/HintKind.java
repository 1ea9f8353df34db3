package dev.gradstep.check;

/**
 * The kinds of mistake a hint names, each with a one-line example of the slip it explains. A hint
 * of a repair kind is offered only after numbers confirm that the repaired line holds.
 */
public enum HintKind {
    /** {@code s_j - y_j} where the true value is {@code y_j - s_j}. */
    SIGN("the whole right side has the wrong sign"),
    /** {@code -y_j(1 - s_j) - \sum_{i \neq j} y_i s_j}: one term's sign flipped. */
    SIGN_IN_TERM("one term has the wrong sign"),
    /** {@code 2(\sigma(z_j) - y_j)}: an extra (or a missing) factor of 2. */
    FACTOR_TWO("a factor of 2 too many or too few"),
    /** {@code 3(s_j - y_j)}: another constant factor. */
    FACTOR("a constant factor too many or too few"),
    /** {@code S_{n,i} - Y_{n,i}} for the batch mean: the 1/N is missing. */
    MISSING_1_OVER_N("the 1/N of a batch mean is missing (or extra)"),
    /** {@code -y_i(1 - p_i) = -y_i + p_i}: a factor dropped when multiplying out. */
    DROPPED_FACTOR("a factor dropped from one term"),
    /** {@code \sigma(A_i) - Y_i = \sigma(A_i) - 1}: the label replaced by 1, as if one-hot at i. */
    ONE_HOT_ASSUMED("a one-hot label the file does not assume"),
    /** {@code s_j - y_j} with labels that need not sum to one. */
    LABELS_SUM_ASSUMED("labels summed to one where they need not"),
    /** {@code -\sum_i y_i / s_i} for {@code \partial L / \partial s_i}: a sum that should not be there. */
    SUM_KEPT("a sum over a free index"),
    /** {@code -Y_i(1 - \sigma(A_i))} for the whole chain-rule sum: only one term of it kept. */
    SUM_COLLAPSED("a sum collapsed to one of its terms"),
    /** {@code \sum_{k \neq i} s_k y_k} for {@code \sum_{k \neq i} y_k s_i}: an index swapped. */
    SWAPPED_INDEX("an index swapped inside a sum"),
    /** {@code e^{z_i} / \sum_k e^{z_i}}: the softmax denominator over the wrong index. */
    DENOMINATOR_INDEX("the softmax denominator sums over the wrong index"),
    /** {@code \sum_{k=1}^{N}} over the classes: the batch size as the class count, or the reverse. */
    SUM_BOUND("a sum runs to the wrong bound"),
    /** {@code \partial L/\partial s_j \cdot \partial s_j/\partial z_j}, or {@code s_i(1 - s_i)} for every i, j. */
    DIAGONAL_ONLY("only the diagonal of the softmax Jacobian"),
    /** {@code -s_i s_j} written without its case {@code i \neq j}. */
    CASE_MISSING("a line that holds in one index case only"),
    /** A term of the line before is missing. */
    MISSING_TERM("a term of the line before is missing"),
    /** A term that should not be there. */
    EXTRA_TERM("a term too many"),
    /** {@code \sum_k y_k / s_k} for a quantity with index i: write i for k. */
    INDEX_FOR_SUM("a sum where one free index was meant"),
    /** An index free on one side only: a fact about the line, not a repair (so never a correction). */
    FREE_INDEX("an index free on one side only");

    private final String words;

    HintKind(String words) {
        this.words = words;
    }

    /** What the mistake is, in a few words (for tables and the JSON report's readers). */
    public String words() {
        return words;
    }
}
