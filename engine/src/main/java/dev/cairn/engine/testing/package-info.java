/**
 * The implementation of {@link dev.cairn.api.Materialize}: users' unit tests materialize assets
 * in memory, with an in-memory IO manager and event log.
 */
package dev.cairn.engine.testing;
