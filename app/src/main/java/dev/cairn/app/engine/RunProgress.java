package dev.cairn.app.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.storage.RunStatus;

/**
 * Where a run is, folded from its events: the state of every planned step and the counts a
 * progress bar shows. Not thread-safe: each owner folds its own copy.
 */
public final class RunProgress {

    /** The state of one step. */
    public enum StepState {
        /** Planned, not started. */
        PENDING,
        /** Computing (or waiting to retry). */
        RUNNING,
        SUCCEEDED,
        FAILED,
        /** Not run because an upstream failed. */
        SKIPPED,
        /** Not completed because the run ended first (canceled, or its worker died). */
        INTERRUPTED;

        /** True once the step will not change any more. */
        public boolean isDone() {
            return this != PENDING && this != RUNNING;
        }
    }

    private final String runId;
    private final Map<String, StepState> steps = new LinkedHashMap<>();
    private String selection = "";
    private RunStatus status = RunStatus.STARTED;
    private String endReason;

    public RunProgress(String runId) {
        this.runId = runId;
    }

    /** Folds the events of a run, in order. */
    public static RunProgress of(String runId, List<Event> events) {
        RunProgress p = new RunProgress(runId);
        events.forEach(p::accept);
        return p;
    }

    /** Folds one event; events of other runs are ignored. */
    public void accept(Event e) {
        if (!e.runId().equals(runId)) {
            return;
        }
        switch (e.type()) {
            case RUN_STARTED -> {
                if (e.data() instanceof EventData.RunStarted started) {
                    selection = started.selection();
                    started.assetKeys().forEach(k -> steps.putIfAbsent(k, StepState.PENDING));
                }
            }
            case STEP_STARTED, STEP_UP_FOR_RETRY -> step(e, StepState.RUNNING);
            case STEP_SUCCESS -> step(e, StepState.SUCCEEDED);
            case STEP_FAILURE -> step(e, StepState.FAILED);
            case STEP_SKIPPED -> step(e, StepState.SKIPPED);
            case RUN_SUCCESS, RUN_FAILURE, RUN_CANCELED -> end(e);
            default -> { }
        }
    }

    private void step(Event e, StepState state) {
        if (e.assetKey() != null) {
            steps.put(e.assetKey(), state);
        }
    }

    private void end(Event e) {
        status = switch (e.type()) {
            case RUN_SUCCESS -> RunStatus.SUCCESS;
            case RUN_CANCELED -> RunStatus.CANCELED;
            default -> RunStatus.FAILURE;
        };
        endReason = e.data() instanceof EventData.RunEnded ended ? ended.reason() : null;
        steps.replaceAll((k, s) -> s.isDone() ? s : StepState.INTERRUPTED);
    }

    /** The run. */
    public String runId() {
        return runId;
    }

    /** The selection it runs, once its RUN_STARTED event was seen. */
    public String selection() {
        return selection;
    }

    /** STARTED until its final event. */
    public RunStatus status() {
        return status;
    }

    /** Why it failed or was canceled, or null. */
    public String endReason() {
        return endReason;
    }

    /** Every planned step's state, in plan order. */
    public Map<String, StepState> steps() {
        return Map.copyOf(steps);
    }

    /** The state of a step, or null if the run does not plan it. */
    public StepState state(String key) {
        return steps.get(key);
    }

    /** The steps in a state, in plan order. */
    public Set<String> stepsIn(StepState state) {
        return steps.entrySet().stream().filter(e -> e.getValue() == state).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** How many steps are planned. */
    public int total() {
        return steps.size();
    }

    /** How many steps have ended, whichever way. */
    public int done() {
        return (int) steps.values().stream().filter(StepState::isDone).count();
    }
}
