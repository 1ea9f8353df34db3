package dev.gradstep.cli;

import dev.gradstep.numeric.Analysis;
import dev.gradstep.numeric.ComponentCheck;
import dev.gradstep.numeric.GradientCheck;
import dev.gradstep.numeric.Labels;
import dev.gradstep.numeric.NumberText;
import dev.gradstep.numeric.NumericInputException;
import dev.gradstep.numeric.SoftmaxCrossEntropy;
import dev.gradstep.numeric.VectorParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gradstep numbers}: softmax, loss and gradient for concrete logits, checked against the
 * central difference and the complex step. Exit 0 when the check passes (warnings included),
 * 1 when it does not, 2 for bad input.
 */
@Command(name = "numbers", mixinStandardHelpOptions = true,
        description = {
            "Softmax, cross-entropy loss and its gradient dL/dz = s·Σy − y (= s − y when the labels sum to 1) "
                    + "for concrete numbers, checked against a central difference and the complex step.",
            "Classes are numbered from 0, as in NumPy and PyTorch: --logits 2,1,0.1 --class 1 means the "
                    + "second class (the logit 1)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the numbers check out (warnings included)",
            "1:the numeric check did not pass",
            "2:bad input or usage"})
public final class NumbersCommand implements Callable<Integer> {

    static final int FULL_TABLE_MAX = 20;
    static final int EDGE_ROWS = 5;
    static final int TOP = 5;
    private static final int CONTEXT = 30;

    @Spec
    CommandSpec spec;

    @Option(names = "--logits", paramLabel = "Z",
            description = "The logits z, separated by commas, spaces, tabs, semicolons or newlines, or a "
                    + "NumPy/PyTorch print such as \"[2.  1.  0.1]\" or \"tensor([2.0, 1.0, 0.1])\"; "
                    + "@FILE reads them from a file (as does --logits-file).")
    String logits;

    @Option(names = "--logits-file", paramLabel = "FILE",
            description = "Read the logits from this file (same formats as --logits), e.g. a million of them.")
    Path logitsFile;

    @ArgGroup(exclusive = true, multiplicity = "1")
    LabelChoice labelChoice;

    /** Exactly one way to give the labels. */
    static final class LabelChoice {
        @Option(names = "--labels", required = true, paramLabel = "Y",
                description = "The label distribution y (same formats as --logits); need not sum to 1.")
        String labels;

