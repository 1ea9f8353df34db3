package dev.gradstep.numeric;

import java.util.ArrayList;
import java.util.List;

/**
 * Softmax cross-entropy on doubles, stable for any finite logits: everything is shifted by the
 * largest logit, so its term is exactly 1 and log-sum-exp = max + log1p(sum of the others).
 */
public final class SoftmaxCrossEntropy {

    /** Labels whose sum differs from 1 by more than this get a warning. */
    public static final double LABEL_SUM_TOLERANCE = 1e-9;

    private SoftmaxCrossEntropy() {
    }

    /**
     * Softmax, log-softmax, loss −Σ y log s, gradient s·Σy − y. O(K), four passes.
     *
     * @throws NumericInputException for empty input, K = 1, NaN/Infinity, a length mismatch or a negative label
     */
    public static Analysis analyze(double[] logits, double[] labels) {
        if (logits == null || labels == null || logits.length < 2 || logits.length != labels.length) {
            validate(logits, labels);
        }
        int k = logits.length;
        double[] z = new double[k];
        double[] y = new double[k];
        // One fused pass copies, finds the top class and flags bad values; the messages come from validate().
        boolean bad = false;
        double labelSum = 0;
        int top = 0;
        double max = logits[0];
        for (int i = 0; i < k; i++) {
            double zi = logits[i];
            double yi = labels[i];
            bad |= !Double.isFinite(zi) | !Double.isFinite(yi) | yi < 0;
            z[i] = zi;
            y[i] = yi;
            labelSum += yi;
            if (zi > max) {
                max = zi;
                top = i;
            }
        }
        if (bad) {
            validate(logits, labels);
        }

        double[] s = new double[k];
        s[top] = 1.0;
        double rest = sumShiftedExp(z, max, s, 0, top) + sumShiftedExp(z, max, s, top + 1, k);
        double logNormalizer = Math.log1p(rest);
        double inverse = 1.0 / (1.0 + rest);

        double labelsElsewhere = 0;
        double[] logS = new double[k];
        double[] g = new double[k];
        double loss = 0;
        for (int i = 0; i < k; i++) {
            double lp = (z[i] - max) - logNormalizer;
            logS[i] = lp;
            double si = s[i] * inverse;
            s[i] = si;
            double yi = y[i];
            g[i] = si * labelSum - yi;
            if (yi != 0) {
                loss -= yi * lp;
                labelsElsewhere += i == top ? 0 : yi;
            }
        }
        // At the top class s·Σy − y cancels when s ≈ 1; 1 − s_top = rest/(1 + rest) exactly, so rewrite it.
        g[top] = labelsElsewhere - labelSum * rest * inverse;

        return new Analysis(RealVector.wrap(z), RealVector.wrap(y), RealVector.wrap(s), RealVector.wrap(logS),
                loss, RealVector.wrap(g), labelSum, warnings(labelSum, loss));
    }

    /** Stores e^(z_i − max) into s for from <= i < to and returns their sum. */
    private static double sumShiftedExp(double[] z, double max, double[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            double e = Math.exp(z[i] - max);
            s[i] = e;
            sum += e;
        }
        return sum;
    }

    private static List<String> warnings(double labelSum, double loss) {
        List<String> warnings = new ArrayList<>();
        if (Math.abs(labelSum - 1.0) > LABEL_SUM_TOLERANCE) {
            String t = NumberText.shortest(labelSum);
            warnings.add("labels sum to " + t + ", not 1: the gradient is s·Σy − y = " + t
                    + "·s − y, the shortcut s − y does not hold");
        }
        if (Double.isInfinite(loss)) {
            warnings.add("the loss overflows a double: the logits are too far apart");
        }
        return warnings;
    }

    /** The checks behind {@link #analyze}, usable on their own (e.g. before a long computation). */
    public static void validate(double[] logits, double[] labels) {
        if (logits == null || logits.length == 0) {
            throw NumericInputException.general("logits", "no logits given");
        }
        if (labels == null || labels.length == 0) {
            throw NumericInputException.general("labels", "no labels given");
        }
        if (logits.length == 1) {
            throw NumericInputException.general("logits", "need at least two classes (got 1 logit)");
        }
        if (logits.length != labels.length) {
            throw NumericInputException.general("labels",
                    plural(logits.length, "logit") + " but " + plural(labels.length, "label"));
        }
        for (int i = 0; i < logits.length; i++) {
            checkFinite(logits[i], "logits", "logit", i);
        }
        for (int i = 0; i < labels.length; i++) {
            checkFinite(labels[i], "labels", "label", i);
            if (labels[i] < 0) {
                throw NumericInputException.atIndex("labels", "label at index " + i + " is negative ("
                        + NumberText.shortest(labels[i]) + "): labels are probabilities, they must be >= 0", i);
            }
        }
    }

    private static void checkFinite(double v, String what, String one, int i) {
        if (Double.isNaN(v)) {
            throw NumericInputException.atIndex(what, "NaN is not allowed (" + one + " at index " + i + ")", i);
        }
        if (Double.isInfinite(v)) {
            throw NumericInputException.atIndex(what, "Infinity is not allowed (" + one + " at index " + i + ")", i);
        }
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
