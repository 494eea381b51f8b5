package dev.cairn.engine.storage;

import java.time.Instant;

/**
 * One value of a numeric metadata series, ready to chart.
 *
 * @param eventId the materialization's event id
 * @param timestamp when it was recorded
 * @param runId the run
 * @param partitionKey the partition, or {@code null}
 * @param value the number (an int metadata value is widened to double)
 */
public record MetadataPoint(long eventId, Instant timestamp, String runId, String partitionKey, double value) { }
