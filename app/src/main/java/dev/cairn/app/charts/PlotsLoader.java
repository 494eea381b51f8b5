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
     * Reads the charts of an asset in the background, in one task: the durations (which name every
     * materialization, with its time and run), then the values of each numeric metadata key.
     */
    public CompletableFuture<AssetPlots> load(String assetKey) {
        return reader.read(log -> {
            List<MetadataPoint> durations = log.durationSeries(assetKey);
            List<String> keys = log.numericMetadataKeys(assetKey);
            List<SeriesValues> values = new ArrayList<>(keys.size());
            for (String key : keys) {
                values.add(log.metadataValues(assetKey, key));
            }
            return assemble(assetKey, durations, keys, values, detector);
        });
    }

    /**
     * Lines series up on the materializations the durations name, in time order (ties by event id):
     * the metadata keys' charts in the order given, then the durations'. A value whose
     * materialization has no duration cannot be placed in time and is left out; the event log
     * records both in one transaction, so there is none.
     */
    static AssetPlots assemble(String assetKey, List<MetadataPoint> durations, List<String> keys,
                               List<SeriesValues> series, OutlierDetector detector) {
        if (durations.isEmpty()) {
            return AssetPlots.empty(assetKey);
        }
        List<MetadataPoint> index = durations;
        for (int i = 1; i < index.size(); i++) {
            if (order(index.get(i - 1), index.get(i)) > 0) {
                index = new ArrayList<>(durations);
                index.sort(PlotsLoader::order);
                break;
            }
        }
        int n = index.size();
        long[] ids = new long[n];
        long[] nanos = new long[n];
        String[] runs = new String[n];
        String[] partitions = new String[n];
        double[] duration = new double[n];
        for (int i = 0; i < n; i++) {
            MetadataPoint p = index.get(i);
            ids[i] = p.eventId();
            nanos[i] = nanos(p.timestamp());
            runs[i] = p.runId();
            partitions[i] = p.partitionKey();
            duration[i] = p.value();
        }
        // Where each event id sits: in time order, which is nearly always id order too.
        long[] sortedIds = ids.clone();
        int[] position = null;
        for (int i = 1; i < n && position == null; i++) {
            if (ids[i] < ids[i - 1]) {
                position = byId(ids);
                for (int k = 0; k < n; k++) {
                    sortedIds[k] = ids[position[k]];
                }
            }
        }
        List<PlotSeries> plots = new ArrayList<>(keys.size() + 1);
        for (int k = 0; k < keys.size(); k++) {
            SeriesValues values = series.get(k);
            double[] v = new double[n];
            Arrays.fill(v, Double.NaN);
            for (int j = 0; j < values.size(); j++) {
                int at = Arrays.binarySearch(sortedIds, values.eventIds()[j]);
                if (at >= 0) {
                    v[position == null ? at : position[at]] = values.values()[j];
                }
            }
            plots.add(new PlotSeries(keys.get(k), keys.get(k), v, detector.mark(v)));
        }
        plots.add(new PlotSeries(EventLog.DURATION_SERIES, DURATION_TITLE, duration, detector.mark(duration)));
        return new AssetPlots(assetKey, ids, nanos, runs, partitions, plots);
    }

    private static int order(MetadataPoint a, MetadataPoint b) {
        int byTime = a.timestamp().compareTo(b.timestamp());
        return byTime != 0 ? byTime : Long.compare(a.eventId(), b.eventId());
    }

    /** The indices of {@code ids} in increasing order of id. */
    private static int[] byId(long[] ids) {
        Integer[] boxed = new Integer[ids.length];
        Arrays.setAll(boxed, i -> i);
        Arrays.sort(boxed, Comparator.comparingLong(i -> ids[i]));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    private static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }
}
