package dev.cairn.app.shell;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.cairn.app.charts.OutlierDetector;
import dev.cairn.app.charts.PlotsLoader;
import dev.cairn.app.charts.PlotsView;
import dev.cairn.app.charts.PlotsViewModel;
import dev.cairn.app.charts.PlotsWindow;
import dev.cairn.app.details.DetailsPanel;
import dev.cairn.app.details.PlotsTab;
import dev.cairn.app.resources.ResourcesWindow;
import dev.cairn.app.engine.DefinitionsUpdate;
import dev.cairn.app.graph.GraphPane;
import dev.cairn.app.graph.GraphViewModel;
import dev.cairn.app.graph.model.NodeBadge;
import dev.cairn.app.graph.model.NodeStatus;
import dev.cairn.app.problems.ProblemsPanel;
import dev.cairn.app.runs.RunPanel;
import dev.cairn.app.runs.RunsViewModel;
import dev.cairn.app.session.Notice;
import dev.cairn.app.session.WorkspaceViewModel;
import dev.cairn.app.settings.AppSettings;
import dev.cairn.engine.staleness.AssetStatus;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The main window: menus, the tool bar (open, reload, the materialize actions, cancel, run progress,
 * search, theme), the graph with the problems panel and banners over it, the details panel on the
 * right, the run panel below and the status bar.
 */
public final class MainWindow {

    /** Where the window's settings go when it closes, and what it opens. */
    public interface Host {
        /** The settings the window starts with. */
        AppSettings settings();

        /** Saves settings changed by the window. */
        void save(AppSettings settings);

        /** The bundled example jar, extracted, if this build has one. */
        java.util.Optional<Path> example();
    }

    private final Stage stage;
    private final Host host;
    private final WorkspaceViewModel workspace;
    private final GraphViewModel graph;
    private final RunsViewModel runs;
    private final Clock clock;
    private final GraphPane graphPane;
    private final DetailsPanel details;
    private final RunPanel runPanel;
    /**
     * Where the run panel goes: it joins the scene once the first frame is drawn. Its skins (two
     * tables, three combo boxes) are about a third of the window's, and before any run there is
     * nothing in it to read.
     */
    private final StackPane runSlot = new StackPane();
    private final ProblemsPanel problems = new ProblemsPanel();
    private final ThemeController theme;
    private final SplitPane graphSplit = new SplitPane();
    private final VBox graphArea = new VBox();
    private final SplitPane mainSplit = new SplitPane();
    private final CustomTextField search = new CustomTextField();
    private final Label searchResult = new Label();
    private final Label statusJar = new Label();
    private final Label statusCounts = new Label();
    private final Label statusWorkspace = new Label();
    private final Menu recentMenu = new Menu("Open Recent");
    private ResourcesWindow resourcesWindow;
    private final BooleanBinding cannotRun;
    private final BooleanBinding noSelection;
    private AppSettings settings;
    private PlotsWindow plotsWindow;

    public MainWindow(Stage stage, Host host, WorkspaceViewModel workspace, GraphViewModel graph, RunsViewModel runs,
                      Clock clock) {
        this.stage = Objects.requireNonNull(stage);
        this.host = Objects.requireNonNull(host);
        this.workspace = Objects.requireNonNull(workspace);
        this.graph = Objects.requireNonNull(graph);
        this.runs = Objects.requireNonNull(runs);
        this.clock = Objects.requireNonNull(clock);
        this.settings = host.settings();
        this.graphPane = new GraphPane(graph);
        this.details = new DetailsPanel(graph, workspace, clock, new DetailsPanel.Actions() {
            @Override
            public void materialize(Set<String> keys, boolean withUpstream) {
                MainWindow.this.materialize(keys, withUpstream);
            }

            @Override
            public void reveal(String key) {
                graphPane.reveal(List.of(key));
            }

            @Override
            public void showRun(String runId) {
                runs.select(runId);
            }
        });
        this.runPanel = new RunPanel(runs, clock);
        this.theme = new ThemeController(graphPane.canvas(), settings.dark());
        // Saved at once: a window killed rather than closed still remembers its theme.
        theme.darkProperty().addListener((o, a, dark) -> {
            settings = settings.withDark(dark);
            host.save(settings);
        });
        this.cannotRun = Bindings.createBooleanBinding(() -> !workspace.canRun(),
                workspace.definitionsProperty(), workspace.openingProperty());
        this.noSelection = Bindings.createBooleanBinding(() -> graph.selection().isEmpty(), graph.selection());
        runPanel.setOnCancel(id -> workspace.cancel(List.of(id), false));
        runPanel.setOnOpenAsset(this::openDetails);
        details.addTab(new PlotsTab(plotsView()));
    }

