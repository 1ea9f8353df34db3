package dev.gradstep.derivation;

import java.util.Locale;

/**
 * The rule a step applies. File names are the lower-case, hyphenated constant names
 * ({@code quotient-rule}); each carries a one-line example for help texts and the app.
 */
public enum Rule {
    DEFINITION("Definition", "s_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}"),
    QUOTIENT_RULE("Quotient rule", "\\left(\\frac{u}{v}\\right)' = \\frac{u'v - uv'}{v^2}"),
    CASE_EQUAL("Case i = j", "\\frac{\\partial s_i}{\\partial z_j} = s_i(1 - s_i) \\quad (i = j)"),
    CASE_NOT_EQUAL("Case i \\neq j", "\\frac{\\partial s_i}{\\partial z_j} = -s_i s_j \\quad (i \\neq j)"),
    CHAIN_RULE("Chain rule", "\\frac{\\partial L}{\\partial z_j} = \\sum_i \\frac{\\partial L}{\\partial s_i}\\frac{\\partial s_i}{\\partial z_j}"),
    DIFFERENTIATE("Differentiate", "\\frac{\\partial}{\\partial z_j} \\log \\sum_k e^{z_k} = s_j"),
    SPLIT_SUM("Split the sum", "\\sum_i a_i = a_j + \\sum_{i \\neq j} a_i"),
    SUBSTITUTE("Substitute", "\\frac{\\partial s_i}{\\partial z_j} \\to -s_i s_j"),
    SIMPLIFY("Simplify", "\\frac{y_j}{s_j} s_j = y_j"),
    EXPAND("Expand", "a(b + c) = ab + ac"),
    COLLECT("Collect terms", "s_j y_j + s_j \\sum_{i \\neq j} y_i = s_j \\sum_i y_i"),
    LOG_RULES("Logarithm rules", "\\log \\frac{a}{b} = \\log a - \\log b"),
    USE_LABELS_SUM_TO_ONE("Labels sum to one", "\\sum_i y_i = 1"),
    USE_ONE_HOT("One-hot labels", "y_i = [i = c]"),
    MATRIX_FORM("Matrix form", "J = \\operatorname{diag}(s) - s s^T"),
    RESULT("Result", "\\frac{\\partial L}{\\partial z_j} = s_j - y_j");

    private final String title;
    private final String example;

    Rule(String title, String example) {
        this.title = title;
        this.example = example;
    }

    /** Human title, e.g. "Quotient rule". */
    public String title() {
        return title;
    }

    /** A one-line LaTeX example of the rule. */
    public String example() {
        return example;
    }

    /** The name used in derivation files, e.g. {@code quotient-rule}. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads a file name such as {@code quotient-rule}; null when unknown. */
    public static Rule fromFileName(String name) {
        for (Rule r : values()) {
            if (r.fileName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        return null;
    }
}
