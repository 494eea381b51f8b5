package dev.cairn.engine.storage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import dev.cairn.api.MetadataValue;
import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.events.EventType;
import dev.cairn.engine.events.LogLevel;
import dev.cairn.engine.storage.LocalProcess;
import dev.cairn.engine.storage.RunRecord;
import dev.cairn.engine.storage.RunStatus;
import dev.cairn.engine.storage.h2.H2EventLog;

/**
 * Measures the H2 event log (with its production settings: every commit written to the file) and prints figures.
 * Run: {@code mvn -o -q -pl engine test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.cairn.engine.storage.bench.EventLogBench} or from an IDE.
 *
 * <p>Queries are timed cold (first call) and then warm (median of several calls). The calls
 * alternate their parameters: H2 answers an identical query on unchanged data from its result cache
 * (OPTIMIZE_REUSE_RESULTS), which would make the figure lie. The machine's load is printed because
 * other processes skew every figure.
 */
public final class EventLogBench {

    private static final int ASSETS = 10_000;
    private static final int SERIES_LENGTH = 100_000;

    public static void main(String[] args) throws Exception {
        System.out.printf("system load average at start: %.2f on %d cores%n", loadAverage(), Runtime.getRuntime().availableProcessors());
        Path dir = Files.createTempDirectory("cairn-bench");
        try {
            engineRun(dir.resolve("single"), Batching.SINGLE, 1);
            engineRun(dir.resolve("per-step"), Batching.PER_STEP, 1);
            engineRun(dir.resolve("threads"), Batching.SINGLE, 4);
            engineRun(dir.resolve("bulk"), Batching.BULK, 1);
            longSeries(dir.resolve("series"));
        } finally {
            deleteTree(dir);
        }
        System.out.printf("system load average at end: %.2f%n", loadAverage());
    }

    private enum Batching { SINGLE, PER_STEP, BULK }

