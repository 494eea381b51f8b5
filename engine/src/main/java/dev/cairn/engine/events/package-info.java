/**
 * The events of the event log: what happened in a run, step by step, with typed details
 * ({@link dev.cairn.engine.events.EventData}). Materializations carry their provenance: the code
 * version, the data version and how it was obtained, and the version of every upstream used.
 */
package dev.cairn.engine.events;
