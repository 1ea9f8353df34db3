package dev.gradstep.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.gradstep.cas.AnswerCache;
import dev.gradstep.cas.SymjaGateway;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server as an editor sees it: LSP4J's own client launcher over piped streams, JSON-RPC on the
 * wire. Waits are bounded (a failed wait fails the test), never timed assertions.
 */
class LanguageServerProtocolTest {

    private static final String URI = "file:///work/homework.tex";
    private static final long WAIT_S = 60;
    private static SymjaGateway gateway;

    private GradStepLanguageServer server;
    private LanguageServer remote;
    private final RecordingClient client = new RecordingClient();
    private final BlockingQueue<PublishDiagnosticsParams> published = client.published();

    @BeforeAll
    static void startSymja() {
        gateway = SymjaGateway.start(AnswerCache.inMemory(AnswerCache.DEFAULT_MAX_CHARS));
        gateway.whenReady().join();
    }

    @AfterAll
    static void stopSymja() {
        gateway.close();
    }

    @BeforeEach
    void connect() throws IOException {
        server = new GradStepLanguageServer(gateway);
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream toServer = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream toClient = new PipedOutputStream(clientIn);
        Launcher<LanguageClient> serverSide = LSPLauncher.createServerLauncher(server, serverIn, toClient);
        server.connect(serverSide.getRemoteProxy());
        serverSide.startListening();
        Launcher<LanguageServer> clientSide = LSPLauncher.createClientLauncher(client, clientIn, toServer);
        clientSide.startListening();
        remote = clientSide.getRemoteProxy();
    }

    @AfterEach
    void disconnect() throws Exception {
        remote.shutdown().get(WAIT_S, TimeUnit.SECONDS);
        remote.exit();
    }

    private static String homework() throws IOException {
        return Files.readString(Path.of("src", "test", "resources", "student", "homework.tex"));
    }

    private void initialize(Object options) throws Exception {
        InitializeParams p = new InitializeParams();
        p.setInitializationOptions(options);
        remote.initialize(p).get(WAIT_S, TimeUnit.SECONDS);
        remote.initialized(new InitializedParams());
    }

