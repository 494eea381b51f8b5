package dev.cairn.engine.execution;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cairn.engine.definitions.AssetGraph;
import dev.cairn.engine.definitions.LoadedDefinitions;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.storage.EventLog;
import dev.cairn.engine.storage.LocalProcess;
import dev.cairn.engine.storage.MaterializationRecord;
import dev.cairn.engine.storage.ObservationRecord;
import dev.cairn.engine.storage.RunRecord;
import dev.cairn.engine.storage.RunStatus;

/**
 * Plans and executes runs of loaded definitions, recording everything in an event log. Knows
 * nothing of where it runs: the app, the CLI and a worker process all use it the same way, and
 * follow a run through {@link RunListener}s.
 *
 * <p>Each run gets its own threads: a pool of {@link RunOptions#parallelism()} threads for the
 * steps, one thread that commits events in batches, and a timer thread once a step retries. They
 * end with the run.
 *
 * <p>A step's events are committed before the step counts as done: before its downstream steps
 * start and before the run reports its end.
 *
 * <p>Canceling interrupts running steps. Code that ignores both the interrupt and
 * {@link dev.cairn.api.AssetContext#isCancelled()} keeps its thread, and the run, until it
 * returns; the only way to stop it sooner is to end the process.
 */
public final class RunExecutor {

    private final LoadedDefinitions definitions;
    private final EventLog eventLog;

    /**
     * @param definitions what to run; runs refuse to start if they have problems
     * @param eventLog where runs are recorded and past materializations are looked up
     */
    public RunExecutor(LoadedDefinitions definitions, EventLog eventLog) {
        this.definitions = definitions;
        this.eventLog = eventLog;
    }

    /**
     * Plans a run of these assets.
     *
     * @throws dev.cairn.engine.definitions.InvalidDefinitionsException if the definitions have problems
     * @throws IllegalArgumentException if a key is unknown or nothing selected can run
     * @throws PlanningException if an unselected upstream was never materialized
     */
    public ExecutionPlan plan(Set<String> selection) {
        return new Planner(definitions.requireGraph(), eventLog).plan(selection);
    }

    /** Plans and starts a run of these assets; see {@link #plan(Set)} for what can go wrong. */
    public RunHandle start(Set<String> selection, RunOptions options, RunListener... listeners) {
        return start(plan(selection), options, List.of(listeners));
    }

    /**
     * Starts a planned run: records it, then executes it on its own threads.
     *
     * @throws IllegalArgumentException if the plan names assets these definitions lack, or a step
     *         comes before one of its upstreams (a plan made elsewhere, for example sent to a worker)
     * @throws MissingEnvironmentException if a resource or IO manager the run would use reads an
     *         environment variable that is not set
     */
    public RunHandle start(ExecutionPlan plan, RunOptions options, List<RunListener> listeners) {
        AssetGraph graph = definitions.requireGraph();
        Set<String> before = new HashSet<>();
        for (ExecutionPlan.Step step : plan.steps()) {
            if (!graph.contains(step.assetKey())) {
                throw new IllegalArgumentException("the plan names asset '" + step.assetKey()
                        + "', which these definitions lack");
            }
            for (String up : step.upstreamsInPlan()) {
                if (!before.contains(up)) {
                    throw new IllegalArgumentException("the plan runs '" + step.assetKey() + "' before its upstream '"
                            + up + "', or names an upstream it does not plan");
                }
            }
            if (!before.add(step.assetKey())) {
                throw new IllegalArgumentException("the plan runs '" + step.assetKey() + "' twice");
            }
        }
        EnvironmentCheck.require(plan, definitions, graph);
        Map<String, ActiveRun.Provenance> external = externalProvenance(plan, graph);
        RunRecord started = new RunRecord(options.runId(), RunStatus.STARTED, options.selection(), plan.assetKeys(),
                Instant.now(), null, LocalProcess.pid(), LocalProcess.host(), null);
        eventLog.createRun(started);
        ActiveRun run = new ActiveRun(plan, definitions, eventLog, options, started, external, listeners);
        run.start();
        return run;
    }

    /** The latest materialization (or observation, for a source) of each upstream read from storage. */
    private Map<String, ActiveRun.Provenance> externalProvenance(ExecutionPlan plan, AssetGraph graph) {
        Map<String, ActiveRun.Provenance> external = new HashMap<>();
        Map<String, ObservationRecord> observations = null;
        for (String key : plan.externalUpstreams()) {
            if (graph.require(key).isSource()) {
                if (observations == null) {
                    observations = eventLog.latestObservations();
                }
                ObservationRecord o = observations.get(key);
                if (o != null) {
                    external.put(key, new ActiveRun.Provenance(
                            new EventData.InputVersion(o.data().dataVersion(), o.eventId()), null));
                }
            } else {
                eventLog.latestMaterialization(key).ifPresent((MaterializationRecord m) -> external.put(key,
                        new ActiveRun.Provenance(new EventData.InputVersion(m.data().dataVersion(), m.eventId()), m.toApi())));
            }
        }
        return external;
    }
}
