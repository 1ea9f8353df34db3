package dev.gradstep.numeric;

import java.util.List;

/**
 * Everything about one (logits, labels) pair: softmax, log-softmax, loss, the analytic gradient
 * s·Σy − y, the label sum and warnings. The Jacobian diag(s) − s sᵀ is computed on request.
 */
public record Analysis(RealVector logits, RealVector labels, RealVector probabilities,
                       RealVector logProbabilities, double loss, RealVector gradient, double labelSum,
                       List<String> warnings) {

    /** Above this the K×K Jacobian (K² doubles) is refused; use {@link #jacobianEntry}. */
    public static final int JACOBIAN_MAX_CLASSES = 2000;

    public Analysis {
        int k = logits.size();
        if (labels.size() != k || probabilities.size() != k || logProbabilities.size() != k
                || gradient.size() != k) {
            throw new IllegalArgumentException("all vectors of an analysis must have the same length");
        }
        warnings = List.copyOf(warnings);
    }

    /** The number of classes K. */
    public int classes() {
        return logits.size();
    }

    /** The most probable class (the first one on ties). */
    public int argmax() {
        double[] s = probabilities.raw();
        int best = 0;
        for (int i = 1; i < s.length; i++) {
            if (s[i] > s[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The n most probable classes, most probable first; O(K·n), meant for small n. */
    public int[] topClasses(int n) {
        double[] s = probabilities.raw();
        int m = Math.min(n, s.length);
        int[] top = new int[m];
        boolean[] taken = new boolean[s.length];
        for (int t = 0; t < m; t++) {
            int best = -1;
            for (int i = 0; i < s.length; i++) {
                if (!taken[i] && (best < 0 || s[i] > s[best])) {
                    best = i;
                }
            }
            taken[best] = true;
            top[t] = best;
        }
        return top;
    }

    public boolean jacobianAvailable() {
        return classes() <= JACOBIAN_MAX_CLASSES;
    }

    /**
     * The softmax Jacobian ∂s_i/∂z_j = diag(s) − s sᵀ as a fresh K×K array.
     *
     * @throws IllegalStateException when K exceeds {@link #JACOBIAN_MAX_CLASSES}
     */
    public double[][] jacobian() {
        int k = classes();
        if (!jacobianAvailable()) {
            throw new IllegalStateException("the Jacobian of " + k + " classes would hold " + (long) k * k
                    + " entries; it is only built for K <= " + JACOBIAN_MAX_CLASSES + ", use jacobianEntry(i, j)");
        }
        double[] s = probabilities.raw();
        double[][] jac = new double[k][k];
        for (int i = 0; i < k; i++) {
            double[] row = jac[i];
            double si = s[i];
            for (int j = 0; j < k; j++) {
                row[j] = -si * s[j];
            }
            row[i] = diagonal(i);
        }
        return jac;
    }

    /** One entry ∂s_i/∂z_j: s_i(1 − s_i) when i = j, −s_i s_j otherwise. */
    public double jacobianEntry(int i, int j) {
        double[] s = probabilities.raw();
        return i == j ? diagonal(i) : -s[i] * s[j];
    }

    /** 1 − s_i as −expm1(log s_i) keeps its digits when s_i is close to 1. */
    private double diagonal(int i) {
        return probabilities.get(i) * -Math.expm1(logProbabilities.get(i));
    }
}
