package dev.cairn.engine.storage;

import java.time.Instant;

import dev.cairn.engine.events.EventData;

/**
 * A stored observation of a source asset.
 *
 * @param eventId its event id
 * @param runId the run that observed it
 * @param assetKey the source asset
 * @param partitionKey the partition, or {@code null}
 * @param timestamp when it was recorded
 * @param data the observed data version and metadata
 */
public record ObservationRecord(
        long eventId,
        String runId,
        String assetKey,
        String partitionKey,
        Instant timestamp,
        EventData.Observed data) { }
