/**
 * The event log: the durable record of runs and events ({@link dev.cairn.engine.storage.EventLog}),
 * with the queries the app and the CLI need. {@code h2} keeps it in an embedded H2 file per
 * workspace, durable at every commit; {@code memory} keeps it in memory for users' unit tests.
 */
package dev.cairn.engine.storage;
