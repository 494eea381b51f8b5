package dev.cairn.app.charts;

/**
 * One chart's values over an asset's materializations (those of its {@link AssetPlots}, index for
 * index): NaN where a materialization did not carry the value. Immutable.
 */
public final class PlotSeries {

    private final String key;
    private final String title;
    private final double[] values;
    private final boolean[] outliers;
    private final int valueCount;
    private final int outlierCount;

    PlotSeries(String key, String title, double[] values, boolean[] outliers) {
        if (values.length != outliers.length) {
            throw new IllegalArgumentException(values.length + " values but " + outliers.length + " outlier marks");
        }
        this.key = key;
        this.title = title;
        this.values = values;
        this.outliers = outliers;
        int present = 0;
        int marked = 0;
        for (int i = 0; i < values.length; i++) {
            present += Double.isNaN(values[i]) ? 0 : 1;
            marked += outliers[i] ? 1 : 0;
        }
        this.valueCount = present;
        this.outlierCount = marked;
    }

    /** The metadata key, or {@link dev.cairn.engine.storage.EventLog#DURATION_SERIES} for durations. */
    public String key() {
        return key;
    }

    /** What the chart is titled. */
    public String title() {
        return title;
    }

    /** How many materializations, with or without a value (as many as the asset's). */
    public int size() {
        return values.length;
    }

    /** The value of the i-th materialization, NaN if it had none. */
    public double value(int i) {
        return values[i];
    }

    /** Whether the i-th value sits far outside the recent trend. */
    public boolean isOutlier(int i) {
        return outliers[i];
    }

    /** How many materializations carried a value: the points of the chart. */
    public int valueCount() {
        return valueCount;
    }

    /** How many values are marked as outliers. */
    public int outlierCount() {
        return outlierCount;
    }

    /** The values themselves, not copied: for drawing, which must not change them. */
    double[] values() {
        return values;
    }
}
