/** Runs: the list of runs, the selected run's structured log with its filters, and run progress. */
package dev.cairn.app.runs;
