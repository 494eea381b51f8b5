package dev.cairn.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.cairn.app.engine.WorkerLauncher;
import dev.cairn.app.engine.WorkspaceSession;
import dev.cairn.app.graph.GraphViewModel;
import dev.cairn.app.runs.RunsViewModel;
import dev.cairn.app.session.Notice;
import dev.cairn.app.session.WorkspaceViewModel;
import dev.cairn.app.settings.AppSettings;
import dev.cairn.app.settings.SettingsStore;
import dev.cairn.app.shell.MainWindow;
import dev.cairn.app.shell.ThemeController;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.text.Font;
import javafx.stage.Stage;

/**
 * The Cairn desktop app: opens a jar (the one given, else the last one, else the bundled example),
 * draws its asset graph and runs its assets in worker processes.
 */
public final class CairnApp extends Application {

    private final AppConfig given;
    private AppConfig config;
    private SettingsStore settingsStore;
    private AppSettings settings;
    private WorkerLauncher launcher;
    private Optional<Path> firstJar = Optional.empty();
    /** The first jar's opening, begun in {@link #init}, until the view model takes it. */
    private CompletableFuture<WorkspaceSession.Opening> opening;
    /** Done once the bundled example is where {@link #example} says (at once without one). */
    private CompletableFuture<Void> exampleReady;
    private WorkspaceViewModel workspace;
    private GraphViewModel graph;
    private RunsViewModel runs;
    private MainWindow window;
    private Optional<Path> example = Optional.empty();

    /** For {@link Application#launch}: the configuration comes from the command line. */
    public CairnApp() {
        this(null);
    }

    /** With a given configuration, for tests and embedding. */
    public CairnApp(AppConfig config) {
        this.given = config;
    }

    /**
     * Before the window: finds the first jar and starts reading its definitions in a worker, so that
     * the worker's start-up (a JVM, a scan of the jar) overlaps building the window.
     */
    @Override
    public void init() {
        config = given != null ? given : AppConfig.fromArguments(getParameters().getRaw());
        settingsStore = SettingsStore.in(config.cairnHome());
        settings = settingsStore.load();
        launcher = WorkerLauncher.ofThisProcess(config.cairnHome());
        // In the background, like everything below: the check reads the bundled jar's megabytes.
        example = BundledExample.isBundled() ? Optional.of(BundledExample.location(config.cairnHome())) : Optional.empty();
        exampleReady = example.isEmpty() ? CompletableFuture.completedFuture(null) : CompletableFuture.runAsync(() -> {
            try {
                BundledExample.extract(config.cairnHome());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        firstJar = firstJar(settings);
        // Creating a new workspace is also the first use of Jackson, half a second cold.
        firstJar.ifPresent(jar -> opening = exampleReady.exceptionally(e -> null).thenApplyAsync(ready ->
                Files.isRegularFile(jar) ? WorkspaceSession.begin(jar, launcher) : null));
    }

    @Override
    public void start(Stage stage) {
        ThemeController.useStylesheet(settings.dark());
        loadFonts();
        Clock clock = Clock.systemDefaultZone();
        workspace = new WorkspaceViewModel(launcher, config.session());
        if (opening != null) {
            workspace.adopt(firstJar.orElseThrow(), opening);
            opening = null;
        }
        graph = new GraphViewModel(workspace, clock, config.cairnHome().resolve("cache").resolve("layouts"),
                config.cairnHome().resolve("collapsed-groups.json"));
        runs = new RunsViewModel(workspace);
        window = new MainWindow(stage, new MainWindow.Host() {
            @Override
            public AppSettings settings() {
                return settings;
            }

            @Override
            public void save(AppSettings changed) {
                saveSettings(changed);
            }

            @Override
            public Optional<Path> example() {
                return example;
            }
        }, workspace, graph, runs, clock);
        window.show();
        StartupReport.attachIfRequested(stage.getScene(), graph.graphProperty(), System.err);
        exampleReady.whenComplete((done, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                workspace.notices().add(new Notice(Notice.Kind.WARNING, "Cannot unpack the example",
                        String.valueOf(cause.getMessage()), true));
            }
            firstJar.ifPresent(window::open);
        }));
    }

    /** The jar given on the command line, else the last one opened, else the bundled example. */
    private Optional<Path> firstJar(AppSettings settings) {
        if (config.jar() != null) {
            return Optional.of(config.jar());
        }
        if (settings.lastJar() != null && Files.isRegularFile(Path.of(settings.lastJar()))) {
            return Optional.of(Path.of(settings.lastJar()));
        }
        return example;
    }

    private void saveSettings(AppSettings settings) {
        try {
            settingsStore.save(settings);
        } catch (IOException e) {
            // Settings are a convenience: the app works the same without them.
        }
    }

    /** Inter, bundled, for the whole interface (the canvas uses it too). */
    private static void loadFonts() {
        for (String file : new String[] {"Inter-Regular.otf", "Inter-SemiBold.otf"}) {
            try (InputStream in = CairnApp.class.getResourceAsStream("/dev/cairn/app/fonts/" + file)) {
                if (in != null) {
                    Font.loadFont(in, 13);
                }
            } catch (IOException e) {
                // The system font is a fine fallback.
            }
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            saveSettings(window.currentSettings());
        }
        if (graph != null) {
            graph.dispose();
        }
        if (workspace != null) {
            workspace.close();
        }
    }

    /** The main window, for tests. */
    MainWindow window() {
        return window;
    }

    /** The open jar's state, for tests. */
    WorkspaceViewModel workspace() {
        return workspace;
    }

    /** The graph's state, for tests. */
    GraphViewModel graph() {
        return graph;
    }

    /** The runs' state, for tests. */
    RunsViewModel runs() {
        return runs;
    }
}
