package dev.cairn.engine.storage;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A numeric series with the times, runs and partitions of its materializations, in parallel arrays
 * (index {@code i} of each is the i-th point): what {@link MetadataPoint}s hold, without an object
 * and an {@link Instant} per point, which cost more than reading a long history.
 *
 * @param eventIds the materializations' event ids, in increasing order
 * @param timeNanos when each was recorded, in nanoseconds since 1970
 * @param runIds the run of each
 * @param partitionKeys the partition of each, or {@code null} where it had none
 * @param values the value of each, an int widened to double
 */
public record SeriesColumns(long[] eventIds, long[] timeNanos, String[] runIds, String[] partitionKeys,
                            double[] values) {

    /** A series with no points. */
    public static final SeriesColumns EMPTY = new SeriesColumns(new long[0], new long[0], new String[0], new String[0],
            new double[0]);

    public SeriesColumns {
        int n = eventIds.length;
        if (timeNanos.length != n || runIds.length != n || partitionKeys.length != n || values.length != n) {
            throw new IllegalArgumentException("columns of different lengths: " + n + " event ids, " + timeNanos.length
                    + " times, " + runIds.length + " runs, " + partitionKeys.length + " partitions, " + values.length
                    + " values");
        }
    }

    /** The same points in columns. */
    public static SeriesColumns of(List<MetadataPoint> points) {
        int n = points.size();
        long[] ids = new long[n];
        long[] nanos = new long[n];
        String[] runs = new String[n];
        String[] partitions = new String[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            MetadataPoint p = points.get(i);
            ids[i] = p.eventId();
            nanos[i] = Math.addExact(Math.multiplyExact(p.timestamp().getEpochSecond(), 1_000_000_000L),
                    p.timestamp().getNano());
            runs[i] = p.runId();
            partitions[i] = p.partitionKey();
            values[i] = p.value();
        }
        return new SeriesColumns(ids, nanos, runs, partitions, values);
    }

    /** How many points. */
    public int size() {
        return eventIds.length;
    }

    /** The i-th point as an object. */
    public MetadataPoint point(int i) {
        return new MetadataPoint(eventIds[i], Instant.ofEpochSecond(Math.floorDiv(timeNanos[i], 1_000_000_000L),
                Math.floorMod(timeNanos[i], 1_000_000_000L)), runIds[i], partitionKeys[i], values[i]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeriesColumns s && Arrays.equals(eventIds, s.eventIds) && Arrays.equals(timeNanos, s.timeNanos)
                && Arrays.equals(runIds, s.runIds) && Arrays.equals(partitionKeys, s.partitionKeys)
                && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[]{Arrays.hashCode(eventIds), Arrays.hashCode(timeNanos), Arrays.hashCode(runIds),
                Arrays.hashCode(partitionKeys), Arrays.hashCode(values)});
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("SeriesColumns[");
        for (int i = 0; i < size(); i++) {
            s.append(i == 0 ? "" : ", ").append(point(i));
        }
        return s.append(']').toString();
    }
}
