package dev.cairn.engine.storage.h2;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.h2.api.ErrorCode;

import dev.cairn.api.MetadataValue;
import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.events.EventType;
import dev.cairn.engine.storage.EventChecks;
import dev.cairn.engine.storage.RunRecord;
import dev.cairn.engine.storage.RunStatus;

/**
 * The one connection that writes, with its prepared statements. Writers of this process take turns
 * (a lock), so their transactions never wait for each other inside H2; another process sharing the
 * log may still collide, and such transient conflicts are retried.
 *
 * <p><b>Durability.</b> H2 commits in memory and writes to the file from a background thread
 * ({@code WRITE_DELAY}, 500 ms), so a killed process would lose its last commits. After every
 * transaction the writer runs {@code CHECKPOINT}, which writes the commit to the file before the
 * caller is told it is stored. (H2 offers the same with {@code WRITE_DELAY=0}, but that also stops
 * the background thread that compacts the file, which then grows without bound.)
 *
 * <p><b>Group commit.</b> Every write to the file is a chunk, which costs far more than the rows in
 * it. Every append is queued; the thread that gets the lock writes
 * everything queued, in one transaction per group, until the queue is empty, and wakes each caller
 * with its own stored events. A caller still returns only once its events are committed. If a
 * group's transaction fails, each caller's events are retried alone, so one caller's bad event
 * never fails another's.
 */
final class EventWriter implements AutoCloseable {

