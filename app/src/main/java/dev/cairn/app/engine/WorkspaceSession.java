package dev.cairn.app.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.cairn.engine.definitions.AssetGraph;
import dev.cairn.engine.definitions.DefinitionsSnapshot;
import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.events.EventType;
import dev.cairn.engine.events.LogLevel;
import dev.cairn.engine.staleness.RecordedVersions;
import dev.cairn.engine.staleness.StalenessCalculator;
import dev.cairn.engine.staleness.StalenessReport;
import dev.cairn.engine.storage.LocalProcess;
import dev.cairn.engine.storage.MaterializationRecord;
import dev.cairn.engine.storage.ObservationRecord;
import dev.cairn.engine.storage.RunRecord;
import dev.cairn.engine.storage.RunStatus;
import dev.cairn.engine.storage.h2.H2EventLog;
import dev.cairn.engine.workspace.Workspace;

/**
 * One open jar: its definitions (read by workers), its workspace's event log (opened by the app in
 * shared mode, so that workers and the command line write to it at the same time), the runs the app
 * starts, and a watcher that reloads the definitions when the jar is rebuilt.
 *
 * <p>The log is polled for new runs and events, so runs started from the command line on the same
 * workspace show up live too; the app's own workers also print their events, which arrive sooner.
 * Each event is reported once, in order.
 *
 * <p>All state lives on one background thread; the {@link Listener} is called on it and must hand
 * its work to the UI thread. Every public method may be called from any thread and returns at once.
 */
public final class WorkspaceSession implements AutoCloseable {

    /** Receives what the session learns; called on the session's thread, one call at a time. */
    public interface Listener {
        /** The definitions were read (or read again after the jar changed). */
        void definitionsChanged(DefinitionsUpdate update);

        /** The definitions could not be read at all (the worker failed); the previous ones stay. */
        void definitionsFailed(String message);

        /** Whether a worker is reading the definitions now. */
        void loadingChanged(boolean loading);

        /** The status of every asset changed. */
        void statusChanged(StalenessReport report);

        /** The list of runs changed (new runs, or a run's status). Newest first. */
        void runsChanged(List<RunRecord> runs);

        /** New events of a run that started while the jar was open, or was still running when it was opened. */
        void runEvents(String runId, List<Event> events);

        /** A run the app asked for did not start; the message says why. */
        void runNotStarted(String selection, String message);

        /** Something went wrong that the user should know about, such as the event log becoming unreadable. */
        void warning(String message);

        /**
         * The event log could not be opened (corrupt, or held by a program that does not share it):
         * the definitions stay shown, but there are no statuses, runs or history until the jar is opened again.
         */
        void eventLogFailed(String message);
    }

    /**
     * Timings.
     *
     * @param pollInterval how often the event log is read for new runs and events
     * @param debounce how long a rebuilt jar must stay unchanged before it is read again
     * @param runLimit how many of the newest runs are listed
     */
    public record Options(Duration pollInterval, Duration debounce, int runLimit) {
        /** 300 ms polls, 500 ms debounce, 200 runs. */
        public static Options defaults() {
            return new Options(Duration.ofMillis(300), Duration.ofMillis(500), 200);
        }
    }

    /** How often queued worker events are handed on. */
    private static final long TICK_MILLIS = 100;
    /** Events read per run and poll; a long backlog is read over several polls. */
    private static final int EVENTS_PER_POLL = 1000;
    /** How long {@link #close()} waits for canceled runs to end. */
    private static final long CLOSE_WAIT_MILLIS = 2_500;
    /**
     * How long the event log waits, after the first definitions are out, for {@link #definitionsShown}
     * before it is opened anyway. Opening it costs one to two and a half seconds of CPU in a fresh
     * JVM (H2, and Flyway for a new log): done while a large graph is laid out, on two cores, it made
     * the first drawing a second slower. Statuses follow the drawing instead.
     */
    private static final long LOG_OPEN_AT_LATEST_MILLIS = 2_000;
    /** How long {@link #close()} waits for a log that is still being opened. */
    private static final long LOG_OPEN_WAIT_MILLIS = 30_000;

