package dev.cairn.api;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A recorded materialization of an asset, as the event log keeps it.
 *
 * @param assetKey the asset
 * @param partitionKey the partition, or {@code null} for an unpartitioned asset
 * @param runId the run that produced it
 * @param eventId the id of its event in the event log; higher means later
 * @param timestamp when it was recorded
 * @param codeVersion the code version it was computed with, or {@code null} if unknown
 * @param dataVersion the version of the data it produced
 * @param metadata its metadata entries
 */
public record Materialization(
        String assetKey,
        String partitionKey,
        String runId,
        long eventId,
        Instant timestamp,
        String codeVersion,
        String dataVersion,
        Map<String, MetadataValue> metadata) {

    public Materialization {
        metadata = Map.copyOf(metadata);
    }

    /** The partition, if the asset is partitioned. */
    public Optional<String> partition() {
        return Optional.ofNullable(partitionKey);
    }
}