    private void open(String uri, String text) {
        remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "latex", 1, text)));
    }

    private void replaceAll(String uri, int version, String text) {
        remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
                List.of(new TextDocumentContentChangeEvent(text))));
    }

    private PublishDiagnosticsParams next() throws InterruptedException {
        PublishDiagnosticsParams p = published.poll(WAIT_S, TimeUnit.SECONDS);
        assertNotNull(p, "no diagnostics within " + WAIT_S + " s");
        return p;
    }

    /** The diagnostics published for a version, skipping earlier ones. */
    private PublishDiagnosticsParams forVersion(int version) throws InterruptedException {
        while (true) {
            PublishDiagnosticsParams p = next();
            if (p.getVersion() != null && p.getVersion() == version) {
                return p;
            }
        }
    }

    private static List<Diagnostic> errors(PublishDiagnosticsParams p) {
        return p.getDiagnostics().stream().filter(d -> d.getSeverity() == DiagnosticSeverity.Error).toList();
    }

    private Hover hoverAt(int line, int character) throws Exception {
        return remote.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(URI), new Position(line, character)))
                .get(WAIT_S, TimeUnit.SECONDS);
    }

    @Test
    void open_homework_wrongLineIsAnErrorWithCounterexampleAndHint() throws Exception {
        initialize(null);
        open(URI, homework());
        PublishDiagnosticsParams p = next();
        assertEquals(URI, p.getUri());
        List<Diagnostic> errors = errors(p);
        assertEquals(1, errors.size(), p.toString());
        Diagnostic d = errors.get(0);
        assertEquals(12, d.getRange().getStart().getLine());
        assertEquals('=', homework().split("\n")[12].charAt(d.getRange().getStart().getCharacter()));
        assertTrue(d.getMessage().contains("counterexample: K=2, i=1, j=2, logits ("), d.getMessage());
        assertTrue(d.getMessage().contains("hint: sign: the right side is the negative of the true value"), d.getMessage());
        assertTrue(d.getMessage().contains("correction (checked: it holds): \\frac{\\partial \\hat{y}_{i}}{\\partial z_{j}} = "
                + "-\\hat{y}_{i} \\hat{y}_{j}"), d.getMessage());
        assertEquals("gradstep", d.getSource());
    }

    @Test
    void hover_onEquals_verdictAndWhatItRestsOn() throws Exception {
        initialize(null);
        String text = homework();
        open(URI, text);
        next();
        String[] lines = text.split("\n");
        Hover wrong = hoverAt(12, lines[12].indexOf("&=") + 1);
        assertNotNull(wrong);
        assertTrue(wrong.getContents().getRight().getValue().startsWith("**wrong**"), wrong.toString());
        assertTrue(wrong.getContents().getRight().getValue().contains("counterexample:"), wrong.toString());
        Hover holds = hoverAt(11, lines[11].indexOf("&=") + 1);
        String words = holds.getContents().getRight().getValue();
        assertTrue(words.startsWith("**holds**, by numbers + Symja"), words);
        assertTrue(words.contains("rests on: numbers:"), words);
        assertTrue(words.contains("Symja: proved"), words);
        assertEquals(null, hoverAt(5, 3), "no hover away from an '='");
    }

    @Test
    void codeAction_onWrongLine_replacesItAndTheNextCheckPasses() throws Exception {
        initialize(null);
        String text = homework();
        open(URI, text);
        next();
        CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(URI), new Range(new Position(12, 0), new Position(12, 0)),
                new CodeActionContext(List.of()));
        List<Either<Command, CodeAction>> actions = remote.getTextDocumentService().codeAction(params).get(WAIT_S, TimeUnit.SECONDS);
        assertEquals(1, actions.size(), actions.toString());
        CodeAction action = actions.get(0).getRight();
        assertTrue(action.getTitle().contains("-\\hat{y}_{i} \\hat{y}_{j}"), action.getTitle());
        TextEdit edit = action.getEdit().getChanges().get(URI).get(0);
        String fixed = TextEdits.apply(text, new TextDocumentContentChangeEvent(edit.getRange(), edit.getNewText()));
        assertTrue(fixed.split("\n")[12].contains("&= -\\hat{y}_{i} \\hat{y}_{j} \\quad (i \\neq j)"), fixed.split("\n")[12]);
        assertEquals(1, action.getDiagnostics().size());
        replaceAll(URI, 2, fixed);
        PublishDiagnosticsParams after = forVersion(2);
        assertEquals(List.of(), errors(after), after.toString());
        Range right = new Range(new Position(11, 0), new Position(11, 0));
        assertEquals(List.of(), remote.getTextDocumentService().codeAction(new CodeActionParams(new TextDocumentIdentifier(URI), right,
                new CodeActionContext(List.of()))).get(WAIT_S, TimeUnit.SECONDS), "no action on a line that holds");
    }

    @Test
    void editWhileCheckRuns_staleCheckCancelledAndOnlyTheNewTextPublished() throws Exception {
        initialize(null);
        String text = homework();
        String fixed = text.replace("&= \\hat{y}_i \\hat{y}_j \\quad (i \\neq j)", "&= -\\hat{y}_i \\hat{y}_j \\quad (i \\neq j)");
        AtomicBoolean editedDuringCheck = new AtomicBoolean();
        server.onCheckStarted(uri -> {
            if (editedDuringCheck.compareAndSet(false, true)) {
                // the check of version 1 has started: the student types before it ends
                replaceAll(URI, 2, fixed);
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
                while (server.version(URI) != 2 && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }
        });
        open(URI, text);
        PublishDiagnosticsParams p = next();
        assertEquals(2, p.getVersion(), "the stale check of version 1 published nothing");
        assertEquals(List.of(), errors(p), p.toString());
        assertTrue(editedDuringCheck.get());
        assertTrue(server.cancelledChecks() >= 1, "cancelled: " + server.cancelledChecks());
    }

    @Test
    void burstOfEdits_debouncedToTheLastVersion() throws Exception {
        initialize(null);
        String text = homework();
        open(URI, text);
        next();
        int before = server.completedChecks();
        for (int v = 2; v <= 11; v++) {
            replaceAll(URI, v, text + "\n% typing " + v);
        }
        PublishDiagnosticsParams last = forVersion(11);
        assertEquals(1, errors(last).size());
        assertTrue(server.completedChecks() - before < 10, "checks for 10 quick edits: " + (server.completedChecks() - before));
    }

    @Test
    void settings_notationFromClient_usedAndBadOneReported() throws Exception {
        JsonObject options = new JsonObject();
        options.addProperty("notation", "logits=x probs=p labels=t loss=E classes=C");
        initialize(options);
        String text = "\\[ \\frac{\\partial E}{\\partial x_j} = p_j - t_j \\]\n\\[ \\frac{\\partial E}{\\partial x_j} = p_j + t_j \\]\n";
        open(URI, text);
        PublishDiagnosticsParams p = next();
        assertEquals(1, errors(p).size(), p.toString());
        assertEquals(1, errors(p).get(0).getRange().getStart().getLine());
        assertFalse(p.getDiagnostics().stream().anyMatch(d -> d.getMessage().startsWith("notation guessed")), p.toString());
        JsonObject settings = new JsonObject();
        JsonObject section = new JsonObject();
        section.addProperty("notation", "logits=x probs=");
        settings.add("gradstep", section);
        remote.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(settings));
        PublishDiagnosticsParams bad = next();
        assertTrue(bad.getDiagnostics().get(0).getMessage().startsWith("notation:"), bad.toString());
    }

    @Test
    void open_markdownWithUnreadableAndUndecidedLines_warningsWithTheReason() throws Exception {
        initialize(null);
        String md = "# Softmax gradient\n\n% notation: logits=z probs=s labels=y loss=L classes=K\n\n"
                + "$$\\frac{\\partial L}{\\partial z_j} = s_j - y_j$$\n\n"
                + "$$\\frac{\\partial L}{\\partial z_j} = s_j - \\frac{y_j}{$$\n\n"
                + "$$\\frac{\\partial L}{\\partial z_j} = w_j - y_j$$\n";
        open("file:///work/notes.md", md);
        PublishDiagnosticsParams p = next();
        List<Diagnostic> warnings = p.getDiagnostics().stream().filter(d -> d.getSeverity() == DiagnosticSeverity.Warning).toList();
        assertEquals(2, warnings.size(), p.toString());
        assertEquals(6, warnings.get(0).getRange().getStart().getLine());
        assertTrue(warnings.get(0).getMessage().startsWith("unreadable: line 7, column"), warnings.get(0).getMessage());
        assertEquals(8, warnings.get(1).getRange().getStart().getLine());
        assertTrue(warnings.get(1).getMessage().startsWith("undecided: 'w' has no meaning"), warnings.get(1).getMessage());
        assertEquals(List.of(), errors(p));
    }
}
