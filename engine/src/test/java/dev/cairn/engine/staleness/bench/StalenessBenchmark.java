package dev.cairn.engine.staleness.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.cairn.api.MetadataValue;
import dev.cairn.engine.definitions.AssetGraph;
import dev.cairn.engine.definitions.AssetSpec;
import dev.cairn.engine.definitions.ParameterBinding;
import dev.cairn.engine.definitions.RetrySpec;
import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.events.EventType;
import dev.cairn.engine.events.LogLevel;
import dev.cairn.engine.staleness.AssetState;
import dev.cairn.engine.staleness.AssetStatus;
import dev.cairn.engine.staleness.RecordedVersions;
import dev.cairn.engine.staleness.StalenessCalculator;
import dev.cairn.engine.staleness.StalenessReport;
import dev.cairn.engine.storage.LocalProcess;
import dev.cairn.engine.storage.MaterializationRecord;
import dev.cairn.engine.storage.RunRecord;
import dev.cairn.engine.storage.RunStatus;
import dev.cairn.engine.storage.h2.H2EventLog;

/**
 * The staleness and history benchmark of the issue "Staleness you can trust and explain": fills a
 * real H2 event log through {@link H2EventLog#appendAll} and times what the app asks of it.
 *
 * <p>The log: a layered DAG of 10,000 assets (1.5 upstreams each on average, code versions set),
 * each materialized about 100 times, one run per round over the whole graph, every step written as
 * the executor writes it (STEP_STARTED, ASSET_MATERIALIZATION with 5 numeric metadata entries, a
 * path and the provenance of every upstream, STEP_SUCCESS); plus one asset with 100,000
 * materializations, interleaved with the rounds, for the chart query. A last run leaves real work
 * for the calculator: some assets re-materialized with new data (their children turn stale), some
 * failed, some never materialized, and the definitions given to the calculator change the code
 * version of some assets.
 *
 * <p>Run from the repository root:
 * <pre>
 * ./mvnw -q -pl engine test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.cairn.engine.staleness.bench.StalenessBenchmark [-Dexec.args="--assets=1000"]
 * </pre>
 * Options: {@code --assets=N} (10000), {@code --mats=N} materializations per asset (100),
 * {@code --series=N} materializations of the chart asset (100000), {@code --repeats=N} runs of each
 * warm figure (20), {@code --dir=PATH} keep the log in PATH and reuse it when it exists there (no
 * fill), {@code --no-compact} skip {@code SHUTDOWN COMPACT}.
 *
 * <p>H2 answers a repeated identical query from its result cache unless
 * {@code OPTIMIZE_REUSE_RESULTS} is off; the benchmark turns it off, so every warm figure is a real
 * query.
 */
public final class StalenessBenchmark {

    private static final String SERIES_ASSET = "sensor_readings";
    private static final String SERIES_KEY = "row_count";
    private static final int LAYERS = 25;
    private static final long SEED = 20_241_123L;

    private record Settings(int assets, int mats, int series, int repeats, Path dir, boolean compact) {

        static Settings parse(String[] args) {
            Map<String, String> given = new HashMap<>();
            Set<String> flags = new HashSet<>();
            for (String arg : args) {
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("unknown argument " + arg);
                }
                int eq = arg.indexOf('=');
                if (eq < 0) {
                    flags.add(arg.substring(2));
                } else {
                    given.put(arg.substring(2, eq), arg.substring(eq + 1));
                }
            }
            Settings s = new Settings(number(given, "assets", 10_000), number(given, "mats", 100),
                    number(given, "series", 100_000), number(given, "repeats", 20),
                    given.containsKey("dir") ? Path.of(given.remove("dir")) : null, !flags.remove("no-compact"));
            given.keySet().removeAll(List.of("assets", "mats", "series", "repeats"));
            if (!given.isEmpty() || !flags.isEmpty()) {
                throw new IllegalArgumentException("unknown options " + given.keySet() + " " + flags);
            }
            return s;
        }

