package dev.cairn.app.charts;

import java.time.Instant;
import java.util.List;

/**
 * An asset's materializations in time order and the charts over them: one per numeric metadata
 * key, then the duration. Immutable; read off the UI thread by {@link PlotsLoader}.
 */
public final class AssetPlots {

    private final String assetKey;
    private final long[] eventIds;
    private final long[] nanos;
    private final double[] times;
    private final String[] runIds;
    private final String[] partitionKeys;
    private final List<PlotSeries> series;

    /**
     * @param nanos the times in nanoseconds since 1970, in non-decreasing order
     */
    AssetPlots(String assetKey, long[] eventIds, long[] nanos, String[] runIds, String[] partitionKeys,
               List<PlotSeries> series) {
        int n = eventIds.length;
        if (nanos.length != n || runIds.length != n || partitionKeys.length != n
                || series.stream().anyMatch(s -> s.size() != n)) {
            throw new IllegalArgumentException("every series needs one value per materialization (" + n + ")");
        }
        this.assetKey = assetKey;
        this.eventIds = eventIds;
        this.nanos = nanos;
        this.times = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = nanos[i] / 1e6;
        }
        this.runIds = runIds;
        this.partitionKeys = partitionKeys;
        this.series = List.copyOf(series);
    }

    /** An asset that was never materialized. */
    static AssetPlots empty(String assetKey) {
        return new AssetPlots(assetKey, new long[0], new long[0], new String[0], new String[0], List.of());
    }

    public String assetKey() {
        return assetKey;
    }

    /** How many materializations. */
    public int size() {
        return eventIds.length;
    }

    /** The charts: numeric metadata keys in alphabetical order, then the duration. */
    public List<PlotSeries> series() {
        return series;
    }

    /** The event id of the i-th materialization. */
    public long eventId(int i) {
        return eventIds[i];
    }

    /** The run of the i-th materialization. */
    public String runId(int i) {
        return runIds[i];
    }

    /** The partition of the i-th materialization, or null. */
    public String partitionKey(int i) {
        return partitionKeys[i];
    }

    /** The i-th materialization, oldest first. */
    public MaterializationRef materialization(int i) {
        return new MaterializationRef(assetKey, eventIds[i], runIds[i], partitionKeys[i], time(i));
    }

    /** When the i-th materialization was recorded. */
    public Instant time(int i) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos[i], 1_000_000_000L), Math.floorMod(nanos[i], 1_000_000_000L));
    }

    /** The times as milliseconds since 1970, not copied: for drawing. */
    double[] times() {
        return times;
    }

    /** The earliest time, in milliseconds since 1970; NaN if there are none. */
    public double firstMillis() {
        return times.length == 0 ? Double.NaN : times[0];
    }

    /** The latest time, in milliseconds since 1970; NaN if there are none. */
    public double lastMillis() {
        return times.length == 0 ? Double.NaN : times[times.length - 1];
    }
}
