package dev.gradstep.cli;

import dev.gradstep.lsp.GradStepLanguageServer;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code gradstep lsp}: the language server, speaking LSP over stdin and stdout. */
@Command(name = "lsp", mixinStandardHelpOptions = true,
        description = {"Run the language server (LSP 3.17) over standard input and output, for editors:",
            "marks wrong, unreadable and undecided lines of .tex and .md derivations as you type.",
            "Settings (initializationOptions or the 'gradstep' configuration section): notation, symbolicTimeout."})
final class LspCommand implements Callable<Integer> {

    @Override
    public Integer call() throws InterruptedException {
        // stdout belongs to the protocol: anything else printed there (a library's message) would corrupt it
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        GradStepLanguageServer.serve(new FileInputStream(FileDescriptor.in), protocol);
        return 0;
    }
}
