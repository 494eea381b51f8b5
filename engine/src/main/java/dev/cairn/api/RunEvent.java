package dev.cairn.api;

import java.time.Instant;

/**
 * One event of a run, as seen by a test through {@link MaterializeResult#events()}.
 *
 * @param type the event type, for example {@code "STEP_FAILURE"} or {@code "ASSET_MATERIALIZATION"}
 * @param assetKey the asset the event is about, or {@code null} for run-level events
 * @param timestamp when it happened
 * @param message a human-readable message, possibly empty
 */
public record RunEvent(String type, String assetKey, Instant timestamp, String message) { }
