package dev.gradstep.ui;

import dev.gradstep.cas.SymjaGateway;
import dev.gradstep.check.CheckSettings;
import dev.gradstep.check.DerivationChecker;
import dev.gradstep.check.StepInstances;
import dev.gradstep.check.StudentChecker;
import dev.gradstep.derivation.Derivation;
import dev.gradstep.derivation.DerivationLoader;
import dev.gradstep.tex.TexWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The app's objects wired together: services, view models and the settings store. Views get one
 * of these; tests build one with an in-memory settings store.
 */
public final class AppContext implements AutoCloseable {

    private final Settings settings;
    private final FormulaRenderer renderer;
    private final ExecutorService background;
    private final CompletableFuture<SymjaGateway> gateway = new CompletableFuture<>();
    private final boolean startCas;
    private final java.util.concurrent.atomic.AtomicBoolean casStarted = new java.util.concurrent.atomic.AtomicBoolean();
    private final DerivationViewModel derivations;
    private final ConcreteViewModel concrete;
    private final ExportViewModel export;
    private final NumbersViewModel numbers;
    private final StudentCheckViewModel studentCheck;
    private final NextStepViewModel nextStep;
    private final ExerciseViewModel exercises;
    private final AppOptions options;
    /** The library read still to do after a quick start, or null. */
    private final AtomicReference<Runnable> restOfLibrary = new AtomicReference<>();

    private AppContext(Settings settings, Executor ui, boolean startCas, AppOptions options) {
        this(settings, ui, startCas, options, false);
    }

    private AppContext(Settings settings, Executor ui, boolean startCas, AppOptions options, boolean firstAlone) {
        this.settings = settings;
        this.options = options;
        this.renderer = new FormulaRenderer();
        this.background = Executors.newFixedThreadPool(2, daemonThreads());
        this.startCas = startCas;
        if (!startCas) {
            gateway.complete(null);
        }
        TexWriter writer = new TexWriter();
        CheckSettings checkSettings = CheckSettings.defaults();
        DerivationLoader loader = new DerivationLoader();
        this.derivations = new DerivationViewModel(background, ui,
                (d, onVerdict, cancelled) -> {
                    startCas();
                    return new DerivationChecker(gateway.join(), checkSettings).check(d, onVerdict, cancelled);
                },
                loader::load, new ChangeHighlighter(writer));
        StepInstances instances = new StepInstances();
        this.concrete = new ConcreteViewModel(background, ui, instances, writer);
        this.export = new ExportViewModel(CoreExports.documents(), new ExportViewModel.Images() {
            @Override
            public String svg(String tex) {
                return renderer.toSvg(FormulaRenderer.forPrint(tex), 32, javafx.scene.paint.Color.BLACK);
            }

            @Override
            public byte[] png(String tex) {
                return renderer.toPng(FormulaRenderer.forPrint(tex), 32, 2, javafx.scene.paint.Color.BLACK);
            }
        }, CoreExports.writer());
        this.numbers = new NumbersViewModel(background, ui, instances);
        // one checker that remembers chains: a text checked again (edited, or reloaded from disk)
        // re-verifies only the chains that changed
        java.util.concurrent.CompletableFuture<StudentChecker> remembering = gateway.thenApply(
                g -> new StudentChecker(g, checkSettings, true));
        this.studentCheck = new StudentCheckViewModel(background, ui, (text, notation, cancelled) ->
                remembering.join().check("pasted", text, notation, cancelled),
                derivations::derivations);
        studentCheck.textProperty().set(settings.studentText());
        studentCheck.textProperty().addListener((o, a, b) -> settings.setStudentText(b == null ? "" : b));
        this.nextStep = new NextStepViewModel(background, ui, (d, index, typed, cancelled) ->
                new StudentChecker(gateway.join(), checkSettings).checkNext(d, index, typed, cancelled));
        this.exercises = new ExerciseViewModel(background, ui,
                (d, onVerdict, cancelled) -> new DerivationChecker(gateway.join(), checkSettings)
                        .check(d, onVerdict, cancelled));
        derivations.derivationProperty().addListener((o, a, b) -> exercises.setDerivation(b));
        derivations.pauseChecks();
        String wanted = settings.lastDerivation().orElse(FLAGSHIP_ID);
        Optional<Derivation> first = firstAlone ? loader.loadById(options.derivations(), wanted) : Optional.empty();
        if (first.isPresent()) {
            // reading all files is the largest part of start-up; the window needs only this one
            derivations.setLibrary(List.of(first.get()), options.problems());
            restOfLibrary.set(() -> background.execute(() -> {
                DerivationLoader.Library library = readLibrary(loader, options);
                ui.execute(() -> derivations.completeLibrary(ordered(library.derivations()), problems(options, library)));
            }));
            return;
        }
        DerivationLoader.Library library = readLibrary(loader, options);
        derivations.setLibrary(ordered(library.derivations()), problems(options, library));
        settings.lastDerivation().ifPresent(derivations::selectById);
    }

