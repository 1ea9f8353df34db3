package dev.gradstep.numeric;

/**
 * Label vectors. Classes are numbered from 0, as in NumPy and PyTorch: with logits (2, 1, 0.1),
 * class 1 is the second class.
 */
public final class Labels {

    private Labels() {
    }

    /** The one-hot vector of length k with 1 at the 0-based class index cls. */
    public static double[] oneHot(int cls, int k) {
        if (k < 2) {
            throw NumericInputException.general("class", "need at least two classes (got " + k + ")");
        }
        if (cls < 0 || cls >= k) {
            throw NumericInputException.general("class", "class " + cls + " is out of range: with " + k
                    + " classes the class index is 0.." + (k - 1) + " (0-based)");
        }
        double[] y = new double[k];
        y[cls] = 1.0;
        return y;
    }
}
