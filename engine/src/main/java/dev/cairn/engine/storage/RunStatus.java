package dev.cairn.engine.storage;

/** Where a run is in its life. Names are stored in the database: never rename one. */
public enum RunStatus {
    STARTED, SUCCESS, FAILURE, CANCELED;

    /** True once the run has ended. */
    public boolean isFinished() {
        return this != STARTED;
    }
}