    private static final String INSERT_EVENT = "INSERT INTO events "
            + "(run_id, type, ts, asset_key, partition_key, level, message, data, big_body) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_RUN = "INSERT INTO runs (" + EventRows.RUN_COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String END_RUN =
            "UPDATE runs SET status = ?, ended_at = ?, failure_reason = ? WHERE run_id = ?";
    // Keeps the greater event id, so that two processes committing out of order still leave the latest.
    private static final String ASSET_LATEST = """
            MERGE INTO asset_latest t
            USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR(40)), CAST(? AS BIGINT), CAST(? AS VARCHAR(200)),
                           CAST(? AS VARCHAR), CAST(? AS TIMESTAMP(9) WITH TIME ZONE), CAST(? AS VARCHAR)))
                s (asset_key, type, event_id, run_id, partition_key, ts, data)
            ON t.asset_key = s.asset_key AND t.type = s.type
            WHEN MATCHED AND t.event_id < s.event_id THEN UPDATE SET event_id = s.event_id, run_id = s.run_id,
                partition_key = s.partition_key, ts = s.ts, data = s.data
            WHEN NOT MATCHED THEN INSERT (asset_key, type, event_id, run_id, partition_key, ts, data)
                VALUES (s.asset_key, s.type, s.event_id, s.run_id, s.partition_key, s.ts, s.data)""";
    private static final String PARTITION_LATEST = """
            MERGE INTO partition_latest t
            USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS BIGINT))) s (asset_key, partition_key, event_id)
            ON t.asset_key = s.asset_key AND t.partition_key = s.partition_key
            WHEN MATCHED AND t.event_id < s.event_id THEN UPDATE SET event_id = s.event_id
            WHEN NOT MATCHED THEN INSERT (asset_key, partition_key, event_id)
                VALUES (s.asset_key, s.partition_key, s.event_id)""";
    private static final String INSERT_POINT = "INSERT INTO metadata_points "
            + "(point, num_value, ts_nanos, run_seq, partition_key) VALUES (?, ?, ?, ?, ?)";
    private static final String FIND_SERIES = "SELECT id FROM metadata_series WHERE asset_key = ? AND meta_key = ?";
    private static final String INSERT_SERIES = "INSERT INTO metadata_series (asset_key, meta_key) VALUES (?, ?)";
    private static final String LOCK_RUN = "SELECT status FROM runs WHERE run_id = ? FOR UPDATE";
    private static final String FIND_RUN = "SELECT seq FROM runs WHERE run_id = ?";

    /** Tries of a transaction that failed on a conflict with another process. */
    private static final int ATTEMPTS = 3;
    /**
     * How long a caller waits for the writing thread before trying to write itself. Normally the
     * writer finishes the caller's events first and wakes it; this bounds the rare case of a request
     * queued just as the writer let go.
     */
    private static final long FOLLOWER_WAIT_MILLIS = 5;

    private final Path database;
    private final Connection connection;
    private final EventRows rows;
    private final ReentrantLock lock = new ReentrantLock();
    private final PreparedStatement insertEvent;
    private final PreparedStatement insertRun;
    private final PreparedStatement endRun;
    private final PreparedStatement assetLatest;
    private final PreparedStatement partitionLatest;
    private final PreparedStatement insertPoint;
    private final PreparedStatement findRun;
    private final PreparedStatement findSeries;
    private final PreparedStatement insertSeries;
    private final PreparedStatement checkpoint;
    private final List<PreparedStatement> batched;
    /** Appends waiting to be written; whoever holds the lock writes them all. */
    private final Queue<Request> queue = new ConcurrentLinkedQueue<>();
    /** runs.seq of the runs known to exist (runs are never deleted). Guarded by lock. */
    private final Map<String, Long> runSeqs = new HashMap<>();
    /** Ids of committed metadata series. Guarded by lock. */
    private final Map<SeriesKey, Long> seriesIds = new HashMap<>();
    /** Ids of the series created by the transaction in progress, cached once it commits. Guarded by lock. */
    private final Map<SeriesKey, Long> newSeriesIds = new HashMap<>();

    private record SeriesKey(String assetKey, String metadataKey) { }

    EventWriter(Path database, Connection connection, EventRows rows) throws SQLException {
        this.database = database;
        this.connection = connection;
        this.rows = rows;
        connection.setAutoCommit(false);
        insertEvent = connection.prepareStatement(INSERT_EVENT, new String[] {"ID"});
        insertRun = connection.prepareStatement(INSERT_RUN, new String[] {"SEQ"});
        endRun = connection.prepareStatement(END_RUN);
        assetLatest = connection.prepareStatement(ASSET_LATEST);
        partitionLatest = connection.prepareStatement(PARTITION_LATEST);
        insertPoint = connection.prepareStatement(INSERT_POINT);
        findRun = connection.prepareStatement(FIND_RUN);
        findSeries = connection.prepareStatement(FIND_SERIES);
        insertSeries = connection.prepareStatement(INSERT_SERIES, new String[] {"ID"});
        checkpoint = connection.prepareStatement("CHECKPOINT");
        batched = List.of(insertEvent, endRun, assetLatest, partitionLatest, insertPoint);
    }

    void createRun(RunRecord run) {
        Objects.requireNonNull(run.runId(), "runId");
        Objects.requireNonNull(run.status(), "status");
        Objects.requireNonNull(run.startedAt(), "startedAt");
        lock.lock();
        try {
            long seq = inTransaction("record a run in", () -> {
                rows.bindRun(insertRun, run);
                insertRun.executeUpdate();
                return generatedKey(insertRun);
            }, e -> e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1
                    ? new IllegalArgumentException("run " + run.runId() + " exists already", e) : null);
            runSeqs.put(run.runId(), seq);
        } finally {
            lock.unlock();
        }
    }

    /** One caller's events on their way through the queue. */
    private static final class Request {
        final List<Event> events;
        private final CountDownLatch written = new CountDownLatch(1);
        // Set before written counts down, read after: the latch orders them.
        private List<Event> stored;
        private RuntimeException failure;

        Request(List<Event> events) {
            this.events = events;
        }

        void succeeded(List<Event> result) {
            stored = result;
            written.countDown();
        }

        void failed(RuntimeException e) {
            failure = e;
            written.countDown();
        }

        boolean done() {
            return written.getCount() == 0;
        }

        void awaitBriefly() {
            try {
                written.await(FOLLOWER_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the events were being written; they may or may "
                        + "not have been stored", e);
            }
        }

        List<Event> result() {
            if (failure != null) {
                throw failure;
            }
            return stored;
        }
    }

    List<Event> append(List<Event> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        events.forEach(EventChecks::requireStorable);
        Request mine = new Request(List.copyOf(events));
        queue.add(mine);
        while (!mine.done()) {
            if (lock.tryLock()) {
                try {
                    for (List<Request> group = drainQueue(); !group.isEmpty(); group = drainQueue()) {
                        write(group);
                    }
                } finally {
                    lock.unlock();
                }
            } else {
                // Another thread is writing and will most likely take this request with its next
                // group; if it has just finished instead, the next turn of the loop takes over.
                mine.awaitBriefly();
            }
        }
        return mine.result();
    }

    private List<Request> drainQueue() {
        List<Request> group = new ArrayList<>();
        for (Request r = queue.poll(); r != null; r = queue.poll()) {
            group.add(r);
        }
        return group;
    }

    /** Writes a group in one transaction, or each request alone if that fails. Holds lock. */
    private void write(List<Request> group) {
        try {
            if (group.size() > 1) {
                List<Event> all = new ArrayList<>();
                group.forEach(r -> all.addAll(r.events));
                try {
                    List<Event> stored = insertCommitted(all);
                    int from = 0;
                    for (Request r : group) {
                        r.succeeded(List.copyOf(stored.subList(from, from + r.events.size())));
                        from += r.events.size();
                    }
                    return;
                } catch (RuntimeException groupFailed) {
                    // Find out whose events failed: each request on its own.
                }
            }
            for (Request r : group) {
                try {
                    r.succeeded(insertCommitted(r.events));
                } catch (RuntimeException e) {
                    r.failed(e);
                }
            }
        } catch (Error e) {
            for (Request r : group) {
                if (!r.done()) {
                    r.failed(new IllegalStateException("the events were not written: " + e, e));
                }
            }
            throw e;
        }
    }

    private List<Event> insertCommitted(List<Event> events) {
        try {
            List<Event> stored = inTransaction("write to", () -> insert(events), EventWriter::userError);
            seriesIds.putAll(newSeriesIds);
            return List.copyOf(stored);
        } finally {
            newSeriesIds.clear();
        }
    }

    /**
     * Appends {@code failure} (a run-ending event) if the run is still STARTED, atomically, so that
     * two processes failing the same orphan record it once.
     *
     * @return whether the run was still STARTED
     */
    boolean failIfStarted(Event failure) {
        lock.lock();
        try {
            return failIfStartedLocked(failure);
        } finally {
            lock.unlock();
        }
    }

    private boolean failIfStartedLocked(Event failure) {
        return inTransaction("write to", () -> {
            try (PreparedStatement ps = connection.prepareStatement(LOCK_RUN)) {
                ps.setString(1, failure.runId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || !RunStatus.STARTED.name().equals(rs.getString(1))) {
                        return false;
                    }
                }
            }
            insert(List.of(failure));
            return true;
        }, e -> null);
    }

