package dev.cairn.engine.events;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the event log.
 *
 * @param id the log's sequence number, increasing; 0 for an event not yet stored
 * @param runId the run it belongs to
 * @param type what happened
 * @param timestamp when
 * @param assetKey the asset (step) concerned, or {@code null} for run-level events
 * @param partitionKey the partition concerned, or {@code null}
 * @param level severity, for filtering
 * @param message a human-readable line
 * @param data the typed details of this type of event
 */
public record Event(
        long id,
        String runId,
        EventType type,
        Instant timestamp,
        String assetKey,
        String partitionKey,
        LogLevel level,
        String message,
        EventData data) {

    public Event {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(level, "level");
        message = message == null ? "" : message;
        data = data == null ? EventData.NONE : data;
    }

    /** A new, not yet stored event. */
    public static Event of(String runId, EventType type, String assetKey, LogLevel level, String message, EventData data) {
        return new Event(0, runId, type, Instant.now(), assetKey, null, level, message, data);
    }

    /** The same event with the id the log gave it. */
    public Event withId(long newId) {
        return new Event(newId, runId, type, timestamp, assetKey, partitionKey, level, message, data);
    }
}
