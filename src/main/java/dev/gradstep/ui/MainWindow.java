package dev.gradstep.ui;

import dev.gradstep.derivation.Derivation;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The main window: derivation picker and step outline on the left, the current step (or its
 * concrete form, or the user's numbers) in the middle, navigation and check progress at the bottom.
 */
public final class MainWindow {

    private final AppContext ctx;
    private final Stage stage;
    private final DerivationViewModel vm;
    private final BorderPane root = new BorderPane();
    private final Scene scene;
    private final FormulaView previousFormula;
    private final FormulaView currentFormula;
    private final FormulaView generalFormula;
    private final FormulaView matrixFormula;
    private final VBox caseBox = new VBox();
    private static final double SIDEBAR_SHARE = 0.26;
    /** The chrome around the step (menus, picker, outline, tabs, navigation): null until built. */
    private ListView<DerivationViewModel.StepItem> outline;
    private ComboBox<Derivation> picker;
    private TabPane tabs;
    private Label exportStatus;
    private Node stepContent;
    private Theme theme;
    private BiFunction<ExportViewModel.Format, String, Path> pathChooser = this::chooseTarget;
    private Predicate<Path> confirmOverwrite = this::confirmOverwrite;
    private final List<Runnable> firstPaint = new ArrayList<>();
    private boolean painted;

    /** The whole window, built at once (tests and embedding). */
    public MainWindow(AppContext ctx, Stage stage) {
        this(ctx, stage, false);
    }

    /**
     * With {@code stepFirst}, the first frame holds only the current step, in the place it will
     * keep; menus, picker, outline and tabs are built in the frame after it. Their controls and
     * style sheets cost more than half of start-up, and the step is what a person came to read.
     */
    MainWindow(AppContext ctx, Stage stage, boolean stepFirst) {
        this.ctx = ctx;
        this.stage = stage;
        this.vm = ctx.derivations();
        FormulaRenderer r = ctx.renderer();
        ctx.warmRenderer();
        previousFormula = new FormulaView(r);
        previousFormula.getStyleClass().add("previous-formula");
        currentFormula = new FormulaView(r);
        currentFormula.getStyleClass().add("current-formula");
        generalFormula = new FormulaView(r);
        generalFormula.getStyleClass().add("general-formula");
        generalFormula.setCentred(false);
        matrixFormula = new FormulaView(r);
        matrixFormula.getStyleClass().add("matrix-formula");
        matrixFormula.setCentred(false);

        root.getStyleClass().add("main-window");
        stepContent = stepPane();
        root.setCenter(stepContent);
        if (stepFirst) {
            holdChromePlaces();
        }

        scene = new Scene(root, ctx.settings().width(1180), ctx.settings().height(800));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        setTheme(ctx.settings().theme());
        vm.currentProperty().addListener((o, a, b) -> showStep());
        vm.derivationProperty().addListener((o, a, b) -> {
            if (picker != null) {
                picker.getSelectionModel().select(b);
            }
            if (tabs != null && b != null && b.isExercise()) {
                tabs.getSelectionModel().selectLast();
            }
            if (b != null) {
                ctx.settings().setLastDerivation(b.id());
                if (painted) {
                    prefetch();
                }
            }
        });
        showStep();
        if (!stepFirst) {
            buildChrome();
        }
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (!painted && vm.currentProperty().get() != null && currentFormula.paintCount() > 0) {
                    painted = true;
                    firstPaint.forEach(Runnable::run);
                    if (outline == null) {
                        buildChrome();
                    }
                    prefetch();
                    ctx.firstStepShown();
                    vm.resumeChecks();
                    stop();
                }
            }
        }.start();
    }

    /** Until the chrome is built, plain regions keep its places so the step does not move when it arrives. */
    private void holdChromePlaces() {
        Region top = new Region();
        top.getStyleClass().add("placeholder-top");
        Region side = new Region();
        side.getStyleClass().add("placeholder-side");
        // the split pane's divider takes a few pixels beside the sidebar's share
        side.prefWidthProperty().bind(root.widthProperty().multiply(SIDEBAR_SHARE).add(4));
        Region bottom = new Region();
        bottom.getStyleClass().add("placeholder-bottom");
        root.setTop(top);
        root.setLeft(side);
        root.setBottom(bottom);
    }

    private void buildChrome() {
        root.setLeft(null);
        // below the step's text, so arriving later moves nothing a reader is looking at
        stepBody.getChildren().addAll(revealCard(), new NextStepBox(ctx.nextStep()));
        outline = new ListView<>();
        picker = new ComboBox<>();
        tabs = new TabPane();
        exportStatus = new Label();
        root.setTop(new VBox(menuBar(), messageBar()));
        SplitPane split = new SplitPane(sidebar(), centre());
        split.setDividerPositions(SIDEBAR_SHARE);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        root.setCenter(split);
        root.setBottom(bottomBar());
        picker.getSelectionModel().select(vm.derivationProperty().get());
        showStep();
    }

    public void show() {
        stage.setTitle("GradStep \u2014 softmax cross-entropy, step by step");
        stage.setScene(scene);
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        stage.setOnHidden(e -> {
            ctx.settings().setSize(scene.getWidth(), scene.getHeight());
            ctx.settings().flush();
        });
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        if (scene.getWidth() > screen.getWidth() || scene.getHeight() > screen.getHeight()) {
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(Math.min(scene.getWidth(), screen.getWidth()));
            stage.setHeight(Math.min(scene.getHeight(), screen.getHeight()));
        }
        stage.show();
    }

    /** Runs once, on the first pulse after the first step has been painted. */
    public void whenFirstStepPainted(Runnable r) {
        if (painted) {
            r.run();
        } else {
            firstPaint.add(r);
        }
    }

    public Stage stage() {
        return stage;
    }

    public Scene scene() {
        return scene;
    }

    public FormulaView currentFormula() {
        return currentFormula;
    }

    /** View › Notation: the same derivations with their symbols renamed, as other references write them. */
    private Menu notationMenu() {
        Menu menu = new Menu("N_otation");
        ToggleGroup group = new ToggleGroup();
        for (NotationChoice choice : NotationChoice.values()) {
            RadioMenuItem item = new RadioMenuItem(choice.label());
            item.setToggleGroup(group);
            item.setSelected(vm.notationChoiceProperty().get() == choice);
            item.setOnAction(e -> vm.showIn(choice));
            vm.notationChoiceProperty().addListener((o, a, b) -> item.setSelected(b == choice));
            menu.getItems().add(item);
        }
        return menu;
    }

    public void setTheme(Theme t) {
        theme = t;
        scene.getStylesheets().setAll(ctx.options().styleSheet("styles/base.css"), ctx.options().styleSheet(t.styleSheet()));
        ctx.settings().setTheme(t);
        if (painted) {
            root.applyCss();
            prefetch();
        }
    }

    /** Typesets every step of the derivation in the background so stepping only paints. */
    private void prefetch() {
        currentFormula.prefetch(vm.displayTexts(), ctx.background());
        previousFormula.prefetch(vm.stepTexts(), ctx.background());
    }

    public Theme theme() {
        return theme;
    }

    /** Replaces the file dialog (tests, scripted use). */
    public void setPathChooser(BiFunction<ExportViewModel.Format, String, Path> chooser) {
        this.pathChooser = chooser;
    }

    /** Replaces the overwrite question (tests, scripted use). */
    public void setConfirmOverwrite(Predicate<Path> confirm) {
        this.confirmOverwrite = confirm;
    }

    private MenuBar menuBar() {
        MenuItem open = item("_Open derivation file\u2026", "Ctrl+O", "Open a derivation YAML file from anywhere",
                this::openFile);
        MenuItem export = item("_Export\u2026", "Ctrl+E", "Export the derivation or the current formula", this::exportDialog);
        MenuItem copy = item("_Copy step as LaTeX", "Ctrl+Shift+C", "Put the current step's LaTeX on the clipboard",
                this::copyLatex);
        MenuItem quit = item("_Quit", "Ctrl+Q", "Close GradStep", stage::close);
        Menu file = new Menu("_File", null, open, export, copy, new SeparatorMenuItem(), quit);

        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem("_Light theme");
        RadioMenuItem dark = new RadioMenuItem("_Dark theme");
        light.setToggleGroup(themes);
        dark.setToggleGroup(themes);
        (ctx.settings().theme() == Theme.DARK ? dark : light).setSelected(true);
        light.setOnAction(e -> setTheme(Theme.LIGHT));
        dark.setOnAction(e -> setTheme(Theme.DARK));
        CheckMenuItem reveal = new CheckMenuItem("_Reveal mode (homework)");
        reveal.setAccelerator(KeyCombination.keyCombination("Ctrl+R"));
        reveal.selectedProperty().addListener((o, a, b) -> vm.setRevealMode(b));
        vm.revealModeProperty().addListener((o, a, b) -> reveal.setSelected(b));
        Menu view = new Menu("_View", null, light, dark, new SeparatorMenuItem(), reveal, notationMenu(),
                new SeparatorMenuItem(),
                item("_Step", "Shortcut+1", "The current step", () -> tabs.getSelectionModel().select(0)),
                item("_Concrete K", "Shortcut+2", "The step for K = 2..5", () -> tabs.getSelectionModel().select(1)),
                item("Your _numbers", "Shortcut+3", "Your own logits and labels", () -> tabs.getSelectionModel().select(2)),
                item("Check _my derivation", "Shortcut+4", "Your own LaTeX, line by line", () -> tabs.getSelectionModel().select(3)),
                item("_Exercise", "Shortcut+5", "Spot the mistake", () -> tabs.getSelectionModel().select(4)));

        Menu go = new Menu("_Go", null,
                item("_Next step", null, "Right, Down or Space", vm::next),
                item("_Previous step", null, "Left, Up or Backspace", vm::previous),
                item("_First step", null, "Home", vm::first),
                item("_Last step", null, "End", vm::last),
                item("_Reveal next step", null, "R, in reveal mode", vm::revealNext));
        Menu check = new Menu("_Check", null,
                item("Check _again", "Ctrl+K", "Verify every step again", vm::startCheck),
                item("_Cancel check", "Escape", "Stop the running check", vm::cancelCheck));
        Menu help = new Menu("_Help", null, item("_Keyboard shortcuts", "F1", "All keys at a glance", this::showKeys));
        return new MenuBar(file, view, go, check, help);
    }

    private static MenuItem item(String text, String accelerator, String help, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private Node messageBar() {
        Label text = new Label();
        text.setWrapText(true);
        text.textProperty().bind(vm.messageProperty());
        Button dismiss = new Button("D_ismiss");
        dismiss.setTooltip(new Tooltip("Hide this message"));
        dismiss.setOnAction(e -> vm.dismissMessage());
        HBox bar = new HBox(12, text, dismiss);
        HBox.setHgrow(text, Priority.ALWAYS);
        bar.getStyleClass().add("message-bar");
        bar.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private Node sidebar() {
        Label pickLabel = new Label("_Derivation");
        pickLabel.setMnemonicParsing(true);
        pickLabel.setLabelFor(picker);
        pickLabel.getStyleClass().add("section-title");
        picker.setItems(vm.derivations());
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.getStyleClass().add("derivation-picker");
        picker.setTooltip(new Tooltip("Choose a bundled derivation (File \u25b8 Open for your own)"));
        picker.setCellFactory(l -> new DerivationCell());
        DerivationCell shown = new DerivationCell();
        picker.setButtonCell(shown);
        // a long title wraps onto as many lines as the sidebar's width needs, never cut short
        shown.widthProperty().addListener((o, a, b) -> fitPicker(shown));
        shown.textProperty().addListener((o, a, b) -> fitPicker(shown));
        picker.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.select(b);
            }
        });
        Label stepsLabel = new Label("_Steps");
        stepsLabel.setMnemonicParsing(true);
        stepsLabel.setLabelFor(outline);
        stepsLabel.getStyleClass().add("section-title");
        outline.setItems(vm.outline());
        outline.getStyleClass().add("outline");
        outline.setCellFactory(l -> new StepCell(vm.currentIndexProperty()));
        outline.setTooltip(new Tooltip("Every step with its check result; click one to go there"));
        // The current step's row is marked by :current, not by selection: a selection change marks
        // every row dirty and re-lays out the whole list, which cost a third of each step's frame.
        outline.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) {
                vm.goTo(b.intValue());
                // left selected, a second click on the same row would not be seen
                Platform.runLater(() -> outline.getSelectionModel().clearSelection());
            }
        });
        // the outline's badges would give an exercise away before the student has chosen
        outline.visibleProperty().bind(ctx.exercises().activeProperty().not().or(ctx.exercises().chosenProperty().greaterThan(0)));
        ctx.exercises().chosenProperty().addListener((o, a, b) -> showStep());
        ctx.exercises().activeProperty().addListener((o, a, b) -> showStep());
        VBox.setVgrow(outline, Priority.ALWAYS);
        VBox box = new VBox(6, pickLabel, picker, stepsLabel, outline);
        box.getStyleClass().add("sidebar");
        box.setMinWidth(220);
        return box;
    }

    private Node centre() {
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().add(tab("Step", stepContent, "The current step, typeset, with its rule and reason"));
        Tab concrete = tab("Concrete K", null, "The current step written out for K = 2..5 classes");
        Tab numbers = tab("Your numbers", null, "Your own logits and labels: softmax, loss, gradient");
        Tab student = tab("Check my derivation", null, "Paste or open your own LaTeX derivation: every line is checked");
        Tab exercise = tab("Exercise", null, "Spot the mistake: pick the line you think is wrong");
        tabs.getTabs().addAll(concrete, numbers, student, exercise);
        // Built when first shown: their charts and tables would cost the first step's start-up time.
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b == concrete && b.getContent() == null) {
                b.setContent(concretePane());
            } else if (b == numbers && b.getContent() == null) {
                b.setContent(new NumbersPane(ctx.numbers()));
            } else if (b == student && b.getContent() == null) {
                b.setContent(new StudentCheckPane(ctx.studentCheck(), ctx.renderer()));
            } else if (b == exercise && b.getContent() == null) {
                b.setContent(new ExercisePane(ctx.exercises(), ctx.renderer()));
            }
        });
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> updateSideTabs());
        return tabs;
    }

    private static Tab tab(String title, Node content, String tip) {
        Tab t = new Tab(title, content);
        t.setTooltip(new Tooltip(tip));
        return t;
    }

    private final Label stepTitle = new Label();
    private final Label ruleTitle = new Label();
    private final Label badge = new Label();
    private final Tooltip badgeTip = new Tooltip();
    private final Label why = new Label();
    private final Label verdict = new Label();
    private final Label mistake = new Label();
    private final Label previousLabel = new Label("Previous step");
    private final GridPane partsGrid = new GridPane();
    private final VBox partsBox = new VBox(6);
    private FormulaView partsFormula;
    private final VBox stepBody = new VBox(10);

    private Node stepPane() {
        stepTitle.getStyleClass().add("step-title");
        ruleTitle.getStyleClass().add("rule-title");
        badge.getStyleClass().add("badge");
        badge.setTooltip(badgeTip);
        HBox header = new HBox(12, stepTitle, ruleTitle, badge);
        header.setAlignment(Pos.BASELINE_LEFT);
        header.getStyleClass().add("step-header");
        previousLabel.getStyleClass().add("muted");
        why.getStyleClass().add("why");
        why.setWrapText(true);
        verdict.getStyleClass().add("verdict");
        verdict.setWrapText(true);
        mistake.getStyleClass().add("warning-note");
        mistake.setWrapText(true);
        Label partsTitle = new Label("The parts of the quotient u / v");
        partsTitle.getStyleClass().add("section-title");
        partsGrid.getStyleClass().add("parts");
        partsFormula = new FormulaView(ctx.renderer());
        partsFormula.getStyleClass().add("part-formula");
        partsGrid.add(partsFormula, 0, 0);
        Label partsNote = new Label("u\u2032 and v\u2032 are worked out by GradStep, not typed by the author; "
                + "the verdict below says whether Symja confirmed them.");
        partsNote.getStyleClass().add("muted");
        partsNote.setWrapText(true);
        partsBox.getChildren().addAll(partsTitle, partsGrid, partsNote);
        partsBox.getStyleClass().add("section");

        stepBody.getChildren().addAll(header, previousLabel, previousFormula, currentFormula, why, partsBox, mistake,
                verdict);
        stepBody.getStyleClass().add("step-pane");
        ScrollPane scroll = new ScrollPane(stepBody);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("step-scroll");
        return scroll;
    }

    private VBox revealCard() {
        Label text = new Label("The next step is hidden. Try it on paper first, then reveal it.");
        text.setWrapText(true);
        Label hint = new Label();
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        hint.textProperty().bind(vm.hintProperty());
        hint.visibleProperty().bind(vm.hintProperty().isNotEmpty());
        hint.managedProperty().bind(hint.visibleProperty());
        Button showHint = new Button("Sho_w hint");
        showHint.setTooltip(new Tooltip("Name the rule the next step uses (H)"));
        showHint.setOnAction(e -> vm.showHint());
        Button reveal = new Button("_Reveal next step");
        reveal.setTooltip(new Tooltip("Show the next step (R)"));
        reveal.setOnAction(e -> vm.revealNext());
        reveal.getStyleClass().add("accent");
        VBox card = new VBox(8, text, hint, new HBox(8, showHint, reveal));
        card.getStyleClass().add("reveal-card");
        card.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> vm.canRevealProperty().get() && !vm.canNextProperty().get(),
                vm.canRevealProperty(), vm.canNextProperty()));
        card.managedProperty().bind(card.visibleProperty());
        return card;
    }

    private Node concretePane() {
        ConcreteViewModel c = ctx.concrete();
        Spinner<Integer> k = new Spinner<>(ConcreteViewModel.MIN_K, ConcreteViewModel.MAX_K, c.classesProperty().get());
        k.setTooltip(new Tooltip("Number of classes K (2 to 5)"));
        k.valueProperty().addListener((o, a, b) -> c.setClasses(b));
        k.setPrefWidth(90);
        Label kl = new Label("Cl_asses K");
        kl.setMnemonicParsing(true);
        kl.setLabelFor(k);
        HBox kRow = new HBox(10, kl, k);
        kRow.setAlignment(Pos.CENTER_LEFT);
        Label generalTitle = new Label("General form (any K, any index)");
        generalTitle.getStyleClass().add("section-title");
        Label casesTitle = new Label();
        casesTitle.getStyleClass().add("section-title");
        casesTitle.textProperty().bind(Bindings.concat("Written out for K = ", c.classesProperty().asString()));
        Label note = new Label();
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        note.textProperty().bind(c.noteProperty());
        matrixFormula.texProperty().bind(c.matrixTexProperty());
        matrixFormula.visibleProperty().bind(c.matrixTexProperty().isNotEmpty());
        matrixFormula.managedProperty().bind(matrixFormula.visibleProperty());
        c.cases().addListener((javafx.collections.ListChangeListener<ConcreteViewModel.Case>) ch -> showCases());
        VBox content = new VBox(10, kRow, generalTitle, generalFormula, casesTitle, matrixFormula, caseBox, note);
        content.getStyleClass().add("concrete-pane");
        caseBox.getStyleClass().add("cases");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private void showCases() {
        caseBox.getChildren().clear();
        for (ConcreteViewModel.Case c : ctx.concrete().cases()) {
            Label l = new Label(c.label());
            l.getStyleClass().add("case-label");
            l.setMinWidth(Region.USE_PREF_SIZE);
            FormulaView f = new FormulaView(ctx.renderer());
            f.getStyleClass().add("case-formula");
            f.setCentred(false);
            f.setTex(c.tex());
            HBox row = new HBox(12, l, f);
            row.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(f, Priority.ALWAYS);
            caseBox.getChildren().add(row);
        }
    }

    private Node bottomBar() {
        Button prev = new Button("\u25c0 _Previous");
        prev.setTooltip(new Tooltip("Previous step (Left, Up, Backspace)"));
        prev.setOnAction(e -> vm.previous());
        prev.disableProperty().bind(vm.canPreviousProperty().not());
        Button next = new Button("_Next \u25b6");
        next.setTooltip(new Tooltip("Next step (Right, Down, Space)"));
        next.setOnAction(e -> vm.next());
        next.disableProperty().bind(vm.canNextProperty().not());
        next.getStyleClass().add("accent");
        ToggleButton reveal = new ToggleButton("Reveal _mode");
        reveal.setTooltip(new Tooltip("Homework mode: later steps stay hidden until you reveal them (Ctrl+R)"));
        reveal.selectedProperty().addListener((o, a, b) -> vm.setRevealMode(b));
        vm.revealModeProperty().addListener((o, a, b) -> reveal.setSelected(b));
        Button revealNext = new Button("Reveal ne_xt");
        revealNext.setTooltip(new Tooltip("Show the next hidden step (R)"));
        revealNext.setOnAction(e -> vm.revealNext());
        revealNext.disableProperty().bind(vm.canRevealProperty().not());
        Button copy = new Button("Cop_y LaTeX");
        copy.setTooltip(new Tooltip("Copy the current step as LaTeX (Ctrl+Shift+C)"));
        copy.setOnAction(e -> copyLatex());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.checkingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setTooltip(new Tooltip("Steps checked so far"));
        Label summary = new Label();
        summary.textProperty().bind(vm.checkSummaryProperty());
        summary.getStyleClass().add("muted");
        // in a narrow window the summary wraps; the buttons keep their whole labels
        summary.setWrapText(true);
        summary.setMinWidth(0);
        Button cancel = new Button("Cancel chec_k");
        cancel.setTooltip(new Tooltip("Stop checking (Escape)"));
        cancel.setOnAction(e -> vm.cancelCheck());
        cancel.visibleProperty().bind(vm.checkingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        for (ButtonBase b : List.of(prev, next, reveal, revealNext, copy, cancel)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox nav = new HBox(8, prev, next, reveal, revealNext, copy, spacer, progress, summary, cancel);
        nav.setAlignment(Pos.CENTER_LEFT);
        nav.getStyleClass().add("nav-bar");
        exportStatus.textProperty().bind(ctx.export().statusProperty());
        exportStatus.getStyleClass().add("muted");
        exportStatus.visibleProperty().bind(exportStatus.textProperty().isNotEmpty());
        exportStatus.managedProperty().bind(exportStatus.visibleProperty());
        VBox bottom = new VBox(4, nav, exportStatus);
        bottom.getStyleClass().add("bottom-bar");
        return bottom;
    }

    private void showStep() {
        DerivationViewModel.StepView s = vm.currentProperty().get();
        Derivation d = vm.derivationProperty().get();
        int idx = vm.currentIndexProperty().get();
        ctx.nextStep().show(s == null ? null : d, idx);
        updateSideTabs();
        if (s == null) {
            stepTitle.setText("No derivation loaded");
            currentFormula.setTex("");
            previousFormula.setTex("");
            return;
        }
        stepTitle.setText("Step " + s.number() + " of " + s.total());
        ruleTitle.setText(s.ruleTitle());
        badge.setText(s.status().badge());
        setStatusClass(badge, s.status().styleClass());
        badgeTip.setText(s.status().explanation());
        previousFormula.setTex(s.previousTex());
        previousLabel.setVisible(!s.previousTex().isEmpty());
        previousLabel.setManaged(previousLabel.isVisible());
        currentFormula.setTex(s.displayTex());
        generalFormula.setTex(s.tex());
        why.setText(s.why());
        // before the student has picked a line, the step's verdict would give an exercise away
        boolean spoiler = ctx.exercises().activeProperty().get() && ctx.exercises().chosenProperty().get() <= 0;
        badge.setVisible(!spoiler);
        verdict.setText(spoiler ? "Verdicts are hidden until you pick the wrong line in the Exercise tab."
                : s.verdictDetail());
        mistake.setText(s.mistakeNote().isEmpty() ? "" : "This step is deliberately wrong: " + s.mistakeNote());
        mistake.setVisible(!s.mistakeNote().isEmpty() && !spoiler);
        mistake.setManaged(mistake.isVisible());
        partsFormula.setTex(partsTex(s.parts()));
        partsBox.setVisible(!s.parts().isEmpty());
        partsBox.setManaged(partsBox.isVisible());
        int i = vm.currentIndexProperty().get();
        if (outline != null && !rowInView(i)) {
            outline.scrollTo(Math.max(0, i - 3));
        }
    }

    /** Scrolling the outline re-lays out every row: on a step change, do it only when the row is out of sight. */
    private boolean rowInView(int i) {
        if (!(outline.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return false;
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        return first != null && last != null && (i > first.getIndex() || i == 0) && i < last.getIndex();
    }

    /** Swaps the {@code status-*} style class only when it differs: each change costs that node's CSS pass. */
    private static void setStatusClass(Node node, String styleClass) {
        List<String> classes = node.getStyleClass();
        if (styleClass != null && classes.contains(styleClass)
                && classes.stream().filter(c -> c.startsWith("status-")).count() == 1) {
            return;
        }
        classes.removeIf(c -> c.startsWith("status-"));
        if (styleClass != null) {
            classes.add(styleClass);
        }
    }

    /** The parts as one formula, aligned on their equals signs: u, u', v, v' in that order. */
    static String partsTex(Map<String, String> parts) {
        if (parts.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\\begin{array}{rcl}");
        String sep = "";
        for (Map.Entry<String, String> p : new java.util.TreeMap<>(parts).entrySet()) {
            sb.append(sep).append(p.getKey()).append(" & = & ").append(p.getValue());
            sep = " \\\\ ";
        }
        return sb.append("\\end{array}").toString();
    }

    /** The concrete and numbers tabs follow the step only while visible: stepping stays cheap. */
    private void updateSideTabs() {
        Derivation d = vm.derivationProperty().get();
        int idx = vm.currentIndexProperty().get();
        int tab = tabs == null ? 0 : tabs.getSelectionModel().getSelectedIndex();
        if (tab == 1) {
            ctx.concrete().show(d, idx);
        } else if (tab == 2) {
            ctx.numbers().showStep(d, idx);
        }
    }

    private void onKey(KeyEvent e) {
        Node focus = scene.getFocusOwner();
        if (focus instanceof TextInputControl || focus instanceof ComboBox || focus instanceof ChoiceBox
                || focus instanceof Spinner || focus instanceof TableView || e.isControlDown() || e.isAltDown()
                || e.isMetaDown() || (tabs != null && tabs.getSelectionModel().getSelectedIndex() >= 2)) {
            return;
        }
        boolean onButton = focus instanceof ButtonBase;
        switch (e.getCode()) {
            case RIGHT, DOWN, PAGE_DOWN -> vm.next();
            case LEFT, UP, PAGE_UP -> vm.previous();
            case SPACE -> {
                if (onButton) {
                    return;
                }
                vm.next();
            }
            case BACK_SPACE -> vm.previous();
            case HOME -> vm.first();
            case END -> vm.last();
            case R -> vm.revealNext();
            case H -> vm.showHint();
            case ESCAPE -> vm.cancelCheck();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void copyLatex() {
        DerivationViewModel.StepView s = vm.currentProperty().get();
        if (s != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(s.tex());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            ctx.export().report("Copied step " + s.number() + " as LaTeX.");
        }
    }

    private void openFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a derivation file");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Derivations (*.yaml, *.yml)", "*.yaml", "*.yml"));
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            vm.open(f.toPath());
        }
    }

    private void exportDialog() {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(stage);
        dialog.setTitle("Export");
        dialog.setHeaderText("What should be exported?");
        ChoiceBox<ExportViewModel.Format> format = new ChoiceBox<>();
        format.getItems().setAll(ExportViewModel.Format.values());
        format.getSelectionModel().selectFirst();
        format.setTooltip(new Tooltip("The kind of file to write"));
        TextField steps = new TextField();
        steps.setPromptText("all steps");
        steps.setTooltip(new Tooltip("Which steps to export, e.g. 2-5, 9; empty for all of them"));
        steps.disableProperty().bind(format.valueProperty().isEqualTo(ExportViewModel.Format.SVG)
                .or(format.valueProperty().isEqualTo(ExportViewModel.Format.PNG)));
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        Label stepsLabel = new Label("_Steps");
        stepsLabel.setMnemonicParsing(true);
        stepsLabel.setLabelFor(steps);
        Label formatLabel = new Label("_Format");
        formatLabel.setMnemonicParsing(true);
        formatLabel.setLabelFor(format);
        CheckBox highlighted = new CheckBox("Highlight what the step _changed");
        highlighted.setTooltip(new Tooltip("Colour the changed part in the image, as the window shows it"));
        highlighted.disableProperty().bind(steps.disableProperty().not());
        grid.addRow(0, formatLabel, format);
        grid.addRow(1, stepsLabel, steps);
        grid.add(highlighted, 1, 2);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(new ButtonType("Choose file\u2026", ButtonBar.ButtonData.OK_DONE),
                ButtonType.CANCEL);
        dialog.getDialogPane().getStylesheets().setAll(scene.getStylesheets());
        tip(dialog.getDialogPane(), ButtonBar.ButtonData.OK_DONE, "Pick where to write the file");
        tip(dialog.getDialogPane(), ButtonBar.ButtonData.CANCEL_CLOSE, "Export nothing");
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isPresent() && answer.get().getButtonData() == ButtonBar.ButtonData.OK_DONE) {
            ExportViewModel.Format f = format.getValue();
            Path target = pathChooser.apply(f, suggestedName(f));
            if (target != null) {
                exportTo(f, target, parseSteps(steps.getText()), highlighted.isSelected());
            }
        }
    }

    /** Writes one export to a chosen path, asking before replacing a file; no step numbers means all steps. */
    public boolean exportTo(ExportViewModel.Format format, Path target, List<Integer> steps) {
        return exportTo(format, target, steps, false);
    }

    /** As above; an image shows the changed part highlighted when {@code highlighted}. */
    public boolean exportTo(ExportViewModel.Format format, Path target, List<Integer> steps, boolean highlighted) {
        Derivation d = vm.derivationProperty().get();
        DerivationViewModel.StepView s = vm.currentProperty().get();
        if (d == null || s == null) {
            return false;
        }
        String formula = highlighted ? s.displayTex() : s.tex();
        return ctx.export().export(new ExportViewModel.Request(format, target, d, vm.verdicts(), steps, formula),
                confirmOverwrite);
    }

    private String suggestedName(ExportViewModel.Format f) {
        Derivation d = vm.derivationProperty().get();
        String base = d == null ? "gradstep" : d.id();
        if (f == ExportViewModel.Format.SVG || f == ExportViewModel.Format.PNG) {
            base += "-step" + (vm.currentIndexProperty().get() + 1);
        }
        return base + "." + f.extension();
    }

    private Path chooseTarget(ExportViewModel.Format f, String name) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + f.description());
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.description(), "*." + f.extension()));
        File file = chooser.showSaveDialog(stage);
        return file == null ? null : file.toPath();
    }

    private boolean confirmOverwrite(Path target) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                target.getFileName() + " already exists. Replace it?", ButtonType.YES, ButtonType.NO);
        alert.initOwner(stage);
        alert.setHeaderText("Replace the existing file?");
        alert.getDialogPane().getStylesheets().setAll(scene.getStylesheets());
        tip(alert.getDialogPane(), ButtonBar.ButtonData.YES, "Write the export over the existing file");
        tip(alert.getDialogPane(), ButtonBar.ButtonData.NO, "Keep the existing file; export nothing");
        return alert.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
    }

    private static void tip(javafx.scene.control.DialogPane pane, ButtonBar.ButtonData kind, String text) {
        for (ButtonType t : pane.getButtonTypes()) {
            if (t.getButtonData() == kind && pane.lookupButton(t) instanceof ButtonBase b) {
                b.setTooltip(new Tooltip(text));
            }
        }
    }

    /** Reads "2-5, 9" as [2, 3, 4, 5, 9]; ignores what it cannot read. */
    static List<Integer> parseSteps(String text) {
        List<Integer> out = new ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            try {
                if (part.contains("-")) {
                    String[] ab = part.split("-", 2);
                    for (int i = Integer.parseInt(ab[0].trim()); i <= Integer.parseInt(ab[1].trim()); i++) {
                        out.add(i);
                    }
                } else if (!part.isBlank()) {
                    out.add(Integer.parseInt(part.trim()));
                }
            } catch (NumberFormatException e) {
                // A stray character in the step list is skipped rather than failing the export.
            }
        }
        return out;
    }

    private void showKeys() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(stage);
        a.setHeaderText("Keyboard shortcuts");
        a.setContentText("""
                Right, Down, Space, Page Down: next step
                Left, Up, Backspace, Page Up: previous step
                Home / End: first / last step
                Ctrl+R: reveal mode on or off;  R: reveal next;  H: hint
                Ctrl+1 .. Ctrl+5: step, concrete K, your numbers, check my derivation, exercise
                Ctrl+Shift+C: copy the step as LaTeX;  Ctrl+E: export;  Ctrl+O: open
                Escape: cancel the running check;  Alt+letter: the underlined control""");
        a.getDialogPane().getStylesheets().setAll(scene.getStylesheets());
        a.showAndWait();
    }

    /**
     * Room for two lines of title whatever the derivation, so the outline does not jump when
     * another is picked, and for more when a title needs them; the outline gives way, never the title.
     */
    private void fitPicker(ListCell<Derivation> shown) {
        if (shown.getWidth() > 0) {
            double needed = shown.prefHeight(shown.getWidth()) + picker.snappedTopInset() + picker.snappedBottomInset();
            picker.setPrefHeight(Math.max(needed, PICKER_LINES * shown.getFont().getSize()));
            picker.setMinHeight(Region.USE_PREF_SIZE);
        }
    }

    /** The picker's least height in lines of its font: two lines of title and the cell's padding. */
    private static final double PICKER_LINES = 3.4;

    /** Shows a derivation's title in the picker. */
    private static final class DerivationCell extends ListCell<Derivation> {
        DerivationCell() {
            setWrapText(true);
        }

        @Override
        protected void updateItem(Derivation d, boolean empty) {
            super.updateItem(d, empty);
            setText(empty || d == null ? null : d.title());
            setTooltip(empty || d == null || d.summary().isBlank() ? null : new Tooltip(d.summary()));
        }
    }

    /** An outline row: number, rule and a status badge; hidden steps show only their number. */
    private static final class StepCell extends ListCell<DerivationViewModel.StepItem> {
        private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
        private final Label title = new Label();
        private final Label status = new Label();
        private final HBox box = new HBox(8, title, new Region(), status);
        private final Tooltip tip = new Tooltip();
        private final ReadOnlyIntegerProperty current;
        private final InvalidationListener onCurrent = o -> markCurrent();

        StepCell(ReadOnlyIntegerProperty current) {
            this.current = current;
            current.addListener(new WeakInvalidationListener(onCurrent));
            HBox.setHgrow(box.getChildren().get(1), Priority.ALWAYS);
            box.setAlignment(Pos.CENTER_LEFT);
            status.getStyleClass().add("badge");
            status.setMinWidth(Region.USE_PREF_SIZE);
            title.setMinWidth(0);
            // a long rule name takes a second line in a narrow sidebar instead of losing its end
            title.setWrapText(true);
            setPadding(new Insets(4, 6, 4, 6));
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(DerivationViewModel.StepItem item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            title.setText(item.number() + ".  " + (item.hidden() ? "? (hidden)" : item.title()));
            status.setText(item.hidden() ? "" : item.status().badge());
            setStatusClass(status, item.hidden() ? null : item.status().styleClass());
            status.setVisible(!item.hidden());
            pseudoClassStateChanged(PseudoClass.getPseudoClass("hidden-step"), item.hidden());
            tip.setText(item.hidden() ? "Not revealed yet" : item.status().explanation());
            setTooltip(tip);
            setGraphic(box);
            markCurrent();
        }

        @Override
        public void updateIndex(int i) {
            super.updateIndex(i);
            markCurrent();
        }

        private void markCurrent() {
            pseudoClassStateChanged(CURRENT, !isEmpty() && getIndex() == current.get());
        }
    }
}
