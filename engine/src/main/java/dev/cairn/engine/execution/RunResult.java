package dev.cairn.engine.execution;

import java.util.Map;

import dev.cairn.engine.storage.RunRecord;
import dev.cairn.engine.storage.RunStatus;

/**
 * How a run ended.
 *
 * @param run the run as recorded: status, end time and failure reason
 * @param steps how each planned step ended, in plan order
 */
public record RunResult(RunRecord run, Map<String, StepOutcome> steps) {

    public RunResult {
        steps = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(steps));
    }

    /** True if the run succeeded. */
    public boolean success() {
        return run.status() == RunStatus.SUCCESS;
    }
}
