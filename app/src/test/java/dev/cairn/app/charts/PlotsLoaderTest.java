package dev.cairn.app.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.api.MetadataValue;
import dev.cairn.engine.storage.EventLog;
import dev.cairn.engine.storage.MetadataPoint;
import dev.cairn.engine.storage.SeriesColumns;
import dev.cairn.engine.storage.SeriesValues;
import dev.cairn.engine.storage.h2.H2EventLog;

class PlotsLoaderTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123456789Z");

    @TempDir
    Path dir;

    /** Reads through the loader, in the background, as the app does. */
    private static AssetPlots read(EventLog log, String asset) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            PlotsLoader loader = new PlotsLoader(new PlotsLoader.LogReader() {
                @Override
                public <T> java.util.concurrent.CompletableFuture<T> read(java.util.function.Function<EventLog, T> query) {
                    return java.util.concurrent.CompletableFuture.supplyAsync(() -> query.apply(log), pool);
                }
            }, OutlierDetector.standard());
            return loader.load(asset).get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void everyMaterializationHasAPlaceOnEveryChartWithAGapWhereAValueIsMissing() {
        try (H2EventLog log = H2EventLog.open(dir.resolve("eventlog"), H2EventLog.Mode.EXCLUSIVE)) {
            History history = new History(log, "r1");
            long first = history.materialize("orders", T0, Map.of("rows", MetadataValue.of(10), "label",
                    MetadataValue.text("x")));
            history.materialize("customers", T0, Map.of("rows", MetadataValue.of(999)));
            long second = history.materialize("orders", T0.plusSeconds(60), Map.of("score", MetadataValue.of(0.5)));
            long third = history.materialize("orders", T0.plusSeconds(120), Map.of("rows", MetadataValue.of(12),
                    "score", MetadataValue.of(0.75)));

            AssetPlots plots = read(log, "orders");

            assertThat(plots.size()).isEqualTo(3);
            assertThat(plots.series()).extracting(PlotSeries::title).containsExactly("rows", "score", "Duration (ms)");
            assertThat(plots.materialization(0)).isEqualTo(new MaterializationRef("orders", first, "r1", null, T0));
            assertThat(plots.eventId(1)).isEqualTo(second);
            assertThat(plots.eventId(2)).isEqualTo(third);
            PlotSeries rows = plots.series().get(0);
            assertThat(rows.value(0)).isEqualTo(10);
            assertThat(rows.value(1)).as("the second materialization had no row count").isNaN();
            assertThat(rows.value(2)).isEqualTo(12);
            assertThat(rows.valueCount()).isEqualTo(2);
            assertThat(plots.series().get(2).valueCount()).isEqualTo(3);
            assertThat(plots.time(0)).isEqualTo(T0);
        }
    }

    @Test
    void anAssetNeverMaterializedHasNoCharts() {
        try (H2EventLog log = H2EventLog.open(dir.resolve("eventlog"), H2EventLog.Mode.EXCLUSIVE)) {
            AssetPlots plots = read(log, "nothing");
            assertThat(plots.size()).isZero();
            assertThat(plots.series()).isEmpty();
        }
    }

    @Test
    void aDropInTheRowCountIsMarked() {
        try (H2EventLog log = H2EventLog.open(dir.resolve("eventlog"), H2EventLog.Mode.EXCLUSIVE)) {
            History history = new History(log, "r1");
            for (int i = 0; i < 40; i++) {
                history.materialize("orders", T0.plusSeconds(60L * i), Map.of("rows",
                        MetadataValue.of(i == 25 ? 300 : 1000 + (i * 7) % 13)));
            }
            PlotSeries rows = read(log, "orders").series().get(0);
            assertThat(IntStream.range(0, rows.size()).filter(rows::isOutlier).toArray()).containsExactly(25);
            assertThat(rows.outlierCount()).isEqualTo(1);
        }
    }

    @Test
    void materializationsOutOfTimeOrderAreSortedByTimeAndEveryValueFollowsItsMaterialization() {
        List<MetadataPoint> durations = List.of(
                new MetadataPoint(1, T0.plusSeconds(10), "a", null, 5),
                new MetadataPoint(2, T0, "b", null, 6),
                new MetadataPoint(3, T0.plusSeconds(20), "c", "p", 7));
        PlotsLoader.Timeline timeline = PlotsLoader.Timeline.of(SeriesColumns.of(durations));
        AssetPlots plots = timeline.plots("x", List.of());

        assertThat(IntStream.range(0, plots.size()).mapToLong(plots::eventId).toArray()).containsExactly(2, 1, 3);
        assertThat(timeline.lineUp(new SeriesValues(new long[]{2, 3, 4}, new double[]{8, 9, 10})))
                .as("event 4 has no materialization to sit on").containsExactly(8, Double.NaN, 9);
        assertThat(timeline.lineUp(new SeriesValues(new long[]{1}, new double[]{4}))).containsExactly(Double.NaN, 4, Double.NaN);
        assertThat(timeline.durations()).containsExactly(6, 5, 7);
        assertThat(plots.partitionKey(2)).isEqualTo("p");
        assertThat(plots.runId(0)).isEqualTo("b");
        assertThat(plots.time(0)).isEqualTo(T0);
    }

    @Test
    void aMaterializationRecordedLateIsChartedAtItsTime() {
        try (H2EventLog log = H2EventLog.open(dir.resolve("eventlog"), H2EventLog.Mode.EXCLUSIVE)) {
            History history = new History(log, "r1");
            long first = history.materialize("orders", T0, Map.of("rows", MetadataValue.of(10)));
            long second = history.materialize("orders", T0.plusSeconds(60), Map.of("rows", MetadataValue.of(30)));
            long late = history.materialize("orders", T0.plusSeconds(30), Map.of("rows", MetadataValue.of(20),
                    "score", MetadataValue.of(0.5)));

            AssetPlots plots = read(log, "orders");

            assertThat(IntStream.range(0, plots.size()).mapToLong(plots::eventId).toArray())
                    .containsExactly(first, late, second);
            assertThat(plots.series()).extracting(PlotSeries::title).containsExactly("rows", "score", "Duration (ms)");
            assertThat(plots.series().get(0).values()).containsExactly(10, 20, 30);
            assertThat(plots.series().get(1).values()).containsExactly(Double.NaN, 0.5, Double.NaN);
            assertThat(plots.time(1)).isEqualTo(T0.plusSeconds(30));
        }
    }
}
