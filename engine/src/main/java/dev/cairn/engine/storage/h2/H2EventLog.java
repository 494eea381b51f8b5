package dev.cairn.engine.storage.h2;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;

import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.events.EventType;
import dev.cairn.engine.events.LogLevel;
import dev.cairn.engine.json.CairnJson;
import dev.cairn.engine.storage.EventLog;
import dev.cairn.engine.storage.FailureRecord;
import dev.cairn.engine.storage.EventLogException;
import dev.cairn.engine.storage.LocalProcess;
import dev.cairn.engine.storage.MaterializationRecord;
import dev.cairn.engine.storage.MetadataPoint;
import dev.cairn.engine.storage.ObservationRecord;
import dev.cairn.engine.storage.RunRecord;
import dev.cairn.engine.storage.SeriesColumns;
import dev.cairn.engine.storage.SeriesValues;

/**
 * The event log in an embedded H2 database: one file per workspace ({@code <name>.mv.db}).
 *
 * <p><b>Durability.</b> Every append is a transaction, written to the file before it returns (see
 * {@link EventWriter}): when {@link #append} or {@link #appendAll} returns, the event survives a
 * kill of this process (including {@code SIGKILL}). H2 does not fsync on commit, so a crash of the
 * operating system or a power cut can still lose the commits of the last seconds that the OS had not
 * yet written to disk; the file itself stays consistent (H2 falls back to its last complete
 * chunk).
 *
 * <p><b>Processes.</b> In {@link Mode#EXCLUSIVE} mode the log belongs to one process; another that
 * opens it, in either mode, gets an {@link EventLogException} of kind {@code IN_USE}. In
 * {@link Mode#SHARED} mode the first process serves the others over TCP on the loopback interface
 * only (H2's {@code AUTO_SERVER}); when it exits, another takes over. An exclusive opener is
 * refused while any process holds the log. Sharing needs H2's {@code h2.bindAddress} to be
 * 127.0.0.1, which Cairn sets before it first uses H2; if other code started H2 in this process
 * first, a shared open fails with kind {@code UNSAFE_SHARING} rather than listen on the network.
 *
 * <p><b>Threads.</b> Writes of this process take turns on one connection; reads use a small pool
 * of connections and see only committed data.
 *
 * <p>{@link #open} migrates the schema and fails the runs whose process died
 * ({@link #failOrphanedRuns()}); its callers need not.
 */
public final class H2EventLog implements EventLog {

    /** How a log is shared between processes. */
    public enum Mode {
        /** Only this process may open the log: for the command line. */
        EXCLUSIVE,
        /**
         * Several processes of this machine may open the log at once, for example the app reading
         * while a worker process writes. The first to open it serves the others on 127.0.0.1.
         */
        SHARED
    }

    private static final String MATERIALIZATION = EventType.ASSET_MATERIALIZATION.name();
    private static final String OBSERVATION = EventType.ASSET_OBSERVATION.name();

    private static final String RUN = "SELECT " + EventRows.RUN_COLUMNS + " FROM runs WHERE run_id = ?";
    private static final String RUNS = "SELECT " + EventRows.RUN_COLUMNS + " FROM runs ORDER BY seq DESC LIMIT ?";
    private static final String RUNS_BEFORE = "SELECT " + EventRows.RUN_COLUMNS + " FROM runs "
            + "WHERE seq < (SELECT seq FROM runs WHERE run_id = ?) ORDER BY seq DESC LIMIT ?";
    private static final String EVENTS_AFTER = "SELECT " + EventRows.EVENT_COLUMNS + " FROM events "
            + "WHERE run_id = ? AND id > ? ORDER BY run_id, id LIMIT ?";
    private static final String EVENT = "SELECT " + EventRows.EVENT_COLUMNS + " FROM events WHERE id = ?";
    private static final String LATEST = "SELECT " + EventRows.LATEST_COLUMNS + " FROM asset_latest WHERE type = ?";
    private static final String LATEST_FAILURES = "SELECT event_id, run_id, asset_key, ts FROM asset_latest "
            + "WHERE type = '" + EventType.STEP_FAILURE.name() + "'";
    private static final String LATEST_OF_ASSET = LATEST + " AND asset_key = ?";
    private static final String HISTORY = "SELECT " + EventRows.EVENT_COLUMNS + " FROM events "
            + "WHERE asset_key = ? AND type = '" + MATERIALIZATION + "' AND id < ? "
            + "ORDER BY asset_key DESC, type DESC, id DESC LIMIT ?";
    private static final String SERIES = "SELECT id FROM metadata_series WHERE asset_key = ? AND meta_key = ?";
    /** Ordered by the whole unique key, so that H2 reads the keys from its index in order. */
    private static final String SERIES_KEYS = "SELECT meta_key FROM metadata_series WHERE asset_key = ? "
            + "ORDER BY asset_key, meta_key";
    private static final String POINTS = "SELECT point, ts_nanos, run_seq, partition_key, num_value "
            + "FROM metadata_points WHERE point BETWEEN ? AND ? ORDER BY point";
    private static final String VALUES = "SELECT point, num_value FROM metadata_points WHERE point BETWEEN ? AND ? "
            + "ORDER BY point";
    private static final String RUN_IDS = "SELECT r.seq, r.run_id FROM TABLE(s BIGINT = ?) t JOIN runs r ON r.seq = t.s";
    /** Ordered by the primary key, so that H2 walks it. */
    private static final String RUN_IDS_BETWEEN = "SELECT seq, run_id FROM runs WHERE seq BETWEEN ? AND ? ORDER BY seq";
    /** Runs looked up per query: H2's arrays hold at most 65,536 elements. */
    private static final int RUN_ID_BATCH = 10_000;
    private static final String STARTED_RUNS = "SELECT run_id, pid, host, started_at FROM runs WHERE status = 'STARTED'";

