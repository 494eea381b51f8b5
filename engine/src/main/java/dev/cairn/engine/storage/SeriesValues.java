package dev.cairn.engine.storage;

import java.util.Arrays;

/**
 * The values of a numeric metadata series without their times or runs, in two parallel arrays:
 * what a chart that already knows an asset's materializations (from
 * {@link EventLog#durationSeries}) needs, read at a fraction of the cost of a
 * {@link MetadataPoint} per value.
 *
 * @param eventIds the materializations' event ids, in increasing order
 * @param values the value of each, an int widened to double
 */
public record SeriesValues(long[] eventIds, double[] values) {

    /** A series with no values. */
    public static final SeriesValues EMPTY = new SeriesValues(new long[0], new double[0]);

    public SeriesValues {
        if (eventIds.length != values.length) {
            throw new IllegalArgumentException(eventIds.length + " event ids but " + values.length + " values");
        }
    }

    /** How many values. */
    public int size() {
        return values.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeriesValues s && Arrays.equals(eventIds, s.eventIds) && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(eventIds) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "SeriesValues" + Arrays.toString(eventIds) + "=" + Arrays.toString(values);
    }
}
