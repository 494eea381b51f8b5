/**
 * One jar with its workspace, event log and loaded definitions ({@link dev.cairn.engine.instance.CairnInstance}):
 * the single entry point the CLI, and through it the app's worker processes, use.
 */
package dev.cairn.engine.instance;
