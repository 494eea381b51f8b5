package dev.cairn.engine.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.api.MetadataValue;
import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.events.EventType;
import dev.cairn.engine.events.LogLevel;
import dev.cairn.engine.storage.EventLogException;
import dev.cairn.engine.storage.LocalProcess;
import dev.cairn.engine.storage.MetadataPoint;
import dev.cairn.engine.storage.SeriesColumns;
import dev.cairn.engine.storage.SeriesValues;
import dev.cairn.engine.storage.RunRecord;
import dev.cairn.engine.storage.RunStatus;

/** What only the H2 log does: files, schema versions, damaged input and dead processes. */
class H2EventLogTest {

    private static final String APPLIED_MIGRATIONS =
            "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL";

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("workspace").resolve("eventlog");
    }

    @Test
    void reopeningKeepsEverythingAndMigratesOnlyOnce() throws SQLException {
        try (H2EventLog log = H2EventLog.open(db(), H2EventLog.Mode.EXCLUSIVE)) {
            log.createRun(run("r", LocalProcess.pid(), Instant.now()));
            log.append(Event.of("r", EventType.LOG, null, LogLevel.INFO, "hello", null));
        }
        String installedOn = singleValue("SELECT \"installed_on\" FROM \"flyway_schema_history\" WHERE \"version\" = '1'");

        try (H2EventLog log = H2EventLog.open(db(), H2EventLog.Mode.EXCLUSIVE)) {
            assertThat(log.eventsAfter("r", 0, 10)).extracting(Event::message).containsExactly("hello");
        }

        assertThat(singleValue(APPLIED_MIGRATIONS)).isEqualTo("1");
        assertThat(singleValue("SELECT \"installed_on\" FROM \"flyway_schema_history\" WHERE \"version\" = '1'"))
                .isEqualTo(installedOn);
        assertThat(Files.exists(Path.of(db() + ".mv.db"))).isTrue();
    }

    @Test
    void theSchemaVersionConstantNamesTheNewestMigration() {
        Flyway flyway = Flyway.configure().dataSource(dataSource()).locations(H2Opener.MIGRATIONS).load();
        MigrationInfo[] all = flyway.info().all();
        assertThat(all[all.length - 1].getVersion().getVersion()).isEqualTo(H2Opener.SCHEMA_VERSION);
    }

    @Test
    void numericMetadataCanBeReadWithPlainSqlThroughAView() throws SQLException {
        Event m;
        try (H2EventLog log = H2EventLog.open(db(), H2EventLog.Mode.EXCLUSIVE)) {
            log.createRun(run("r", LocalProcess.pid(), Instant.now()));
            m = log.append(new Event(0, "r", EventType.ASSET_MATERIALIZATION, Instant.parse("2024-01-02T03:04:05Z"),
                    "orders", "p1", LogLevel.INFO, "", new EventData.Materialized(Map.of("rows",
                    MetadataValue.of(42), "name", MetadataValue.text("x")), 1, null, "d",
                    EventData.DataVersionSource.UNIQUE, Map.of())));
        }
        assertThat(singleValue("SELECT event_id || ' ' || asset_key || ' ' || meta_key || ' ' || num_value || ' '"
                + " || ts_nanos || ' ' || run_id || ' ' || partition_key FROM numeric_metadata"))
                .isEqualTo(m.id() + " orders rows 42.0 1704164645000000000 r p1");
    }

    /**
     * Long series, read in many chunks, whose every point names its own run: the usual history of a
     * scheduled asset. One names more runs than an H2 array holds, one every fourth run. The runs and
     * points are written with SQL: 70,000 runs through the log's API would take most of a minute.
     */
    @Test
    void longSeriesAreReadWholeWithARunPerPoint() throws SQLException {
        int n = 70_000;
        H2EventLog.open(db(), H2EventLog.Mode.EXCLUSIVE).close();
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            // In a fresh log the runs' seqs count from 1: point i (event i + 1) names run "r" + (n - 1 - i).
            s.execute("INSERT INTO runs (run_id, status, asset_keys, started_at, pid) SELECT 'r' || (X - 1), 'SUCCESS',"
                    + " '[\"orders\"]', CURRENT_TIMESTAMP, 1 FROM SYSTEM_RANGE(1, " + n + ")");
            s.execute("INSERT INTO metadata_series (asset_key, meta_key) VALUES ('orders', 'cairn:duration_ms'),"
                    + " ('orders', 'rows')");
            long durations = Long.parseLong(singleValue(c, "SELECT id FROM metadata_series WHERE meta_key <> 'rows'"));
            long rows = Long.parseLong(singleValue(c, "SELECT id FROM metadata_series WHERE meta_key = 'rows'"));
            s.execute("INSERT INTO metadata_points (point, num_value, ts_nanos, run_seq, partition_key) SELECT "
                    + PointKeys.point(durations, 0) + " + X, X - 1, 1000 * (X - 1), " + (n + 1) + " - X,"
                    + " CASE WHEN MOD(X, 1000) = 1 THEN 'p' || X END FROM SYSTEM_RANGE(1, " + n + ")");
            s.execute("INSERT INTO metadata_points (point, num_value, ts_nanos, run_seq) SELECT "
                    + PointKeys.point(rows, 0) + " + X, 3 * X, 1000 * (X - 1), " + (n + 1) + " - X"
                    + " FROM SYSTEM_RANGE(1, " + n + ") WHERE MOD(X, 2) = 0");
            s.execute("INSERT INTO metadata_series (asset_key, meta_key) VALUES ('customers', 'cairn:duration_ms')");
            long sparse = Long.parseLong(singleValue(c, "SELECT id FROM metadata_series WHERE asset_key = 'customers'"));
            s.execute("INSERT INTO metadata_points (point, num_value, ts_nanos, run_seq) SELECT "
                    + PointKeys.point(sparse, 0) + " + X, X, X, 4 * X - 3 FROM SYSTEM_RANGE(1, 12000)");
        }
        try (H2EventLog log = H2EventLog.open(db(), H2EventLog.Mode.EXCLUSIVE)) {
            SeriesColumns read = log.durationColumns("orders");

            assertThat(n).isGreaterThan(8 * Chunks.SIZE);
            assertThat(read).isEqualTo(new SeriesColumns(LongStream.rangeClosed(1, n).toArray(),
                    LongStream.range(0, n).map(i -> 1000 * i).toArray(),
                    IntStream.range(0, n).mapToObj(i -> "r" + (n - 1 - i)).toArray(String[]::new),
                    IntStream.range(0, n).mapToObj(i -> i % 1000 == 0 ? "p" + (i + 1) : null).toArray(String[]::new),
                    LongStream.range(0, n).asDoubleStream().toArray()));
            assertThat(log.metadataValues("orders", "rows")).isEqualTo(new SeriesValues(
                    LongStream.rangeClosed(1, n).filter(x -> x % 2 == 0).toArray(),
                    LongStream.rangeClosed(1, n).filter(x -> x % 2 == 0).mapToDouble(x -> 3 * x).toArray()));
            assertThat(log.metadataSeries("orders", "rows")).hasSize(n / 2).last()
                    .isEqualTo(new MetadataPoint(n, Instant.ofEpochSecond(0, 1000L * (n - 1)), "r0", null, 3.0 * n));
            // Run seq 4x - 3 is run "r" + (4x - 4).
            assertThat(log.durationColumns("customers").runIds()).isEqualTo(IntStream.rangeClosed(1, 12000)
                    .mapToObj(x -> "r" + (4 * x - 4)).toArray(String[]::new));
        }
    }

    @Test
    void aLogWrittenByANewerCairnIsRefusedAndLeftAlone() throws SQLException {
        H2EventLog.open(db(), H2EventLog.Mode.EXCLUSIVE).close();
        Flyway.configure().dataSource(dataSource())
                .locations(H2Opener.MIGRATIONS, "classpath:dev/cairn/engine/storage/h2/future").load().migrate();

        EventLogException e = assertThrows(EventLogException.class,
                () -> H2EventLog.open(db(), H2EventLog.Mode.EXCLUSIVE));

        assertThat(e.kind()).isEqualTo(EventLogException.Kind.NEWER_VERSION);
        assertThat(e.getMessage()).contains(db() + ".mv.db").contains("newer version of Cairn")
                .contains("schema version 2").contains("up to 1").contains("Update Cairn");
        assertThat(singleValue(APPLIED_MIGRATIONS)).isEqualTo("2");
    }

    @Test
    void aDatabaseThatIsNotAnEventLogIsRefused() throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (id INT)");
        }
        EventLogException e = assertThrows(EventLogException.class,
                () -> H2EventLog.open(db(), H2EventLog.Mode.EXCLUSIVE));
        assertThat(e.kind()).isEqualTo(EventLogException.Kind.NOT_AN_EVENT_LOG);
        assertThat(e.getMessage()).contains(db() + ".mv.db").contains("not a Cairn event log");
    }

    @Test
    void aDatabaseOfAnotherUserIsRefused() throws SQLException {
        JdbcDataSource other = dataSource();
        other.setUser("somebody");
        other.getConnection().close();

        EventLogException e = assertThrows(EventLogException.class,
                () -> H2EventLog.open(db(), H2EventLog.Mode.EXCLUSIVE));
        assertThat(e.kind()).isEqualTo(EventLogException.Kind.NOT_AN_EVENT_LOG);
        assertThat(e.getMessage()).contains("Cairn did not create");
    }

    @Test
    void aDamagedFileIsReportedWithoutChangingIt() throws IOException {
        try (H2EventLog log = H2EventLog.open(db(), H2EventLog.Mode.EXCLUSIVE)) {
            log.createRun(run("r", LocalProcess.pid(), Instant.now()));
        }
        Path file = Path.of(db() + ".mv.db");
        byte[] garbage = new byte[(int) Files.size(file)];
        new Random(42).nextBytes(garbage);
        Files.write(file, garbage);

        EventLogException e = assertThrows(EventLogException.class,
                () -> H2EventLog.open(db(), H2EventLog.Mode.EXCLUSIVE));

        assertThat(e.kind()).isEqualTo(EventLogException.Kind.DAMAGED);
        assertThat(e.getMessage()).contains(file.toString()).contains("damaged").contains("Move it aside");
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
    }

    @Test
    void aLogCannotBeCreatedWhereNoFolderCanBe() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        EventLogException e = assertThrows(EventLogException.class,
                () -> H2EventLog.open(file.resolve("eventlog"), H2EventLog.Mode.EXCLUSIVE));
        assertThat(e.kind()).isEqualTo(EventLogException.Kind.FAILED);
        assertThat(e.getMessage()).contains("cannot create the folder").contains(file.toString());

        assertThatThrownBy(() -> H2EventLog.open(dir.resolve("a;b").resolve("eventlog"), H2EventLog.Mode.EXCLUSIVE))
                .isInstanceOf(EventLogException.class).hasMessageContaining("';'");
    }

    @Test
    void runsOfDeadProcessesOnThisHostAreFailedAndOthersLeftAlone() throws Exception {
        long deadPid = deadProcessPid();
        Instant jvmStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        try (H2EventLog log = H2EventLog.open(db(), H2EventLog.Mode.EXCLUSIVE)) {
            log.createRun(run("dead", deadPid, Instant.now()));
            log.createRun(run("alive", LocalProcess.pid(), Instant.now()));
            log.createRun(run("reused-pid", LocalProcess.pid(), jvmStart.minus(Duration.ofHours(1))));
            log.createRun(new RunRecord("elsewhere", RunStatus.STARTED, "*", List.of(), Instant.now(), null, deadPid,
                    "another-machine", null));
            log.createRun(run("finished", deadPid, Instant.now()));
            log.append(Event.of("finished", EventType.RUN_SUCCESS, null, LogLevel.INFO, "done", null));

            assertThat(log.failOrphanedRuns()).containsExactlyInAnyOrder("dead", "reused-pid");

            RunRecord dead = log.run("dead").orElseThrow();
            assertThat(dead.status()).isEqualTo(RunStatus.FAILURE);
            assertThat(dead.failureReason()).isEqualTo("the process running it (pid " + deadPid + ") is gone");
            assertThat(dead.endedAt()).isNotNull();
            Event failure = log.eventsAfter("dead", 0, 10).get(0);
            assertThat(failure.type()).isEqualTo(EventType.RUN_FAILURE);
            assertThat(failure.level()).isEqualTo(LogLevel.ERROR);
            assertThat(failure.data()).isEqualTo(new EventData.RunEnded(dead.failureReason()));
            assertThat(log.run("reused-pid").orElseThrow().failureReason()).contains("started later");
            for (String untouched : List.of("alive", "elsewhere")) {
                assertThat(log.run(untouched).orElseThrow().status()).isEqualTo(RunStatus.STARTED);
                assertThat(log.eventsAfter(untouched, 0, 10)).isEmpty();
            }
            assertThat(log.run("finished").orElseThrow().status()).isEqualTo(RunStatus.SUCCESS);

            assertThat(log.failOrphanedRuns()).as("failing is done once").isEmpty();
            assertThat(log.eventsAfter("dead", 0, 10)).hasSize(1);
        }
    }

    @Test
    void openingFailsTheOrphansLeftByADeadProcess() throws Exception {
        long deadPid = deadProcessPid();
        try (H2EventLog log = H2EventLog.open(db(), H2EventLog.Mode.EXCLUSIVE)) {
            log.createRun(run("dead", deadPid, Instant.now()));
            assertThat(log.orphanedRunsFailedOnOpen()).isEmpty();
        }
        try (H2EventLog log = H2EventLog.open(db(), H2EventLog.Mode.EXCLUSIVE)) {
            assertThat(log.orphanedRunsFailedOnOpen()).containsExactly("dead");
            assertThat(log.run("dead").orElseThrow().status()).isEqualTo(RunStatus.FAILURE);
        }
    }

    @Test
    void aClosedLogSaysSo() {
        H2EventLog log = H2EventLog.open(db(), H2EventLog.Mode.EXCLUSIVE);
        log.close();
        log.close();
        assertThatThrownBy(() -> log.runs(null, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> log.createRun(run("r", 1, Instant.now()))).isInstanceOf(IllegalStateException.class);
    }

    private static RunRecord run(String id, long pid, Instant startedAt) {
        return new RunRecord(id, RunStatus.STARTED, "*", List.of(), startedAt, null, pid, LocalProcess.host(), null);
    }

    /** The pid of a process that has ended. */
    private static long deadProcessPid() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
        return p.pid();
    }

    private JdbcDataSource dataSource() {
        return H2Opener.dataSource(H2Opener.url(db(), H2EventLog.Mode.EXCLUSIVE));
    }

    private static String singleValue(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String singleValue(String sql) throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
