package dev.cairn.app.charts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import dev.cairn.engine.storage.EventLog;
import dev.cairn.engine.storage.MetadataPoint;

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
     * Reads the charts of an asset in the background: the list of its series, then every series at
     * once (the reader's threads share the work), then lines them up.
     */
    public CompletableFuture<AssetPlots> load(String assetKey) {
        return reader.read(log -> log.numericMetadataKeys(assetKey)).thenCompose(metadataKeys -> {
            List<String> keys = new ArrayList<>(metadataKeys);
            keys.add(EventLog.DURATION_SERIES);
            List<CompletableFuture<List<MetadataPoint>>> reads = new ArrayList<>();
            for (String key : keys) {
                reads.add(reader.read(log -> key.equals(EventLog.DURATION_SERIES) ? log.durationSeries(assetKey)
                        : log.metadataSeries(assetKey, key)));
            }
            return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(done ->
                    assemble(assetKey, keys, reads.stream().map(CompletableFuture::join).toList(), detector));
        });
    }

    /**
     * Lines series up on the union of their materializations, in time order (ties by event id).
     *
     * @param keys the series' keys, one per series; {@link EventLog#DURATION_SERIES} is titled as durations
     */
    static AssetPlots assemble(String assetKey, List<String> keys, List<List<MetadataPoint>> series,
                               OutlierDetector detector) {
        List<List<MetadataPoint>> byEvent = new ArrayList<>(series.size());
        long[] ids = new long[0];
        for (List<MetadataPoint> s : series) {
            List<MetadataPoint> sorted = sortedByEvent(s);
            byEvent.add(sorted);
            ids = union(ids, sorted);
        }
        if (ids.length == 0) {
            return AssetPlots.empty(assetKey);
        }
        int n = ids.length;
        long[] nanos = new long[n];
        String[] runs = new String[n];
        String[] partitions = new String[n];
        boolean[] described = new boolean[n];
        List<double[]> values = new ArrayList<>(series.size());
        for (List<MetadataPoint> s : byEvent) {
            double[] v = new double[n];
            Arrays.fill(v, Double.NaN);
            int j = 0;
            for (MetadataPoint p : s) {
                while (ids[j] < p.eventId()) {
                    j++;
                }
                v[j] = p.value();
                if (!described[j]) {
                    described[j] = true;
                    nanos[j] = nanos(p.timestamp());
                    runs[j] = p.runId();
                    partitions[j] = p.partitionKey();
                }
            }
            values.add(v);
        }
        int[] order = timeOrder(ids, nanos);
        if (order != null) {
            ids = permute(ids, order);
            nanos = permute(nanos, order);
            runs = permute(runs, order);
            partitions = permute(partitions, order);
            values.replaceAll(v -> permute(v, order));
        }
        List<PlotSeries> plots = new ArrayList<>(series.size());
        for (int k = 0; k < keys.size(); k++) {
            String key = keys.get(k);
            double[] v = values.get(k);
            plots.add(new PlotSeries(key, key.equals(EventLog.DURATION_SERIES) ? DURATION_TITLE : key, v,
                    detector.mark(v)));
        }
        return new AssetPlots(assetKey, ids, nanos, runs, partitions, plots);
    }

    private static List<MetadataPoint> sortedByEvent(List<MetadataPoint> s) {
        for (int i = 1; i < s.size(); i++) {
            if (s.get(i).eventId() <= s.get(i - 1).eventId()) {
                List<MetadataPoint> copy = new ArrayList<>(s);
                copy.sort(Comparator.comparingLong(MetadataPoint::eventId));
                return copy;
            }
        }
        return s;
    }

    /** The sorted union of sorted ids and the event ids of sorted points, in one merge. */
    private static long[] union(long[] ids, List<MetadataPoint> points) {
        long[] merged = new long[ids.length + points.size()];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < ids.length || j < points.size()) {
            long next;
            if (j >= points.size() || i < ids.length && ids[i] <= points.get(j).eventId()) {
                next = ids[i++];
            } else {
                next = points.get(j++).eventId();
            }
            if (n == 0 || merged[n - 1] != next) {
                merged[n++] = next;
            }
        }
        return n == merged.length ? merged : Arrays.copyOf(merged, n);
    }

    /** The order by time then id, or null if event order is already time order (the usual case). */
    private static int[] timeOrder(long[] ids, long[] nanos) {
        boolean ordered = true;
        for (int i = 1; i < nanos.length && ordered; i++) {
            ordered = nanos[i] >= nanos[i - 1];
        }
        if (ordered) {
            return null;
        }
        Integer[] boxed = new Integer[ids.length];
        Arrays.setAll(boxed, i -> i);
        Arrays.sort(boxed, Comparator.<Integer>comparingLong(i -> nanos[i]).thenComparingLong(i -> ids[i]));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    private static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    private static long[] permute(long[] a, int[] order) {
        long[] p = new long[a.length];
        Arrays.setAll(p, i -> a[order[i]]);
        return p;
    }

    private static double[] permute(double[] a, int[] order) {
        double[] p = new double[a.length];
        Arrays.setAll(p, i -> a[order[i]]);
        return p;
    }

    private static String[] permute(String[] a, int[] order) {
        String[] p = new String[a.length];
        Arrays.setAll(p, i -> a[order[i]]);
        return p;
    }
}
