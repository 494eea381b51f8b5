package dev.cairn.engine.execution;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cairn.api.IOManager;
import dev.cairn.api.Materialization;
import dev.cairn.api.MetadataValue;
import dev.cairn.api.Output;
import dev.cairn.api.SourceAsset;
import dev.cairn.engine.definitions.AssetFunction;
import dev.cairn.engine.definitions.AssetGraph;
import dev.cairn.engine.definitions.AssetSpec;
import dev.cairn.engine.definitions.LoadedDefinitions;
import dev.cairn.engine.definitions.ParameterBinding;
import dev.cairn.engine.definitions.RetrySpec;
import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.events.EventType;
import dev.cairn.engine.events.LogLevel;
import dev.cairn.engine.storage.EventLog;
import dev.cairn.engine.storage.RunRecord;
import dev.cairn.engine.storage.RunStatus;

/**
 * One run in progress: owns its step pool, its event writer and (when a step retries) a timer.
 *
 * <p>Threading: user code runs on the pool; every change of a step's state happens under
 * {@link #lock}, which is never held while user code or the database runs. A step is done when its
 * events are committed: the commit callback (on the writer thread) marks it succeeded and queues
 * the downstream steps it unblocks, so pool threads never wait for the database and several steps
 * can await their commit in the same batch.
 */
final class ActiveRun implements RunHandle {

    private enum Status { WAITING, QUEUED, RUNNING, COMMITTING, RETRY_WAIT, DONE }

    /** The state of one planned step; mutable fields are guarded by the run's lock. */
    private static final class StepState {
        final ExecutionPlan.Step step;
        final AssetSpec spec;
        final List<StepState> downstream = new ArrayList<>(1);
        int waitingFor;
        Status status = Status.WAITING;
        StepOutcome outcome;
        int attempt;
        Thread runner;
        ScheduledFuture<?> retryTimer;
        EventData.ErrorInfo error;
        /** The committed materialization or observation; set before any downstream step is queued. */
        volatile Event result;

        StepState(ExecutionPlan.Step step, AssetSpec spec) {
            this.step = step;
            this.spec = spec;
        }

        String key() {
            return step.assetKey();
        }
    }

    /** How far back an upstream's value and version come from. */
    record Provenance(EventData.InputVersion version, Materialization materialization) {
        static final Provenance NONE = new Provenance(new EventData.InputVersion(null, 0), null);
    }

    /** What a successful attempt produced, to be committed. */
    private record Produced(Event event, long startNanos) { }

    private static final int MAX_NAMES_IN_REASON = 20;

    private final ExecutionPlan plan;
    private final LoadedDefinitions definitions;
    private final AssetGraph graph;
    private final EventLog eventLog;
    private final RunOptions options;
    private final RunRecord started;
    private final Map<String, Provenance> external;
    private final List<StepState> steps = new ArrayList<>();
    private final Map<String, StepState> byKey = new HashMap<>();
    private final EventWriter writer;
    private final ThreadPoolExecutor pool;
    private final CompletableFuture<RunResult> result = new CompletableFuture<>();
    private final Object lock = new Object();
    private final String threadPrefix;
    private ScheduledThreadPoolExecutor timer;
    private volatile boolean cancelled;
    private boolean ended;
    private int remaining;

    ActiveRun(ExecutionPlan plan, LoadedDefinitions definitions, EventLog eventLog, RunOptions options,
              RunRecord started, Map<String, Provenance> external, List<RunListener> listeners) {
        this.plan = plan;
        this.definitions = definitions;
        this.graph = definitions.requireGraph();
        this.eventLog = eventLog;
        this.options = options;
        this.started = started;
        this.external = external;
        for (ExecutionPlan.Step step : plan.steps()) {
            StepState s = new StepState(step, graph.require(step.assetKey()));
            for (String up : step.upstreamsInPlan()) {
                byKey.get(up).downstream.add(s);
            }
            s.waitingFor = step.upstreamsInPlan().size();
            steps.add(s);
            byKey.put(step.assetKey(), s);
        }
        remaining = steps.size();
        this.threadPrefix = "cairn-run-" + options.runId().substring(0, Math.min(8, options.runId().length()));
        this.writer = new EventWriter(eventLog, listeners, threadPrefix + "-events");
        this.pool = new ThreadPoolExecutor(options.parallelism(), options.parallelism(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), daemonThreads(threadPrefix + "-step-"));
    }

