/**
 * Planning and executing runs.
 *
 * <p>{@link dev.cairn.engine.execution.Planner} turns a resolved selection into an immutable
 * {@link dev.cairn.engine.execution.ExecutionPlan}; {@link dev.cairn.engine.execution.RunExecutor}
 * runs it on a bounded pool, recording every step in an {@link dev.cairn.engine.storage.EventLog}
 * through a group-committing writer, and reports committed events to
 * {@link dev.cairn.engine.execution.RunListener}s. The executor holds no global state, so the same
 * code runs in the app, the CLI or a worker process.
 */
package dev.cairn.engine.execution;