    private final Path jar;
    private final Workspace workspace;
    /** The log once open: assigned on the session's thread, read by the readers too. */
    private volatile H2EventLog log;
    /** Opening the log, in the background; null until it starts. Written on the session's thread only. */
    private volatile CompletableFuture<H2EventLog> logOpening;
    /** Completes with the log once it is open and the session knows it; fails if it cannot be opened. */
    private final CompletableFuture<H2EventLog> logReady = new CompletableFuture<>();
    private final WorkerLauncher launcher;
    private final DefinitionsLoader loader;
    private final Listener listener;
    private final Options options;
    private final SnapshotCache cache;
    private final ScheduledExecutorService executor;
    /** Long reads (the history behind charts) run here, so that they never delay polling. */
    private final java.util.concurrent.ExecutorService readers;
    private final ConcurrentLinkedQueue<Event> workerEvents = new ConcurrentLinkedQueue<>();
    /** Work that waits until the definitions are shown (or the log is needed); on the session's thread. */
    private final java.util.ArrayDeque<Runnable> whenShown = new java.util.ArrayDeque<>();
    private final Instant openedAt = Instant.now();
    private JarWatcher watcher;
    /** The load started while opening, used by the first {@link #load}; then null. */
    private FirstLoad firstLoad;
    /** The definitions cached when the jar was last read, read while the session opened. */
    private final CompletableFuture<Optional<DefinitionsSnapshot>> cached;

    // Confined to the executor's thread.
    private DefinitionsSnapshot latest;
    private DefinitionsSnapshot shown;
    /** The definitions that last loaded from an older build of the jar, shown if this one is broken. */
    private DefinitionsSnapshot lastGood;
    private AssetGraph graph;
    private boolean loading;
    private boolean loadAgain;
    private List<RunRecord> runs = List.of();
    private final Map<String, Long> cursors = new HashMap<>();
    private final Set<String> following = new HashSet<>();
    private final Map<String, RunProgress> progress = new HashMap<>();
    private final Map<String, List<Event>> pending = new LinkedHashMap<>();
    private final Map<String, RunWorker> workers = new HashMap<>();
    private final Set<RunWorker> starting = new HashSet<>();
    /** Every worker not yet handled after its exit, with the future of that handling. */
    private final Map<RunWorker, CompletableFuture<Void>> exitHandlers = new HashMap<>();
    private boolean statusDirty;
    private long nextPollNanos;
    private String lastWarning;
    private boolean closed;

