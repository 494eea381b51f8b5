package dev.cairn.engine.execution;

/** How a planned step ended. */
public enum StepOutcome {
    /** Its materialization or observation was recorded. */
    SUCCEEDED,
    /** It threw on its last attempt, or its result could not be recorded. */
    FAILED,
    /** It did not run because an upstream failed. */
    SKIPPED,
    /** The run was canceled before the step finished. */
    CANCELED
}
