package dev.cairn.engine.instance;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.cairn.engine.definitions.AssetGraph;
import dev.cairn.engine.definitions.LoadedDefinitions;
import dev.cairn.engine.execution.RunExecutor;
import dev.cairn.engine.execution.RunHandle;
import dev.cairn.engine.execution.RunListener;
import dev.cairn.engine.execution.RunOptions;
import dev.cairn.engine.io.FilesystemIOManager;
import dev.cairn.engine.loading.JarLoader;
import dev.cairn.engine.selection.AssetSelection;
import dev.cairn.engine.selection.StatusOracle;
import dev.cairn.engine.staleness.RecordedVersions;
import dev.cairn.engine.staleness.StalenessCalculator;
import dev.cairn.engine.staleness.StalenessReport;
import dev.cairn.engine.storage.EventLog;
import dev.cairn.engine.storage.RunRecord;
import dev.cairn.engine.storage.h2.H2EventLog;
import dev.cairn.engine.workspace.Workspace;

/**
 * One asset jar with its workspace and event log: what the CLI and the app's worker process
 * work with. Dagster calls this the instance.
 *
 * <p>Owns the loaded definitions (and so the jar's class loader) and the event log, and closes
 * both. Not thread-safe for {@link #reload()}; everything else may be called from any thread.
 */
public final class CairnInstance implements AutoCloseable {

    /**
     * Where the instance comes from.
     *
     * @param jar the user's asset jar
     * @param dependencies jars or folders of jars the asset jar needs
     * @param workspaceFolder the workspace, or {@code null} for the jar's default workspace
     * @param mode whether other processes may open the event log at the same time
     */
    public record Config(Path jar, List<Path> dependencies, Path workspaceFolder, H2EventLog.Mode mode) {
        public Config {
            dependencies = List.copyOf(dependencies);
        }

        /** The jar alone, its default workspace, the log for this process only. */
        public static Config of(Path jar) {
            return new Config(jar, List.of(), null, H2EventLog.Mode.EXCLUSIVE);
        }
    }

    private final Config config;
    private final Workspace workspace;
    private final H2EventLog eventLog;
    private final ZoneId zone;
    private LoadedDefinitions definitions;

    private CairnInstance(Config config, Workspace workspace, H2EventLog eventLog, LoadedDefinitions definitions, ZoneId zone) {
        this.config = config;
        this.workspace = workspace;
        this.eventLog = eventLog;
        this.definitions = definitions;
        this.zone = zone;
    }

    /**
     * Opens the workspace and event log and loads the jar. A jar with problems still opens: its
     * problems are in {@link LoadedDefinitions#snapshot()}, and runs refuse to start.
     *
     * @throws dev.cairn.engine.workspace.WorkspaceException if the workspace cannot be created
     * @throws dev.cairn.engine.storage.EventLogException if the event log is in use, damaged or too new
     */
    public static CairnInstance open(Config config) {
        Workspace ws = config.workspaceFolder() == null
                ? Workspace.forJar(config.jar()) : Workspace.at(config.workspaceFolder(), config.jar());
        H2EventLog log = ws.openEventLog(config.mode());
        try {
            return new CairnInstance(config, ws, log, load(config, ws), ZoneId.systemDefault());
        } catch (RuntimeException | Error e) {
            log.close();
            throw e;
        }
    }

    /**
     * Loads the jar's definitions the way {@link #open} does, without opening the event log: for
     * listing what a jar defines. The caller closes the result.
     */
    public static LoadedDefinitions loadDefinitions(Config config) {
        Workspace ws = config.workspaceFolder() == null
                ? Workspace.forJar(config.jar()) : Workspace.at(config.workspaceFolder(), config.jar());
        return load(config, ws);
    }

    private static LoadedDefinitions load(Config config, Workspace ws) {
        JarLoader loader = new JarLoader(ws.folder(),
                Map.of("io_manager", new FilesystemIOManager(ws.storageFolder())));
        return loader.load(config.jar(), config.dependencies());
    }

    /** Loads the jar again, for example after it was rebuilt; the previous definitions are closed. */
    public LoadedDefinitions reload() {
        LoadedDefinitions fresh = load(config, workspace);
        LoadedDefinitions old = definitions;
        definitions = fresh;
        closeQuietly(old);
        return fresh;
    }

    /** The workspace. */
    public Workspace workspace() {
        return workspace;
    }

    /** The event log. */
    public EventLog eventLog() {
        return eventLog;
    }

    /** The loaded definitions, possibly with problems. */
    public LoadedDefinitions definitions() {
        return definitions;
    }

    /**
     * The status of every asset now.
     *
     * @throws dev.cairn.engine.definitions.InvalidDefinitionsException if the definitions have problems
     */
    public StalenessReport status() {
        AssetGraph graph = definitions.requireGraph();
        return new StalenessCalculator(zone).compute(graph, RecordedVersions.read(eventLog));
    }

    /**
     * The keys a selection names. {@code status:stale} and {@code status:missing} are answered
     * from the event log as it is now.
     *
     * @throws dev.cairn.engine.selection.SelectionException if the selection is invalid
     */
    public Set<String> select(String selection) {
        AssetGraph graph = definitions.requireGraph();
        StatusOracle oracle = status -> {
            StalenessReport report = status();
            return report.states().values().stream().filter(s -> s.status() == status)
                    .map(s -> s.assetKey()).collect(Collectors.toSet());
        };
        return AssetSelection.parse(selection).resolve(graph, oracle);
    }

    /**
     * Plans and starts a run of a selection.
     *
     * @param parallelism how many assets may compute at once; 0 for one per core
     * @throws dev.cairn.engine.selection.SelectionException if the selection is invalid
     * @throws dev.cairn.engine.execution.PlanningException if an unselected upstream was never materialized
     * @throws RunConflictException if a run that has not ended is materializing some of the same assets
     */
    public RunHandle materialize(String selection, int parallelism, RunListener... listeners) {
        Set<String> keys = select(selection);
        refuseConflicts(keys);
        RunOptions options = RunOptions.defaults(selection);
        if (parallelism > 0) {
            options = options.withParallelism(parallelism);
        }
        return new RunExecutor(definitions, eventLog).start(keys, options, listeners);
    }

    /** How many of the newest runs are checked for runs that have not ended. */
    private static final int RUNS_CHECKED = 500;

    /**
     * Refuses a run whose assets overlap a run that has not ended. Runs of processes that died are
     * marked failed first, so a STARTED run here belongs to a live process.
     */
    private void refuseConflicts(Set<String> keys) {
        // A process may have died since the log was opened: its run must not block this one.
        eventLog.failOrphanedRuns();
        List<RunConflictException.Conflict> conflicts = new java.util.ArrayList<>();
        for (RunRecord run : eventLog.runs(null, RUNS_CHECKED)) {
            if (!run.status().isFinished()) {
                List<String> shared = run.assetKeys().stream().filter(keys::contains).sorted().toList();
                if (!shared.isEmpty()) {
                    conflicts.add(new RunConflictException.Conflict(run.runId(), run.pid(), shared));
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw new RunConflictException(conflicts);
        }
    }

    @Override
    public void close() {
        closeQuietly(definitions);
        eventLog.close();
    }

    private static void closeQuietly(LoadedDefinitions defs) {
        try {
            defs.close();
        } catch (java.io.IOException ignored) {
            // Closing a class loader can only fail on I/O of jars we no longer need.
        }
    }
}