    private final Path database;
    private final JdbcConnectionPool readers;
    private final EventWriter writer;
    private final EventRows rows;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final LatestCache<MaterializationRecord> materializations =
            new LatestCache<>(MaterializationRecord::eventId);
    private final LatestCache<ObservationRecord> observations = new LatestCache<>(ObservationRecord::eventId);
    private List<String> failedOnOpen = List.of();

    private H2EventLog(Path database, JdbcConnectionPool readers, EventWriter writer, EventRows rows) {
        this.database = database;
        this.readers = readers;
        this.writer = writer;
        this.rows = rows;
    }

    /**
     * Opens the log, creating it if needed: brings its schema up to date and marks runs whose process
     * died as failed.
     *
     * @param database the database file without H2's {@code .mv.db} suffix, e.g. {@code <workspace>/eventlog}
     * @param mode whether other processes may open it at the same time
     * @throws EventLogException if the log is in use, damaged, written by a newer Cairn, or cannot be created
     */
    public static H2EventLog open(Path database, Mode mode) {
        String url = H2Opener.url(database, mode);
        if (mode == Mode.SHARED) {
            H2Opener.requireLoopbackServer(database);
        }
        H2Opener.createFolder(database);
        JdbcDataSource dataSource = H2Opener.dataSource(url);
        Connection writeConnection;
        try {
            // The first connection opens (or creates) the file: locked or damaged files fail here.
            writeConnection = dataSource.getConnection();
        } catch (SQLException e) {
            throw H2Errors.translate(database, "open", e);
        }
        JdbcConnectionPool readers = null;
        try {
            H2Opener.migrate(database, dataSource);
            EventRows rows = new EventRows(new CairnJson());
            EventWriter writer = new EventWriter(database, writeConnection, rows);
            readers = JdbcConnectionPool.create(dataSource);
            H2EventLog log = new H2EventLog(database, readers, writer, rows);
            log.failedOnOpen = log.failOrphanedRuns();
            return log;
        } catch (SQLException e) {
            closeAfterFailure(writeConnection, readers, e);
            throw H2Errors.translate(database, "open", e);
        } catch (RuntimeException | Error e) {
            closeAfterFailure(writeConnection, readers, e);
            throw e;
        }
    }