    /**
     * Records RUN_STARTED and queues the steps that have no upstream in the plan. No user code runs
     * before RUN_STARTED is committed and the listeners have seen it: an asset that calls System.exit
     * at once still leaves a run that its watchers know by id.
     *
     * @throws IllegalStateException if RUN_STARTED cannot be recorded; no step has run then
     */
    void start() {
        try {
            writer.emit(Event.of(runId(), EventType.RUN_STARTED, null, LogLevel.INFO,
                    "Run started: " + steps.size() + " step(s), selection '" + options.selection() + "'",
                    new EventData.RunStarted(options.selection(), plan.assetKeys()))).join();
        } catch (CompletionException e) {
            pool.shutdown();
            writer.close();
            throw new IllegalStateException("cannot record the start of run " + runId() + ": " + e.getCause(), e.getCause());
        }
        synchronized (lock) {
            for (StepState s : steps) {
                if (s.waitingFor == 0) {
                    queue(s);
                }
            }
            endIfDone();
        }
    }

    @Override
    public String runId() {
        return options.runId();
    }

    @Override
    public ExecutionPlan plan() {
        return plan;
    }

    boolean isCancelled() {
        return cancelled;
    }

    /** Records a log line of an asset; nobody waits for its commit. */
    void log(String assetKey, LogLevel level, String message, String stackTrace) {
        writer.post(Event.of(runId(), EventType.LOG, assetKey, level, message, new EventData.Log(stackTrace)));
    }

    @Override
    public void cancel() {
        synchronized (lock) {
            if (ended || cancelled) {
                return;
            }
            cancelled = true;
            for (StepState s : steps) {
                switch (s.status) {
                    case WAITING, QUEUED -> finish(s, StepOutcome.CANCELED);
                    case RETRY_WAIT -> {
                        s.retryTimer.cancel(false);
                        finish(s, StepOutcome.CANCELED);
                    }
                    case RUNNING -> s.runner.interrupt();
                    case COMMITTING, DONE -> { }
                }
            }
            endIfDone();
        }
    }