        private static int number(Map<String, String> given, String key, int otherwise) {
            return given.containsKey(key) ? Integer.parseInt(given.get(key).replace("_", "")) : otherwise;
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        Path dir = settings.dir() != null ? settings.dir() : Files.createTempDirectory("cairn-stalebench");
        Path database = dir.resolve("eventlog");
        try {
            new StalenessBenchmark(settings, database).run();
        } finally {
            if (settings.dir() == null) {
                deleteTree(dir);
            }
        }
    }

    private final Settings settings;
    private final Path database;
    private final Fixture fixture;

    private StalenessBenchmark(Settings settings, Path database) {
        this.settings = settings;
        this.database = database;
        this.fixture = new Fixture(settings.assets(), new SplittableRandom(SEED));
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "JDK %s, %d cores, max heap %,d MB%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "graph: %,d assets + 1 chart asset, %,d edges (%.2f upstreams per asset), "
                + "%d layers%n", settings.assets(), fixture.edges(), fixture.edges() / (double) settings.assets(), LAYERS);
        long events;
        if (Files.exists(dataFile())) {
            System.out.println("reusing the log at " + dataFile() + " (no fill)");
            events = -1;
        } else {
            events = fill();
        }
        long bytes = Files.size(dataFile());
        System.out.printf(Locale.ROOT, "file: %,d bytes%s%n", bytes, events > 0
                ? String.format(Locale.ROOT, " = %,d bytes per event", bytes / events) : "");

