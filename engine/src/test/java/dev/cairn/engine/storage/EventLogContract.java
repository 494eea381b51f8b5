package dev.cairn.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cairn.api.MetadataValue;
import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.events.EventType;
import dev.cairn.engine.events.LogLevel;
import dev.cairn.engine.json.JsonSamples;

/**
 * The behaviour every {@link EventLog} shares. Subclasses supply a fresh, empty log; the same tests
 * then hold the H2 log and the in-memory log to the same semantics.
 */
public abstract class EventLogContract {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123456789Z");

    protected EventLog log;

    /** A new, empty log; closed after each test. */
    protected abstract EventLog newLog();

    @BeforeEach
    void openLog() {
        log = newLog();
    }

    @AfterEach
    void closeLog() {
        log.close();
    }

    // ---- runs ----

    @Test
    void aRunIsStoredWithAllItsFields() {
        RunRecord run = new RunRecord("run-1", RunStatus.STARTED, "orders+", List.of("raw", "orders"), T0, null,
                LocalProcess.pid(), LocalProcess.host(), null);
        log.createRun(run);

        assertThat(log.run("run-1")).contains(run);
        assertThat(log.run("nope")).isEmpty();
    }

    @Test
    void aRunIdCanBeUsedOnlyOnce() {
        log.createRun(run("run-1", T0));
        assertThatThrownBy(() -> log.createRun(run("run-1", T0.plusSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("run-1");
        assertThat(log.run("run-1")).map(RunRecord::startedAt).contains(T0);
    }

    @Test
    void runsArePagedNewestFirst() {
        for (int i = 1; i <= 5; i++) {
            log.createRun(run("run-" + i, T0.plusSeconds(i)));
        }
        assertThat(ids(log.runs(null, 2))).containsExactly("run-5", "run-4");
        assertThat(ids(log.runs("run-4", 2))).containsExactly("run-3", "run-2");
        assertThat(ids(log.runs("run-2", 10))).containsExactly("run-1");
        assertThat(log.runs("run-1", 10)).isEmpty();
        assertThat(log.runs(null, 0)).isEmpty();
        assertThat(log.runs("no-such-run", 10)).as("an unknown cursor gives no page, not the first page").isEmpty();
        assertThatThrownBy(() -> log.runs(null, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runEndingEventsSetStatusEndTimeAndReason() {
        for (String id : List.of("ok", "bad", "stopped")) {
            log.createRun(run(id, T0));
        }
        log.append(event("ok", EventType.RUN_SUCCESS, null, T0.plusSeconds(5), EventData.NONE));
        log.append(event("bad", EventType.RUN_FAILURE, null, T0.plusSeconds(6), new EventData.RunEnded("step x failed")));
        log.append(event("stopped", EventType.RUN_CANCELED, null, T0.plusSeconds(7), new EventData.RunEnded("by user")));

        assertThat(log.run("ok").orElseThrow()).satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.SUCCESS);
            assertThat(r.endedAt()).isEqualTo(T0.plusSeconds(5));
            assertThat(r.failureReason()).isNull();
        });
        assertThat(log.run("bad").orElseThrow()).satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.FAILURE);
            assertThat(r.endedAt()).isEqualTo(T0.plusSeconds(6));
            assertThat(r.failureReason()).isEqualTo("step x failed");
        });
        assertThat(log.run("stopped").orElseThrow()).satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.CANCELED);
            assertThat(r.failureReason()).isEqualTo("by user");
        });
    }

    // ---- events ----

    @Test
    void everyKindOfEventDataIsStoredAndReadBackUnchanged() {
        log.createRun(run("r", T0));
        List<Event> written = new ArrayList<>();
        for (EventData data : JsonSamples.everyEventData()) {
            EventType type = data instanceof EventData.Materialized ? EventType.ASSET_MATERIALIZATION
                    : data instanceof EventData.Observed ? EventType.ASSET_OBSERVATION : EventType.LOG;
            written.add(new Event(0, "r", type, T0.plusNanos(written.size()), "asset", "p1", LogLevel.WARN,
                    "message " + written.size(), data));
        }
        List<Event> stored = log.appendAll(written);

        assertThat(log.eventsAfter("r", 0, 1000)).isEqualTo(stored);
        for (int i = 0; i < written.size(); i++) {
            assertThat(stored.get(i).withId(0)).isEqualTo(written.get(i));
        }
    }

    @Test
    void appendGivesIncreasingIds() {
        log.createRun(run("r", T0));
        Event a = log.append(log("r", "a"));
        List<Event> bc = log.appendAll(List.of(log("r", "b"), log("r", "c")));
        Event d = log.append(log("r", "d"));

        assertThat(a.id()).isPositive();
        assertThat(bc.get(0).id()).isGreaterThan(a.id());
        assertThat(bc.get(1).id()).isGreaterThan(bc.get(0).id());
        assertThat(d.id()).isGreaterThan(bc.get(1).id());
        assertThat(log.appendAll(List.of())).isEmpty();
    }

    @Test
    void eventsOfARunArePagedOldestFirst() {
        log.createRun(run("r", T0));
        log.createRun(run("other", T0));
        List<Event> mine = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            mine.add(log.append(log("r", "line " + i)));
            log.append(log("other", "noise " + i));
        }
        assertThat(log.eventsAfter("r", 0, 3)).containsExactlyElementsOf(mine.subList(0, 3));
        assertThat(log.eventsAfter("r", mine.get(2).id(), 3)).containsExactlyElementsOf(mine.subList(3, 6));
        assertThat(log.eventsAfter("r", mine.get(5).id(), 3)).containsExactly(mine.get(6));
        assertThat(log.eventsAfter("r", mine.get(6).id(), 3)).isEmpty();
        assertThat(log.eventsAfter("nope", 0, 3)).isEmpty();
    }

    @Test
    void anEventOfAnUnknownRunIsRefused() {
        assertThatThrownBy(() -> log.append(log("ghost", "boo")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ghost");
    }

    @Test
    void aBatchIsStoredWhollyOrNotAtAll() {
        log.createRun(run("r", T0));
        List<Event> batch = List.of(log("r", "first"), materialization("r", "a", null, T0, Map.of()),
                log("ghost", "bad"));

        assertThatThrownBy(() -> log.appendAll(batch)).isInstanceOf(IllegalArgumentException.class);

        assertThat(log.eventsAfter("r", 0, 10)).isEmpty();
        assertThat(log.latestMaterializations()).isEmpty();
    }

    @Test
    void assetEventsNeedAnAssetAndMatchingDetails() {
        log.createRun(run("r", T0));
        assertThatThrownBy(() -> log.append(event("r", EventType.ASSET_MATERIALIZATION, "a", T0, EventData.NONE)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.append(materialization("r", null, null, T0, Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.append(event("r", EventType.ASSET_OBSERVATION, "src", T0,
                new EventData.StepStarted(1)))).isInstanceOf(IllegalArgumentException.class);
        assertThat(log.eventsAfter("r", 0, 10)).isEmpty();
    }

    @Test
    void concurrentAppendsAreAllStoredInEachThreadsOrder() throws Exception {
        log.createRun(run("r", T0));
        int threads = 6;
        int perThread = 60;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Event>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String asset = "asset" + t;
                results.add(pool.submit(() -> {
                    List<Event> stored = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        if (i % 3 == 0) {
                            stored.addAll(log.appendAll(List.of(log("r", asset + " " + i),
                                    materialization("r", asset, null, T0, Map.of("i", MetadataValue.of(i))))));
                        } else {
                            stored.add(log.append(log("r", asset + " " + i)));
                        }
                    }
                    return stored;
                }));
            }
            Set<Long> ids = new HashSet<>();
            for (Future<List<Event>> f : results) {
                List<Event> stored = f.get();
                assertThat(stored).extracting(Event::id).isSorted();
                stored.forEach(e -> ids.add(e.id()));
            }
            int expected = threads * (perThread + perThread / 3);
            assertThat(ids).hasSize(expected);
            assertThat(log.eventsAfter("r", 0, 10_000)).hasSize(expected).extracting(Event::id).isSorted();
            assertThat(log.latestMaterializations()).hasSize(threads);
            assertThat(log.metadataSeries("asset0", "i")).extracting(MetadataPoint::value)
                    .containsExactly(0.0, 3.0, 6.0, 9.0, 12.0, 15.0, 18.0, 21.0, 24.0, 27.0, 30.0, 33.0, 36.0, 39.0,
                            42.0, 45.0, 48.0, 51.0, 54.0, 57.0);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- materializations and observations ----

    @Test
    void theLatestMaterializationOfEveryAssetIsKept() {
        log.createRun(run("r1", T0));
        log.createRun(run("r2", T0));
        Event a1 = log.append(materialization("r1", "a", null, T0, Map.of("n", MetadataValue.of(1))));
        Event b1 = log.append(materialization("r1", "b", null, T0, Map.of()));
        Event a2 = log.append(materialization("r2", "a", null, T0.plusSeconds(1), Map.of("n", MetadataValue.of(2))));
        log.append(event("r2", EventType.ASSET_OBSERVATION, "a", T0, new EventData.Observed("v", Map.of())));

        Map<String, MaterializationRecord> latest = log.latestMaterializations();

        assertThat(latest).containsOnlyKeys("a", "b");
        assertThat(latest.get("a")).isEqualTo(record(a2));
        assertThat(latest.get("b")).isEqualTo(record(b1));
        assertThat(log.latestMaterialization("a")).contains(record(a2));
        assertThat(log.latestMaterialization("zzz")).isEmpty();
        assertThat(a1.id()).isLessThan(a2.id());
    }

    @Test
    void thePartitionsOfAnAssetShareOneLatestMaterialization() {
        log.createRun(run("r", T0));
        log.append(materialization("r", "daily", "2024-01-01", T0, Map.of()));
        Event newest = log.append(materialization("r", "daily", "2023-12-31", T0, Map.of()));

        assertThat(log.latestMaterializations().get("daily")).isEqualTo(record(newest));
        assertThat(log.latestMaterialization("daily")).map(MaterializationRecord::partitionKey).contains("2023-12-31");
    }

    @Test
    void theLatestObservationOfEverySourceIsKept() {
        log.createRun(run("r", T0));
        log.append(event("r", EventType.ASSET_OBSERVATION, "src", T0, new EventData.Observed("v1", Map.of())));
        Event v2 = log.append(event("r", EventType.ASSET_OBSERVATION, "src", T0.plusSeconds(1),
                new EventData.Observed("v2", Map.of("rows", MetadataValue.of(5)))));
        Event other = log.append(event("r", EventType.ASSET_OBSERVATION, "src2", T0,
                new EventData.Observed("x", Map.of())));

        Map<String, ObservationRecord> latest = log.latestObservations();

        assertThat(latest).containsOnlyKeys("src", "src2");
        assertThat(latest.get("src")).isEqualTo(new ObservationRecord(v2.id(), "r", "src", null, v2.timestamp(),
                (EventData.Observed) v2.data()));
        assertThat(latest.get("src2").eventId()).isEqualTo(other.id());
        assertThat(log.latestMaterializations()).isEmpty();
    }

    @Test
    void everyReadOfTheLatestStateSeesTheEventsAppendedSinceTheLastRead() {
        log.createRun(run("r", T0));
        Event a1 = log.append(materialization("r", "a", null, T0, Map.of("n", MetadataValue.of(1))));
        Event s1 = log.append(event("r", EventType.ASSET_OBSERVATION, "src", T0, new EventData.Observed("v1", Map.of())));
        assertThat(log.latestMaterializations()).containsOnlyKeys("a").containsEntry("a", record(a1));
        assertThat(log.latestMaterialization("a")).contains(record(a1));
        assertThat(log.latestObservations().get("src").eventId()).isEqualTo(s1.id());

        Event a2 = log.append(materialization("r", "a", null, T0.plusSeconds(1), Map.of("n", MetadataValue.of(2))));
        Event b1 = log.append(materialization("r", "b", null, T0.plusSeconds(1), Map.of()));
        Event s2 = log.append(event("r", EventType.ASSET_OBSERVATION, "src", T0.plusSeconds(1),
                new EventData.Observed("v2", Map.of())));
        assertThat(log.latestMaterializations()).containsOnlyKeys("a", "b")
                .containsEntry("a", record(a2)).containsEntry("b", record(b1));
        assertThat(log.latestMaterialization("a")).contains(record(a2));
        assertThat(log.latestObservations().get("src")).isEqualTo(new ObservationRecord(s2.id(), "r", "src", null,
                s2.timestamp(), (EventData.Observed) s2.data()));

        // A materialization too large for the summary row, then a small one again.
        Event big = log.append(materialization("r", "a", null, T0.plusSeconds(2),
                Map.of("report", MetadataValue.md("x".repeat(1_100_000)))));
        assertThat(log.latestMaterializations().get("a")).isEqualTo(record(big));
        Event a3 = log.append(materialization("r", "a", null, T0.plusSeconds(3), Map.of()));
        assertThat(log.latestMaterializations().get("a")).isEqualTo(record(a3));
        assertThat(log.latestMaterialization("a")).contains(record(a3));
    }

    @Test
    void theLatestStateCannotBeChangedByItsReader() {
        log.createRun(run("r", T0));
        Event a = log.append(materialization("r", "a", null, T0, Map.of()));
        log.append(event("r", EventType.ASSET_OBSERVATION, "src", T0, new EventData.Observed("v1", Map.of())));
        log.append(event("r", EventType.STEP_FAILURE, "a", T0, EventData.NONE));

        assertThatThrownBy(() -> log.latestMaterializations().remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> log.latestObservations().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> log.latestFailures().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(log.latestMaterializations()).containsEntry("a", record(a));
    }

    @Test
    void everyMaterializationsDurationFormsASeries() {
        log.createRun(run("r", T0));
        Event first = log.append(materialization("r", "a", null, T0, Map.of("rows", MetadataValue.of(3))));
        log.append(materialization("r", "b", null, T0, Map.of()));
        Event second = log.append(materialization("r", "a", "2024-05-01", T0.plusSeconds(1), Map.of()));

        List<MetadataPoint> durations = log.durationSeries("a");

        assertThat(durations).extracting(MetadataPoint::eventId).containsExactly(first.id(), second.id());
        assertThat(durations).extracting(MetadataPoint::value).containsOnly(7.0);
        assertThat(durations.get(1).partitionKey()).isEqualTo("2024-05-01");
        assertThat(log.metadataSeries("a", "rows")).hasSize(1);
        assertThat(log.durationSeries("never")).isEmpty();
    }

    @Test
    void theDurationsAreReadInColumnsWithTheirTimesRunsAndPartitions() {
        log.createRun(run("r1", T0));
        log.createRun(run("r2", T0));
        Event m1 = log.append(materialization("r1", "a", null, T0, Map.of("rows", MetadataValue.of(3))));
        log.append(materialization("r2", "b", null, T0, Map.of()));
        Event m2 = log.append(materialization("r2", "a", "p7", T0.plusSeconds(3), Map.of()));
        // Recorded later with an earlier time, back in the first run: columns keep event order.
        Event m3 = log.append(materialization("r1", "a", null, T0.minusNanos(1), Map.of()));

        SeriesColumns columns = log.durationColumns("a");

        long t0 = T0.getEpochSecond() * 1_000_000_000L + T0.getNano();
        assertThat(columns).isEqualTo(new SeriesColumns(new long[]{m1.id(), m2.id(), m3.id()},
                new long[]{t0, t0 + 3_000_000_000L, t0 - 1}, new String[]{"r1", "r2", "r1"},
                new String[]{null, "p7", null}, new double[]{7, 7, 7}));
        assertThat(columns.point(2)).isEqualTo(new MetadataPoint(m3.id(), T0.minusNanos(1), "r1", null, 7));
        assertThat(columns).isEqualTo(SeriesColumns.of(log.durationSeries("a")));
        assertThat(log.durationColumns("b").runIds()).containsExactly("r2");
        assertThat(log.durationColumns("never")).isEqualTo(SeriesColumns.EMPTY);
    }

    @Test
    void theLatestFailureOfEveryAssetIsKept() {
        log.createRun(run("r", T0));
        log.append(event("r", EventType.STEP_FAILURE, "a", T0, stepFailed()));
        Event a2 = log.append(event("r", EventType.STEP_FAILURE, "a", T0.plusSeconds(1), stepFailed()));
        Event b = log.append(event("r", EventType.STEP_FAILURE, "b", T0, stepFailed()));
        log.append(event("r", EventType.STEP_UP_FOR_RETRY, "c", T0, stepFailed()));
        log.append(event("r", EventType.RUN_FAILURE, null, T0, new EventData.RunEnded("a failed")));
        log.append(materialization("r", "b", null, T0.plusSeconds(2), Map.of()));

        Map<String, FailureRecord> failures = log.latestFailures();

        assertThat(failures).containsOnlyKeys("a", "b");
        assertThat(failures.get("a")).isEqualTo(new FailureRecord(a2.id(), "r", "a", T0.plusSeconds(1)));
        assertThat(failures.get("b").eventId()).as("kept although a materialization followed; the reader compares ids")
                .isEqualTo(b.id());
        assertThat(log.latestMaterializations()).containsOnlyKeys("b");
    }

    @Test
    void materializationHistoryIsPagedNewestFirst() {
        log.createRun(run("r", T0));
        List<Event> a = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            a.add(log.append(materialization("r", "a", null, T0.plusSeconds(i), Map.of())));
            log.append(materialization("r", "b", null, T0, Map.of()));
            log.append(event("r", EventType.STEP_SUCCESS, "a", T0, new EventData.StepSucceeded(1)));
        }
        assertThat(log.materializationHistory("a", null, 2)).containsExactly(record(a.get(4)), record(a.get(3)));
        assertThat(log.materializationHistory("a", a.get(3).id(), 2)).containsExactly(record(a.get(2)), record(a.get(1)));
        assertThat(log.materializationHistory("a", a.get(1).id(), 2)).containsExactly(record(a.get(0)));
        assertThat(log.materializationHistory("a", a.get(0).id(), 2)).isEmpty();
        assertThat(log.materializationHistory("none", null, 2)).isEmpty();
    }

    @Test
    void numericMetadataFormsASeriesOldestFirst() {
        log.createRun(run("r1", T0));
        log.createRun(run("r2", T0));
        Event m1 = log.append(materialization("r1", "a", null, T0, Map.of("rows", MetadataValue.of(10),
                "label", MetadataValue.text("x"), "score", MetadataValue.of(0.5))));
        log.append(materialization("r1", "b", null, T0, Map.of("rows", MetadataValue.of(999))));
        Event m2 = log.append(materialization("r2", "a", "p7", T0.plusSeconds(3), Map.of(
                "rows", MetadataValue.of(Long.MAX_VALUE), "score", MetadataValue.of(Double.NaN))));
        Event m3 = log.append(materialization("r2", "a", null, T0.plusSeconds(4), Map.of(
                "rows", MetadataValue.of(-3), "score", MetadataValue.of(Double.NEGATIVE_INFINITY))));
        log.append(event("r2", EventType.ASSET_OBSERVATION, "a", T0, new EventData.Observed("v",
                Map.of("rows", MetadataValue.of(123)))));

        assertThat(log.metadataSeries("a", "rows")).containsExactly(
                new MetadataPoint(m1.id(), T0, "r1", null, 10.0),
                new MetadataPoint(m2.id(), T0.plusSeconds(3), "r2", "p7", (double) Long.MAX_VALUE),
                new MetadataPoint(m3.id(), T0.plusSeconds(4), "r2", null, -3.0));
        assertThat(log.metadataSeries("a", "score")).extracting(MetadataPoint::value)
                .containsExactly(0.5, Double.NaN, Double.NEGATIVE_INFINITY);
        assertThat(log.metadataSeries("a", "label")).isEmpty();
        assertThat(log.metadataSeries("nope", "rows")).isEmpty();

        assertThat(log.metadataValues("a", "rows")).isEqualTo(new SeriesValues(new long[]{m1.id(), m2.id(), m3.id()},
                new double[]{10.0, (double) Long.MAX_VALUE, -3.0}));
        assertThat(log.metadataValues("a", "score").values()).containsExactly(0.5, Double.NaN, Double.NEGATIVE_INFINITY);
        assertThat(log.metadataValues("a", "label")).isEqualTo(SeriesValues.EMPTY);
        assertThat(log.metadataValues("nope", "rows").size()).isZero();
    }

    @Test
    void theNumericMetadataKeysOfAnAssetAreListedInOrderWithoutCairnsOwn() {
        log.createRun(run("r", T0));
        log.append(materialization("r", "a", null, T0, Map.of("rows", MetadataValue.of(10),
                "label", MetadataValue.text("x"), "score", MetadataValue.of(0.5))));
        log.append(materialization("r", "a", null, T0.plusSeconds(1), Map.of("bytes", MetadataValue.of(3),
                "rows", MetadataValue.of(11))));
        log.append(materialization("r", "b", null, T0, Map.of("other", MetadataValue.of(1))));
        log.append(event("r", EventType.ASSET_OBSERVATION, "a", T0, new EventData.Observed("v",
                Map.of("observed_only", MetadataValue.of(123)))));

        assertThat(log.numericMetadataKeys("a")).containsExactly("bytes", "rows", "score");
        assertThat(log.numericMetadataKeys("b")).containsExactly("other");
        assertThat(log.numericMetadataKeys("never")).isEmpty();
        assertThat(log.durationSeries("a")).hasSize(2);
    }

    @Test
    void aVeryLongMessageAndVeryLargeMetadataAreKept() {
        log.createRun(run("r", T0));
        String longText = "ü".repeat(1_200_000);
        Event log1 = log.append(new Event(0, "r", EventType.LOG, T0, "a", null, LogLevel.INFO, longText,
                new EventData.Log(null)));
        Event big = log.append(materialization("r", "a", null, T0, Map.of("report", MetadataValue.md(longText),
                "rows", MetadataValue.of(1))));

        assertThat(log.eventsAfter("r", 0, 10)).containsExactly(log1, big);
        assertThat(log.latestMaterializations().get("a")).isEqualTo(record(big));
        assertThat(log.latestMaterialization("a")).contains(record(big));
        assertThat(log.materializationHistory("a", null, 1)).containsExactly(record(big));
        assertThat(log.metadataSeries("a", "rows")).hasSize(1);
    }

    // ---- helpers ----

    protected static RunRecord run(String id, Instant startedAt) {
        return new RunRecord(id, RunStatus.STARTED, "*", List.of("a", "b"), startedAt, null, LocalProcess.pid(),
                LocalProcess.host(), null);
    }

    protected static Event event(String runId, EventType type, String asset, Instant at, EventData data) {
        return new Event(0, runId, type, at, asset, null, LogLevel.INFO, type + " " + asset, data);
    }

    protected static Event log(String runId, String message) {
        return new Event(0, runId, EventType.LOG, T0, null, null, LogLevel.INFO, message, EventData.NONE);
    }

    protected static Event materialization(String runId, String asset, String partition, Instant at,
            Map<String, MetadataValue> metadata) {
        return new Event(0, runId, EventType.ASSET_MATERIALIZATION, at, asset, partition, LogLevel.INFO,
                "materialized " + asset, new EventData.Materialized(metadata, 7, "v1", UUID.randomUUID().toString(),
                        EventData.DataVersionSource.CONTENT_HASH, Map.of("up", new EventData.InputVersion("d", 3))));
    }

    protected static MaterializationRecord record(Event e) {
        return new MaterializationRecord(e.id(), e.runId(), e.assetKey(), e.partitionKey(), e.timestamp(),
                (EventData.Materialized) e.data());
    }

    private static EventData.StepFailed stepFailed() {
        return new EventData.StepFailed(new EventData.ErrorInfo("java.lang.IllegalStateException", "boom",
                "java.lang.IllegalStateException: boom"), 1, 0);
    }

    private static List<String> ids(List<RunRecord> runs) {
        return runs.stream().map(RunRecord::runId).toList();
    }
}
