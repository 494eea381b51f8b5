package dev.cairn.app.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import dev.cairn.engine.storage.EventLog;
import dev.cairn.engine.storage.SeriesColumns;
import dev.cairn.engine.storage.SeriesValues;

/**
 * Reads an asset's chartable series from the event log, off the UI thread, and lines them up on
 * the asset's materializations: every materialization has a place on every chart, a value or a gap.
 * Outliers are marked here too, so that the UI thread only draws.
 */
public final class PlotsLoader {

    /** Runs reads of the event log in the background. */
    @FunctionalInterface
    public interface LogReader {
        /** Runs the query on a background thread with the open event log. */
        <T> CompletableFuture<T> read(Function<EventLog, T> query);
    }

    /** The title of the duration chart. */
    static final String DURATION_TITLE = "Duration (ms)";

    private final LogReader reader;
    private final OutlierDetector detector;

    public PlotsLoader(LogReader reader, OutlierDetector detector) {
        this.reader = Objects.requireNonNull(reader);
        this.detector = Objects.requireNonNull(detector);
    }

    /**
     * Reads the charts of an asset in the background. First the durations, which name every
     * materialization with its time and run, and the metadata keys; then a task per chart (its values
     * lined up on the materializations, its outliers marked), so that the reader's threads share them.
     * Values are read after the durations, so every value read whose materialization is charted is
     * there: the log records both in one transaction.
     */
    public CompletableFuture<AssetPlots> load(String assetKey) {
        record First(Timeline timeline, List<String> keys) { }
        return reader.read(log -> new First(Timeline.of(log.durationColumns(assetKey)), log.numericMetadataKeys(assetKey)))
                .thenCompose(first -> {
                    Timeline timeline = first.timeline();
                    if (timeline.size() == 0) {
                        return CompletableFuture.completedFuture(AssetPlots.empty(assetKey));
                    }
                    List<CompletableFuture<PlotSeries>> charts = new ArrayList<>(first.keys().size() + 1);
                    for (String key : first.keys()) {
                        charts.add(reader.read(log -> chart(key, key, timeline.lineUp(log.metadataValues(assetKey, key)))));
                    }
                    charts.add(reader.read(log -> chart(EventLog.DURATION_SERIES, DURATION_TITLE, timeline.durations())));
                    return CompletableFuture.allOf(charts.toArray(CompletableFuture[]::new))
                            .thenApply(done -> timeline.plots(assetKey, charts.stream().map(CompletableFuture::join).toList()));
                });
    }

    private PlotSeries chart(String key, String title, double[] values) {
        return new PlotSeries(key, title, values, detector.mark(values));
    }

    /**
     * An asset's materializations in time order (ties by event id), and where each, by event id,
     * sits in it. Event ids follow commits and times follow clocks: nearly always the same order.
     */
    static final class Timeline {

        private final long[] idsInIdOrder;
        /** The place in time order of the materialization with the k-th smallest id; null if k itself. */
        private final int[] place;
        private final long[] ids;
        private final long[] nanos;
        private final String[] runIds;
        private final String[] partitionKeys;
        private final double[] durations;

        private Timeline(SeriesColumns d, int[] order) {
            idsInIdOrder = d.eventIds();
            if (order == null) {
                place = null;
            } else {
                place = new int[order.length];
                for (int i = 0; i < order.length; i++) {
                    place[order[i]] = i;
                }
            }
            ids = permute(d.eventIds(), order);
            nanos = permute(d.timeNanos(), order);
            runIds = permute(d.runIds(), order);
            partitionKeys = permute(d.partitionKeys(), order);
            durations = permute(d.values(), order);
        }

        /** @param durations in increasing order of event id, as the log reads them */
        static Timeline of(SeriesColumns durations) {
            return new Timeline(durations, timeOrder(durations.timeNanos(), durations.eventIds()));
        }

        int size() {
            return ids.length;
        }

        /** The durations, in time order. */
        double[] durations() {
            return durations;
        }

        /**
         * A series' values in time order, NaN where a materialization has none. A value whose
         * materialization is not here cannot be placed in time and is left out.
         *
         * @param values in increasing order of event id, as the log reads them
         */
        double[] lineUp(SeriesValues values) {
            int n = ids.length;
            long[] valueIds = values.eventIds();
            double[] v = new double[n];
            Arrays.fill(v, Double.NaN);
            // Both in id order: one merge.
            int at = 0;
            for (int j = 0; j < valueIds.length; j++) {
                while (at < n && idsInIdOrder[at] < valueIds[j]) {
                    at++;
                }
                if (at < n && idsInIdOrder[at] == valueIds[j]) {
                    v[place == null ? at : place[at]] = values.values()[j];
                }
            }
            return v;
        }

        /** The charts over these materializations. */
        AssetPlots plots(String assetKey, List<PlotSeries> charts) {
            return new AssetPlots(assetKey, ids, nanos, runIds, partitionKeys, charts);
        }

        /** The indices in order of time, then id; null if they already are. */
        private static int[] timeOrder(long[] nanos, long[] ids) {
            for (int i = 1; i < nanos.length; i++) {
                if (nanos[i] < nanos[i - 1] || nanos[i] == nanos[i - 1] && ids[i] < ids[i - 1]) {
                    Integer[] boxed = new Integer[nanos.length];
                    Arrays.setAll(boxed, k -> k);
                    Arrays.sort(boxed, Comparator.<Integer>comparingLong(k -> nanos[k]).thenComparingLong(k -> ids[k]));
                    return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
                }
            }
            return null;
        }

        private static long[] permute(long[] a, int[] order) {
            if (order == null) {
                return a;
            }
            long[] p = new long[a.length];
            Arrays.setAll(p, i -> a[order[i]]);
            return p;
        }

        private static double[] permute(double[] a, int[] order) {
            if (order == null) {
                return a;
            }
            double[] p = new double[a.length];
            Arrays.setAll(p, i -> a[order[i]]);
            return p;
        }

        private static String[] permute(String[] a, int[] order) {
            if (order == null) {
                return a;
            }
            String[] p = new String[a.length];
            Arrays.setAll(p, i -> a[order[i]]);
            return p;
        }
    }
}