    private WorkspaceSession(Path jar, Workspace workspace, DefinitionsLoader loader,
                             SnapshotCache cache, Listener listener, Options options, FirstLoad firstLoad,
                             CompletableFuture<Optional<DefinitionsSnapshot>> cached) {
        this.jar = jar;
        this.workspace = workspace;
        this.launcher = loader.launcher();
        this.loader = loader;
        this.listener = listener;
        this.options = options;
        this.cache = cache;
        this.firstLoad = firstLoad;
        this.cached = cached;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cairn-session");
            t.setDaemon(true);
            return t;
        });
        this.readers = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "cairn-session-reader");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens a jar: its workspace under the Cairn home and the watcher; reads the definitions in a
     * worker; then opens the event log, once the first definitions are shown (see
     * {@link #definitionsShown}), or are not coming, or are needed; a log that cannot be opened is
     * reported through {@link Listener#eventLogFailed}. Creates folders: call it off the UI thread.
     *
     * @throws dev.cairn.engine.workspace.WorkspaceException if the workspace cannot be created
     */
    public static WorkspaceSession open(Path jar, WorkerLauncher launcher, Listener listener, Options options) {
        return open(begin(jar, launcher), listener, options);
    }

    /**
     * Starts what opening a jar waits for longest, before anything can show it: the worker that reads
     * its definitions, and the read of the definitions cached from the last time. An app calls it as
     * early as it knows the jar, so that the worker's start-up overlaps its own.
     *
     * @throws dev.cairn.engine.workspace.WorkspaceException if the workspace cannot be created
     */
    public static Opening begin(Path jar, WorkerLauncher launcher) {
        Path absolute = jar.toAbsolutePath().normalize();
        Workspace workspace = Workspace.forJar(absolute, launcher.cairnHome()).create();
        SnapshotCache cache = new SnapshotCache(workspace.folder(), absolute);
        DefinitionsLoader loader = new DefinitionsLoader(launcher);
        FirstLoad first = new FirstLoad(cache.stamp(), loader.load(absolute, workspace.folder()));
        // The cached definitions (megabytes of JSON for a large graph) are read while the worker starts.
        CompletableFuture<Optional<DefinitionsSnapshot>> cached = CompletableFuture.supplyAsync(cache::read);
        return new Opening(absolute, workspace, cache, loader, first, cached);
    }

    /** Opens a jar whose opening has {@link #begin begun}; see {@link #open(Path, WorkerLauncher, Listener, Options)}. */
    public static WorkspaceSession open(Opening opening, Listener listener, Options options) {
        WorkspaceSession session = new WorkspaceSession(opening.jar, opening.workspace, opening.loader, opening.cache,
                Objects.requireNonNull(listener), options, opening.first, opening.cached);
        session.start();
        return session;
    }

    /** A jar being opened: see {@link #begin}. */
    public static final class Opening {
        private final Path jar;
        private final Workspace workspace;
        private final SnapshotCache cache;
        private final DefinitionsLoader loader;
        private final FirstLoad first;
        private final CompletableFuture<Optional<DefinitionsSnapshot>> cached;

        private Opening(Path jar, Workspace workspace, SnapshotCache cache, DefinitionsLoader loader, FirstLoad first,
                        CompletableFuture<Optional<DefinitionsSnapshot>> cached) {
            this.jar = jar;
            this.workspace = workspace;
            this.cache = cache;
            this.loader = loader;
            this.first = first;
            this.cached = cached;
        }

        /** The jar, absolute and normalized. */
        public Path jar() {
            return jar;
        }
    }

    /** A load of the definitions started before the session existed, and the jar's stamp before it. */
    private record FirstLoad(Optional<SnapshotCache.Entry> stamp, CompletableFuture<DefinitionsSnapshot> snapshot) { }

    private void start() {
        try {
            watcher = JarWatcher.start(jar, options.debounce(), this::reloadDefinitions);
        } catch (IOException e) {
            listener.warning("Cannot watch " + jar + " for changes (" + e.getMessage() + "); use Reload after a rebuild.");
        }
        submit(() -> {
            Optional<DefinitionsSnapshot> fromCache = cached.exceptionally(e -> Optional.empty()).join();
            if (fromCache.isPresent()) {
                apply(fromCache.get(), true);
                openLogSoon();
            } else {
                lastGood = cache.lastGood().orElse(null);
            }
            load();
        });
        executor.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * The UI has drawn the definitions it was given: the event log is opened now (if it is not yet),
     * so that the statuses, runs and history follow.
     */
    public void definitionsShown() {
        submit(this::openLog);
    }

    /** Opens the log once the definitions are shown, or after {@link #LOG_OPEN_AT_LATEST_MILLIS}. */
    private void openLogSoon() {
        if (graph == null) {
            openLog();  // nothing to draw
        } else {
            executor.schedule(this::openLog, LOG_OPEN_AT_LATEST_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** The log, opening it now if nobody has yet (a read or a run does not wait for the drawing). */
    private CompletableFuture<H2EventLog> log() {
        if (logOpening == null) {
            submit(this::openLog);
        }
        return logReady;
    }

    /** Opens the event log in the background, once; and does what waited for the definitions to be shown. */
    private void openLog() {
        for (Runnable task = whenShown.poll(); task != null; task = whenShown.poll()) {
            task.run();
        }
        if (logOpening != null || closed) {
            return;
        }
        // On a thread of its own: an interrupt (the readers are interrupted on close) must not reach H2 mid-open.
        logOpening = CompletableFuture.supplyAsync(() -> workspace.openEventLog(H2EventLog.Mode.SHARED), task -> {
            Thread t = new Thread(task, "cairn-open-event-log");
            t.setDaemon(true);
            t.start();
        });
        logOpening.whenCompleteAsync((opened, failure) -> {
            if (failure != null) {
                String why = message(failure);
                logReady.completeExceptionally(new IllegalStateException("the event log cannot be opened: " + why, failure));
                listener.eventLogFailed(why);
                return;
            }
            if (closed) {
                return;  // close() closes it
            }
            log = opened;
            logReady.complete(opened);
            statusDirty = true;
            tick();
        }, executor);
    }

    /** The jar. */
    public Path jar() {
        return jar;
    }

    /** The jar's workspace. */
    public Workspace workspace() {
        return workspace;
    }

    // ------------------------------------------------------------------ definitions

    /** Reads the definitions again in a worker (after a rebuild the watcher does this itself). */
    public void reloadDefinitions() {
        submit(this::load);
    }

    private void load() {
        if (loading) {
            loadAgain = true;
            return;
        }
        loading = true;
        listener.loadingChanged(true);
        FirstLoad started = firstLoad != null ? firstLoad : new FirstLoad(cache.stamp(), loader.load(jar, workspace.folder()));
        firstLoad = null;
        Optional<SnapshotCache.Entry> stamp = started.stamp();
        started.snapshot().whenCompleteAsync((snapshot, failure) -> {
            loading = false;
            if (failure != null) {
                listener.definitionsFailed(message(failure));
                openLog();
            } else {
                apply(snapshot, false);
                if (snapshot.isValid() && stamp.isPresent()) {
                    // Megabytes of JSON for a large graph: not while the UI lays it out.
                    whenShown.add(() -> cache.write(stamp.get(), snapshot));
                }
                openLogSoon();
            }
            if (loadAgain) {
                loadAgain = false;
                load();
            } else {
                listener.loadingChanged(false);
            }
        }, executor);
    }

    private void apply(DefinitionsSnapshot snapshot, boolean fromCache) {
        if (!fromCache && latest != null && snapshot.equals(latest)) {
            return;
        }
        if (shown == null && !snapshot.isValid() && lastGood != null && graphOf(lastGood) != null) {
            shown = lastGood;
            graph = graphOf(lastGood);
        }
        lastGood = null;
        AssetGraph newGraph = graphOf(snapshot);
        SnapshotChanges changes = shown == null ? null : SnapshotChanges.between(shown, snapshot);
        latest = snapshot;
        if (newGraph != null && (snapshot.isValid() || shown == null)) {
            shown = snapshot;
            graph = newGraph;
        }
        listener.definitionsChanged(new DefinitionsUpdate(latest, shown, graph, changes, fromCache));
        statusDirty = true;
    }

    /** The graph of a snapshot, or null when its problems (a cycle, an unknown upstream) leave none. */
    private static AssetGraph graphOf(DefinitionsSnapshot snapshot) {
        try {
            return AssetGraph.of(snapshot.assets());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ runs

    /**
     * Starts a run of a selection in a worker. Its events arrive through {@link Listener#runEvents};
     * if it does not start, {@link Listener#runNotStarted} says why.
     *
     * @return the run's id once the worker has created the run; failed if the run did not start
     */
    public CompletableFuture<String> materialize(String selection) {
        CompletableFuture<String> started = new CompletableFuture<>();
        // A run needs the log: the app records the end of a run whose worker dies.
        log().whenCompleteAsync((ready, unavailable) -> {
            if (unavailable != null) {
                listener.runNotStarted(selection, message(unavailable));
                started.completeExceptionally(unavailable);
                return;
            }
            RunWorker worker;
            try {
                worker = RunWorker.start(launcher, jar, workspace.folder(), selection, workerEvents::add);
            } catch (RuntimeException e) {
                listener.runNotStarted(selection, message(e));
                started.completeExceptionally(e);
                return;
            }
            starting.add(worker);
            worker.runId().whenCompleteAsync((runId, failure) -> {
                starting.remove(worker);
                if (failure != null) {
                    listener.runNotStarted(selection, message(failure));
                    started.completeExceptionally(failure);
                } else {
                    workers.put(runId, worker);
                    follow(runId);
                    started.complete(runId);
                }
            }, executor);
            exitHandlers.put(worker, worker.exit().thenAcceptAsync(exit -> workerExited(worker, exit), executor));
        }, executor);
        return started;
    }

    /**
     * Cancels runs: the app's own through their workers, others of this machine (for example from
     * the command line) by asking their process to stop.
     *
     * @param alsoStarting whether to cancel too the runs the app asked for that have not started yet
     */
    public void cancel(Collection<String> runIds, boolean alsoStarting) {
        List<String> ids = List.copyOf(runIds);
        submit(() -> {
            if (alsoStarting) {
                starting.forEach(RunWorker::cancel);
            }
            for (String id : ids) {
                RunWorker worker = workers.get(id);
                if (worker != null) {
                    worker.cancel();
                } else {
                    cancelForeign(id);
                }
            }
        });
    }

    /** A run of another process: SIGTERM to that process, then the same rules as for a worker. */
    private void cancelForeign(String runId) {
        if (log == null) {
            return;
        }
        Optional<RunRecord> run = log.run(runId);
        if (run.isEmpty() || run.get().status().isFinished() || !LocalProcess.isThisHost(run.get().host())) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(run.get().pid());
        if (process.isEmpty()) {
            log.failOrphanedRuns();
            return;
        }
        ProcessHandle handle = process.get();
        handle.destroy();
        executor.schedule(() -> {
            boolean killed = handle.isAlive() && handle.destroyForcibly();
            handle.onExit().thenRunAsync(() -> endIfStarted(runId, EventType.RUN_CANCELED,
                    killed ? "canceled; its process (pid " + handle.pid() + ") had to be killed"
                            : "canceled; its process (pid " + handle.pid() + ") exited"), executor);
        }, RunWorker.CANCEL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A worker exited. If its run is still STARTED (the worker was killed, crashed or called
     * System.exit), the app records the end of the run, so that no run stays STARTED forever.
     */
    private void workerExited(RunWorker worker, WorkerProcess.Exit exit) {
        exitHandlers.remove(worker);
        drainWorkerEvents();
        String runId = worker.runId().isCompletedExceptionally() ? null : worker.runId().getNow(null);
        if (runId == null) {
            // Killed between recording its run and printing it: end that run as the dead process's.
            try {
                if (!log.failOrphanedRuns().isEmpty()) {
                    nextPollNanos = 0;
                }
            } catch (RuntimeException e) {
                warn("Cannot check for runs of the worker that exited: " + message(e));
            }
            return;
        }
        workers.remove(runId);
        if (worker.cancelRequested()) {
            endIfStarted(runId, EventType.RUN_CANCELED, exit.killed()
                    ? "canceled; the worker process did not stop in time and was killed"
                    : "canceled; the worker process ended (exit code " + exit.code() + ") before its steps stopped");
        } else {
            RunProgress p = progress.get(runId);
            Set<String> running = p == null ? Set.of() : p.stepsIn(RunProgress.StepState.RUNNING);
            endIfStarted(runId, EventType.RUN_FAILURE, RunWorker.describeExit(exit, running));
        }
        nextPollNanos = 0;
    }

    private void endIfStarted(String runId, EventType type, String reason) {
        try {
            Event end = new Event(0, runId, type, Instant.now(), null, null, LogLevel.ERROR,
                    (type == EventType.RUN_CANCELED ? "Run canceled: " : "Run failed: ") + reason,
                    new EventData.RunEnded(reason));
            if (log.appendRunEndIfStarted(end)) {
                statusDirty = true;
                nextPollNanos = 0;
            }
        } catch (RuntimeException e) {
            warn("Cannot record the end of run " + runId + ": " + message(e));
        }
    }

    /**
     * Events of any run, oldest first, with an id greater than {@code afterId}: for showing a run that
     * is not followed live.
     */
    public CompletableFuture<List<Event>> events(String runId, long afterId, int limit) {
        return read(() -> log.eventsAfter(runId, afterId, limit));
    }

    /**
     * Runs a read of the event log on a background thread of its own (not the polling thread), for
     * reads that take long, such as an asset's whole history.
     */
    public <T> CompletableFuture<T> read(java.util.function.Function<dev.cairn.engine.storage.EventLog, T> query) {
        return log().thenApplyAsync(query, readers);
    }

    /** The STEP_FAILURE event of an asset's latest failed attempt, if it ever failed. */
    public CompletableFuture<Optional<Event>> latestFailure(String assetKey) {
        return CompletableFuture.supplyAsync(() -> {
            var failure = log.latestFailures().get(assetKey);
            if (failure == null) {
                return Optional.<Event>empty();
            }
            return log.eventsAfter(failure.runId(), failure.eventId() - 1, 1).stream().findFirst();
        }, executor);
    }

    /** The latest materialization of an asset, if it has one. */
    public CompletableFuture<Optional<MaterializationRecord>> latestMaterialization(String assetKey) {
        return read(() -> log.latestMaterialization(assetKey));
    }

    /** The latest observation of a source asset, if it was ever observed. */
    public CompletableFuture<Optional<ObservationRecord>> latestObservation(String assetKey) {
        return read(() -> Optional.ofNullable(log.latestObservations().get(assetKey)));
    }

    /**
     * A page of an asset's materializations, newest first: those with an event id below
     * {@code beforeEventId} (all when null), at most {@code limit}.
     */
    public CompletableFuture<List<MaterializationRecord>> materializationHistory(String assetKey, Long beforeEventId,
                                                                                int limit) {
        return read(() -> log.materializationHistory(assetKey, beforeEventId, limit));
    }

    /**
     * A read of the log on the session's thread once the log is open; fails (rather than throws) if the
     * log cannot be opened or the session is closed.
     */
    private <T> CompletableFuture<T> read(java.util.function.Supplier<T> query) {
        if (executor.isShutdown()) {
            return CompletableFuture.failedFuture(new IllegalStateException("the workspace is closed"));
        }
        return log().thenApplyAsync(opened -> query.get(), executor);
    }

    // ------------------------------------------------------------------ polling

    private void tick() {
        if (closed) {
            return;
        }
        try {
            drainWorkerEvents();
            if (log != null && System.nanoTime() - nextPollNanos >= 0) {
                poll();
            }
            flush();
        } catch (RuntimeException e) {
            warn("Cannot read the event log: " + message(e));
        }
    }

    private void poll() {
        nextPollNanos = System.nanoTime() + options.pollInterval().toNanos();
        List<RunRecord> fresh = log.runs(null, options.runLimit());
        if (!fresh.equals(runs)) {
            for (RunRecord r : fresh) {
                if (!cursors.containsKey(r.runId())
                        && (r.status() == RunStatus.STARTED || r.startedAt().isAfter(openedAt))) {
                    follow(r.runId());
                }
            }
            runs = fresh;
            listener.runsChanged(fresh);
            statusDirty = true;
        }
        for (String runId : List.copyOf(following)) {
            List<Event> events = log.eventsAfter(runId, cursors.get(runId), EVENTS_PER_POLL);
            events.forEach(this::accept);
        }
        lastWarning = null;
    }

    private void follow(String runId) {
        if (!cursors.containsKey(runId)) {
            cursors.put(runId, 0L);
            following.add(runId);
            progress.put(runId, new RunProgress(runId));
        }
    }

    private void drainWorkerEvents() {
        for (Event e = workerEvents.poll(); e != null; e = workerEvents.poll()) {
            follow(e.runId());
            accept(e);
        }
    }

    /** Takes an event once: the worker's copy and the log's copy of the same event are one. */
    private void accept(Event e) {
        Long cursor = cursors.get(e.runId());
        if (cursor == null || e.id() <= cursor) {
            return;
        }
        cursors.put(e.runId(), e.id());
        pending.computeIfAbsent(e.runId(), k -> new ArrayList<>()).add(e);
        RunProgress p = progress.get(e.runId());
        if (p != null) {
            p.accept(e);
        }
        switch (e.type()) {
            case ASSET_MATERIALIZATION, ASSET_OBSERVATION, STEP_FAILURE -> statusDirty = true;
            case RUN_SUCCESS, RUN_FAILURE, RUN_CANCELED -> {
                following.remove(e.runId());
                progress.remove(e.runId());
                statusDirty = true;
                nextPollNanos = 0;
            }
            default -> { }
        }
    }

    private void flush() {
        if (!pending.isEmpty()) {
            Map<String, List<Event>> batch = new LinkedHashMap<>(pending);
            pending.clear();
            batch.forEach(listener::runEvents);
        }
        if (statusDirty && graph != null && log != null) {
            statusDirty = false;
            listener.statusChanged(new StalenessCalculator(ZoneId.systemDefault()).compute(graph, RecordedVersions.read(log)));
        }
    }

    private void warn(String message) {
        if (!message.equals(lastWarning)) {
            lastWarning = message;
            listener.warning(message);
        }
    }

    private void submit(Runnable task) {
        if (!executor.isShutdown()) {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    warn(message(e));
                }
            });
        }
    }

    private static String message(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    // ------------------------------------------------------------------ closing

    /**
     * Cancels the runs this session started (waiting briefly for them to end), stops watching and
     * closes the event log. Blocks: call it off the UI thread.
     */
    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        try {
            List<CompletableFuture<Void>> handled = CompletableFuture.supplyAsync(() -> {
                closed = true;
                starting.forEach(RunWorker::cancel);
                workers.values().forEach(RunWorker::cancel);
                return List.copyOf(exitHandlers.values());
            }, executor).get(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            // The exit handlers record the ends of killed runs: let them finish before the log closes.
            CompletableFuture.allOf(handled.toArray(CompletableFuture[]::new))
                    .get(CLOSE_WAIT_MILLIS + RunWorker.CANCEL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // Closing goes on: a worker that outlives the app still ends its run itself.
        }
        // Reads still waiting for a log that never opened fail now, while their executors still take
        // the failure (a shut-down executor would throw it at whoever completes logReady).
        logReady.completeExceptionally(new IllegalStateException("the workspace is closed"));
        executor.shutdownNow();
        readers.shutdownNow();
        try {
            executor.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            readers.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // No task runs any more, so logOpening is settled. A log still opening is waited for: its
        // file must be released when this returns, for whoever opens the workspace next.
        CompletableFuture<H2EventLog> opening = logOpening;
        if (opening != null) {
            try {
                opening.get(LOG_OPEN_WAIT_MILLIS, TimeUnit.MILLISECONDS).close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                opening.thenAccept(H2EventLog::close);
            } catch (java.util.concurrent.ExecutionException notOpened) {
                // Nothing to close.
            } catch (java.util.concurrent.TimeoutException e) {
                opening.thenAccept(H2EventLog::close);
            }
        }
    }
}