    private static DerivationLoader.Library readLibrary(DerivationLoader loader, AppOptions options) {
        return options.derivations() == null ? loadBundled(loader) : loader.loadFolder(options.derivations());
    }

    private static List<String> problems(AppOptions options, DerivationLoader.Library library) {
        List<String> problems = new java.util.ArrayList<>(options.problems());
        library.problems().stream().map(DerivationLoader.LoadProblem::describe).forEach(problems::add);
        return problems;
    }

    /** The derivation a first start opens: the quotient-rule route every other one is compared with. */
    static final String FLAGSHIP_ID = "softmax-ce-quotient";

    /** The picker's order: the flagship, the other routes in file order, then the exercises. */
    static List<dev.gradstep.derivation.Derivation> ordered(List<dev.gradstep.derivation.Derivation> all) {
        List<dev.gradstep.derivation.Derivation> out = new java.util.ArrayList<>(all);
        out.sort(java.util.Comparator.comparing(dev.gradstep.derivation.Derivation::isExercise)
                .thenComparing(d -> !d.id().equals(FLAGSHIP_ID)));
        return out;
    }

    /** The real app: Symja starts in the background. */
    public static AppContext create(Settings settings, Executor ui) {
        return new AppContext(settings, ui, true, AppOptions.BUNDLED);
    }

    /**
     * The real app, reading derivations and styles where the command line says. The derivation
     * last shown (or the flagship) is read first; the rest of the library follows in the background.
     */
    public static AppContext create(Settings settings, Executor ui, AppOptions options) {
        return new AppContext(settings, ui, true, options, true);
    }

    /** As {@link #create(Settings, Executor, AppOptions)}, without the CAS (start-up measured alone). */
    static AppContext createWithoutCas(Settings settings, Executor ui, AppOptions options) {
        return new AppContext(settings, ui, false, options, true);
    }

    /** Without the CAS: steps are checked numerically only (tests, benchmark). */
    public static AppContext withoutCas(Settings settings, Executor ui) {
        return new AppContext(settings, ui, false, AppOptions.BUNDLED);
    }

    /** Without the CAS, with the given folders (tests). */
    public static AppContext withoutCas(Settings settings, Executor ui, AppOptions options) {
        return new AppContext(settings, ui, false, options);
    }

    public AppOptions options() {
        return options;
    }

    private static DerivationLoader.Library loadBundled(DerivationLoader loader) {
        try {
            return loader.loadBundled();
        } catch (RuntimeException e) {
            return new DerivationLoader.Library(List.of(),
                    List.of(new DerivationLoader.LoadProblem("bundled derivations", 0, 0, String.valueOf(e.getMessage()))));
        }
    }

    private static SymjaGateway startGateway() {
        try {
            // Symja's answers are kept for the session: checking an edited text again asks only what is new
            return SymjaGateway.start(dev.gradstep.cas.AnswerCache.inMemory(dev.gradstep.cas.AnswerCache.DEFAULT_MAX_CHARS));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(null, r, "gradstep-worker-" + n.incrementAndGet(), 64L << 20);
            t.setDaemon(true);
            return t;
        };
    }

    public Settings settings() {
        return settings;
    }

    public FormulaRenderer renderer() {
        return renderer;
    }

    public DerivationViewModel derivations() {
        return derivations;
    }

    public ConcreteViewModel concrete() {
        return concrete;
    }

    public ExportViewModel export() {
        return export;
    }

    public NumbersViewModel numbers() {
        return numbers;
    }

    /**
     * The first step is on screen: now start what would have competed with it for the cores, the
     * CAS and the rest of the library.
     */
    public void firstStepShown() {
        startCas();
        Runnable rest = restOfLibrary.getAndSet(null);
        if (rest != null) {
            rest.run();
        }
    }

    /**
     * Starts Symja, once. Its warm-up takes about two seconds of a core, so the window starts it
     * (through {@link #firstStepShown()}) when the first step is on screen, not during start-up.
     */
    public void startCas() {
        if (startCas && casStarted.compareAndSet(false, true)) {
            Thread t = new Thread(() -> gateway.complete(startGateway()), "gradstep-cas-start");
            t.setDaemon(true);
            t.start();
        }
    }

    /** "Check my derivation": the user's own LaTeX, checked line by line. */
    public StudentCheckViewModel studentCheck() {
        return studentCheck;
    }

    /** "Your next step": a typed line checked against the current library step. */
    public NextStepViewModel nextStep() {
        return nextStep;
    }

    /** The "spot the mistake" exercise, following the selected derivation. */
    public ExerciseViewModel exercises() {
        return exercises;
    }

    /** Warms the typesetter; only once the JavaFX toolkit runs, since it loads JavaFX fonts. */
    public void warmRenderer() {
        background.execute(renderer::warmUp);
    }

    public Executor background() {
        return background;
    }

    @Override
    public void close() {
        derivations.cancelCheck();
        background.shutdownNow();
        gateway.thenAccept(g -> {
            if (g != null) {
                g.close();
            }
        });
    }
}
