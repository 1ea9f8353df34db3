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
                try {
                    if (y.length == 1 && y[0] == Math.rint(y[0])) {
                        return Labels.oneHot((int) y[0], classes);
                    }
                } catch (NumericInputException e) {
                    throw bad(e, text);
                }
                if (y.length != classes) {
                    throw new NumbersViewModel.BadInput(new NumbersViewModel.InputError(
                            y.length + " labels for " + classes + " logits: give one class index (0.."
                                    + (classes - 1) + ") or " + classes + " label values", 0, text.length()));
                }
                return y;
            }

            @Override
            public NumbersViewModel.Analysis analyze(double[] logits, double[] labels) {
                return CoreNumbers.analyze(logits, labels);
            }
        };
    }

    private static double[] parse(String text, String what) throws NumbersViewModel.BadInput {
        try {
            return VectorParser.parse(text, what);
        } catch (NumericInputException e) {
            throw bad(e, text);
        }
    }

    private static NumbersViewModel.BadInput bad(NumericInputException e, String text) {
        int offset = Math.max(0, e.offset());
        int length = e.offset() < 0 ? text.length() : e.length();
        return new NumbersViewModel.BadInput(new NumbersViewModel.InputError(e.getMessage(), offset, length));
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