    /** 10,000 assets, 4 events each, as the executor would write them. */
    private static void engineRun(Path db, Batching batching, int threads) throws Exception {
        String runId = UUID.randomUUID().toString();
        long t0 = System.nanoTime();
        try (H2EventLog log = H2EventLog.open(db, H2EventLog.Mode.EXCLUSIVE)) {
            long opened = System.nanoTime();
            log.createRun(run(runId));
            List<List<Event>> steps = new ArrayList<>();
            for (int a = 0; a < ASSETS; a++) {
                steps.add(stepEvents(runId, "asset_" + a, a));
            }
            long start = System.nanoTime();
            if (batching == Batching.BULK) {
                List<Event> all = new ArrayList<>();
                steps.forEach(all::addAll);
                for (int i = 0; i < all.size(); i += 1000) {
                    log.appendAll(all.subList(i, Math.min(all.size(), i + 1000)));
                }
            } else {
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                List<Future<?>> done = new ArrayList<>();
                for (List<Event> step : steps) {
                    done.add(pool.submit(() -> {
                        if (batching == Batching.PER_STEP) {
                            log.append(step.get(0));
                            log.appendAll(step.subList(1, step.size()));
                        } else {
                            step.forEach(log::append);
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                pool.shutdown();
            }
            long written = System.nanoTime();
            int events = ASSETS * 4;
            System.out.printf("%-9s %d thread(s): %,d events in %.2f s = %,.0f events/s (open took %.0f ms)%n",
                    batching, threads, events, secs(written - start), events / secs(written - start),
                    ms(opened - t0));

            timed("latestMaterializations() of " + ASSETS + " assets", i -> {
                if (i % 2 == 1) {
                    // A change in between, so that H2 cannot reuse the previous result.
                    log.append(Event.of(runId, EventType.LOG, null, LogLevel.INFO, "tick", null));
                }
                return log.latestMaterializations().size();
            });
            timed("eventsAfter(run, middle, 500)", i -> log.eventsAfter(runId, events / 2 + i, 500).size());
        }
        long size = Files.size(Path.of(db + ".mv.db"));
        long compacted = compactedSize(db);
        System.out.printf("   file after close: %,d bytes = %,d bytes per event; live data (after SHUTDOWN COMPACT): "
                + "%,d bytes per event%n", size, size / (ASSETS * 4), compacted / (ASSETS * 4));
    }

    /** The file's size once H2 has rewritten it without replaced chunks: what the data really takes. */
    private static long compactedSize(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db, "cairn", "");
                Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
        return Files.size(Path.of(db + ".mv.db"));
    }

    /** One asset with 100,000 materializations: chart and history queries. */
    private static void longSeries(Path db) {
        String runId = UUID.randomUUID().toString();
        try (H2EventLog log = H2EventLog.open(db, H2EventLog.Mode.EXCLUSIVE)) {
            log.createRun(run(runId));
            long start = System.nanoTime();
            List<Event> batch = new ArrayList<>();
            for (int i = 0; i < SERIES_LENGTH; i++) {
                batch.add(materialization(runId, "big", i));
                batch.add(materialization(runId, "other", i));
                if (batch.size() == 2000) {
                    log.appendAll(batch);
                    batch.clear();
                }
            }
            long written = System.nanoTime();
            System.out.printf("SERIES    %,d materializations (3 numeric entries each) in %.2f s = %,.0f events/s%n",
                    SERIES_LENGTH * 2, secs(written - start), SERIES_LENGTH * 2 / secs(written - start));
            List<String> keys = List.of("rows", "bytes", "score");
            timed("metadataSeries(asset with 100,000 materializations)",
                    i -> log.metadataSeries(i % 2 == 0 ? "big" : "other", keys.get(i % 3)).size());
            timed("materializationHistory(big, page of 50)",
                    i -> log.materializationHistory("big", i == 0 ? null : 100_000L * (i + 1), 50).size());
            timed("latestMaterialization(one asset)", i -> log.latestMaterialization(i % 2 == 0 ? "big" : "other")
                    .isPresent() ? 1 : 0);
        }
    }

    @FunctionalInterface
    private interface Query {
        int run(int call);
    }

    /** Prints the first call's time and the median of the next ones. */
    private static void timed(String what, Query query) {
        int calls = 9;
        long first = System.nanoTime();
        int n = query.run(0);
        first = System.nanoTime() - first;
        long[] warm = new long[calls];
        for (int i = 0; i < calls; i++) {
            long t = System.nanoTime();
            query.run(i + 1);
            warm[i] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(warm);
        System.out.printf("   %s: %,d rows; first call %.1f ms, then median %.1f ms (min %.1f, max %.1f)%n", what, n,
                ms(first), ms(warm[calls / 2]), ms(warm[0]), ms(warm[calls - 1]));
    }

    private static RunRecord run(String runId) {
        return new RunRecord(runId, RunStatus.STARTED, "*", List.of(), Instant.now(), null, LocalProcess.pid(),
                LocalProcess.host(), null);
    }

    private static List<Event> stepEvents(String runId, String asset, int i) {
        return List.of(
                Event.of(runId, EventType.STEP_STARTED, asset, LogLevel.INFO, "Started " + asset,
                        new EventData.StepStarted(1)),
                Event.of(runId, EventType.LOG, asset, LogLevel.INFO, "Loaded 3 inputs for " + asset, null),
                materialization(runId, asset, i),
                Event.of(runId, EventType.STEP_SUCCESS, asset, LogLevel.INFO, "Finished " + asset,
                        new EventData.StepSucceeded(12)));
    }

    private static Event materialization(String runId, String asset, int i) {
        Map<String, MetadataValue> metadata = Map.of(
                "rows", MetadataValue.of(1000L + i),
                "score", MetadataValue.of(i / 7.0),
                "bytes", MetadataValue.of(4096L * i),
                "path", MetadataValue.path(Path.of("/home/user/.local/share/cairn/storage/" + asset)));
        return Event.of(runId, EventType.ASSET_MATERIALIZATION, asset, LogLevel.INFO, "Materialized " + asset,
                new EventData.Materialized(metadata, 25, "v1", "3f2a9c" + i, EventData.DataVersionSource.CONTENT_HASH,
                        Map.of("upstream_a", new EventData.InputVersion("abc", 17), "upstream_b",
                                new EventData.InputVersion("def", 18))));
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double secs(long nanos) {
        return nanos / 1e9;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
