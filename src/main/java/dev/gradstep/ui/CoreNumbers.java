package dev.gradstep.ui;

import dev.gradstep.numeric.Analysis;
import dev.gradstep.numeric.ComponentCheck;
import dev.gradstep.numeric.DirectionalCheck;
import dev.gradstep.numeric.GradientCheck;
import dev.gradstep.numeric.Labels;
import dev.gradstep.numeric.NumericInputException;
import dev.gradstep.numeric.SoftmaxCrossEntropy;
import dev.gradstep.numeric.VectorParser;
import java.util.Arrays;

/** Adapts the core numeric package to the numbers panel's engine port. */
final class CoreNumbers {

    /** Seed of the directional check, fixed so the same input always shows the same error. */
    private static final long SEED = 20261123L;

    private CoreNumbers() {
    }

    static NumbersViewModel.Engine engine() {
        return new NumbersViewModel.Engine() {
            @Override
            public double[] parseLogits(String text) throws NumbersViewModel.BadInput {
                VectorParser.Entries z = parse(text, "logits");
                if (z.size() < 2) {
                    throw at(z, 0, 0, "Type at least two logits, e.g. 2.0, 1.0, 0.1");
                }
                return z.values();
            }

            @Override
            public double[] parseLabels(String text, int classes) throws NumbersViewModel.BadInput {
                VectorParser.Entries e = parse(text, "labels");
                double[] y = e.values();
                int last = e.size() - 1;
                if (y.length == 1 && y[0] == Math.rint(y[0])) {
                    if (y[0] < 0 || y[0] >= classes) {
                        throw at(e, 0, 0, "class " + token(text, e, 0) + " is out of range: with " + classes
                                + " classes the class index is 0.." + (classes - 1) + " (0-based)");
                    }
                    return Labels.oneHot((int) y[0], classes);
                }
                String expected = "give one class index (0.." + (classes - 1) + ") or " + classes + " label values";
                if (y.length > classes) {
                    throw at(e, classes, last, y.length + " labels for " + classes + " logits: these "
                            + (y.length - classes) + " are extra; " + expected);
                }
                if (y.length < classes) {
                    throw at(e, last, last, y.length + " labels for " + classes + " logits: "
                            + (classes - y.length) + " missing after this one; " + expected);
                }
                for (int i = 0; i < y.length; i++) {
                    if (y[i] < 0) {
                        throw at(e, i, i, "label " + token(text, e, i) + " is negative: labels are "
                                + "probabilities or non-negative weights");
                    }
                }
                return y;
            }

            @Override
            public NumbersViewModel.Analysis analyze(double[] logits, double[] labels) {
                return CoreNumbers.analyze(logits, labels);
            }
        };
    }

    private static VectorParser.Entries parse(String text, String what) throws NumbersViewModel.BadInput {
        try {
            return VectorParser.entries(text, what);
        } catch (NumericInputException e) {
            int start = Math.max(0, e.offset());
            int end = e.offset() < 0 ? text.length() : e.offset() + e.length();
            throw new NumbersViewModel.BadInput(new NumbersViewModel.InputError(start, end, e.getMessage()));
        }
    }

    /** A problem spanning the tokens of entries {@code first..last} (inclusive). */
    private static NumbersViewModel.BadInput at(VectorParser.Entries e, int first, int last, String message) {
        return new NumbersViewModel.BadInput(new NumbersViewModel.InputError(e.starts()[first], e.ends()[last], message));
    }

    private static String token(String text, VectorParser.Entries e, int i) {
        return text.substring(e.starts()[i], e.ends()[i]);
    }

    static NumbersViewModel.Analysis analyze(double[] z, double[] y) {
        Analysis a = SoftmaxCrossEntropy.analyze(z, y);
        int k = a.classes();
        double[] numeric = null;
        double relErr;
        String method;
        if (k <= GradientCheck.FULL_CHECK_MAX_CLASSES) {
            ComponentCheck c = GradientCheck.centralDifference(a, GradientCheck.DEFAULT_CENTRAL_STEP);
            numeric = new double[k];
            Arrays.fill(numeric, Double.NaN);
            for (int i = 0; i < k; i++) {
                numeric[i] = c.numericFor(i).orElse(Double.NaN);
            }
            relErr = c.maxRelError();
            method = c.method() + (c.passes() ? ", passes" : ", fails");
        } else {
            DirectionalCheck d = GradientCheck.directional(a, SEED);
            relErr = d.relError();
            method = "directional complex step" + (d.passes() ? ", passes" : ", fails");
        }
        double[][] jac = k <= NumbersViewModel.MAX_HEATMAP && a.jacobianAvailable() ? a.jacobian() : null;
        return new NumbersViewModel.Analysis(a.probabilities().toArray(), a.loss(), a.gradient().toArray(), numeric,
                relErr, method, jac, a.warnings());
    }
}
