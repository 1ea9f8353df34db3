package dev.gradstep.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Adapts the core numeric package to the numbers panel's engine port. */
final class CoreNumbers {

    private static final Pattern TOKEN = Pattern.compile("[^\\s,;\\[\\]()]+");

    private CoreNumbers() {
    }

    static NumbersViewModel.Engine engine() {
        return new NumbersViewModel.Engine() {
            @Override
            public double[] parseLogits(String text) throws NumbersViewModel.BadInput {
                double[] z = parse(text, "logits");
                if (z.length < 2) {
                    throw new NumbersViewModel.BadInput(new NumbersViewModel.InputError(
                            "Type at least two logits, e.g. 2.0, 1.0, 0.1", 0, text.length()));
                }
                return z;
            }

            @Override
            public double[] parseLabels(String text, int classes) throws NumbersViewModel.BadInput {
                double[] y = parse(text, "labels");
                if (y.length == 1 && y[0] == Math.rint(y[0])) {
                    int c = (int) y[0];
                    if (c < 1 || c > classes) {
                        throw new NumbersViewModel.BadInput(new NumbersViewModel.InputError(
                                "Class " + c + " does not exist: classes are 1.." + classes, 0, text.length()));
                    }
                    double[] onehot = new double[classes];
                    onehot[c - 1] = 1;
                    return onehot;
                }
                if (y.length != classes) {
                    throw new NumbersViewModel.BadInput(new NumbersViewModel.InputError(
                            y.length + " labels for " + classes + " logits: give one class index or " + classes
                                    + " label values", 0, text.length()));
                }
                return y;
            }

            @Override
            public NumbersViewModel.Analysis analyze(double[] logits, double[] labels) {
                return CoreNumbers.analyze(logits, labels);
            }
        };
    }

    static double[] parse(String text, String what) throws NumbersViewModel.BadInput {
        Matcher m = TOKEN.matcher(text);
        List<Double> values = new ArrayList<>();
        while (m.find()) {
            String t = m.group();
            try {
                double v = Double.parseDouble(t);
                if (!Double.isFinite(v)) {
                    throw new NumberFormatException();
                }
                values.add(v);
            } catch (NumberFormatException e) {
                throw new NumbersViewModel.BadInput(new NumbersViewModel.InputError(
                        "'" + t + "' is not a number (at character " + (m.start() + 1) + " of the " + what + ")",
                        m.start(), t.length()));
            }
        }
        if (values.isEmpty()) {
            throw new NumbersViewModel.BadInput(new NumbersViewModel.InputError("Type the " + what + ", e.g. 2.0, 1.0, 0.1", 0, 0));
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static NumbersViewModel.Analysis analyze(double[] z, double[] y) {
        int k = z.length;
        double[] s = softmax(z);
        double sumY = 0;
        for (double v : y) {
            sumY += v;
        }
        double[] g = new double[k];
        for (int i = 0; i < k; i++) {
            g[i] = s[i] * sumY - y[i];
        }
        double[] numeric = null;
        double relErr;
        String method;
        if (k <= 2000) {
            numeric = new double[k];
            double h = 1e-6;
            double worst = 0;
            for (int i = 0; i < k; i++) {
                double[] p = z.clone();
                p[i] += h;
                double[] q = z.clone();
                q[i] -= h;
                numeric[i] = (loss(p, y) - loss(q, y)) / (2 * h);
                worst = Math.max(worst, rel(g[i], numeric[i]));
            }
            relErr = worst;
            method = "central difference";
        } else {
            double[] d = new Random(1).doubles(k, -1, 1).toArray();
            double h = 1e-6;
            double[] p = z.clone();
            double[] q = z.clone();
            double dot = 0;
            for (int i = 0; i < k; i++) {
                p[i] += h * d[i];
                q[i] -= h * d[i];
                dot += g[i] * d[i];
            }
            relErr = rel(dot, (loss(p, y) - loss(q, y)) / (2 * h));
            method = "directional";
        }
        double[][] jac = null;
        if (k <= NumbersViewModel.MAX_HEATMAP) {
            jac = new double[k][k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    jac[i][j] = (i == j ? s[i] : 0) - s[i] * s[j];
                }
            }
        }
        return new NumbersViewModel.Analysis(s, loss(z, y), g, numeric, relErr, method, jac, List.of());
    }

    private static double rel(double a, double n) {
        double scale = Math.max(Math.abs(a), Math.abs(n));
        return scale == 0 ? 0 : Math.abs(a - n) / scale;
    }

    private static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] s = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            s[i] = Math.exp(z[i] - max);
            sum += s[i];
        }
        for (int i = 0; i < z.length; i++) {
            s[i] /= sum;
        }
        return s;
    }

    private static double loss(double[] z, double[] y) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        double lse = max + Math.log(sum);
        double l = 0;
        for (int i = 0; i < z.length; i++) {
            if (y[i] != 0) {
                l -= y[i] * (z[i] - lse);
            }
        }
        return l;
    }
}
