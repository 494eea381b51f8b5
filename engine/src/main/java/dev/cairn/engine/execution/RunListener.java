package dev.cairn.engine.execution;

import dev.cairn.engine.events.Event;

/**
 * Receives the events of a run as they become durable: for live progress in the CLI, or to stream
 * them from a worker process to the app.
 *
 * <p>Called on the run's event writer thread, in commit order, once the event is committed (it
 * carries its id). Implementations must return quickly: the next batch of events waits for them.
 * An exception thrown by a listener is ignored.
 */
@FunctionalInterface
public interface RunListener {

    /** One committed event. */
    void onEvent(Event event);
}