    @Override
    public RunResult await() throws InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the run ended abnormally", e.getCause());
        }
    }

    @Override
    public RunResult await(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the run ended abnormally", e.getCause());
        }
    }

    @Override
    public CompletionStage<RunResult> completion() {
        return result.minimalCompletionStage();
    }

    // ---- running steps ----------------------------------------------------------------------

    /** Hands a step to the pool. Called under the lock. */
    private void queue(StepState s) {
        s.status = Status.QUEUED;
        pool.execute(() -> attempt(s));
    }

    /** One attempt of a step, on a pool thread. */
    private void attempt(StepState s) {
        int attempt;
        synchronized (lock) {
            if (s.status != Status.QUEUED) {
                return;
            }
            s.status = Status.RUNNING;
            s.runner = Thread.currentThread();
            attempt = ++s.attempt;
        }
        long startNanos = System.nanoTime();
        boolean observe = s.step.kind() == ExecutionPlan.Kind.OBSERVE;
        writer.post(Event.of(runId(), EventType.STEP_STARTED, s.key(), LogLevel.INFO,
                (observe ? "Observing '" : "Computing '") + s.key() + "'" + (attempt > 1 ? " (attempt " + attempt + ")" : ""),
                new EventData.StepStarted(attempt)));
        Produced produced = null;
        Throwable error = null;
        try {
            StepContext context = new StepContext(this, s.key(), definitions.resources());
            produced = observe ? observe(s, context, startNanos) : materialize(s, context, startNanos);
        } catch (Throwable t) {
            // Errors too (OutOfMemoryError, StackOverflowError, NoClassDefFoundError): user code
            // failing in any way fails its step, never the executor.
            error = t;
        }
        synchronized (lock) {
            s.runner = null;
            // An interrupt meant for this step must not reach the next task on this thread.
            Thread.interrupted();
            if (produced != null) {
                s.status = Status.COMMITTING;
            }
        }
        if (produced != null) {
            commit(s, produced);
        } else {
            attemptFailed(s, attempt, error);
        }
    }

    private Produced materialize(StepState s, StepContext context, long startNanos) throws Throwable {
        AssetSpec spec = s.spec;
        AssetFunction function = definitions.function(spec.key());
        List<ParameterBinding> params = spec.parameters();
        Object[] args = new Object[params.size()];
        for (int i = 0; i < args.length; i++) {
            ParameterBinding p = params.get(i);
            if (p instanceof ParameterBinding.Context) {
                args[i] = context;
            } else if (p instanceof ParameterBinding.UpstreamInput in) {
                args[i] = load(in.assetKey(), spec.key(), function.parameterType(i));
            } else if (p instanceof ParameterBinding.Resource r) {
                args[i] = resource(spec.key(), r, function.method().getParameterTypes()[i]);
            }
        }
        Object returned = function.invoke(args);
        if (cancelled) {
            throw new CancellationException("the run was canceled while '" + spec.key()
                    + "' was computing; its result was discarded");
        }
        Object value = returned;
        Map<String, MetadataValue> outputMetadata = Map.of();
        String userVersion = null;
        if (returned instanceof Output<?> output) {
            value = output.value();
            outputMetadata = output.metadata();
            userVersion = output.dataVersion().orElse(null);
        }
        Type valueType = valueType(function.returnType());
        StepOutputContext outputContext = new StepOutputContext(spec.key(), runId(), valueType, eventLog);
        if (valueType != void.class && valueType != Void.class) {
            // Once the IO manager has stored the value, the materialization is recorded even if the
            // run is canceled meanwhile: the log must describe what is stored.
            ioManager(spec.ioManagerKey()).handleOutput(outputContext, value);
        }
        Map<String, MetadataValue> metadata = new LinkedHashMap<>(context.metadata());
        metadata.putAll(outputMetadata);
        metadata.putAll(outputContext.metadata());

        TreeMap<String, EventData.InputVersion> inputs = new TreeMap<>();
        for (String up : spec.upstreams()) {
            inputs.put(up, provenance(up).version());
        }
        String dataVersion;
        EventData.DataVersionSource source;
        if (userVersion != null) {
            dataVersion = userVersion;
            source = EventData.DataVersionSource.USER;
        } else if (outputContext.contentHash() != null) {
            dataVersion = outputContext.contentHash();
            source = EventData.DataVersionSource.CONTENT_HASH;
        } else if (spec.codeVersion() != null) {
            dataVersion = DataVersions.ofCodeAndInputs(spec.codeVersion(), inputs);
            source = EventData.DataVersionSource.CODE_AND_INPUTS;
        } else {
            dataVersion = DataVersions.unique(runId(), spec.key(), inputs);
            source = EventData.DataVersionSource.UNIQUE;
        }
        long durationMillis = (System.nanoTime() - startNanos) / 1_000_000;
        EventData.Materialized data = new EventData.Materialized(metadata, durationMillis, spec.codeVersion(),
                dataVersion, source, inputs);
        return new Produced(Event.of(runId(), EventType.ASSET_MATERIALIZATION, spec.key(), LogLevel.INFO,
                "Materialized '" + spec.key() + "' (data version " + shortVersion(dataVersion) + ")", data), startNanos);
    }

    private Produced observe(StepState s, StepContext context, long startNanos) throws Exception {
        SourceAsset.Observer observer = definitions.observer(s.key())
                .orElseThrow(() -> new IllegalStateException("source asset '" + s.key() + "' has no observer"));
        String dataVersion = observer.observe(context);
        if (cancelled) {
            throw new CancellationException("the run was canceled while '" + s.key() + "' was observed");
        }
        if (dataVersion == null || dataVersion.isBlank()) {
            throw new IllegalStateException("the observer of '" + s.key() + "' returned no data version");
        }
        EventData.Observed data = new EventData.Observed(dataVersion, context.metadata());
        return new Produced(Event.of(runId(), EventType.ASSET_OBSERVATION, s.key(), LogLevel.INFO,
                "Observed '" + s.key() + "' (data version " + shortVersion(dataVersion) + ")", data), startNanos);
    }

    private Object load(String upstream, String downstream, Type expectedType) throws Exception {
        Provenance p = provenance(upstream);
        IOManager io = ioManager(graph.require(upstream).ioManagerKey());
        return io.loadInput(new StepInputContext(upstream, downstream, expectedType, p.materialization()));
    }

    /** The version of an upstream this step reads: from this run if it is planned, else from the log. */
    private Provenance provenance(String upstream) {
        StepState s = byKey.get(upstream);
        if (s == null) {
            return external.getOrDefault(upstream, Provenance.NONE);
        }
        Event e = s.result;
        if (e.data() instanceof EventData.Materialized m) {
            return new Provenance(new EventData.InputVersion(m.dataVersion(), e.id()),
                    new Materialization(e.assetKey(), e.partitionKey(), e.runId(), e.id(), e.timestamp(),
                            m.codeVersion(), m.dataVersion(), m.metadata()));
        }
        EventData.Observed o = (EventData.Observed) e.data();
        return new Provenance(new EventData.InputVersion(o.dataVersion(), e.id()), null);
    }

    private Object resource(String assetKey, ParameterBinding.Resource r, Class<?> parameterClass) {
        return ResourceLookup.key(definitions.resources(), r, parameterClass).map(definitions.resources()::get)
                .orElseThrow(() -> new IllegalStateException(r.resourceKey() != null
                        ? "asset '" + assetKey + "' needs resource '" + r.resourceKey() + "', which is not registered"
                        : "asset '" + assetKey + "' needs one resource of type " + parameterClass.getName()
                                + " for parameter '" + r.parameterName() + "', but none or several are registered"));
    }

    private IOManager ioManager(String key) {
        IOManager io = definitions.ioManagers().get(key);
        if (io == null) {
            throw new IllegalStateException("no IO manager is registered under '" + key + "'");
        }
        return io;
    }

    /** The type the IO manager stores: {@code T} for a function returning {@code Output<T>}. */
    private static Type valueType(Type returnType) {
        if (returnType instanceof ParameterizedType pt && pt.getRawType() == Output.class) {
            return pt.getActualTypeArguments()[0];
        }
        return returnType;
    }

    // ---- after an attempt ---------------------------------------------------------------------

    private void commit(StepState s, Produced produced) {
        CompletableFuture<Event> result = writer.emit(produced.event());
        long durationMillis = (System.nanoTime() - produced.startNanos()) / 1_000_000;
        // Committed in order, so once STEP_SUCCESS is durable, so is the materialization before it.
        writer.emit(Event.of(runId(), EventType.STEP_SUCCESS, s.key(), LogLevel.INFO,
                        "'" + s.key() + "' succeeded in " + durationMillis + " ms", new EventData.StepSucceeded(durationMillis)))
                .whenComplete((success, failure) -> committed(s, result, failure));
    }

    /** On the writer thread, once the step's events are committed (or could not be). */
    private void committed(StepState s, CompletableFuture<Event> result, Throwable failure) {
        if (failure == null && result.isCompletedExceptionally()) {
            failure = result.handle((e, t) -> t).join();
        }
        synchronized (lock) {
            if (failure != null) {
                s.error = new EventData.ErrorInfo(failure.getClass().getName(),
                        "the result of '" + s.key() + "' could not be recorded in the event log: " + failure.getMessage(),
                        EventData.ErrorInfo.of(failure).stackTrace());
                writer.post(failureEvent(s, EventType.STEP_FAILURE, s.error, s.attempt, 0));
                finish(s, StepOutcome.FAILED);
                skipDownstream(s);
            } else {
                s.result = result.join();
                finish(s, StepOutcome.SUCCEEDED);
                if (!cancelled) {
                    for (StepState d : s.downstream) {
                        if (d.status == Status.WAITING && --d.waitingFor == 0) {
                            queue(d);
                        }
                    }
                }
            }
            endIfDone();
        }
    }

    private void attemptFailed(StepState s, int attempt, Throwable error) {
        EventData.ErrorInfo info = EventData.ErrorInfo.of(error);
        synchronized (lock) {
            s.error = info;
            RetrySpec retry = s.spec.retry();
            if (cancelled) {
                writer.post(failureEvent(s, EventType.STEP_FAILURE, info, attempt, 0));
                finish(s, StepOutcome.CANCELED);
            } else if (attempt <= retry.maxRetries()) {
                long delay = retry.delayBeforeRetry(attempt);
                writer.post(failureEvent(s, EventType.STEP_UP_FOR_RETRY, info, attempt, delay));
                s.status = Status.RETRY_WAIT;
                s.retryTimer = timer().schedule(() -> retry(s), delay, TimeUnit.MILLISECONDS);
            } else {
                writer.post(failureEvent(s, EventType.STEP_FAILURE, info, attempt, 0));
                finish(s, StepOutcome.FAILED);
                skipDownstream(s);
            }
            endIfDone();
        }
    }

    private void retry(StepState s) {
        synchronized (lock) {
            if (s.status == Status.RETRY_WAIT) {
                queue(s);
            }
        }
    }

    private Event failureEvent(StepState s, EventType type, EventData.ErrorInfo error, int attempt, long delay) {
        String message = type == EventType.STEP_UP_FOR_RETRY
                ? "'" + s.key() + "' failed (attempt " + attempt + " of " + (s.spec.retry().maxRetries() + 1) + "): "
                        + error.summary() + "; retrying in " + delay + " ms"
                : cancelled ? "'" + s.key() + "' was canceled: " + error.summary()
                : "'" + s.key() + "' failed: " + error.summary();
        return Event.of(runId(), type, s.key(), type == EventType.STEP_UP_FOR_RETRY ? LogLevel.WARN : LogLevel.ERROR,
                message, new EventData.StepFailed(error, attempt, delay));
    }

    /** Skips every step downstream of a failed one, transitively. Called under the lock. */
    private void skipDownstream(StepState failed) {
        Deque<StepState> toSkip = new ArrayDeque<>(failed.downstream);
        while (!toSkip.isEmpty()) {
            StepState d = toSkip.poll();
            if (d.status != Status.WAITING) {
                continue;
            }
            writer.post(Event.of(runId(), EventType.STEP_SKIPPED, d.key(), LogLevel.WARN,
                    "Skipped '" + d.key() + "': upstream '" + failed.key() + "' failed",
                    new EventData.StepSkipped("upstream '" + failed.key() + "' failed", List.of(failed.key()))));
            finish(d, StepOutcome.SKIPPED);
            toSkip.addAll(d.downstream);
        }
    }

    /** Called under the lock. */
    private void finish(StepState s, StepOutcome outcome) {
        s.status = Status.DONE;
        s.outcome = outcome;
        remaining--;
    }

    /** Called under the lock. */
    private ScheduledThreadPoolExecutor timer() {
        if (timer == null) {
            timer = new ScheduledThreadPoolExecutor(1, daemonThreads(threadPrefix + "-retries-"));
            timer.setRemoveOnCancelPolicy(true);
        }
        return timer;
    }

    // ---- ending the run -----------------------------------------------------------------------

    /** Records the end of the run once no step can change any more. Called under the lock. */
    private void endIfDone() {
        if (ended || remaining > 0) {
            return;
        }
        ended = true;
        List<StepState> failed = steps.stream().filter(s -> s.outcome == StepOutcome.FAILED).toList();
        RunStatus status;
        EventType type;
        String reason;
        if (cancelled) {
            status = RunStatus.CANCELED;
            type = EventType.RUN_CANCELED;
            long notRun = steps.stream().filter(s -> s.outcome == StepOutcome.CANCELED).count();
            reason = "canceled; " + notRun + " step(s) did not complete";
        } else if (!failed.isEmpty()) {
            status = RunStatus.FAILURE;
            type = EventType.RUN_FAILURE;
            reason = failureReason(failed);
        } else {
            status = RunStatus.SUCCESS;
            type = EventType.RUN_SUCCESS;
            reason = null;
        }
        Map<String, StepOutcome> outcomes = new LinkedHashMap<>();
        steps.forEach(s -> outcomes.put(s.key(), s.outcome));
        Event end = Event.of(runId(), type, null, type == EventType.RUN_SUCCESS ? LogLevel.INFO : LogLevel.ERROR,
                reason == null ? "Run succeeded" : "Run " + status.name().toLowerCase(java.util.Locale.ROOT) + ": " + reason,
                reason == null ? EventData.NONE : new EventData.RunEnded(reason));
        writer.emit(end).whenComplete((stored, failure) -> {
            String recordedReason = failure == null ? reason : (reason == null ? "" : reason + "; ")
                    + "the end of the run could not be recorded: " + failure;
            RunRecord record = new RunRecord(started.runId(), failure == null ? status : RunStatus.FAILURE,
                    started.selection(), started.assetKeys(), started.startedAt(),
                    stored != null ? stored.timestamp() : Instant.now(), started.pid(), started.host(), recordedReason);
            pool.shutdown();
            synchronized (lock) {
                if (timer != null) {
                    timer.shutdownNow();
                }
            }
            writer.close();
            result.complete(new RunResult(record, outcomes));
        });
    }

    private static String failureReason(List<StepState> failed) {
        StringBuilder sb = new StringBuilder(failed.size() + " step(s) failed: ");
        for (int i = 0; i < failed.size() && i < MAX_NAMES_IN_REASON; i++) {
            StepState s = failed.get(i);
            sb.append(i == 0 ? "" : ", ").append('\'').append(s.key()).append("' (").append(s.error.summary()).append(')');
        }
        if (failed.size() > MAX_NAMES_IN_REASON) {
            sb.append(" and ").append(failed.size() - MAX_NAMES_IN_REASON).append(" more");
        }
        return sb.toString();
    }

    private static String shortVersion(String version) {
        return version.length() > 12 ? version.substring(0, 12) : version;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
