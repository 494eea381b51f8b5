package dev.cairn.app.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.cairn.app.engine.DefinitionsUpdate;
import dev.cairn.app.engine.WorkerLauncher;
import dev.cairn.app.engine.WorkspaceSession;
import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.events.EventType;
import dev.cairn.engine.selection.AssetSelection;
import dev.cairn.engine.selection.StatusOracle;
import dev.cairn.engine.staleness.AssetState;
import dev.cairn.engine.staleness.StalenessReport;
import dev.cairn.engine.storage.MaterializationRecord;
import dev.cairn.engine.storage.ObservationRecord;
import dev.cairn.engine.storage.RunRecord;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open jar, for the views: its definitions, the status of its assets, its runs and the notices
 * to show, all updated on the JavaFX thread from a {@link WorkspaceSession} working in the background.
 * Owns the session: opening another jar closes it.
 */
public final class WorkspaceViewModel {

    private static final String DEFINITIONS_FAILED = "Cannot read the definitions";

    private final WorkerLauncher launcher;
    private final WorkspaceSession.Options options;
    /** Opens and closes sessions one after the other, off the JavaFX thread. */
    private final ExecutorService opener = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cairn-open");
        t.setDaemon(true);
        return t;
    });

    private final ReadOnlyObjectWrapper<Path> jar = new ReadOnlyObjectWrapper<>(this, "jar");
    private final ReadOnlyObjectWrapper<DefinitionsUpdate> definitions = new ReadOnlyObjectWrapper<>(this, "definitions");
    private final ReadOnlyObjectWrapper<StalenessReport> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    /** One read-only view, kept: a view made per call would drop its listeners when collected. */
    private final ObservableList<RunRecord> runsView = FXCollections.unmodifiableObservableList(runs);
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper(this, "opening");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper openError = new ReadOnlyStringWrapper(this, "openError");
    private final ObservableList<Notice> notices = FXCollections.observableArrayList();
    private final List<RunEventListener> runEventListeners = new ArrayList<>();
    private final BooleanBinding busy = Bindings.or(opening, loading);

    private WorkspaceSession session;
    /** An opening begun before the window existed, for the first jar; taken by the next {@link #open}. */
    private Path begunJar;
    private CompletableFuture<WorkspaceSession.Opening> begun;
    /** Runs the app asked for whose run records have not arrived yet, with the assets they will compute. */
    private final List<PendingRun> pendingRuns = new ArrayList<>();
    /**
     * Bumped by every open and by close, so that late reports of a closed session are dropped and a
     * session that finishes opening after it was superseded is closed at once. Read by the opener.
     */
    private volatile long generation;

    public WorkspaceViewModel(WorkerLauncher launcher, WorkspaceSession.Options options) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.options = Objects.requireNonNull(options, "options");
    }

    // ------------------------------------------------------------------ state

    /** The open jar, or null. */
    public ReadOnlyObjectProperty<Path> jarProperty() {
        return jar.getReadOnlyProperty();
    }

    /** The latest definitions, or null until the first are read. */
    public ReadOnlyObjectProperty<DefinitionsUpdate> definitionsProperty() {
        return definitions.getReadOnlyProperty();
    }

    /** The status of every asset, or null until known. */
    public ReadOnlyObjectProperty<StalenessReport> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Runs of the workspace, newest first. */
    public ObservableList<RunRecord> runs() {
        return runsView;
    }

    /** True while the workspace is being opened. */
    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /** True while a worker reads the definitions. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True while opening or loading. */
    public BooleanBinding busyProperty() {
        return busy;
    }

    /** Why the jar could not be opened at all, or null. */
    public ReadOnlyStringProperty openErrorProperty() {
        return openError.getReadOnlyProperty();
    }

    /** Messages for the banner; views remove them when they are dismissed. */
    public ObservableList<Notice> notices() {
        return notices;
    }

    /** Adds a listener for live run events. */
    public void addRunEventListener(RunEventListener listener) {
        runEventListeners.add(Objects.requireNonNull(listener));
    }

    /** True when the definitions can be run: read, and without problems. */
    public boolean canRun() {
        DefinitionsUpdate d = definitions.get();
        return session != null && d != null && !d.hasProblems();
    }

    // ------------------------------------------------------------------ commands

    /**
     * Hands over the opening of a jar begun early (see {@link WorkspaceSession#begin}), still under
     * way or done: the next {@link #open} of that jar continues it instead of starting again. If it
     * failed, that open starts again, and reports the failure.
     */
    public void adopt(Path jarPath, CompletableFuture<WorkspaceSession.Opening> opening) {
        begunJar = jarPath.toAbsolutePath().normalize();
        begun = Objects.requireNonNull(opening, "opening");
    }

    /** Opens a jar, closing the one open before. */
    public void open(Path jarPath) {
        Path path = jarPath.toAbsolutePath().normalize();
        CompletableFuture<WorkspaceSession.Opening> early = path.equals(begunJar) ? begun : null;
        begun = null;
        begunJar = null;
        WorkspaceSession old = session;
        session = null;
        long gen = ++generation;  // only the JavaFX thread writes it
        jar.set(path);
        pendingRuns.clear();
        definitions.set(null);
        status.set(null);
        runs.clear();
        openError.set(null);
        loading.set(false);
        opening.set(true);
        opener.execute(() -> {
            if (old != null) {
                old.close();
            }
            try {
                WorkspaceSession.Opening started = early == null ? null : early.exceptionally(e -> null).join();
                WorkspaceSession opened = started != null
                        ? WorkspaceSession.open(started, new FxListener(gen), options)
                        : WorkspaceSession.open(path, launcher, new FxListener(gen), options);
                if (gen != generation) {
                    opened.close();
                    return;
                }
                Platform.runLater(() -> {
                    if (gen == generation) {
                        session = opened;
                        opening.set(false);
                    } else {
                        closeInBackground(opened);
                    }
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    if (gen == generation) {
                        opening.set(false);
                        openError.set(e.getMessage());
                        notices.add(new Notice(Notice.Kind.ERROR, "Cannot open " + path.getFileName(), e.getMessage(), true));
                    }
                });
            }
        });
    }

    /** The graph of the latest definitions is on screen: the session may now open the event log. */
    public void definitionsShown() {
        if (session != null) {
            session.definitionsShown();
        }
    }

    /** Reads the definitions again. */
    public void reload() {
        if (session != null) {
            session.reloadDefinitions();
        }
    }

    /**
     * Starts a run of a selection (see the selection language), unless some of its assets are being
     * materialized by a run that has not ended: two runs writing one asset at once would race on its
     * stored value, so the user is told which run holds which assets instead.
     */
    public void materialize(String selection) {
        if (session == null) {
            notices.add(new Notice(Notice.Kind.WARNING, "Not ready yet", "The jar is still being opened.", false));
            return;
        }
        Set<String> keys = assetsOf(selection);
        Map<String, String> busy = assetsInFlight();
        Map<String, List<String>> overlapByRun = new TreeMap<>();
        for (String key : keys) {
            String run = busy.get(key);
            if (run != null) {
                overlapByRun.computeIfAbsent(run, r -> new ArrayList<>()).add(key);
            }
        }
        if (!overlapByRun.isEmpty()) {
            String held = overlapByRun.entrySet().stream()
                    .map(e -> String.join(", ", e.getValue().stream().sorted().toList()) + " (" + e.getKey() + ")")
                    .collect(Collectors.joining("; "));
            notices.add(new Notice(Notice.Kind.WARNING, "Already being materialized",
                    held + ". Wait for that run to end, or cancel it, then run again.", false));
            return;
        }
        PendingRun pending = new PendingRun(keys, session.materialize(selection));
        pendingRuns.add(pending);
        long gen = generation;
        pending.runId().whenComplete((runId, failure) -> Platform.runLater(() -> {
            if (gen == generation && (failure != null || runs.stream().anyMatch(r -> r.runId().equals(runId)))) {
                pendingRuns.remove(pending);
            }
        }));
    }

    /**
     * A run the app asked for.
     *
     * @param keys the assets it will compute
     * @param runId completes with the run's id once the worker created the run
     */
    private record PendingRun(Set<String> keys, CompletableFuture<String> runId) { }

    /** The assets a selection names in the definitions shown; empty if it cannot be resolved here. */
    private Set<String> assetsOf(String selection) {
        DefinitionsUpdate d = definitions.get();
        if (d == null || d.graph() == null) {
            return Set.of();
        }
        StalenessReport report = status.get();
        StatusOracle oracle = wanted -> report == null ? Set.of() : report.states().values().stream()
                .filter(s -> s.status() == wanted).map(AssetState::assetKey).collect(Collectors.toSet());
        try {
            return AssetSelection.parse(selection).resolve(d.graph(), oracle);
        } catch (RuntimeException e) {
            // The worker reports a selection it cannot resolve, with its own message.
            return Set.of();
        }
    }

    /** Every asset that a run not yet ended computes, with a name for that run. */
    private Map<String, String> assetsInFlight() {
        Map<String, String> busy = new HashMap<>();
        for (RunRecord run : runs) {
            if (!run.status().isFinished()) {
                for (String key : run.assetKeys()) {
                    busy.put(key, "run " + run.runId().substring(0, Math.min(8, run.runId().length())));
                }
            }
        }
        for (PendingRun pending : pendingRuns) {
            for (String key : pending.keys()) {
                busy.putIfAbsent(key, "a run that is starting");
            }
        }
        return busy;
    }

    /** Cancels the runs with these ids, and, if {@code alsoStarting}, the runs the app is starting. */
    public void cancel(Collection<String> runIds, boolean alsoStarting) {
        if (session != null) {
            session.cancel(runIds, alsoStarting);
        }
    }

    /** Events of a run after an event id, oldest first, read in the background. */
    public CompletableFuture<List<Event>> events(String runId, long afterId, int limit) {
        WorkspaceSession s = session;
        if (s == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        return s.events(runId, afterId, limit);
    }

    /**
     * A read of the open jar's event log, run in the background; fails with an
     * {@link IllegalStateException} when no jar is open.
     */
    public <T> CompletableFuture<T> read(java.util.function.Function<dev.cairn.engine.storage.EventLog, T> query) {
        WorkspaceSession s = session;
        return s == null ? CompletableFuture.failedFuture(new IllegalStateException("no jar is open")) : s.read(query);
    }

    /** The event of an asset's latest failed attempt, read in the background. */
    public CompletableFuture<java.util.Optional<Event>> latestFailure(String assetKey) {
        WorkspaceSession s = session;
        return s == null ? CompletableFuture.completedFuture(java.util.Optional.empty()) : s.latestFailure(assetKey);
    }

    /** The latest materialization of an asset, read in the background; empty while no jar is open. */
    public CompletableFuture<java.util.Optional<MaterializationRecord>> latestMaterialization(String assetKey) {
        WorkspaceSession s = session;
        return s == null ? CompletableFuture.completedFuture(java.util.Optional.empty()) : s.latestMaterialization(assetKey);
    }

    /** The latest observation of a source asset, read in the background; empty while no jar is open. */
    public CompletableFuture<java.util.Optional<ObservationRecord>> latestObservation(String assetKey) {
        WorkspaceSession s = session;
        return s == null ? CompletableFuture.completedFuture(java.util.Optional.empty()) : s.latestObservation(assetKey);
    }

    /** A page of an asset's materializations, newest first, read in the background (see {@link WorkspaceSession}). */
    public CompletableFuture<List<MaterializationRecord>> materializationHistory(String assetKey, Long beforeEventId,
                                                                                int limit) {
        WorkspaceSession s = session;
        return s == null ? CompletableFuture.completedFuture(List.of()) : s.materializationHistory(assetKey, beforeEventId, limit);
    }

    /** The workspace folder of the open jar, or null. */
    public Path workspaceFolder() {
        return session == null ? null : session.workspace().folder();
    }

    private void closeInBackground(WorkspaceSession s) {
        if (opener.isShutdown()) {
            Thread t = new Thread(s::close, "cairn-close");
            t.setDaemon(false);
            t.start();
        } else {
            opener.execute(s::close);
        }
    }

    /**
     * Closes the open jar: cancels its running workers (waiting briefly for them) and closes the event
     * log. Blocks; for the app's exit.
     */
    public void close() {
        generation++;
        WorkspaceSession s = session;
        session = null;
        opener.execute(() -> {
            if (s != null) {
                s.close();
            }
        });
        opener.shutdown();
        try {
            opener.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ reports from the session

    /** Hands a session's reports to the JavaFX thread, dropping those of a session closed since. */
    private final class FxListener implements WorkspaceSession.Listener {
        private final long gen;

        FxListener(long gen) {
            this.gen = gen;
        }

        private void later(Runnable r) {
            Platform.runLater(() -> {
                if (gen == generation) {
                    r.run();
                }
            });
        }

        @Override
        public void definitionsChanged(DefinitionsUpdate update) {
            later(() -> {
                DefinitionsUpdate before = definitions.get();
                definitions.set(update);
                notices.removeIf(n -> n.title().equals(DEFINITIONS_FAILED));
                // A broken jar's problems have their own panel; its assets are not what is shown.
                if (before != null && update.changes() != null && !update.changes().isEmpty() && !update.fromCache()
                        && !update.hasProblems()) {
                    notices.add(new Notice(Notice.Kind.INFO, "Jar reloaded", update.changes().summary(), false));
                }
            });
        }

        @Override
        public void definitionsFailed(String message) {
            later(() -> notices.add(new Notice(Notice.Kind.ERROR, DEFINITIONS_FAILED, message, true)));
        }

        @Override
        public void loadingChanged(boolean now) {
            later(() -> loading.set(now));
        }

        @Override
        public void statusChanged(StalenessReport report) {
            later(() -> status.set(report));
        }

        @Override
        public void runsChanged(List<RunRecord> fresh) {
            later(() -> {
                runs.setAll(fresh);
                pendingRuns.removeIf(p -> p.runId().isDone() && !p.runId().isCompletedExceptionally()
                        && fresh.stream().anyMatch(r -> r.runId().equals(p.runId().join())));
            });
        }

        @Override
        public void runEvents(String runId, List<Event> events) {
            later(() -> {
                for (RunEventListener l : runEventListeners) {
                    l.onEvents(runId, events);
                }
                events.stream().filter(e -> e.type().endsRun()).forEach(WorkspaceViewModel.this::noticeRunEnd);
            });
        }

        @Override
        public void runNotStarted(String selection, String message) {
            later(() -> notices.add(new Notice(Notice.Kind.ERROR, "The run of '" + selection + "' did not start",
                    message, true)));
        }

        @Override
        public void eventLogFailed(String message) {
            later(() -> notices.add(new Notice(Notice.Kind.ERROR, "Cannot open the event log", message
                    + "\nThe graph is shown, but no statuses, runs or history until the jar is opened again.", true)));
        }

        @Override
        public void warning(String message) {
            later(() -> notices.add(new Notice(Notice.Kind.WARNING, "Warning", message, true)));
        }
    }

    private void noticeRunEnd(Event end) {
        String run = end.runId().substring(0, Math.min(8, end.runId().length()));
        String reason = end.data() instanceof EventData.RunEnded ended ? ended.reason() : "";
        if (end.type() == EventType.RUN_SUCCESS) {
            notices.add(new Notice(Notice.Kind.SUCCESS, "Run " + run + " succeeded", "", false));
        } else if (end.type() == EventType.RUN_CANCELED) {
            notices.add(new Notice(Notice.Kind.WARNING, "Run " + run + " canceled", reason, false));
        } else {
            // Not sticky: the run list and the log keep the failure.
            notices.add(new Notice(Notice.Kind.ERROR, "Run " + run + " failed", reason, false));
        }
    }
}