    private static void closeAfterFailure(Connection connection, JdbcConnectionPool readers, Throwable failure) {
        if (readers != null) {
            readers.dispose();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** The database file without H2's suffix, as given to {@link #open}. */
    public Path database() {
        return database;
    }

    /** The runs that {@link #open} marked as failed because their process had died. */
    public List<String> orphanedRunsFailedOnOpen() {
        return failedOnOpen;
    }

    @Override
    public void createRun(RunRecord run) {
        checkOpen();
        writer.createRun(run);
    }

    @Override
    public Event append(Event event) {
        return appendAll(List.of(event)).get(0);
    }

    @Override
    public List<Event> appendAll(List<Event> events) {
        checkOpen();
        return writer.append(events);
    }

    /**
     * Appends a run-ending event (RUN_FAILURE or RUN_CANCELED) only if the run is still STARTED,
     * atomically: for a process that ends a run on behalf of another that died, without racing a
     * third that does the same ({@link #failOrphanedRuns()}).
     *
     * @return whether the run was still STARTED and the event was appended
     * @throws IllegalArgumentException if the event does not end a run
     */
    public boolean appendRunEndIfStarted(Event end) {
        if (!end.type().endsRun()) {
            throw new IllegalArgumentException(end.type() + " does not end a run");
        }
        checkOpen();
        return writer.failIfStarted(end);
    }

    @Override
    public Optional<RunRecord> run(String runId) {
        return query(RUN, ps -> ps.setString(1, runId), rows::run).stream().findFirst();
    }

    /** Runs in the order they were created, newest first; an unknown {@code beforeRunId} gives none. */
    @Override
    public List<RunRecord> runs(String beforeRunId, int limit) {
        checkLimit(limit);
        if (beforeRunId == null) {
            return query(RUNS, ps -> ps.setInt(1, limit), rows::run);
        }
        return query(RUNS_BEFORE, ps -> {
            ps.setString(1, beforeRunId);
            ps.setInt(2, limit);
        }, rows::run);
    }

    @Override
    public List<Event> eventsAfter(String runId, long afterId, int limit) {
        checkLimit(limit);
        return query(EVENTS_AFTER, ps -> {
            ps.setString(1, runId);
            ps.setLong(2, afterId);
            ps.setInt(3, limit);
        }, rows::event);
    }

    @Override
    public Map<String, MaterializationRecord> latestMaterializations() {
        return byAsset(latest(MATERIALIZATION, null, materializations, rows::materialization),
                MaterializationRecord::assetKey);
    }

    @Override
    public Optional<MaterializationRecord> latestMaterialization(String assetKey) {
        return latest(MATERIALIZATION, assetKey, materializations, rows::materialization).stream().findFirst();
    }

    @Override
    public Map<String, ObservationRecord> latestObservations() {
        return byAsset(latest(OBSERVATION, null, observations, rows::observation), ObservationRecord::assetKey);
    }

    @Override
    public List<MetadataPoint> durationSeries(String assetKey) {
        return metadataSeries(assetKey, DURATION_SERIES);
    }

    @Override
    public Map<String, FailureRecord> latestFailures() {
        return byAsset(query(LATEST_FAILURES, ps -> { }, rs -> new FailureRecord(rs.getLong(1), rs.getString(2),
                rs.getString(3), EventRows.instant(rs, 4))), FailureRecord::assetKey);
    }

    /**
     * The asset_latest rows of one type, of one asset or (for a {@code null} key) of all, as
     * records. A row whose event was read before is not parsed again; a row whose data was too long
     * for the summary is completed from events.
     */
    private <T> List<T> latest(String type, String assetKey, LatestCache<T> cache,
            Function<EventRows.Latest, T> convert) {
        record Row<R>(R cached, EventRows.Latest parsed) { }
        List<Row<T>> found = query(assetKey == null ? LATEST : LATEST_OF_ASSET, ps -> {
            ps.setString(1, type);
            if (assetKey != null) {
                ps.setString(2, assetKey);
            }
        }, rs -> {
            T cached = cache.get(rs.getString(3), rs.getLong(1));
            return new Row<>(cached, cached == null ? rows.latest(rs) : null);
        });
        List<T> records = new ArrayList<>(found.size());
        for (Row<T> row : found) {
            if (row.cached() != null) {
                records.add(row.cached());
                continue;
            }
            Optional<EventRows.Latest> parsed = Optional.of(row.parsed());
            if (row.parsed().data() == null) {
                parsed = query(EVENT, ps -> ps.setLong(1, row.parsed().eventId()), rows::event).stream()
                        .findFirst().map(EventRows::latest);
            }
            parsed.map(convert).ifPresent(record -> {
                cache.put(row.parsed().assetKey(), record);
                records.add(record);
            });
        }
        return records;
    }

    /**
     * By asset key, in a HashMap: {@code Map.copyOf} probes linearly, which degrades badly on keys
     * whose hash codes lie close together, as those of {@code asset_00001 ... asset_10000} do.
     */
    private static <T> Map<String, T> byAsset(List<T> records, Function<T, String> key) {
        Map<String, T> map = new HashMap<>(records.size() * 2);
        for (T r : records) {
            map.put(key.apply(r), r);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public List<MaterializationRecord> materializationHistory(String assetKey, Long beforeEventId, int limit) {
        checkLimit(limit);
        return query(HISTORY, ps -> {
            ps.setString(1, assetKey);
            ps.setLong(2, beforeEventId == null ? Long.MAX_VALUE : beforeEventId);
            ps.setInt(3, limit);
        }, rows::materialization);
    }

    @Override
    public List<MetadataPoint> metadataSeries(String assetKey, String metadataKey) {
        SeriesColumns columns = columns(assetKey, metadataKey);
        List<MetadataPoint> points = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            points.add(columns.point(i));
        }
        return points;
    }

    @Override
    public SeriesColumns durationColumns(String assetKey) {
        return columns(assetKey, DURATION_SERIES);
    }

    /**
     * A series read straight into arrays: at 100,000 points, an object per point costs more than
     * H2's read. Points name their run by runs.seq, to stay small; each run's id is looked up once.
     */
    private SeriesColumns columns(String assetKey, String metadataKey) {
        checkOpen();
        try (Connection c = readers.getConnection(); Lazy lazy = Lazy.on(c)) {
            long series = seriesId(c, assetKey, metadataKey);
            if (series < 0) {
                return SeriesColumns.EMPTY;
            }
            Chunks<long[]> idChunks = new Chunks<>(long[]::new);
            Chunks<long[]> nanoChunks = new Chunks<>(long[]::new);
            Chunks<long[]> runChunks = new Chunks<>(long[]::new);
            Chunks<String[]> partitionChunks = new Chunks<>(String[]::new);
            Chunks<double[]> valueChunks = new Chunks<>(double[]::new);
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement(POINTS)) {
                ps.setLong(1, PointKeys.firstOf(series));
                ps.setLong(2, PointKeys.lastOf(series));
                try (ResultSet rs = ps.executeQuery()) {
                    long[] ids = null;
                    long[] nanos = null;
                    long[] runSeqs = null;
                    String[] partitions = null;
                    double[] values = null;
                    for (int k = Chunks.SIZE; rs.next(); k++, n++) {
                        if (k == Chunks.SIZE) {
                            ids = idChunks.next();
                            nanos = nanoChunks.next();
                            runSeqs = runChunks.next();
                            partitions = partitionChunks.next();
                            values = valueChunks.next();
                            k = 0;
                        }
                        ids[k] = PointKeys.eventId(rs.getLong(1));
                        nanos[k] = rs.getLong(2);
                        runSeqs[k] = rs.getLong(3);
                        partitions[k] = rs.getString(4);
                        values[k] = rs.getDouble(5);
                    }
                }
            }
            return new SeriesColumns(idChunks.toArray(n), nanoChunks.toArray(n), runIds(c, runChunks.toArray(n)),
                    partitionChunks.toArray(n), valueChunks.toArray(n));
        } catch (SQLException e) {
            throw H2Errors.translate(database, "read", e);
        }
    }

    /**
     * Lazy query execution on a pooled connection while open: H2 then hands rows over as it reads
     * them. Otherwise it gathers a whole result before the first row, and past its MAX_MEMORY_ROWS
     * (tens of thousands) writes it to a temporary file and reads it back: for a series of 100,000
     * points, more work and garbage than the read itself.
     */
    private static final class Lazy implements AutoCloseable {
        private final Connection connection;

        private Lazy(Connection connection) {
            this.connection = connection;
        }

        static Lazy on(Connection c) throws SQLException {
            set(c, true);
            return new Lazy(c);
        }

        private static void set(Connection c, boolean lazy) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("SET LAZY_QUERY_EXECUTION " + lazy);
            }
        }

        @Override
        public void close() throws SQLException {
            set(connection, false);
        }
    }

