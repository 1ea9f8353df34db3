package dev.gradstep.numeric;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Numeric checks of the analytic gradient. Each treats the loss as a black box: it re-evaluates
 * L = Σ y_k (a − z_k) + Σy · log1p(Σ_{k≠top} e^(z_k − a)), a = max z, without using the gradient.
 * One component costs O(K), so a full check is O(K²): above {@link #FULL_CHECK_MAX_CLASSES}
 * classes a sample of {@link #SAMPLE_SIZE} components is compared. {@link #directional} is O(K).
 */
public final class GradientCheck {

    public static final double DEFAULT_CENTRAL_STEP = 1e-5;
    public static final double DEFAULT_COMPLEX_STEP = 1e-20;
    /** Relative error below this is "good" for a smooth function like this one. */
    public static final double GOOD_RELATIVE_ERROR = 1e-7;
    public static final int FULL_CHECK_MAX_CLASSES = 5000;
    public static final int SAMPLE_SIZE = 64;
    /** The floor in the relative error's denominator, so 0 against 0 is 0, not NaN. */
    public static final double TINY = Double.MIN_NORMAL;

    private static final long SAMPLE_SEED = 0x5EEDL;

    private GradientCheck() {
    }

    /** |a − n| / max(|a|, |n|, TINY). */
    public static double relativeError(double analytic, double numeric) {
        return Math.abs(analytic - numeric) / Math.max(Math.max(Math.abs(analytic), Math.abs(numeric)), TINY);
    }

    public static ComponentCheck centralDifference(double[] logits, double[] labels) {
        return centralDifference(SoftmaxCrossEntropy.analyze(logits, labels), DEFAULT_CENTRAL_STEP);
    }

    public static ComponentCheck centralDifference(double[] logits, double[] labels, double h) {
        return centralDifference(SoftmaxCrossEntropy.analyze(logits, labels), h);
    }

    /**
     * (L(z + h_j e_j) − L(z − h_j e_j)) / 2h_j for each compared j, in float64, with the step scaled
     * to the coordinate, h_j = h·max(1, |z_j|): a fixed h vanishes next to a logit of 1e308.
     */
    public static ComponentCheck centralDifference(Analysis analysis, double h) {
        checkStep(h);
        double[] z = analysis.logits().raw();
        double[] y = analysis.labels().raw();
        double[] unit = new double[z.length];
        int[] js = components(analysis);
        double[] numeric = new double[js.length];
        for (int n = 0; n < js.length; n++) {
            int j = js[n];
            double hj = h * Math.max(1.0, Math.abs(z[j]));
            unit[j] = 1.0;
            numeric[n] = (loss(z, y, unit, hj) - loss(z, y, unit, -hj)) / (2 * hj);
            unit[j] = 0.0;
        }
        return compare("central difference", h, analysis, js, numeric, centralNoiseFloor(analysis, h));
    }

    public static ComponentCheck complexStep(double[] logits, double[] labels) {
        return complexStep(SoftmaxCrossEntropy.analyze(logits, labels), DEFAULT_COMPLEX_STEP);
    }

    public static ComponentCheck complexStep(double[] logits, double[] labels, double h) {
        return complexStep(SoftmaxCrossEntropy.analyze(logits, labels), h);
    }

    /** Im L(z + i h e_j) / h for each compared j: no subtraction, so no cancellation. */
    public static ComponentCheck complexStep(Analysis analysis, double h) {
        checkStep(h);
        double[] z = analysis.logits().raw();
        double[] y = analysis.labels().raw();
        double[] unit = new double[z.length];
        int[] js = components(analysis);
        double[] numeric = new double[js.length];
        for (int n = 0; n < js.length; n++) {
            int j = js[n];
            unit[j] = 1.0;
            numeric[n] = complexLoss(z, y, unit, h).im() / h;
            unit[j] = 0.0;
        }
        return compare("complex step", h, analysis, js, numeric, 0.0);
    }

    public static DirectionalCheck directional(double[] logits, double[] labels, long seed) {
        return directional(SoftmaxCrossEntropy.analyze(logits, labels), seed);
    }

    /**
     * One random unit direction v (random signs ±1/√K, cheap and as good as a Gaussian for catching a
     * wrong gradient): g·v against the complex-step derivative along v. O(K).
     */
    public static DirectionalCheck directional(Analysis analysis, long seed) {
        double[] z = analysis.logits().raw();
        double[] y = analysis.labels().raw();
        double[] g = analysis.gradient().raw();
        int k = z.length;
        double component = 1.0 / Math.sqrt(k);
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[k];
        double analytic = 0;
        long bits = 0;
        for (int i = 0; i < k; i++) {
            if ((i & 63) == 0) {
                bits = random.nextLong();
            }
            double vi = (bits & 1L) == 0 ? component : -component;
            bits >>>= 1;
            v[i] = vi;
            analytic += g[i] * vi;
        }
        double h = DEFAULT_COMPLEX_STEP;
        double numeric = complexLoss(z, y, v, h).im() / h;
        return new DirectionalCheck(seed, RealVector.wrap(v), analytic, numeric, h, relativeError(analytic, numeric));
    }

    /** The loss at z + t·d, evaluated from scratch (the same stable formula as the analysis, not its output). */
    static double loss(double[] z, double[] y, double[] d, double t) {
        int k = z.length;
        int top = 0;
        double a = z[0] + t * d[0];
        for (int i = 1; i < k; i++) {
            double w = z[i] + t * d[i];
            if (w > a) {
                a = w;
                top = i;
            }
        }
        double rest = 0;
        double linear = 0;
        double labelSum = 0;
        for (int i = 0; i < k; i++) {
            double w = z[i] + t * d[i];
            if (i != top) {
                rest += Math.exp(w - a);
            }
            double yi = y[i];
            if (yi != 0) {
                linear += yi * (a - w);
                labelSum += yi;
            }
        }
        return linear + labelSum * Math.log1p(rest);
    }

    /**
     * The loss at z + i·h·d in complex arithmetic. The top class is chosen by real part; shifting by
     * that entry's full complex value makes its term exactly 1, so log1p keeps every digit of Im L.
     */
    static Complex complexLoss(double[] z, double[] y, double[] d, double h) {
        int k = z.length;
        int top = 0;
        for (int i = 1; i < k; i++) {
            if (z[i] > z[top]) {
                top = i;
            }
        }
        Complex a = new Complex(z[top], h * d[top]);
        Complex rest = new Complex(0, 0);
        Complex linear = new Complex(0, 0);
        double labelSum = 0;
        for (int i = 0; i < k; i++) {
            Complex w = new Complex(z[i], h * d[i]);
            if (i != top) {
                rest = rest.plus(w.minus(a).exp());
            }
            double yi = y[i];
            if (yi != 0) {
                linear = linear.plus(a.minus(w).times(yi));
                labelSum += yi;
            }
        }
        return linear.plus(rest.log1p().times(labelSum));
    }

    /**
     * The absolute error a float64 central difference cannot avoid here: each loss evaluation rounds
     * at about ε·(Σ y_k (max − z_k) + Σy·(log1p(rest) + √K)), divided by h, times 4 for safety,
     * plus the truncation error h²·Σy/6.
     */
    static double centralNoiseFloor(Analysis analysis, double h) {
        double[] logS = analysis.logProbabilities().raw();
        double[] y = analysis.labels().raw();
        double topLogS = logS[analysis.argmax()];
        double linear = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0) {
                linear += y[i] * (topLogS - logS[i]);
            }
        }
        double labelSum = analysis.labelSum();
        double largest = 0;
        for (double zi : analysis.logits().raw()) {
            largest = Math.max(largest, Math.abs(zi));
        }
        // z ± h rounds at ε·|z| before any loss is taken
        double magnitude = linear + labelSum * (-topLogS + Math.sqrt(y.length) + largest);
        return 4 * Math.ulp(1.0) * magnitude / h + h * h * labelSum / 6;
    }

    private static ComponentCheck compare(String method, double h, Analysis analysis, int[] js, double[] numeric,
                                          double noiseFloor) {
        double[] g = analysis.gradient().raw();
        double[] analytic = new double[js.length];
        double[] errors = new double[js.length];
        List<Integer> components = new ArrayList<>(js.length);
        double worst = 0;
        int worstComponent = js[0];
        for (int n = 0; n < js.length; n++) {
            analytic[n] = g[js[n]];
            errors[n] = relativeError(analytic[n], numeric[n]);
            components.add(js[n]);
            if (errors[n] > worst) {
                worst = errors[n];
                worstComponent = js[n];
            }
        }
        return new ComponentCheck(method, h, analysis.classes(), components, RealVector.wrap(analytic),
                RealVector.wrap(numeric), RealVector.wrap(errors), worst, worstComponent, noiseFloor,
                coverage(analysis, js.length));
    }

    /**
     * All components up to {@link #FULL_CHECK_MAX_CLASSES}; above, the top class, the first labelled
     * classes, the first and last, then seeded random ones up to {@link #SAMPLE_SIZE}.
     */
    static int[] components(Analysis analysis) {
        int k = analysis.classes();
        if (k <= FULL_CHECK_MAX_CLASSES) {
            int[] all = new int[k];
            for (int i = 0; i < k; i++) {
                all[i] = i;
            }
            return all;
        }
        TreeSet<Integer> chosen = new TreeSet<>();
        chosen.add(analysis.argmax());
        double[] y = analysis.labels().raw();
        for (int i = 0; i < k && chosen.size() < SAMPLE_SIZE / 4; i++) {
            if (y[i] != 0) {
                chosen.add(i);
            }
        }
        chosen.add(0);
        chosen.add(k - 1);
        SplittableRandom random = new SplittableRandom(SAMPLE_SEED);
        while (chosen.size() < SAMPLE_SIZE) {
            chosen.add(random.nextInt(k));
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String coverage(Analysis analysis, int compared) {
        int k = analysis.classes();
        if (compared == k) {
            return "all " + k + " components";
        }
        return compared + " of " + k + " components (K > " + FULL_CHECK_MAX_CLASSES
                + "): the most probable class, the labelled classes, the first, the last and random ones";
    }

    private static void checkStep(double h) {
        if (!(h > 0) || Double.isInfinite(h)) {
            throw new IllegalArgumentException("the step h must be a positive number, got " + h);
        }
    }
}
