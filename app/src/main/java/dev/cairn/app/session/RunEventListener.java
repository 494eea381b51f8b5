package dev.cairn.app.session;

import java.util.List;

import dev.cairn.engine.events.Event;

/** Receives new events of followed runs, on the JavaFX thread, each event once and in order. */
@FunctionalInterface
public interface RunEventListener {

    /** New events of one run. */
    void onEvents(String runId, List<Event> events);
}
