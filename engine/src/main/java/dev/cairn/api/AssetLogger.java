package dev.cairn.api;

/**
 * A logger whose lines are recorded in the run's event log, attached to the asset being computed.
 *
 * <p>Messages use SLF4J-style {@code {}} placeholders; a trailing {@link Throwable} argument is
 * recorded with its stack trace.
 */
public interface AssetLogger {

    /** Logs at DEBUG level. */
    void debug(String message, Object... args);

    /** Logs at INFO level. */
    void info(String message, Object... args);

    /** Logs at WARN level. */
    void warn(String message, Object... args);

    /** Logs at ERROR level. */
    void error(String message, Object... args);
}
