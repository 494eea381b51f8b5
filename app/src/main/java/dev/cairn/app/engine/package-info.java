/**
 * The app's access to the engine, without JavaFX: worker processes that load definitions and run
 * materializations (user code never runs in the app's JVM), the shared event log the app reads
 * status and runs from, and the watcher that notices a rebuilt jar.
 *
 * <p>Everything here does I/O and runs off the JavaFX thread; results arrive through listeners that
 * the view models hand over to the JavaFX thread.
 */
package dev.cairn.app.engine;
