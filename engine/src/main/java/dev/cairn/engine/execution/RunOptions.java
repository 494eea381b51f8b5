package dev.cairn.engine.execution;

import java.util.Objects;
import java.util.UUID;

/**
 * How to execute a run.
 *
 * @param runId the id the run is recorded under; unique
 * @param selection the selection the user wrote, recorded with the run for display
 * @param parallelism how many steps may compute at the same time, at least 1
 */
public record RunOptions(String runId, String selection, int parallelism) {

    public RunOptions {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(selection, "selection");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
    }

    /** A new run id, and one step per processor core. */
    public static RunOptions defaults(String selection) {
        return new RunOptions(UUID.randomUUID().toString(), selection, Runtime.getRuntime().availableProcessors());
    }

    /** A copy with another parallelism. */
    public RunOptions withParallelism(int newParallelism) {
        return new RunOptions(runId, selection, newParallelism);
    }
}
