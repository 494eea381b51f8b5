package dev.cairn.engine.storage.h2;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * The records already read from one type of asset_latest row, by asset. A record stays valid while
 * the row still names the same event, since a stored event never changes: reading the state of
 * every asset then parses only the events recorded since the last read. Parsing the JSON of 10,000
 * materializations was three quarters of computing their status.
 *
 * <p>Holds at most one record per asset that has such a row. Safe for concurrent readers: a
 * reader with an older snapshot cannot replace a newer record.
 *
 * @param <T> the record type
 */
final class LatestCache<T> {

    private final Map<String, T> byAsset = new ConcurrentHashMap<>();
    private final ToLongFunction<T> eventId;

    LatestCache(ToLongFunction<T> eventId) {
        this.eventId = eventId;
    }

    /** The record of this asset if it is the one of this event, else {@code null}. */
    T get(String assetKey, long event) {
        T cached = byAsset.get(assetKey);
        return cached != null && eventId.applyAsLong(cached) == event ? cached : null;
    }

    void put(String assetKey, T record) {
        byAsset.merge(assetKey, record, (old, fresh) -> eventId.applyAsLong(fresh) >= eventId.applyAsLong(old) ? fresh : old);
    }
}