    /** The id of the series of an asset's metadata key, or -1 if it has none. */
    private static long seriesId(Connection c, String assetKey, String metadataKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SERIES)) {
            ps.setString(1, assetKey);
            ps.setString(2, metadataKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    /**
     * The run ids of runs.seq values. A long series may name a run per point, the usual history of a
     * scheduled asset: when its runs are most of those in their span of seqs, one scan of that span
     * reads them (looking each up reads the same pages of runs many times over, about 3 times
     * slower); otherwise they are joined from arrays of seqs ({@code seq = ANY(?)} takes time that
     * grows with the square of the array's length, and H2 caps an array at 65,536 elements).
     */
    private static String[] runIds(Connection c, long[] runSeqs) throws SQLException {
        long[] distinct = runSeqs.clone();
        Arrays.sort(distinct);
        int count = 0;
        for (int i = 0; i < distinct.length; i++) {
            if (i == 0 || distinct[i] != distinct[i - 1]) {
                distinct[count++] = distinct[i];
            }
        }
        String[] names = new String[count];
        if (count > 0 && distinct[count - 1] - distinct[0] < 3L * count) {
            try (PreparedStatement ps = c.prepareStatement(RUN_IDS_BETWEEN)) {
                ps.setLong(1, distinct[0]);
                ps.setLong(2, distinct[count - 1]);
                try (ResultSet rs = ps.executeQuery()) {
                    // Both in increasing order of seq: one merge.
                    for (int at = 0; rs.next(); ) {
                        long seq = rs.getLong(1);
                        while (at < count && distinct[at] < seq) {
                            at++;
                        }
                        if (at < count && distinct[at] == seq) {
                            names[at] = rs.getString(2);
                        }
                    }
                }
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement(RUN_IDS)) {
                for (int from = 0; from < count; from += RUN_ID_BATCH) {
                    Long[] batch = new Long[Math.min(RUN_ID_BATCH, count - from)];
                    for (int i = 0; i < batch.length; i++) {
                        batch[i] = distinct[from + i];
                    }
                    ps.setObject(1, batch);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            names[Arrays.binarySearch(distinct, 0, count, rs.getLong(1))] = rs.getString(2);
                        }
                    }
                }
            }
        }
        String[] runIds = new String[runSeqs.length];
        for (int i = 0; i < runSeqs.length; i++) {
            // Consecutive points mostly share a run.
            runIds[i] = i > 0 && runSeqs[i] == runSeqs[i - 1] ? runIds[i - 1]
                    : names[Arrays.binarySearch(distinct, 0, count, runSeqs[i])];
        }
        return runIds;
    }

    /** Read straight into two arrays, like {@link #columns}. */
    @Override
    public SeriesValues metadataValues(String assetKey, String metadataKey) {
        checkOpen();
        try (Connection c = readers.getConnection(); Lazy lazy = Lazy.on(c)) {
            long series = seriesId(c, assetKey, metadataKey);
            if (series < 0) {
                return SeriesValues.EMPTY;
            }
            try (PreparedStatement ps = c.prepareStatement(VALUES)) {
                ps.setLong(1, PointKeys.firstOf(series));
                ps.setLong(2, PointKeys.lastOf(series));
                try (ResultSet rs = ps.executeQuery()) {
                    Chunks<long[]> idChunks = new Chunks<>(long[]::new);
                    Chunks<double[]> valueChunks = new Chunks<>(double[]::new);
                    long[] ids = null;
                    double[] values = null;
                    int n = 0;
                    for (int k = Chunks.SIZE; rs.next(); k++, n++) {
                        if (k == Chunks.SIZE) {
                            ids = idChunks.next();
                            values = valueChunks.next();
                            k = 0;
                        }
                        ids[k] = PointKeys.eventId(rs.getLong(1));
                        values[k] = rs.getDouble(2);
                    }
                    return new SeriesValues(idChunks.toArray(n), valueChunks.toArray(n));
                }
            }
        } catch (SQLException e) {
            throw H2Errors.translate(database, "read", e);
        }
    }

    @Override
    public List<String> numericMetadataKeys(String assetKey) {
        return query(SERIES_KEYS, ps -> ps.setString(1, assetKey), rs -> rs.getString(1)).stream()
                .filter(key -> !key.startsWith(CAIRN_SERIES_PREFIX))
                .toList();
    }

    /**
     * Fails the STARTED runs of this machine whose process is gone (or whose pid now belongs to a
     * process started after the run). Runs of live processes, and runs recorded on other hosts, are
     * left alone. Each failed run gets a RUN_FAILURE event naming the dead process.
     */
    @Override
    public List<String> failOrphanedRuns() {
        record Started(String runId, long pid, String host, Instant startedAt) { }
        List<String> failed = new ArrayList<>();
        for (Started run : query(STARTED_RUNS, ps -> { }, rs -> new Started(rs.getString(1), rs.getLong(2),
                rs.getString(3), EventRows.instant(rs, 4)))) {
            if (!LocalProcess.isThisHost(run.host())) {
                continue;
            }
            Optional<String> gone = ProcessLiveness.goneReason(run.pid(), run.startedAt());
            if (gone.isPresent()) {
                String reason = gone.get();
                Event failure = new Event(0, run.runId(), EventType.RUN_FAILURE, Instant.now(), null, null,
                        LogLevel.ERROR, "Run failed: " + reason, new EventData.RunEnded(reason));
                if (writer.failIfStarted(failure)) {
                    failed.add(run.runId());
                }
            }
        }
        return List.copyOf(failed);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            readers.dispose();
            writer.close();
        }
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the event log at " + H2Errors.dataFile(database) + " is closed");
        }
    }

    private static void checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        checkOpen();
        try (Connection c = readers.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rs.next()) {
                    result.add(mapper.map(rs));
                }
                return result;
            }
        } catch (SQLException e) {
            throw H2Errors.translate(database, "read", e);
        }
    }
}
