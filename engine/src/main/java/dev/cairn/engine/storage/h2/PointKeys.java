package dev.cairn.engine.storage.h2;

import java.time.Instant;

/**
 * The packed keys and times of table metadata_points (see {@code V1__event_log.sql}): a point's key
 * is its series id in the high 23 bits and its event id in the low 40, so that the rows of a series
 * are adjacent and in event order.
 */
final class PointKeys {

    private static final int EVENT_BITS = 40;
    private static final long MAX_EVENT_ID = (1L << EVENT_BITS) - 1;
    private static final long MAX_SERIES_ID = (1L << (63 - EVENT_BITS)) - 1;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private PointKeys() { }

    static long point(long seriesId, long eventId) {
        if (seriesId > MAX_SERIES_ID || eventId > MAX_EVENT_ID) {
            // 8 million series or a trillion events: far beyond what a desktop log holds.
            throw new IllegalStateException("the event log has run out of numeric metadata keys (series "
                    + seriesId + ", event " + eventId + "); start a new workspace");
        }
        return seriesId << EVENT_BITS | eventId;
    }

    static long firstOf(long seriesId) {
        return point(seriesId, 0);
    }

    static long lastOf(long seriesId) {
        return point(seriesId, MAX_EVENT_ID);
    }

    static long eventId(long point) {
        return point & MAX_EVENT_ID;
    }

    /** Nanoseconds since 1970, exact for times between the years 1678 and 2262. */
    static long nanos(Instant t) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), NANOS_PER_SECOND), t.getNano());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("an event at " + t + " cannot carry numeric metadata: only times "
                    + "between the years 1678 and 2262 can be stored", e);
        }
    }
}
