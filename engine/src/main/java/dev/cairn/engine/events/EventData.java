package dev.cairn.engine.events;

import java.util.List;
import java.util.Map;

import dev.cairn.api.MetadataValue;

/**
 * The typed details of an event. Stored as JSON with a type tag; adding a field is safe, renaming
 * one breaks old event logs.
 */
public sealed interface EventData {

    /** Details of events that have none. */
    EventData NONE = new Empty();

    /** No details. */
    record Empty() implements EventData { }

    /**
     * A run began.
     *
     * @param selection what the user asked for, in the selection language
     * @param assetKeys the planned steps, in order
     */
    record RunStarted(String selection, List<String> assetKeys) implements EventData {
        public RunStarted {
            assetKeys = List.copyOf(assetKeys);
        }
    }

    /**
     * A run ended in failure or was canceled.
     *
     * @param reason why, in a sentence
     */
    record RunEnded(String reason) implements EventData { }

    /**
     * A step began an attempt.
     *
     * @param attempt 1 for the first attempt
     */
    record StepStarted(int attempt) implements EventData { }

    /**
     * A step succeeded.
     *
     * @param durationMillis wall time of the successful attempt, including storing the output
     */
    record StepSucceeded(long durationMillis) implements EventData { }

    /**
     * An attempt failed: either the step failed for good, or it is up for retry.
     *
     * @param error what was thrown
     * @param attempt the attempt that failed, from 1
     * @param retryDelayMillis for STEP_UP_FOR_RETRY, the wait before the next attempt; else 0
     */
    record StepFailed(ErrorInfo error, int attempt, long retryDelayMillis) implements EventData { }

    /**
     * A step was not run.
     *
     * @param reason why, naming the upstream that failed
     * @param failedUpstreams the upstream keys that caused the skip
     */
    record StepSkipped(String reason, List<String> failedUpstreams) implements EventData {
        public StepSkipped {
            failedUpstreams = List.copyOf(failedUpstreams);
        }
    }

    /**
     * An asset was materialized.
     *
     * @param metadata user and IO-manager metadata
     * @param durationMillis compute plus store time
     * @param codeVersion the asset's code version, or {@code null} when unknown
     * @param dataVersion the version of the data produced
     * @param dataVersionSource how the data version was obtained
     * @param inputs for every upstream (loaded or not), the version it was computed from
     */
    record Materialized(
            Map<String, MetadataValue> metadata,
            long durationMillis,
            String codeVersion,
            String dataVersion,
            DataVersionSource dataVersionSource,
            Map<String, InputVersion> inputs) implements EventData {
        public Materialized {
            metadata = Map.copyOf(metadata);
            inputs = Map.copyOf(inputs);
        }
    }

    /**
     * A source asset was observed.
     *
     * @param dataVersion the version the observer returned
     * @param metadata metadata the observer added
     */
    record Observed(String dataVersion, Map<String, MetadataValue> metadata) implements EventData {
        public Observed {
            metadata = Map.copyOf(metadata);
        }
    }

    /**
     * A log line; the text is the event's message.
     *
     * @param stackTrace the stack trace of a logged throwable, or {@code null}
     */
    record Log(String stackTrace) implements EventData { }

    /** How a materialization's data version was obtained. */
    enum DataVersionSource {
        /** Given by the asset through {@link dev.cairn.api.Output#withDataVersion(String)}. */
        USER,
        /** A hash of the bytes the IO manager wrote. */
        CONTENT_HASH,
        /** A hash of the code version and the input data versions. */
        CODE_AND_INPUTS,
        /** Unique per run, because the code version is unknown and nothing better was known. */
        UNIQUE
    }

    /**
     * The version of an upstream an asset was computed from.
     *
     * @param dataVersion the upstream's data version, or {@code null} if it had none
     * @param eventId the event id of the upstream's materialization or observation, or 0 if none
     */
    record InputVersion(String dataVersion, long eventId) { }

    /**
     * A throwable, flattened for storage.
     *
     * @param className the exception class
     * @param message its message, possibly {@code null}
     * @param stackTrace the full stack trace with causes
     */
    record ErrorInfo(String className, String message, String stackTrace) {

        /** Flattens a throwable. */
        public static ErrorInfo of(Throwable t) {
            java.io.StringWriter sw = new java.io.StringWriter();
            t.printStackTrace(new java.io.PrintWriter(sw));
            return new ErrorInfo(t.getClass().getName(), t.getMessage(), sw.toString());
        }

        /** "ClassName: message" in one line. */
        public String summary() {
            String simple = className.substring(className.lastIndexOf('.') + 1);
            return message == null ? simple : simple + ": " + message;
        }
    }
}
