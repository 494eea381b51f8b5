package dev.cairn.engine.storage;

import java.time.Instant;

import dev.cairn.api.Materialization;
import dev.cairn.engine.events.EventData;

/**
 * A stored materialization with its full provenance.
 *
 * @param eventId its event id
 * @param runId the run that produced it
 * @param assetKey the asset
 * @param partitionKey the partition, or {@code null}
 * @param timestamp when it was recorded
 * @param data metadata, duration, code and data versions, and the input versions
 */
public record MaterializationRecord(
        long eventId,
        String runId,
        String assetKey,
        String partitionKey,
        Instant timestamp,
        EventData.Materialized data) {

    /** The public view handed to IO managers and tests. */
    public Materialization toApi() {
        return new Materialization(assetKey, partitionKey, runId, eventId, timestamp, data.codeVersion(),
                data.dataVersion(), data.metadata());
    }
}
