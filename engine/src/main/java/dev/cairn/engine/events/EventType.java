package dev.cairn.engine.events;

/** The kinds of events in the event log. Names are stored in the database: never rename one. */
public enum EventType {
    RUN_STARTED,
    RUN_SUCCESS,
    RUN_FAILURE,
    RUN_CANCELED,
    STEP_STARTED,
    STEP_SUCCESS,
    STEP_FAILURE,
    STEP_SKIPPED,
    STEP_UP_FOR_RETRY,
    ASSET_MATERIALIZATION,
    ASSET_OBSERVATION,
    LOG;

    /** True for the events that end a run. */
    public boolean endsRun() {
        return this == RUN_SUCCESS || this == RUN_FAILURE || this == RUN_CANCELED;
    }
}