    private List<Event> insert(List<Event> events) throws SQLException {
        // A retried transaction starts again from the committed series.
        newSeriesIds.clear();
        requireRuns(events);
        List<String> dataJson = new ArrayList<>(events.size());
        for (Event e : events) {
            dataJson.add(rows.bindEvent(insertEvent, e));
            insertEvent.addBatch();
        }
        insertEvent.executeBatch();
        List<Event> stored = new ArrayList<>(events.size());
        try (ResultSet keys = insertEvent.getGeneratedKeys()) {
            for (Event e : events) {
                if (!keys.next()) {
                    throw new SQLException("H2 returned fewer generated ids than events inserted");
                }
                stored.add(e.withId(keys.getLong(1)));
            }
        }
        for (int i = 0; i < stored.size(); i++) {
            addDerivedRows(stored.get(i), dataJson.get(i));
        }
        for (PreparedStatement ps : List.of(endRun, assetLatest, partitionLatest, insertPoint)) {
            ps.executeBatch();
        }
        return stored;
    }

    /** The runs row, the summaries and the numeric metadata that an event changes. */
    private void addDerivedRows(Event e, String dataJson) throws SQLException {
        if (e.type().endsRun()) {
            RunStatus status = switch (e.type()) {
                case RUN_SUCCESS -> RunStatus.SUCCESS;
                case RUN_CANCELED -> RunStatus.CANCELED;
                default -> RunStatus.FAILURE;
            };
            endRun.setString(1, status.name());
            endRun.setObject(2, EventRows.timestamp(e.timestamp()));
            endRun.setString(3, e.data() instanceof EventData.RunEnded ended ? ended.reason() : null);
            endRun.setString(4, e.runId());
            endRun.addBatch();
        } else if (e.data() instanceof EventData.Materialized m) {
            addLatest(e, dataJson);
            if (e.partitionKey() != null) {
                partitionLatest.setString(1, e.assetKey());
                partitionLatest.setString(2, e.partitionKey());
                partitionLatest.setLong(3, e.id());
                partitionLatest.addBatch();
            }
            addMetrics(e, m.metadata());
            addPoint(e, dev.cairn.engine.storage.EventLog.DURATION_SERIES, m.durationMillis());
        } else if (e.data() instanceof EventData.Observed) {
            addLatest(e, dataJson);
        } else if (e.type() == EventType.STEP_FAILURE && e.assetKey() != null) {
            // Staleness needs each asset's latest failure without scanning events; the details stay in events.
            addLatest(e, null);
        }
    }

