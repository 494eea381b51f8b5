package dev.cairn.engine.execution;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/** A started run: wait for it, or cancel it. */
public interface RunHandle {

    /** The run's id. */
    String runId();

    /** What the run executes. */
    ExecutionPlan plan();

    /**
     * Asks the run to stop: steps that have not started never start, running steps are interrupted
     * and see {@link dev.cairn.api.AssetContext#isCancelled()} turn true, and the run ends
     * RUN_CANCELED once they have returned. Code that ignores interrupts keeps its thread (and the
     * run) until it returns. Does nothing once the run has ended.
     */
    void cancel();

    /** Waits for the run to end; the run's final event is committed when this returns. */
    RunResult await() throws InterruptedException;

    /**
     * Waits at most {@code timeout} for the run to end.
     *
     * @throws TimeoutException if it is still running
     */
    RunResult await(Duration timeout) throws InterruptedException, TimeoutException;

    /** Completes when the run has ended and its final event is committed. */
    CompletionStage<RunResult> completion();
}