        AssetGraph graph = fixture.currentGraph();
        measure(graph, "");
        if (settings.compact()) {
            compact(events);
            measure(graph, " (after SHUTDOWN COMPACT)");
        }
    }

    // ---- fill ----

    /** Writes every round and the final changes; returns the number of events written. */
    private long fill() {
        Filler filler = new Filler();
        long start = System.nanoTime();
        try (H2EventLog log = H2EventLog.open(database, H2EventLog.Mode.EXCLUSIVE)) {
            int seriesLeft = settings.series();
            for (int round = 0; round < settings.mats(); round++) {
                int seriesThisRound = seriesLeft / (settings.mats() - round);
                seriesLeft -= seriesThisRound;
                filler.round(log, round, seriesThisRound);
                if ((round + 1) % 10 == 0) {
                    double s = secs(System.nanoTime() - start);
                    System.err.printf(Locale.ROOT, "  round %d: %,d events in %.0f s%n", round + 1, filler.events, s);
                }
            }
            filler.changes(log);
        }
        double s = secs(System.nanoTime() - start);
        System.out.printf(Locale.ROOT, "fill: %,d events (%,d materializations, %,d numeric metadata rows) in %.1f s "
                        + "= %,.0f events/s%n", filler.events, filler.materializations, filler.materializations * 5,
                s, filler.events / s);
        return filler.events;
    }

    /** Writes runs as the executor would, keeping the latest version of every asset for provenance. */
    private final class Filler {
        private final SplittableRandom random = new SplittableRandom(SEED + 1);
        private final Map<String, EventData.InputVersion> current = new HashMap<>();
        private final Instant start = Instant.parse("2026-01-01T00:00:00Z");
        private long clockMillis;
        private long events;
        private long materializations;

        Filler() {
        }

        /** Continues a filled log. */
        Filler(H2EventLog log) {
            Instant last = start;
            for (MaterializationRecord m : log.latestMaterializations().values()) {
                current.put(m.assetKey(), new EventData.InputVersion(m.data().dataVersion(), m.eventId()));
                last = m.timestamp().isAfter(last) ? m.timestamp() : last;
            }
            clockMillis = Duration.between(start, last).toMillis() + 1000;
        }

        /** One run that materializes these assets alone, with new data. */
        void rematerialize(H2EventLog log, List<String> keys) {
            String runId = newRun(log, keys);
            List<Event> batch = new ArrayList<>();
            batch.add(event(runId, EventType.RUN_STARTED, null, "Run started", new EventData.RunStarted("*", keys)));
            for (String key : keys) {
                step(batch, runId, key, true);
            }
            batch.add(event(runId, EventType.RUN_SUCCESS, null, "Run succeeded", EventData.NONE));
            write(log, batch);
        }

        void round(H2EventLog log, int round, int seriesCount) {
            List<String> keys = fixture.filledKeys();
            String runId = newRun(log, keys);
            List<List<String>> layers = fixture.layers();
            int seriesLeft = seriesCount;
            for (int l = 0; l < layers.size(); l++) {
                List<Event> batch = new ArrayList<>();
                if (l == 0) {
                    batch.add(event(runId, EventType.RUN_STARTED, null, "Run started: " + keys.size() + " step(s)",
                            new EventData.RunStarted("*", keys)));
                }
                for (String key : layers.get(l)) {
                    if (fixture.isMissing(key)) {
                        continue;
                    }
                    boolean changed = round == 0 || random.nextInt(3) == 0;
                    step(batch, runId, key, changed);
                }
                int seriesHere = seriesLeft / (layers.size() - l);
                seriesLeft -= seriesHere;
                for (int i = 0; i < seriesHere; i++) {
                    step(batch, runId, SERIES_ASSET, true);
                }
                if (l == layers.size() - 1) {
                    batch.add(event(runId, EventType.RUN_SUCCESS, null, "Run succeeded", EventData.NONE));
                }
                write(log, batch);
            }
        }

        /** Re-materializes some assets alone (new data) and fails some others. */
        void changes(H2EventLog log) {
            String runId = newRun(log, List.of());
            List<Event> batch = new ArrayList<>();
            for (String key : fixture.rematerialized()) {
                step(batch, runId, key, true);
            }
            for (String key : fixture.failing()) {
                batch.add(event(runId, EventType.STEP_STARTED, key, "Computing '" + key + "'", new EventData.StepStarted(1)));
                EventData.ErrorInfo error = EventData.ErrorInfo.of(new IllegalStateException("upstream file is empty"));
                batch.add(event(runId, EventType.STEP_FAILURE, key, "'" + key + "' failed: " + error.summary(),
                        new EventData.StepFailed(error, 1, 0)));
            }
            batch.add(event(runId, EventType.RUN_FAILURE, null, "Run failed", new EventData.RunEnded("2 steps failed")));
            write(log, batch);
        }

        private String newRun(H2EventLog log, List<String> keys) {
            String runId = UUID.randomUUID().toString();
            log.createRun(new RunRecord(runId, RunStatus.STARTED, "*", keys, now(), null, LocalProcess.pid(),
                    LocalProcess.host(), null));
            return runId;
        }

        private void step(List<Event> batch, String runId, String key, boolean newData) {
            batch.add(event(runId, EventType.STEP_STARTED, key, "Computing '" + key + "'", new EventData.StepStarted(1)));
            Map<String, EventData.InputVersion> inputs = new LinkedHashMap<>();
            for (String up : fixture.upstreams(key)) {
                inputs.put(up, current.get(up));
            }
            EventData.InputVersion previous = current.get(key);
            String dataVersion = newData || previous == null ? hex64() : previous.dataVersion();
            long rows = random.nextLong(1_000_000);
            Map<String, MetadataValue> metadata = new LinkedHashMap<>();
            metadata.put("row_count", MetadataValue.of(rows));
            metadata.put("null_ratio", MetadataValue.of(random.nextDouble() / 10));
            metadata.put("mean_amount", MetadataValue.of(random.nextDouble() * 1000));
            metadata.put("distinct_customers", MetadataValue.of(rows / 3));
            metadata.put("path", MetadataValue.path(Path.of("/home/ada/.local/share/cairn/workspaces/shop/storage/"
                    + key + ".json")));
            metadata.put("size_bytes", MetadataValue.of(rows * 48));
            EventData.Materialized data = new EventData.Materialized(metadata, 20 + random.nextInt(2000),
                    "v1", dataVersion, EventData.DataVersionSource.CONTENT_HASH, inputs);
            batch.add(event(runId, EventType.ASSET_MATERIALIZATION, key,
                    "Materialized '" + key + "' (data version " + dataVersion.substring(0, 12) + ")", data));
            batch.add(event(runId, EventType.STEP_SUCCESS, key, "'" + key + "' succeeded in 25 ms",
                    new EventData.StepSucceeded(25)));
        }

        private Event event(String runId, EventType type, String key, String message, EventData data) {
            LogLevel level = type == EventType.STEP_FAILURE || type == EventType.RUN_FAILURE ? LogLevel.ERROR
                    : LogLevel.INFO;
            return new Event(0, runId, type, now(), key, null, level, message, data);
        }

        private Instant now() {
            return start.plusMillis(clockMillis += 3).plusNanos(random.nextInt(1_000_000));
        }

        /** Appends in batches of the executor's size order, keeping the stored versions for provenance. */
        private void write(H2EventLog log, List<Event> batch) {
            for (Event e : log.appendAll(batch)) {
                if (e.data() instanceof EventData.Materialized m) {
                    current.put(e.assetKey(), new EventData.InputVersion(m.dataVersion(), e.id()));
                    materializations++;
                }
            }
            events += batch.size();
        }

        private String hex64() {
            return String.format(Locale.ROOT, "%016x%016x%016x%016x", random.nextLong(), random.nextLong(),
                    random.nextLong(), random.nextLong());
        }
    }

    // ---- measurements ----

    private void measure(AssetGraph graph, String label) throws SQLException {
        System.out.println();
        System.out.println("== queries" + label);
        long t = System.nanoTime();
        try (H2EventLog log = H2EventLog.open(database, H2EventLog.Mode.EXCLUSIVE);
             Connection admin = DriverManager.getConnection(url(), "cairn", "")) {
            System.out.printf(Locale.ROOT, "open: %.0f ms%n", ms(System.nanoTime() - t));
            try (Statement st = admin.createStatement()) {
                st.execute("SET OPTIMIZE_REUSE_RESULTS FALSE");
            }
            StalenessCalculator calculator = new StalenessCalculator(ZoneOffset.UTC);
            Supplier<StalenessReport> status = () -> calculator.compute(graph, RecordedVersions.read(log));

            // Cold: the first query of each kind after opening (H2's page cache is empty).
            timeOnce("status, all assets (cold)", status);
            timeOnce("metadataSeries, chart asset (cold)", () -> log.metadataSeries(SERIES_ASSET, SERIES_KEY));
            timeOnce("materializationHistory, first page of 50 (cold)",
                    () -> log.materializationHistory(SERIES_ASSET, null, 50));

            StalenessReport report = status.get();
            printCounts(report);
            median("status, all assets (warm)", status);
            median("  of which read RecordedVersions", () -> RecordedVersions.read(log));
            RecordedVersions recorded = RecordedVersions.read(log);
            median("  of which compute", () -> calculator.compute(graph, recorded));
            median("latestMaterializations()", log::latestMaterializations);
            uncached(graph, calculator);
            afterARun(log, graph, calculator);
            median("metadataSeries, chart asset (warm)", () -> log.metadataSeries(SERIES_ASSET, SERIES_KEY));
            median("materializationHistory, first page of 50 (warm)",
                    () -> log.materializationHistory(SERIES_ASSET, null, 50));
            long middle = log.materializationHistory(SERIES_ASSET, null, settings.series() / 2 + 1).stream()
                    .reduce((a, b) -> b).map(m -> m.eventId()).orElse(Long.MAX_VALUE);
            median("materializationHistory, page of 50 in the middle",
                    () -> log.materializationHistory(SERIES_ASSET, middle, 50));
            heap(report);
        }
    }

    /**
     * The log keeps the records it parsed while their events are still the latest; a newly opened
     * log parses every one (after one, so that the JSON reader is warm).
     */
    private void uncached(AssetGraph graph, StalenessCalculator calculator) {
        Samples samples = new Samples(Math.max(3, settings.repeats() / 4));
        for (int i = 0; i < samples.size(); i++) {
            try (H2EventLog other = H2EventLog.open(database, H2EventLog.Mode.EXCLUSIVE)) {
                other.latestMaterialization(SERIES_ASSET);
                samples.time(i, () -> calculator.compute(graph, RecordedVersions.read(other)));
            }
        }
        samples.print("status, nothing parsed before (newly opened log)", "every materialization parsed");
    }

    /** Status right after a run changed 1% of the assets: only their events are parsed. */
    private void afterARun(H2EventLog log, AssetGraph graph, StalenessCalculator calculator) {
        Samples samples = new Samples(Math.max(3, settings.repeats() / 4));
        List<String> keys = fixture.filledKeys();
        SplittableRandom random = new SplittableRandom(SEED + 2);
        Filler filler = new Filler(log);
        for (int i = 0; i < samples.size(); i++) {
            List<String> changed = new ArrayList<>();
            for (int j = 0; j < Math.max(1, keys.size() / 100); j++) {
                changed.add(keys.get(random.nextInt(keys.size())));
            }
            filler.rematerialize(log, changed);
            samples.time(i, () -> calculator.compute(graph, RecordedVersions.read(log)));
        }
        samples.print("status, after each run of 1% of the assets", "their new events parsed");
    }

    private static void printCounts(StalenessReport report) {
        Map<AssetStatus, Integer> counts = new EnumMap<>(AssetStatus.class);
        int pending = 0;
        int failed = 0;
        for (AssetState s : report.states().values()) {
            counts.merge(s.status(), 1, Integer::sum);
            pending += s.upstreamChangesPending() ? 1 : 0;
            failed += s.latestAttemptFailed() ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "statuses: %s, %d with upstream changes pending, %d whose latest attempt "
                + "failed%n", counts, pending, failed);
    }

    private void heap(StalenessReport report) {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "heap used after GC, holding one report: %,d MB%n",
                (rt.totalMemory() - rt.freeMemory()) >> 20);
        if (report.states().isEmpty()) {
            throw new IllegalStateException("empty report");
        }
    }

    private void compact(long events) throws SQLException {
        System.out.println();
        long t = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url(), "cairn", ""); Statement st = c.createStatement()) {
            st.execute("SHUTDOWN COMPACT");
        }
        long bytes;
        try {
            bytes = Files.size(dataFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        System.out.printf(Locale.ROOT, "SHUTDOWN COMPACT: %.1f s, file now %,d bytes%s%n", secs(System.nanoTime() - t),
                bytes, events > 0 ? String.format(Locale.ROOT, " = %,d bytes per event", bytes / events) : "");
    }

    private String url() {
        // The settings H2EventLog uses, so that this connection shares its database.
        return "jdbc:h2:file:" + database.toAbsolutePath().normalize() + ";LOCK_TIMEOUT=10000";
    }

    private Path dataFile() {
        return Path.of(database + ".mv.db");
    }

    private static void timeOnce(String what, Supplier<?> work) {
        Samples once = new Samples(1);
        Object result = once.time(0, work);
        System.out.printf(Locale.ROOT, "%-50s %8.1f ms wall %8.1f ms CPU  (%s)%n", what, once.wall[0], once.cpu[0],
                size(result));
    }

    private void median(String what, Supplier<?> work) {
        for (int i = 0; i < 3; i++) {
            work.get();
        }
        Samples samples = new Samples(settings.repeats());
        Object result = null;
        for (int i = 0; i < samples.size(); i++) {
            result = samples.time(i, work);
        }
        samples.print(what, size(result));
    }

    /**
     * Wall time and the CPU time of this thread (H2 runs embedded queries in the calling thread).
     * The CPU time does not count waiting for a core, so it stays meaningful on a busy machine.
     */
    private static final class Samples {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        final double[] wall;
        final double[] cpu;

        Samples(int n) {
            wall = new double[n];
            cpu = new double[n];
        }

        int size() {
            return wall.length;
        }

        <T> T time(int i, Supplier<T> work) {
            long c = THREADS.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            T result = work.get();
            wall[i] = ms(System.nanoTime() - t);
            cpu[i] = ms(THREADS.getCurrentThreadCpuTime() - c);
            return result;
        }

        void print(String what, String result) {
            Arrays.sort(wall);
            Arrays.sort(cpu);
            System.out.printf(Locale.ROOT, "%-50s %8.1f ms wall %8.1f ms CPU  median of %d (wall min %.1f, max %.1f; "
                    + "%s)%n", what, wall[wall.length / 2], cpu[cpu.length / 2], wall.length, wall[0],
                    wall[wall.length - 1], result);
        }
    }

    private static String size(Object result) {
        if (result instanceof List<?> l) {
            return String.format(Locale.ROOT, "%,d rows", l.size());
        }
        if (result instanceof Map<?, ?> m) {
            return String.format(Locale.ROOT, "%,d assets", m.size());
        }
        if (result instanceof StalenessReport r) {
            return String.format(Locale.ROOT, "%,d assets", r.states().size());
        }
        if (result instanceof RecordedVersions r) {
            return String.format(Locale.ROOT, "%,d materializations", r.materializations().size());
        }
        return String.valueOf(result);
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

    /**
     * The synthetic definitions: a layered DAG, decided once from a fixed seed, so that a kept log
     * and a new JVM agree on it.
     */
    private static final class Fixture {
        private final List<List<String>> layers = new ArrayList<>();
        private final Map<String, List<String>> upstreams = new HashMap<>();
        private final Set<String> missing = new HashSet<>();
        private final List<String> rematerialized = new ArrayList<>();
        private final List<String> failing = new ArrayList<>();
        private final Set<String> codeChanged = new HashSet<>();
        private final List<String> filledKeys = new ArrayList<>();
        private int edges;

        Fixture(int assets, SplittableRandom random) {
            int perLayer = Math.max(1, assets / LAYERS);
            // 1.5 upstreams per asset on average, with the first layer having none.
            double twoUpstreams = 1.5 * assets / (assets - perLayer) - 1;
            for (int i = 0; i < assets; i++) {
                int layer = Math.min(LAYERS - 1, i / perLayer);
                if (layers.size() <= layer) {
                    layers.add(new ArrayList<>());
                }
                String key = String.format(Locale.ROOT, "l%02d_asset_%05d", layer, i);
                layers.get(layer).add(key);
                Set<String> ups = new LinkedHashSet<>();
                if (layer > 0) {
                    int count = random.nextDouble() < twoUpstreams ? 2 : 1;
                    while (ups.size() < count) {
                        int from = random.nextInt(10) < 7 ? layer - 1 : random.nextInt(layer);
                        List<String> candidates = layers.get(from);
                        ups.add(candidates.get(random.nextInt(candidates.size())));
                    }
                }
                upstreams.put(key, List.copyOf(ups));
                edges += ups.size();
            }
            upstreams.put(SERIES_ASSET, List.of());
            // Leaves never materialized (added to the code since the last run), so nothing depends on them.
            List<String> last = layers.get(layers.size() - 1);
            missing.addAll(last.subList(0, Math.min(last.size(), Math.max(1, assets / 200))));
            List<String> inner = layers.subList(0, layers.size() - 1).stream().flatMap(List::stream).toList();
            for (int i = 0; i < Math.max(1, assets / 100); i++) {
                rematerialized.add(inner.get(random.nextInt(inner.size())));
                codeChanged.add(inner.get(random.nextInt(inner.size())));
            }
            for (int i = 0; i < Math.max(1, assets / 300); i++) {
                failing.add(inner.get(random.nextInt(inner.size())));
            }
            for (List<String> layer : layers) {
                layer.stream().filter(k -> !missing.contains(k)).forEach(filledKeys::add);
            }
        }

        List<List<String>> layers() {
            return layers;
        }

        List<String> upstreams(String key) {
            return upstreams.get(key);
        }

        boolean isMissing(String key) {
            return missing.contains(key);
        }

        List<String> filledKeys() {
            return filledKeys;
        }

        List<String> rematerialized() {
            return rematerialized;
        }

        List<String> failing() {
            return failing;
        }

        int edges() {
            return edges;
        }

        /** The definitions as they are now: some code versions changed since the log was filled. */
        AssetGraph currentGraph() {
            List<AssetSpec> specs = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : upstreams.entrySet()) {
                String key = e.getKey();
                List<ParameterBinding> params = new ArrayList<>();
                for (String up : e.getValue()) {
                    params.add(new ParameterBinding.UpstreamInput(up, up, "java.util.List<bench.Row>"));
                }
                specs.add(new AssetSpec(key, key.substring(0, 3), "", codeChanged.contains(key) ? "v2" : "v1",
                        AssetSpec.DEFAULT_IO_MANAGER, AssetSpec.Kind.ASSET, false, params, List.of(), Map.of(),
                        List.of(), RetrySpec.NONE, "bench.Assets", key, "java.util.List<bench.Row>"));
            }
            return AssetGraph.of(specs);
        }
    }
}
