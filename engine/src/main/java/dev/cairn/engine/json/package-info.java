/**
 * Cairn's JSON format: event details in the event log, metadata values, and definitions
 * snapshots sent from a worker process to the app.
 *
 * <p>{@link dev.cairn.engine.json.CairnJson} is the entry point. The public API types
 * ({@code dev.cairn.api}) carry no Jackson annotations: the type tags and the exact encoding of
 * table cells live in {@link dev.cairn.engine.json.CairnJsonModule}.
 */
package dev.cairn.engine.json;
