package dev.cairn.app.engine;

/** A worker could not do what it was asked; the message is meant for the user. */
public final class WorkerException extends RuntimeException {

    public WorkerException(String message) {
        super(message);
    }

    public WorkerException(String message, Throwable cause) {
        super(message, cause);
    }
}
