package dev.cairn.tables.bench;

import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cairn.api.InputContext;
import dev.cairn.api.Materialization;
import dev.cairn.api.MetadataValue;
import dev.cairn.api.OutputContext;
import dev.cairn.tables.JdbcIOManager;

/**
 * Stores a list of records of {@code rows} rows (default 1,000,000) with the JDBC IO manager and
 * reads it back: into an H2 warehouse file (batched inserts) and a DuckDB file (COPY from a CSV file), and, when
 * {@code CAIRN_TEST_POSTGRES_URL} names a server, into PostgreSQL with COPY and with batched
 * inserts. Prints seconds and rows/s per store and load; each is the best of {@code rounds}
 * (default 3), after a first untimed round.
 *
 * <p>Run: {@code java -Xmx4g -cp <test class path> dev.cairn.tables.bench.BulkLoadBenchmark [rows] [rounds]}
 */
public final class BulkLoadBenchmark {

    /** Six columns of the usual kinds, a line of a fact table. */
    public record Event(long id, String user, int score, double value, Instant time, LocalDate day) { }

    private BulkLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Event> events = new ArrayList<>(rows);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < rows; i++) {
            events.add(new Event(i, "user" + (i % 10_000), i % 1_000, i * 0.25, start.plusSeconds(i),
                    LocalDate.of(2024, 1, 1).plusDays(i % 365)));
        }
        System.out.printf("%,d rows of 6 columns, best of %d rounds after a warm-up%n", rows, rounds);
        Path dir = Files.createTempDirectory("cairn-bulk");
        measure("H2 file, batched inserts", JdbcIOManager.h2(dir.resolve("warehouse")), events, rounds);
        measure("DuckDB file, COPY from a file", JdbcIOManager.connect("jdbc:duckdb:" + dir.resolve("warehouse.duckdb")),
                events, rounds);
        String pg = System.getenv("CAIRN_TEST_POSTGRES_URL");
        if (pg == null) {
            System.out.println("PostgreSQL: skipped, CAIRN_TEST_POSTGRES_URL is not set");
        } else {
            measure("PostgreSQL, COPY", JdbcIOManager.connect(pg).schema("bench"), events, rounds);
            measure("PostgreSQL, batched inserts", JdbcIOManager.connect(pg).schema("bench").batchedInserts(), events, rounds);
        }
    }

    private static void measure(String name, JdbcIOManager io, List<Event> events, int rounds) throws Exception {
        double bestStore = Double.MAX_VALUE;
        double bestLoad = Double.MAX_VALUE;
        for (int round = 0; round <= rounds; round++) {
            long t0 = System.nanoTime();
            io.handleOutput(new Output(), events);
            long t1 = System.nanoTime();
            List<?> read = (List<?>) io.loadInput(new Input());
            long t2 = System.nanoTime();
            if (read.size() != events.size() || !read.get(read.size() - 1).equals(events.get(events.size() - 1))) {
                throw new IllegalStateException("read back " + read.size() + " rows, not the ones written");
            }
            if (round > 0) {
                bestStore = Math.min(bestStore, (t1 - t0) / 1e9);
                bestLoad = Math.min(bestLoad, (t2 - t1) / 1e9);
            }
        }
        System.out.printf("%-30s store %6.2f s (%,9.0f rows/s)   load %6.2f s (%,9.0f rows/s)%n", name,
                bestStore, events.size() / bestStore, bestLoad, events.size() / bestLoad);
    }

    @SuppressWarnings("unused")
    private static void declares(List<Event> events) {
    }

    private static Type listOfEvents() {
        try {
            return BulkLoadBenchmark.class.getDeclaredMethod("declares", List.class).getGenericParameterTypes()[0];
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Output implements OutputContext {
        private final Map<String, MetadataValue> metadata = new LinkedHashMap<>();

        @Override public String assetKey() { return "events"; }
        @Override public Optional<String> partitionKey() { return Optional.empty(); }
        @Override public String runId() { return "bench"; }
        @Override public Type valueType() { return listOfEvents(); }
        @Override public void addMetadata(String key, MetadataValue value) { metadata.put(key, value); }
        @Override public void reportContentHash(String hash) { }
        @Override public Optional<Materialization> previous() { return Optional.empty(); }
    }

    private static final class Input implements InputContext {
        @Override public String assetKey() { return "events"; }
        @Override public Optional<String> partitionKey() { return Optional.empty(); }
        @Override public String downstreamKey() { return "bench"; }
        @Override public Type expectedType() { return listOfEvents(); }
        @Override public Optional<Materialization> upstreamMaterialization() { return Optional.empty(); }
    }
}
