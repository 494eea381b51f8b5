package dev.cairn.engine.storage;

import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.events.EventType;

/** What every {@link EventLog} refuses to store, so that all logs refuse the same events. */
public final class EventChecks {

    private EventChecks() { }

    /**
     * Checks that an asset event names its asset and carries the details of its type.
     *
     * @throws IllegalArgumentException if it does not
     */
    public static void requireStorable(Event e) {
        boolean assetEvent = e.type() == EventType.ASSET_MATERIALIZATION || e.type() == EventType.ASSET_OBSERVATION;
        if (assetEvent && e.assetKey() == null) {
            throw new IllegalArgumentException(e.type() + " event without an asset key");
        }
        if (e.type() == EventType.ASSET_MATERIALIZATION && !(e.data() instanceof EventData.Materialized)
                || e.type() == EventType.ASSET_OBSERVATION && !(e.data() instanceof EventData.Observed)) {
            throw new IllegalArgumentException(e.type() + " event with " + e.data().getClass().getSimpleName()
                    + " details");
        }
    }
}
