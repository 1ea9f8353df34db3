package dev.gradstep.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code gradstep} command; each sub-command is its own class. */
@Command(name = "gradstep", mixinStandardHelpOptions = true, version = "GradStep 0.1.0",
        description = "Step-by-step, CAS-verified derivations of the softmax cross-entropy gradient.",
        subcommands = {CheckCommand.class, ExportCommand.class, NumbersCommand.class, BenchCommand.class, EditorBenchCommand.class,
            LspCommand.class, FuzzCommand.class, CommandLine.HelpCommand.class})
public final class Cli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: check, export, numbers or lsp");
    }

    /** Runs a command line and returns its exit status: 0 success, 1 a check failed, 2 bad usage. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Cli());
        cl.setExitCodeExceptionMapper(e -> 2);
        // '--logits @FILE' is read by the numbers command as one value, not split into arguments
        cl.setExpandAtFiles(false);
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("gradstep: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for usage.");
            return 2;
        });
        return cl;
    }
}