    /** Builds the scene and shows the window. */
    public void show() {
        BorderPane root = new BorderPane();
        root.getStyleClass().add("cairn-root");
        root.setTop(new VBox(menuBar(), toolBar()));
        root.setCenter(center());
        root.setBottom(statusBar());
        acceptJarDrops(root);

        AppSettings.WindowBounds bounds = settings.window();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = Math.min(bounds == null ? 1440 : bounds.width(), screen.getWidth());
        double height = Math.min(bounds == null ? 900 : bounds.height(), screen.getHeight());
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Stylesheets.url(dev.cairn.app.CairnApp.class, "cairn"));
        stage.setScene(scene);
        stage.getIcons().setAll(icons());
        stage.setMinWidth(760);
        stage.setMinHeight(520);
        placeWindow(bounds);
        theme.darkProperty().set(theme.darkProperty().get());
        root.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("dark"), theme.darkProperty().get());
        bindState();
        stage.setOnCloseRequest(e -> {
            if (!confirmClose()) {
                e.consume();
            }
        });
        stage.show();
        graphSplit.setDividerPositions(settings.graphDivider());
        mainSplit.setDividerPositions(settings.runPanelDivider());
        runPanel.setDividerPositions(settings.runListDivider());
        graphPane.canvas().requestFocus();
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                // After this pulse has painted the first frame.
                Platform.runLater(() -> runSlot.getChildren().setAll(runPanel));
            }
        });
    }

    // ------------------------------------------------------------------ layout

    private Node center() {
        StackPane graphStack = new StackPane();
        graphStack.getStyleClass().add("graph-stack");
        NoticeArea notices = new NoticeArea(workspace.notices());
        StackPane.setAlignment(notices, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(notices, new Insets(0, 14, 14, 0));
        problems.setVisible(false);
        problems.setManaged(false);
        graphStack.getChildren().addAll(graphPane, zoomControls(), notices);
        // The problems sit above the graph, never over it: the last working graph stays usable.
        graphArea.getChildren().setAll(problems, graphStack);
        graphArea.getStyleClass().add("graph-area");
        // The graph gives way to the problems, which keep their height.
        graphStack.setMinSize(0, 0);
        problems.setMinHeight(Region.USE_PREF_SIZE);
        VBox.setVgrow(graphStack, Priority.ALWAYS);
        graphPane.setOnOpen(this::openDetails);
        graphPane.setNodeContextMenu(nodeMenu());

        graphSplit.setOrientation(Orientation.HORIZONTAL);
        graphSplit.getItems().addAll(graphArea, details);
        SplitPane.setResizableWithParent(details, false);
        details.setMinWidth(260);

        mainSplit.setOrientation(Orientation.VERTICAL);
        mainSplit.getItems().addAll(graphSplit, runSlot);
        SplitPane.setResizableWithParent(runSlot, false);
        runSlot.setMinHeight(120);
        runSlot.getStyleClass().add("run-slot");
        return mainSplit;
    }

    private Node zoomControls() {
        Button out = iconButton("fth-zoom-out", "Zoom out (−)", () -> graphPane.canvas().zoomOut());
        Button in = iconButton("fth-zoom-in", "Zoom in (+)", () -> graphPane.canvas().zoomIn());
        Button fit = iconButton("fth-maximize", "Fit the graph (F)", () -> graphPane.canvas().fitToView());
        HBox box = new HBox(2, out, in, fit);
        box.getStyleClass().add("zoom-controls");
        box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(box, Pos.BOTTOM_LEFT);
        StackPane.setMargin(box, new Insets(0, 0, 14, 14));
        return box;
    }

    private Button iconButton(String icon, String tip, Runnable action) {
        Button b = new Button(null, Icons.of(icon));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A jar dragged over the window is accepted, and outlined, anywhere; anything else is refused. */
    private void acceptJarDrops(Node target) {
        javafx.css.PseudoClass dropTarget = javafx.css.PseudoClass.getPseudoClass("drop-target");
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && droppedJar(e.getDragboard().getFiles()).isPresent()) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            }
            e.consume();
        });
        target.setOnDragEntered(e -> target.pseudoClassStateChanged(dropTarget,
                e.getDragboard().hasFiles() && droppedJar(e.getDragboard().getFiles()).isPresent()));
        target.setOnDragExited(e -> target.pseudoClassStateChanged(dropTarget, false));
        target.setOnDragDropped(e -> {
            target.pseudoClassStateChanged(dropTarget, false);
            e.setDropCompleted(e.getDragboard().hasFiles() && openDropped(e.getDragboard().getFiles()));
            e.consume();
        });
    }

    /**
     * Opens the first jar among files dropped on the window, as File › Open does.
     *
     * @return whether a jar was among them
     */
    public boolean openDropped(List<File> files) {
        java.util.Optional<Path> jar = droppedJar(files);
        jar.ifPresent(this::open);
        return jar.isPresent();
    }

    /** The first regular file named {@code *.jar} among dropped files. */
    static java.util.Optional<Path> droppedJar(List<File> files) {
        if (files == null) {
            return java.util.Optional.empty();
        }
        return files.stream()
                .filter(f -> f.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".jar") && f.isFile())
                .map(File::toPath)
                .findFirst();
    }

    // ------------------------------------------------------------------ menus and tool bar

    private MenuBar menuBar() {
        Menu file = new Menu("File");
        MenuItem open = item("Open Jar…", "fth-folder", shortcut(KeyCode.O), this::chooseJar);
        MenuItem example = item("Open Example", "fth-book-open", null, this::openExample);
        example.setDisable(host.example().isEmpty());
        MenuItem reload = item("Reload Definitions", "fth-refresh-cw", shortcut(KeyCode.R), workspace::reload);
        MenuItem quit = item("Quit", null, shortcut(KeyCode.Q), () -> {
            if (confirmClose()) {
                stage.close();
            }
        });
        file.getItems().addAll(open, recentMenu, example, new SeparatorMenuItem(), reload, new SeparatorMenuItem(), quit);
        updateRecentMenu();

        Menu select = new Menu("Select");
        MenuItem find = item("Find…", "fth-search", shortcut(KeyCode.F), this::focusSearch);
        MenuItem up = item("Select Upstream", "fth-arrow-left", null, () -> select(graph.withUpstream(graph.selection())));
        MenuItem down = item("Select Downstream", "fth-arrow-right", null, () -> select(graph.withDownstream(graph.selection())));
        up.disableProperty().bind(noSelection);
        down.disableProperty().bind(noSelection);
        MenuItem stale = item("Select All Stale", null, null, () -> select(graph.keysWithStatus(AssetStatus.STALE)));
        MenuItem all = item("Select All", null, shortcut(KeyCode.A), () -> select(graph.search("*").keys()));
        MenuItem none = item("Clear Selection", null, null, () -> graph.selection().clear());
        select.getItems().addAll(find, new SeparatorMenuItem(), up, down, stale, new SeparatorMenuItem(), all, none);

        Menu run = new Menu("Run");
        MenuItem selected = item("Materialize Selected", "fth-play", shortcut(KeyCode.ENTER),
                () -> materialize(graph.selection(), false));
        selected.disableProperty().bind(cannotRun.or(noSelection));
        MenuItem withUp = item("Materialize Selected with Upstream", "fth-chevrons-up",
                new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> materialize(graph.selection(), true));
        withUp.disableProperty().bind(cannotRun.or(noSelection));
        MenuItem everything = item("Materialize All", "fth-layers", null, () -> workspace.materialize("*"));
        everything.disableProperty().bind(cannotRun);
        MenuItem staleMissing = item("Materialize Stale and Missing", "fth-refresh-ccw", null,
                () -> workspace.materialize("status:stale, status:missing"));
        staleMissing.disableProperty().bind(cannotRun);
        MenuItem cancel = item("Cancel Runs", "fth-square", shortcut(KeyCode.PERIOD), this::cancelRuns);
        cancel.disableProperty().bind(runs.runningProperty().not());
        run.getItems().addAll(selected, withUp, everything, staleMissing, new SeparatorMenuItem(), cancel);

        Menu view = new Menu("View");
        CheckMenuItem dark = new CheckMenuItem("Dark Theme", Icons.of("fth-moon"));
        dark.setId("darkThemeMenu");
        dark.selectedProperty().bindBidirectional(theme.darkProperty());
        dark.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        MenuItem fit = item("Fit Graph", "fth-maximize", null, () -> graphPane.canvas().fitToView());
        CheckMenuItem showDetails = new CheckMenuItem("Details Panel");
        showDetails.setSelected(true);
        showDetails.selectedProperty().addListener((o, a, on) -> toggle(graphSplit, details, on, settings.graphDivider()));
        CheckMenuItem showRuns = new CheckMenuItem("Run Panel");
        showRuns.setSelected(true);
        showRuns.selectedProperty().addListener((o, a, on) -> toggle(mainSplit, runSlot, on, settings.runPanelDivider()));
        MenuItem resources = item("Resources…", "fth-database", null, this::showResources);
        resources.setId("resourcesMenu");
        view.getItems().addAll(dark, new SeparatorMenuItem(), fit, new SeparatorMenuItem(), showDetails, showRuns,
                new SeparatorMenuItem(), resources);

        Menu help = new Menu("Help");
        MenuItem about = item("About Cairn", "fth-info", null, this::about);
        help.getItems().add(about);

        MenuBar bar = new MenuBar(file, select, run, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private static void toggle(SplitPane split, Node item, boolean on, double position) {
        if (on && !split.getItems().contains(item)) {
            split.getItems().add(item);
            split.setDividerPositions(position);
        } else if (!on) {
            split.getItems().remove(item);
        }
    }

    private static KeyCombination shortcut(KeyCode key) {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
    }

    /** Shows the open jar's resources and IO managers in a window of their own (View › Resources). */
    public ResourcesWindow showResources() {
        if (resourcesWindow == null) {
            resourcesWindow = new ResourcesWindow(stage, workspace.definitionsProperty(), theme.darkProperty(),
                    Stylesheets.url(dev.cairn.app.CairnApp.class, "cairn"));
        }
        resourcesWindow.show();
        return resourcesWindow;
    }

    private static MenuItem item(String text, String icon, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text, icon == null ? null : Icons.of(icon));
        if (accelerator != null) {
            item.setAccelerator(accelerator);
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private ToolBar toolBar() {
        Button open = toolButton("openJar", null, "fth-folder", "Open a jar (Ctrl+O)", this::chooseJar);
        Button reload = toolButton("reload", null, "fth-refresh-cw", "Read the definitions again (Ctrl+R)", workspace::reload);

        Button selected = toolButton("materializeSelected", "Materialize", "fth-play",
                "Materialize the selected assets (Ctrl+Enter)", () -> materialize(graph.selection(), false));
        selected.getStyleClass().add(Styles.ACCENT);
        selected.disableProperty().bind(cannotRun.or(noSelection));
        Button withUp = toolButton("materializeWithUpstream", "With upstream", "fth-chevrons-up",
                "Materialize the selected assets and everything upstream of them (Ctrl+Shift+Enter)",
                () -> materialize(graph.selection(), true));
        withUp.disableProperty().bind(cannotRun.or(noSelection));
        Button all = toolButton("materializeAll", "All", "fth-layers", "Materialize every asset", () -> workspace.materialize("*"));
        all.disableProperty().bind(cannotRun);
        Button stale = toolButton("materializeStale", "Stale & missing", "fth-refresh-ccw",
                "Materialize every stale or missing asset", () -> workspace.materialize("status:stale, status:missing"));
        stale.disableProperty().bind(cannotRun);
        Button cancel = toolButton("cancelRun", "Cancel", "fth-square", "Cancel the runs going on (Ctrl+.)", this::cancelRuns);
        cancel.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        cancel.disableProperty().bind(runs.runningProperty().not());

        ProgressBar progress = new ProgressBar();
        progress.setId("toolbarProgress");
        progress.setPrefWidth(100);
        progress.getStyleClass().add(Styles.SMALL);
        progress.progressProperty().bind(Bindings.createDoubleBinding(() -> runs.liveTotalProperty().get() == 0
                ? ProgressBar.INDETERMINATE_PROGRESS : (double) runs.liveDoneProperty().get() / runs.liveTotalProperty().get(),
                runs.liveDoneProperty(), runs.liveTotalProperty()));
        Label progressText = new Label();
        progressText.getStyleClass().add("toolbar-progress-text");
        progressText.textProperty().bind(Bindings.createStringBinding(() -> runs.liveTotalProperty().get() == 0
                ? "Starting…" : runs.liveDoneProperty().get() + " / " + runs.liveTotalProperty().get() + " steps",
                runs.liveDoneProperty(), runs.liveTotalProperty()));
        HBox progressBox = new HBox(8, progress, progressText);
        progressBox.setAlignment(Pos.CENTER_LEFT);
        progressBox.visibleProperty().bind(runs.runningProperty());
        progressBox.managedProperty().bind(runs.runningProperty());

        search.setId("searchField");
        search.setPromptText("Search (e.g. *report, status:stale)");
        search.setLeft(Icons.of("fth-search"));
        search.setPrefWidth(270);
        search.textProperty().addListener((o, a, text) -> runSearch(text, false));
        search.setOnAction(e -> runSearch(search.getText(), true));
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
                graphPane.canvas().requestFocus();
            }
        });
        searchResult.setId("searchResult");
        searchResult.getStyleClass().add("search-result");
        searchResult.setMaxWidth(240);
        // Takes room in the tool bar only while it says something.
        searchResult.managedProperty().bind(searchResult.textProperty().isNotEmpty());

        ToggleButton dark = new ToggleButton(null, Icons.of("fth-moon"));
        dark.setId("darkToggle");
        dark.getStyleClass().addAll(Styles.BUTTON_ICON);
        dark.setTooltip(new Tooltip("Dark theme (Ctrl+Shift+D)"));
        dark.selectedProperty().bindBidirectional(theme.darkProperty());
        dark.setFocusTraversable(false);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(open, reload, separator(), selected, withUp, all, stale, cancel, progressBox,
                spacer, search, searchResult, separator(), dark);
        bar.getStyleClass().add("main-toolbar");
        return bar;
    }

    private static Node separator() {
        Region r = new Region();
        r.getStyleClass().add("toolbar-separator");
        return r;
    }

    private static Button toolButton(String id, String text, String icon, String tip, Runnable action) {
        Button b = new Button(text, Icons.of(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        if (text == null) {
            b.getStyleClass().add(Styles.BUTTON_ICON);
        }
        b.setOnAction(e -> action.run());
        return b;
    }

    private ContextMenu nodeMenu() {
        MenuItem materialize = item("Materialize", "fth-play", null, () -> materialize(graph.selection(), false));
        MenuItem withUp = item("Materialize with Upstream", "fth-chevrons-up", null, () -> materialize(graph.selection(), true));
        materialize.disableProperty().bind(cannotRun);
        withUp.disableProperty().bind(cannotRun);
        MenuItem up = item("Select Upstream", "fth-arrow-left", null, () -> select(graph.withUpstream(graph.selection())));
        MenuItem down = item("Select Downstream", "fth-arrow-right", null, () -> select(graph.withDownstream(graph.selection())));
        MenuItem open = item("Show Details", "fth-sidebar", null, () -> {
            String last = null;
            for (String k : graph.selection()) {
                last = k;
            }
            if (last != null) {
                openDetails(last);
            }
        });
        MenuItem plots = item("Plots…", "fth-trending-up", null, () -> {
            String last = null;
            for (String k : graph.selection()) {
                last = k;
            }
            if (last != null) {
                showPlots(last);
            }
        });
        plots.setId("nodeMenuPlots");
        ContextMenu menu = new ContextMenu(materialize, withUp, new SeparatorMenuItem(), up, down, new SeparatorMenuItem(),
                open, plots);
        menu.setId("nodeMenu");
        return menu;
    }

    /**
     * Opens the plots of an asset in their window; clicking a point shows that materialization's run,
     * filtered to the asset's step.
     */
    public void showPlots(String key) {
        if (plotsWindow == null) {
            plotsWindow = new PlotsWindow(stage, plotsView(), stage.getScene().getStylesheets());
            workspace.jarProperty().addListener((o, a, b) -> plotsWindow.hide());
        }
        plotsWindow.show(key);
    }

    /** Plots whose points, clicked, show that materialization's run filtered to the asset's step. */
    private PlotsView plotsView() {
        // Exports are rare and short: a thread each.
        java.util.concurrent.Executor files = task -> {
            Thread t = new Thread(task, "cairn-export");
            t.setDaemon(true);
            t.start();
        };
        PlotsView view = new PlotsView(new PlotsViewModel(new PlotsLoader(workspace::read, OutlierDetector.standard()),
                files), clock.getZone());
        view.setOnOpenMaterialization(m -> {
            runs.select(m.runId());
            runs.stepProperty().set(m.assetKey());
            stage.toFront();
        });
        return view;
    }

    /** The plots window, once opened. */
    public java.util.Optional<PlotsWindow> plotsWindow() {
        return java.util.Optional.ofNullable(plotsWindow);
    }

    private Node statusBar() {
        statusJar.getStyleClass().add("status-text");
        statusCounts.setId("statusCounts");
        statusCounts.getStyleClass().add("status-text");
        statusWorkspace.getStyleClass().add("status-text");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(18, Icons.of("fth-package"), statusJar, statusCounts, spacer, statusWorkspace);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    // ------------------------------------------------------------------ state to views

    private void bindState() {
        workspace.jarProperty().addListener((o, a, jar) -> {
            stage.setTitle(jar == null ? "Cairn" : jar.getFileName() + " — Cairn");
            statusJar.setText(jar == null ? "No jar open" : jar.toString());
            search.clear();
        });
        stage.setTitle(workspace.jarProperty().get() == null ? "Cairn" : workspace.jarProperty().get().getFileName() + " — Cairn");
        statusJar.setText(workspace.jarProperty().get() == null ? "No jar open" : workspace.jarProperty().get().toString());
        workspace.definitionsProperty().addListener((o, a, d) -> definitionsChanged(d));
        workspace.openingProperty().addListener((o, a, b) -> updatePlaceholder());
        workspace.loadingProperty().addListener((o, a, b) -> updatePlaceholder());
        workspace.openErrorProperty().addListener((o, a, b) -> updatePlaceholder());
        graph.graphProperty().addListener((o, a, b) -> updatePlaceholder());
        graph.statusesProperty().addListener((o, a, b) -> updateCounts());
        graph.selection().addListener((SetChangeListener<String>) c -> updateCounts());
        updatePlaceholder();
        definitionsChanged(workspace.definitionsProperty().get());
    }

    private void definitionsChanged(DefinitionsUpdate d) {
        boolean broken = d != null && d.hasProblems();
        if (broken) {
            problems.show(fileName(), d.latest().problems(), d.showingPrevious());
        }
        problems.setVisible(broken);
        problems.setManaged(broken);
        // Without a graph to show, the problems take the whole area.
        boolean noGraph = broken && d.shown() == null;
        problems.setMaxHeight(noGraph ? Double.MAX_VALUE : 300);
        problems.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("full"), noGraph);
        VBox.setVgrow(problems, noGraph ? Priority.ALWAYS : Priority.NEVER);
        graphArea.getChildren().get(1).setVisible(!noGraph);
        graphArea.getChildren().get(1).setManaged(!noGraph);
        Path ws = workspace.workspaceFolder();
        statusWorkspace.setText(ws == null ? "" : "Workspace " + ws.getFileName());
        statusWorkspace.setTooltip(ws == null ? null : new Tooltip(ws.toString()));
        updatePlaceholder();
        updateCounts();
        if (d != null) {
            search.setText(search.getText());
        }
    }

    private String fileName() {
        Path jar = workspace.jarProperty().get();
        return jar == null ? "The jar" : jar.getFileName().toString();
    }

    private void updatePlaceholder() {
        Path jar = workspace.jarProperty().get();
        if (graph.graphProperty().get() != null) {
            graphPane.setPlaceholder(null, false);
        } else if (workspace.openErrorProperty().get() != null) {
            graphPane.setPlaceholder("Cannot open " + fileName() + "\n" + workspace.openErrorProperty().get(), false);
        } else if (jar == null) {
            graphPane.setPlaceholder("Open an asset jar with File › Open Jar… (Ctrl+O)", false);
        } else if (workspace.busyProperty().get() || workspace.definitionsProperty().get() == null) {
            graphPane.setPlaceholder("Reading the assets of " + fileName() + "…", true);
        } else if (workspace.definitionsProperty().get().shown() == null) {
            graphPane.setPlaceholder(null, false);
        } else {
            graphPane.setPlaceholder("Laying out the graph…", true);
        }
    }

    private void updateCounts() {
        var statuses = graph.statusesProperty().get();
        if (statuses.isEmpty()) {
            statusCounts.setText("");
            return;
        }
        StringBuilder text = new StringBuilder(statuses.size() + " assets");
        for (NodeBadge badge : NodeBadge.values()) {
            long n = statuses.values().stream().map(NodeStatus::badge).filter(b -> b == badge).count();
            if (n > 0) {
                text.append("  ·  ").append(n).append(' ').append(badge.label().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (!graph.selection().isEmpty()) {
            text.append("  ·  ").append(graph.selection().size()).append(" selected");
        }
        statusCounts.setText(text.toString());
    }

    // ------------------------------------------------------------------ commands

    /** Starts a run of the keys, with their upstreams ({@code *key}) or alone. */
    public void materialize(Set<String> keys, boolean withUpstream) {
        if (keys.isEmpty() || !workspace.canRun()) {
            return;
        }
        String selection = graph.assetKeys(keys).stream().sorted().map(k -> withUpstream ? "*" + k : k).collect(Collectors.joining(", "));
        workspace.materialize(selection);
    }

    private void cancelRuns() {
        workspace.cancel(runs.startedRunIds(), true);
    }

    private void select(Set<String> keys) {
        graphPane.reveal(new LinkedHashSet<>(keys));
    }

    private void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private void runSearch(String text, boolean reveal) {
        if (text == null || text.isBlank()) {
            searchResult.setText("");
            searchResult.getStyleClass().remove("search-error");
            return;
        }
        GraphViewModel.SearchResult result = graph.search(text);
        searchResult.getStyleClass().remove("search-error");
        if (result.error() != null) {
            searchResult.setText(result.error());
            searchResult.setTooltip(new Tooltip(result.error()));
            searchResult.getStyleClass().add("search-error");
            return;
        }
        searchResult.setTooltip(null);
        searchResult.setText(result.keys().size() == 1 ? "1 match" : result.keys().size() + " matches");
        graph.selection().clear();
        graph.selection().addAll(result.keys());
        if (reveal && !result.keys().isEmpty()) {
            graphPane.reveal(result.keys().stream().sorted().toList());
            graphPane.canvas().requestFocus();
        }
    }

    private void openDetails(String key) {
        if (!graphSplit.getItems().contains(details)) {
            graphSplit.getItems().add(details);
            graphSplit.setDividerPositions(settings.graphDivider());
        }
        if (!graph.selection().contains(key)) {
            graph.selection().clear();
            graph.selection().add(key);
        }
        details.refresh();
        details.requestFocus();
    }

    private void chooseJar() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open an asset jar");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Java archives", "*.jar"));
        Path current = workspace.jarProperty().get();
        if (current != null && current.getParent() != null && Files.isDirectory(current.getParent())) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            open(file.toPath());
        }
    }

    private void openExample() {
        host.example().ifPresent(this::open);
    }

    /** Opens a jar and remembers it. */
    public void open(Path jar) {
        if (!Files.isRegularFile(jar)) {
            workspace.notices().add(new Notice(Notice.Kind.ERROR, "Cannot open " + jar.getFileName(),
                    "The file " + jar + " does not exist.", true));
            settings = settings.withoutRecent(jar.toAbsolutePath().normalize().toString());
            host.save(settings);
            updateRecentMenu();
            return;
        }
        workspace.open(jar);
        settings = settings.withOpened(jar.toAbsolutePath().normalize().toString());
        host.save(settings);
        updateRecentMenu();
    }

    private void updateRecentMenu() {
        recentMenu.getItems().clear();
        for (String path : settings.recentJars()) {
            MenuItem item = new MenuItem(path);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> open(Path.of(path)));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void about() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(stage);
        alert.setTitle("About Cairn");
        alert.setHeaderText("Cairn " + version());
        alert.setContentText("A desktop lineage explorer and local runner for software-defined data assets.");
        alert.showAndWait();
    }

    private static String version() {
        String v = MainWindow.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }

    /** Asks before closing while runs of this app are going on; they are canceled when it closes. */
    private boolean confirmClose() {
        List<String> started = runs.startedRunIds();
        if (started.isEmpty()) {
            return true;
        }
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", ButtonType.CANCEL, ButtonType.OK);
        alert.initOwner(stage);
        alert.setTitle("Runs are going on");
        alert.setHeaderText(started.size() == 1 ? "A run is going on." : started.size() + " runs are going on.");
        alert.setContentText("Quitting cancels the runs this window started.");
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    // ------------------------------------------------------------------ window state

    private void placeWindow(AppSettings.WindowBounds bounds) {
        if (bounds == null) {
            stage.centerOnScreen();
            return;
        }
        boolean visible = Screen.getScreensForRectangle(new Rectangle2D(bounds.x(), bounds.y(),
                Math.max(1, bounds.width()), Math.max(1, bounds.height()))).stream().findAny().isPresent();
        if (visible) {
            stage.setX(bounds.x());
            stage.setY(bounds.y());
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(bounds.maximized());
    }

    /** The settings as the window is now: bounds, dividers, theme. */
    public AppSettings currentSettings() {
        AppSettings.WindowBounds bounds = new AppSettings.WindowBounds(stage.getX(), stage.getY(),
                stage.getWidth(), stage.getHeight(), stage.isMaximized());
        if (stage.isMaximized() && settings.window() != null) {
            AppSettings.WindowBounds before = settings.window();
            bounds = new AppSettings.WindowBounds(before.x(), before.y(), before.width(), before.height(), true);
        }
        double graphDivider = graphSplit.getDividers().isEmpty() ? settings.graphDivider()
                : graphSplit.getDividers().get(0).getPosition();
        double runDivider = mainSplit.getDividers().isEmpty() ? settings.runPanelDivider()
                : mainSplit.getDividers().get(0).getPosition();
        double listDivider = runPanel.getDividers().isEmpty() ? settings.runListDivider()
                : runPanel.getDividers().get(0).getPosition();
        settings = settings.withLayout(bounds, graphDivider, runDivider, listDivider).withDark(theme.darkProperty().get());
        return settings;
    }

    private static List<Image> icons() {
        return java.util.stream.Stream.of(16, 32, 48, 64, 128, 256, 512)
                .map(size -> MainWindow.class.getResource("/dev/cairn/app/icons/cairn-" + size + ".png"))
                .filter(Objects::nonNull)
                .map(url -> new Image(url.toExternalForm()))
                .toList();
    }

    // ------------------------------------------------------------------ for tests

    /** The graph view. */
    public GraphPane graphPane() {
        return graphPane;
    }

    /** The run panel. */
    public RunPanel runPanel() {
        return runPanel;
    }

    /** The problems panel. */
    public ProblemsPanel problemsPanel() {
        return problems;
    }

    /** The details panel. */
    public DetailsPanel detailsPanel() {
        return details;
    }

    /** The theme switch. */
    public ThemeController theme() {
        return theme;
    }
}