        @Option(names = "--class", required = true, paramLabel = "C",
                description = "The true class for one-hot labels, 0-based (0..K-1): "
                        + "with --logits 2,1,0.1, --class 1 is the second class.")
        Integer cls;
    }

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Option(names = "--h", paramLabel = "STEP",
            description = "Central-difference step h (default 1e-5).")
    Double step;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            double h = step == null ? GradientCheck.DEFAULT_CENTRAL_STEP : step;
            if (!(h > 0) || Double.isInfinite(h)) {
                throw NumericInputException.general("h", "the step must be a positive number, got " + step);
            }
            if ((logits == null) == (logitsFile == null)) {
                throw NumericInputException.general("logits", "give the logits once: --logits Z, --logits @FILE "
                        + "or --logits-file FILE");
            }
            logits = VectorParser.textOrFile(logitsFile != null ? "@" + logitsFile : logits, "logits");
            if (labelChoice.labels != null) {
                labelChoice.labels = VectorParser.textOrFile(labelChoice.labels, "labels");
            }
            double[] z = VectorParser.parse(logits, "logits");
            SoftmaxCrossEntropy.validate(z, new double[z.length]);
            double[] y = labelChoice.labels != null
                    ? VectorParser.parse(labelChoice.labels, "labels")
                    : Labels.oneHot(labelChoice.cls, z.length);
            Analysis analysis = SoftmaxCrossEntropy.analyze(z, y);
            ComponentCheck central = GradientCheck.centralDifference(analysis, h);
            ComponentCheck complex = GradientCheck.complexStep(analysis, GradientCheck.DEFAULT_COMPLEX_STEP);
            // a central difference that cannot resolve the numbers says nothing against the gradient
            boolean passes = complex.passes() && (central.passes()
                    || central.verdict() == ComponentCheck.Verdict.INCONCLUSIVE);
            out.print(json ? json(analysis, central, complex, passes) : table(analysis, central, complex, passes));
            out.flush();
            return passes ? 0 : 1;
        } catch (NumericInputException e) {
            err.print(errorMessage(e));
            err.flush();
            return 2;
        }
    }

    private String errorMessage(NumericInputException e) {
        String option = "--" + e.what();
        StringBuilder sb = new StringBuilder("gradstep numbers: ").append(option).append(": ")
                .append(e.getMessage()).append(System.lineSeparator());
        String text = "logits".equals(e.what()) ? logits
                : "labels".equals(e.what()) && labelChoice != null ? labelChoice.labels : null;
        if (text != null && e.offset() >= 0) {
            int from = Math.max(0, e.offset() - CONTEXT);
            int to = Math.min(text.length(), e.offset() + Math.max(e.length(), 1) + CONTEXT);
            String shown = text.substring(from, to).replaceAll("\\s", " ");
            String prefix = "  " + option + " " + (from > 0 ? "..." : "");
            sb.append(prefix).append(shown).append(to < text.length() ? "..." : "").append(System.lineSeparator());
            sb.append(" ".repeat(prefix.length() + e.offset() - from))
                    .append("^".repeat(Math.max(1, Math.min(e.length(), to - e.offset()))))
                    .append(" (character ").append(e.offset() + 1).append(')').append(System.lineSeparator());
        }
        return sb.toString();
    }

    private String table(Analysis a, ComponentCheck central, ComponentCheck complex, boolean passes) {
        int k = a.classes();
        StringBuilder sb = new StringBuilder();
        sb.append("K = ").append(k).append(" classes, numbered from 0; ")
                .append(labelChoice.cls != null ? "one-hot labels at class " + labelChoice.cls : "labels as given")
                .append(nl());
        sb.append(String.format(Locale.ROOT, "%7s %13s %13s %13s %13s %15s %11s%n",
                "i", "logit z", "softmax s", "label y", "gradient", "numeric (CD)", "rel. error"));
        if (k <= FULL_TABLE_MAX) {
            for (int i = 0; i < k; i++) {
                row(sb, a, central, i);
            }
        } else {
            for (int i = 0; i < EDGE_ROWS; i++) {
                row(sb, a, central, i);
            }
            sb.append(String.format(Locale.ROOT, "%7s (%d rows not shown)%n", "...", k - 2 * EDGE_ROWS));
            for (int i = k - EDGE_ROWS; i < k; i++) {
                row(sb, a, central, i);
            }
            sb.append("top ").append(Math.min(TOP, k)).append(" probabilities:");
            for (int i : a.topClasses(TOP)) {
                sb.append(" class ").append(i).append(" (").append(num(a.probabilities().get(i))).append(')');
            }
            sb.append(nl());
        }
        sb.append("loss L = −Σ y log s = ").append(NumberText.shortest(a.loss())).append(nl());
        sb.append("check (relative error |a − n| / max(|a|, |n|), good below ")
                .append(sci(GradientCheck.GOOD_RELATIVE_ERROR)).append("):").append(nl());
        verdictLine(sb, complex);
        verdictLine(sb, central);
        sb.append(overall(central, complex, passes)).append(nl());
        for (String warning : a.warnings()) {
            sb.append("warning: ").append(warning).append(nl());
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, Analysis a, ComponentCheck central, int i) {
        OptionalDouble numeric = central.numericFor(i);
        OptionalDouble error = central.relErrorFor(i);
        sb.append(String.format(Locale.ROOT, "%7d %13s %13s %13s %13s %15s %11s%n", i,
                num(a.logits().get(i)), num(a.probabilities().get(i)), num(a.labels().get(i)),
                num(a.gradient().get(i)),
                numeric.isPresent() ? num(numeric.getAsDouble()) : "-",
                error.isPresent() ? sci(error.getAsDouble()) : "-"));
    }

    private static String overall(ComponentCheck central, ComponentCheck complex, boolean passes) {
        if (central.verdict() == ComponentCheck.Verdict.NOT_FINITE || complex.verdict() == ComponentCheck.Verdict.NOT_FINITE) {
            return "verdict: NOT good, the gradient or a numeric derivative is NaN or infinite at these numbers";
        }
        if (!passes) {
            return "verdict: NOT good, the analytic gradient and a numeric derivative disagree";
        }
        return central.passes()
                ? "verdict: good, the analytic gradient s·Σy − y matches both numeric derivatives"
                : "verdict: good by the complex step; the central difference is inconclusive at these numbers "
                        + "(its rounding cannot resolve the differences), which says nothing against the gradient";
    }

    private static void verdictLine(StringBuilder sb, ComponentCheck check) {
        String said = switch (check.verdict()) {
            case GOOD -> "good";
            case NOT_GOOD -> "NOT good (worst at class " + check.worstComponent() + ")";
            case INCONCLUSIVE -> "inconclusive at these numbers (worst at class " + check.worstComponent() + ")";
            case NOT_FINITE -> "NOT good: NaN or infinite values";
        };
        sb.append(String.format(Locale.ROOT, "  %-44s max %s over %s: %s%n",
                check.method() + " (h = " + sci(check.step()) + (check.method().startsWith("central")
                        ? "·max(1, |z|)" : "") + ")", sci(check.maxRelError()), check.coverage(), said));
        if (check.passesWithinNoise()) {
            sb.append("    the larger errors sit on components whose gradient is far below 1: their difference "
                    + "stays within the float64 rounding noise of this step (").append(sci(check.noiseFloor()))
                    .append(")").append(nl());
        }
    }

    private String json(Analysis a, ComponentCheck central, ComponentCheck complex, boolean passes) {
        StringBuilder sb = new StringBuilder("{");
        sb.append("\"logits\":");
        array(sb, a.logits().toArray());
        sb.append(",\"labels\":");
        array(sb, a.labels().toArray());
        sb.append(",\"probabilities\":");
        array(sb, a.probabilities().toArray());
        sb.append(",\"loss\":").append(jsonNumber(a.loss()));
        sb.append(",\"gradient\":");
        array(sb, a.gradient().toArray());
        sb.append(",\"labelSum\":").append(jsonNumber(a.labelSum()));
        sb.append(",\"check\":{\"centralDifference\":");
        checkObject(sb, central);
        sb.append(",\"complexStep\":");
        checkObject(sb, complex);
        sb.append(",\"passes\":").append(passes).append('}');
        sb.append(",\"warnings\":[");
        List<String> warnings = a.warnings();
        for (int i = 0; i < warnings.size(); i++) {
            sb.append(i == 0 ? "" : ",");
            jsonString(sb, warnings.get(i));
        }
        sb.append("]}").append(nl());
        return sb.toString();
    }

    private static void checkObject(StringBuilder sb, ComponentCheck check) {
        sb.append("{\"maxRelError\":").append(jsonNumber(check.maxRelError()))
                .append(",\"h\":").append(jsonNumber(check.step()))
                .append(",\"components\":").append(check.components().size())
                .append(",\"passes\":").append(check.passes())
                .append(",\"verdict\":\"").append(check.verdict().name().toLowerCase(Locale.ROOT)).append("\"}");
    }

    private static void array(StringBuilder sb, double[] values) {
        sb.append('[');
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ",").append(jsonNumber(values[i]));
        }
        sb.append(']');
    }

    /** Double.toString is valid JSON for finite values (e.g. 1.0E-5); JSON has no NaN or Infinity. */
    static String jsonNumber(double x) {
        return Double.isFinite(x) ? Double.toString(x) : "null";
    }

    /** A JSON string in plain ASCII: quotes, backslashes, control and non-ASCII characters escaped. */
    static void jsonString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static String num(double x) {
        return NumberText.significant(x, 6);
    }

    private static String sci(double x) {
        return String.format(Locale.ROOT, "%.1e", x);
    }

    private static String nl() {
        return System.lineSeparator();
    }
}
