package dev.gradstep.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.gradstep.cas.AnswerCache;
import dev.gradstep.cas.SymjaGateway;
import dev.gradstep.check.CheckSettings;
import dev.gradstep.check.StudentChecker;
import dev.gradstep.check.StudentNotation;
import dev.gradstep.check.StudentReport;
import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.DerivationLoader;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * GradStep as a language server. Each open .tex or .md document is checked on open and, debounced,
 * after each edit; a check that an edit made stale is cancelled (the checker looks at the flag
 * between steps, Symja every 20 ms), and only chains whose content changed are verified again, the
 * rest coming from the checker's memory of chains. Until Symja has warmed up, a first check runs on
 * numbers alone so that diagnostics come at once; the full check follows when Symja is ready.
 * Settings: {@code notation} (words as for {@code --notation}) and {@code symbolicTimeout} (ms), from
 * {@code initializationOptions} or the workspace configuration section {@code gradstep}.
 */
public final class GradStepLanguageServer implements LanguageServer, LanguageClientAware {

    /** Quiet time after a keystroke before checking: long enough to skip a burst of typing. */
    static final long DEBOUNCE_MS = 60;

    private final SymjaGateway gateway;
    private final boolean ownsGateway;
    private final ExecutorService checks = Executors.newSingleThreadExecutor(daemon("gradstep-lsp-check"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("gradstep-lsp-debounce"));
    private final Map<String, Doc> docs = new ConcurrentHashMap<>();
    private final Documents documents = new Documents();
    private final AtomicInteger cancelledChecks = new AtomicInteger();
    private final AtomicInteger completedChecks = new AtomicInteger();
    private volatile LanguageClient client;
    private volatile String notation;
    private volatile Duration symbolicTimeout = CheckSettings.defaults().symbolicTimeout();
    private volatile StudentChecker full;
    private volatile StudentChecker numbersOnly;
    private volatile Consumer<String> onCheckStarted = uri -> { };
    private volatile boolean shutdown;

    /** One open document: its latest text and version, the check in flight, and what was last published. */
    private static final class Doc {
        volatile String text;
        volatile int version;
        volatile AtomicBoolean running;
        volatile ScheduledFuture<?> pending;
        volatile Findings findings;
    }

    /**
     * A server with its own Symja (answers cached in memory), closed on exit. Symja loads only after
     * the first diagnostics are out, so that the numbers of the first check have the machine to themselves.
     */
    public GradStepLanguageServer() {
        this(SymjaGateway.startLazily(AnswerCache.inMemory(AnswerCache.DEFAULT_MAX_CHARS)), true);
    }

    /** A server on a given gateway (null: numbers only), which the caller closes. */
    public GradStepLanguageServer(SymjaGateway gateway) {
        this(gateway, false);
    }

    private GradStepLanguageServer(SymjaGateway gateway, boolean ownsGateway) {
        this.gateway = gateway;
        this.ownsGateway = ownsGateway;
        rebuildCheckers();
    }

    /** Serves one client over the given streams until it exits; returns when the connection closes. */
    public static void serve(InputStream in, OutputStream out) throws InterruptedException {
        GradStepLanguageServer server = new GradStepLanguageServer();
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        server.onExit = () -> listening.cancel(true);
        try {
            listening.get();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
            // the client went away: nothing more to serve
        } finally {
            server.stop();
        }
    }

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
    }

    /** Called with a document's URI each time a check of it starts (tests use it to edit mid-check). */
    void onCheckStarted(Consumer<String> hook) {
        this.onCheckStarted = hook;
    }

    /** The version of an open document as the server last heard it, or -1. */
    int version(String uri) {
        Doc d = docs.get(uri);
        return d == null ? -1 : d.version;
    }

    /** Checks that an edit made stale and that were stopped before publishing. */
    public int cancelledChecks() {
        return cancelledChecks.get();
    }

