package dev.gradstep.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The language server's speed as an editor sees it: a fresh {@code gradstep lsp} process, started
 * by the given command, opens a 20-line derivation (cold: process start to first diagnostics), then
 * one line is edited back and forth (edit sent to diagnostics received, debounce included).
 */
public final class LspBenchmark {

    private static final String URI = "file:///bench/derivation-20.tex";
    private static final String RIGHT = "&= -\\hat{y}_i \\hat{y}_j \\quad (i \\neq j)";
    private static final String WRONG = "&= \\hat{y}_i \\hat{y}_j \\quad (i \\neq j)";

    private final RecordingClient client = new RecordingClient();
    private final BlockingQueue<PublishDiagnosticsParams> published = client.published();

    /** The 20-line derivation the figures are measured on. */
    public static String derivation() throws IOException {
        try (InputStream in = LspBenchmark.class.getResourceAsStream("bench-20-lines.tex")) {
            if (in == null) {
                throw new IOException("bench-20-lines.tex is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Runs the server with {@code command} and prints the two figures; {@code edits} edits are timed. */
    public void run(List<String> command, int edits, PrintWriter out) throws IOException, InterruptedException {
        String text = derivation();
        int line = lineOf(text, RIGHT);
        int column = text.split("\n", -1)[line].indexOf(RIGHT);
        long t0 = System.nanoTime();
        Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, server.getInputStream(),
                    server.getOutputStream());
            launcher.startListening();
            LanguageServer remote = launcher.getRemoteProxy();
            remote.initialize(new InitializeParams()).get(60, TimeUnit.SECONDS);
            remote.initialized(new InitializedParams());
            remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "latex", 1, text)));
            awaitVersion(1);
            double cold = (System.nanoTime() - t0) / 1e6;
            out.printf("language server, process start to first diagnostics of a 20-line derivation (cold): %.0f ms%n", cold);
            // the full check follows once Symja is warm; edits are timed after it, as a student types later
            Thread.sleep(4000);
            published.clear();
            double[] times = new double[edits];
            int version = 1;
            for (int i = 0; i < edits; i++) {
                String now = i % 2 == 0 ? WRONG : RIGHT;
                String before = i % 2 == 0 ? RIGHT : WRONG;
                Range range = new Range(new Position(line, column), new Position(line, column + before.length()));
                version++;
                long e0 = System.nanoTime();
                remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                        new VersionedTextDocumentIdentifier(URI, version), List.of(new TextDocumentContentChangeEvent(range, now))));
                awaitVersion(version);
                times[i] = (System.nanoTime() - e0) / 1e6;
                Thread.sleep(300);
            }
            out.printf("language server, edit one line of it -> diagnostics: median %.0f ms, max %.0f ms over %d edits"
                    + " (made wrong: median %.0f ms; made right: median %.0f ms; debounce %d ms included)%n",
                    median(times), Arrays.stream(times).max().orElse(0), edits, median(every(times, 0)), median(every(times, 1)),
                    GradStepLanguageServer.DEBOUNCE_MS);
            remote.shutdown().get(30, TimeUnit.SECONDS);
            remote.exit();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            out.println("language server: did not answer (" + e + ")");
        } finally {
            server.waitFor(10, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
    }

    private void awaitVersion(int version) throws InterruptedException {
        while (true) {
            PublishDiagnosticsParams p = published.poll(120, TimeUnit.SECONDS);
            if (p == null) {
                throw new IllegalStateException("no diagnostics for version " + version + " within 120 s");
            }
            if (p.getVersion() != null && p.getVersion() == version) {
                return;
            }
        }
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i;
            }
        }
        throw new IllegalStateException("the bench derivation lacks its edited line");
    }

    private static double[] every(double[] t, int parity) {
        List<Double> out = new ArrayList<>();
        for (int i = parity; i < t.length; i += 2) {
            out.add(t[i]);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