    private void addLatest(Event e, String dataJson) throws SQLException {
        assetLatest.setString(1, e.assetKey());
        assetLatest.setString(2, e.type().name());
        assetLatest.setLong(3, e.id());
        assetLatest.setString(4, e.runId());
        assetLatest.setString(5, e.partitionKey());
        assetLatest.setObject(6, EventRows.timestamp(e.timestamp()));
        assetLatest.setString(7, dataJson);
        assetLatest.addBatch();
    }

    private void addMetrics(Event e, Map<String, MetadataValue> metadata) throws SQLException {
        for (Map.Entry<String, MetadataValue> entry : metadata.entrySet()) {
            double value;
            if (entry.getValue() instanceof MetadataValue.IntValue i) {
                value = i.value();
            } else if (entry.getValue() instanceof MetadataValue.FloatValue f) {
                value = f.value();
            } else {
                continue;
            }
            addPoint(e, entry.getKey(), value);
        }
    }

    private void addPoint(Event e, String seriesKey, double value) throws SQLException {
        insertPoint.setLong(1, PointKeys.point(seriesId(e.assetKey(), seriesKey), e.id()));
        insertPoint.setDouble(2, value);
        insertPoint.setLong(3, PointKeys.nanos(e.timestamp()));
        insertPoint.setLong(4, runSeqs.get(e.runId()));
        insertPoint.setString(5, e.partitionKey());
        insertPoint.addBatch();
    }

    /** The id of a metadata series, created in the current transaction if it is new. */
    private long seriesId(String assetKey, String metadataKey) throws SQLException {
        SeriesKey key = new SeriesKey(assetKey, metadataKey);
        Long id = seriesIds.get(key);
        if (id == null) {
            id = newSeriesIds.get(key);
        }
        if (id != null) {
            return id;
        }
        findSeries.setString(1, assetKey);
        findSeries.setString(2, metadataKey);
        try (ResultSet rs = findSeries.executeQuery()) {
            if (rs.next()) {
                id = rs.getLong(1);
                seriesIds.put(key, id);
                return id;
            }
        }
        insertSeries.setString(1, assetKey);
        insertSeries.setString(2, metadataKey);
        insertSeries.executeUpdate();
        id = generatedKey(insertSeries);
        newSeriesIds.put(key, id);
        return id;
    }

    private static long generatedKey(PreparedStatement insert) throws SQLException {
        try (ResultSet keys = insert.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("H2 returned no generated key");
            }
            return keys.getLong(1);
        }
    }

    /** Refuses events of runs never created; looks each run up once. */
    private void requireRuns(List<Event> events) throws SQLException {
        for (Event e : events) {
            if (!runSeqs.containsKey(e.runId())) {
                findRun.setString(1, e.runId());
                try (ResultSet rs = findRun.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("unknown run " + e.runId());
                    }
                    runSeqs.put(e.runId(), rs.getLong(1));
                }
            }
        }
    }

    /** A caller's mistake, as the exception to throw, or null if the error is not one. */
    private static RuntimeException userError(SQLException e) {
        if (e.getErrorCode() == ErrorCode.VALUE_TOO_LONG_2) {
            return new IllegalArgumentException("a value is too long for the event log: "
                    + H2Errors.firstLine(e.getMessage()), e);
        }
        return null;
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    @FunctionalInterface
    private interface UserErrors {
        RuntimeException of(SQLException e);
    }

    /** Runs work in a transaction and commits it. The caller holds lock. */
    private <T> T inTransaction(String doing, SqlWork<T> work, UserErrors userErrors) {
        for (int attempt = 1; ; attempt++) {
            try {
                T result = work.run();
                connection.commit();
                checkpoint.execute();
                return result;
            } catch (SQLException e) {
                rollback(e);
                RuntimeException userError = userErrors.of(e);
                if (userError != null) {
                    throw userError;
                }
                if (attempt < ATTEMPTS && isConflict(e)) {
                    continue;
                }
                throw H2Errors.translate(database, doing, e);
            } catch (RuntimeException | Error e) {
                rollback(e);
                throw e;
            }
        }
    }

    /**
     * Conflicts with another process writing the same rows, which retrying resolves. A duplicate key
     * here means two processes inserted the first summary row of an asset at once.
     */
    private static boolean isConflict(SQLException e) {
        return e.getErrorCode() == ErrorCode.DEADLOCK_1 || e.getErrorCode() == ErrorCode.LOCK_TIMEOUT_1
                || e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1;
    }

    private void rollback(Throwable failure) {
        try {
            for (PreparedStatement ps : batched) {
                ps.clearBatch();
            }
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw H2Errors.translate(database, "close", e);
        } finally {
            lock.unlock();
        }
    }
}