    /** Checks whose diagnostics were published. */
    public int completedChecks() {
        return completedChecks.get();
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        applySettings(params.getInitializationOptions());
        ServerCapabilities caps = new ServerCapabilities();
        caps.setTextDocumentSync(TextDocumentSyncKind.Incremental);
        caps.setHoverProvider(true);
        caps.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
        boolean canAsk = params.getCapabilities() != null && params.getCapabilities().getWorkspace() != null
                && Boolean.TRUE.equals(params.getCapabilities().getWorkspace().getConfiguration());
        askForConfiguration = canAsk;
        return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo("gradstep", "0.1.0")));
    }

    private volatile boolean askForConfiguration;

    @Override
    public void initialized(InitializedParams params) {
        LanguageClient c = client;
        if (askForConfiguration && c != null) {
            ConfigurationItem item = new ConfigurationItem();
            item.setSection("gradstep");
            c.configuration(new ConfigurationParams(List.of(item))).thenAccept(values -> {
                if (values != null && !values.isEmpty() && applySettings(values.get(0))) {
                    recheckAll();
                }
            });
        }
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        stop();
        onExit.run();
    }

    /** What ends the connection once the client says exit (set by {@link #serve}). */
    private volatile Runnable onExit = () -> { };

    private void stop() {
        shutdown = true;
        docs.values().forEach(d -> {
            AtomicBoolean r = d.running;
            if (r != null) {
                r.set(true);
            }
        });
        checks.shutdownNow();
        timer.shutdownNow();
        if (ownsGateway && gateway != null) {
            gateway.close();
        }
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return new WorkspaceService() {
            @Override
            public void didChangeConfiguration(DidChangeConfigurationParams params) {
                if (applySettings(params.getSettings())) {
                    recheckAll();
                }
            }

            @Override
            public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
                // documents are checked from what the editor sends, not from disk
            }
        };
    }

    /** Reads {@code notation} and {@code symbolicTimeout} from settings (top level or under "gradstep"); true when they changed. */
    boolean applySettings(Object settings) {
        if (!(settings instanceof JsonElement json) || !json.isJsonObject()) {
            return false;
        }
        JsonObject o = json.getAsJsonObject();
        if (o.has("gradstep") && o.get("gradstep").isJsonObject()) {
            o = o.getAsJsonObject("gradstep");
        }
        boolean changed = false;
        if (o.has("notation")) {
            JsonElement n = o.get("notation");
            String words = n.isJsonNull() ? null : n.getAsString();
            words = words == null || words.isBlank() ? null : words;
            changed |= !java.util.Objects.equals(words, notation);
            notation = words;
        }
        if (o.has("symbolicTimeout") && o.get("symbolicTimeout").isJsonPrimitive()) {
            long ms = Math.max(1, Math.min(60_000, o.get("symbolicTimeout").getAsLong()));
            if (ms != symbolicTimeout.toMillis()) {
                symbolicTimeout = Duration.ofMillis(ms);
                rebuildCheckers();
                changed = true;
            }
        }
        return changed;
    }

    private void rebuildCheckers() {
        CheckSettings d = CheckSettings.defaults();
        CheckSettings s = new CheckSettings(d.minClasses(), d.maxClasses(), d.pointsPerCase(), d.seed(), symbolicTimeout,
                d.symbolicMaxClasses());
        full = new StudentChecker(gateway, s, true);
        numbersOnly = new StudentChecker(null, s, true);
    }

    private void recheckAll() {
        docs.forEach((uri, d) -> schedule(uri, d, 0));
    }

    static boolean isChecked(String uri) {
        String u = uri.toLowerCase(java.util.Locale.ROOT);
        return u.endsWith(".tex") || u.endsWith(".md") || u.endsWith(".markdown") || u.endsWith(".ltx");
    }

    private void schedule(String uri, Doc d, long delayMs) {
        if (shutdown) {
            return;
        }
        synchronized (d) {
            ScheduledFuture<?> p = d.pending;
            if (p != null) {
                p.cancel(false);
            }
            AtomicBoolean running = d.running;
            if (running != null) {
                running.set(true);
            }
            d.pending = timer.schedule(() -> submit(uri, d), delayMs, TimeUnit.MILLISECONDS);
        }
    }

    private void submit(String uri, Doc d) {
        AtomicBoolean cancelled = new AtomicBoolean();
        String text;
        int version;
        synchronized (d) {
            text = d.text;
            version = d.version;
            d.running = cancelled;
        }
        try {
            checks.execute(() -> check(uri, d, text, version, cancelled));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down
        }
    }

    private void check(String uri, Doc d, String text, int version, AtomicBoolean cancelled) {
        if (cancelled.get()) {
            cancelledChecks.incrementAndGet();
            return;
        }
        onCheckStarted.accept(uri);
        boolean symjaReady = gateway == null || gateway.isReady();
        StudentChecker checker = symjaReady ? full : numbersOnly;
        Findings findings;
        try {
            StudentReport report = checker.check(uri, text, notation, cancelled::get);
            findings = Findings.of(text, report);
        } catch (StudentNotation.NotationException e) {
            findings = Findings.notationProblem(text, e.getMessage());
        } catch (RuntimeException e) {
            findings = Findings.notationProblem(text, "the check failed: " + e.getMessage());
        }
        if (cancelled.get() || d.version != version) {
            cancelledChecks.incrementAndGet();
            return;
        }
        d.findings = findings;
        LanguageClient c = client;
        if (c != null) {
            c.publishDiagnostics(new PublishDiagnosticsParams(uri, findings.diagnostics(), version));
        }
        completedChecks.incrementAndGet();
        if (!symjaReady && gateway != null) {
            // the numbers came first; Symja's confirmation follows as soon as it can answer
            gateway.warmUp();
            gateway.whenReady().whenComplete((v, t) -> {
                if (t == null && d.version == version && docs.get(uri) == d) {
                    schedule(uri, d, 0);
                }
            });
        }
    }

    private final class Documents implements TextDocumentService {

        @Override
        public void didOpen(DidOpenTextDocumentParams params) {
            String uri = params.getTextDocument().getUri();
            if (!isChecked(uri)) {
                return;
            }
            Doc d = new Doc();
            d.text = params.getTextDocument().getText();
            d.version = params.getTextDocument().getVersion();
            docs.put(uri, d);
            schedule(uri, d, 0);
        }

        @Override
        public void didChange(DidChangeTextDocumentParams params) {
            String uri = params.getTextDocument().getUri();
            Doc d = docs.get(uri);
            if (d == null) {
                return;
            }
            synchronized (d) {
                String text = d.text;
                for (TextDocumentContentChangeEvent change : params.getContentChanges()) {
                    text = TextEdits.apply(text, change);
                }
                d.text = text;
                d.version = params.getTextDocument().getVersion() == null ? d.version + 1 : params.getTextDocument().getVersion();
            }
            schedule(uri, d, DEBOUNCE_MS);
        }

        @Override
        public void didClose(DidCloseTextDocumentParams params) {
            String uri = params.getTextDocument().getUri();
            Doc d = docs.remove(uri);
            if (d != null) {
                synchronized (d) {
                    if (d.pending != null) {
                        d.pending.cancel(false);
                    }
                    if (d.running != null) {
                        d.running.set(true);
                    }
                }
                LanguageClient c = client;
                if (c != null) {
                    c.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
                }
            }
        }

        @Override
        public void didSave(DidSaveTextDocumentParams params) {
            // the text is checked as it is typed; saving adds nothing
        }

        @Override
        public CompletableFuture<Hover> hover(HoverParams params) {
            Doc d = docs.get(params.getTextDocument().getUri());
            Findings f = d == null ? null : d.findings;
            if (f == null || d.text != f.text()) {
                return CompletableFuture.completedFuture(null);
            }
            Findings.Located at = f.stepAt(params.getPosition());
            if (at == null) {
                return CompletableFuture.completedFuture(null);
            }
            return CompletableFuture.completedFuture(new Hover(new MarkupContent(MarkupKind.MARKDOWN, Findings.hover(at))));
        }

        @Override
        public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
            String uri = params.getTextDocument().getUri();
            Doc d = docs.get(uri);
            Findings f = d == null ? null : d.findings;
            List<Either<Command, CodeAction>> out = new ArrayList<>();
            if (f == null || d.text != f.text()) {
                return CompletableFuture.completedFuture(out);
            }
            int from = params.getRange().getStart().getLine();
            int to = params.getRange().getEnd().getLine();
            for (Findings.Located l : f.located()) {
                int line = l.step().line() - 1;
                if (line < from || line > to) {
                    continue;
                }
                Findings.Correction c = f.correction(l);
                if (c == null) {
                    continue;
                }
                CodeAction action = new CodeAction("Replace with the correct line: " + c.line());
                action.setKind(CodeActionKind.QuickFix);
                action.setEdit(new WorkspaceEdit(Map.of(uri, List.of(new TextEdit(c.range(), c.newText())))));
                action.setDiagnostics(f.diagnostics().stream()
                        .filter(diag -> diag.getRange().getStart().getLine() == line && "wrong".equals(diag.getCode().getLeft()))
                        .toList());
                action.setIsPreferred(true);
                out.add(Either.forRight(action));
            }
            return CompletableFuture.completedFuture(out);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(null, r, name, 64L << 20);
            t.setDaemon(true);
            return t;
        };
    }
}
