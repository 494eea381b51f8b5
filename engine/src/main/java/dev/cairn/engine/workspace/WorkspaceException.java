package dev.cairn.engine.workspace;

/** A workspace folder cannot be created or read; the message names the folder and what to do. */
public class WorkspaceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
