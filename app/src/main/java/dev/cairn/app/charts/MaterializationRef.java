package dev.cairn.app.charts;

import java.time.Instant;

/**
 * One materialization a chart point stands for: what a click on the point hands on, so that the
 * caller can open it.
 *
 * @param assetKey the asset
 * @param eventId the ASSET_MATERIALIZATION event's id
 * @param runId the run that produced it
 * @param partitionKey its partition, or null
 * @param timestamp when it was recorded
 */
public record MaterializationRef(String assetKey, long eventId, String runId, String partitionKey, Instant timestamp) { }
