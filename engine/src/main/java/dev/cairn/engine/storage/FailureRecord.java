package dev.cairn.engine.storage;

import java.time.Instant;

/**
 * The latest failed attempt of an asset's step.
 *
 * @param eventId the STEP_FAILURE event
 * @param runId its run
 * @param assetKey the asset
 * @param timestamp when it failed
 */
public record FailureRecord(long eventId, String runId, String assetKey, Instant timestamp) { }
