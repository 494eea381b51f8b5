/**
 * The {@code cairn} command line (picocli): assets, status, why, materialize, runs, run, history,
 * and snapshot. It is also the app's worker: the app runs {@code cairn snapshot} and
 * {@code cairn materialize --events} in child processes so that no user code runs in the app.
 */
package dev.cairn.engine.cli;
