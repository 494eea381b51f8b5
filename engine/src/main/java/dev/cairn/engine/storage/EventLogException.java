package dev.cairn.engine.storage;

/**
 * The event log cannot be used: it is held by another process, damaged, written by a newer Cairn,
 * or the disk failed. The message names the log, what is wrong and what the user can do; the
 * {@link #kind()} lets a caller react (for example, offer to retry when the log is in use).
 */
public class EventLogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that react differently to each. */
    public enum Kind {
        /** Another process has the log open exclusively. */
        IN_USE,
        /** The file cannot be read as an event log (corrupt, truncated, overwritten). */
        DAMAGED,
        /** A newer Cairn wrote the log; this version must not touch it. */
        NEWER_VERSION,
        /** The file is a database, but not a Cairn event log. */
        NOT_AN_EVENT_LOG,
        /** Sharing the log would open a network port beyond this machine; refused. */
        UNSAFE_SHARING,
        /** Anything else: disk full, permissions, a lost connection to the sharing process. */
        FAILED
    }

    private final Kind kind;

    public EventLogException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }
}
