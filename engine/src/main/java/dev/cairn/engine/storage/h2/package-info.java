/**
 * The event log on an embedded H2 database: {@link dev.cairn.engine.storage.h2.H2EventLog}.
 * Its schema lives in {@code db/migration} and is applied by Flyway when a log is opened.
 */
package dev.cairn.engine.storage.h2;
