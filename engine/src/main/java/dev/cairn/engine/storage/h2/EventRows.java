package dev.cairn.engine.storage.h2;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.events.EventType;
import dev.cairn.engine.events.LogLevel;
import dev.cairn.engine.json.CairnJson;
import dev.cairn.engine.storage.EventLogException;
import dev.cairn.engine.storage.MaterializationRecord;
import dev.cairn.engine.storage.ObservationRecord;
import dev.cairn.engine.storage.RunRecord;
import dev.cairn.engine.storage.RunStatus;

/** Maps events and runs to and from the rows of the schema in {@code V1__event_log.sql}. */
final class EventRows {

    /** H2's longest VARCHAR; longer messages or data go to the events.big_body CLOB. */
    static final int MAX_VARCHAR = 1_000_000;

    /** The columns of events that {@link #event(ResultSet)} reads, in order. */
    static final String EVENT_COLUMNS = "id, run_id, type, ts, asset_key, partition_key, level, message, data, big_body";

    /** The columns of asset_latest that {@link #latest(ResultSet)} reads, in order. */
    static final String LATEST_COLUMNS = "event_id, run_id, asset_key, partition_key, ts, data";

    /** The columns of runs that {@link #run(ResultSet)} reads and {@link #bindRun} writes, in order. */
    static final String RUN_COLUMNS =
            "run_id, status, selection, asset_keys, started_at, ended_at, pid, host, failure_reason";

    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() { };

    /** What big_body holds when message or data is too long for a VARCHAR. */
    private record BigBody(String message, EventData data) { }

    /**
     * A materialization or observation as asset_latest keeps it. {@code data} is null when it was
     * too long for the summary; the event is then read from events.
     */
    record Latest(long eventId, String runId, String assetKey, String partitionKey, Instant timestamp,
            EventData data) { }

    private final CairnJson json;

    EventRows(CairnJson json) {
        this.json = json;
    }

    /**
     * Sets the parameters of {@code INSERT INTO events (run_id, ..., big_body)} from index 1.
     *
     * @return the data as JSON, or {@code null} if message and data went to big_body
     */
    String bindEvent(PreparedStatement insert, Event e) throws SQLException {
        insert.setString(1, e.runId());
        insert.setString(2, e.type().name());
        insert.setObject(3, timestamp(e.timestamp()));
        insert.setString(4, e.assetKey());
        insert.setString(5, e.partitionKey());
        insert.setString(6, e.level().name());
        String data = json.write(e.data());
        if (e.message().length() <= MAX_VARCHAR && data.length() <= MAX_VARCHAR) {
            insert.setString(7, e.message());
            insert.setString(8, data);
            insert.setNull(9, Types.CLOB);
            return data;
        }
        insert.setNull(7, Types.VARCHAR);
        insert.setNull(8, Types.VARCHAR);
        insert.setString(9, json.write(new BigBody(e.message(), e.data())));
        return null;
    }

    /** The event in the current row of a result of {@link #EVENT_COLUMNS}. */
    Event event(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        try {
            String message = rs.getString(8);
            EventData data;
            if (message != null) {
                data = json.read(rs.getString(9), EventData.class);
            } else {
                BigBody body = json.read(rs.getString(10), BigBody.class);
                message = body.message();
                data = body.data();
            }
            return new Event(id, rs.getString(2), EventType.valueOf(rs.getString(3)), instant(rs, 4),
                    rs.getString(5), rs.getString(6), LogLevel.valueOf(rs.getString(7)), message, data);
        } catch (IllegalArgumentException e) {
            throw unreadable(id, e);
        }
    }

    private static EventLogException unreadable(long eventId, IllegalArgumentException e) {
        return new EventLogException(EventLogException.Kind.NEWER_VERSION, "event " + eventId
                + " of the event log cannot be read by this version of Cairn (" + e.getMessage()
                + "). Was it written by a newer Cairn? Update Cairn to read it.", e);
    }

    /** The row of asset_latest in the current row of a result of {@link #LATEST_COLUMNS}. */
    Latest latest(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        String data = rs.getString(6);
        try {
            return new Latest(id, rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5),
                    data == null ? null : json.read(data, EventData.class));
        } catch (IllegalArgumentException e) {
            throw unreadable(id, e);
        }
    }

    MaterializationRecord materialization(Latest l) {
        return new MaterializationRecord(l.eventId(), l.runId(), l.assetKey(), l.partitionKey(), l.timestamp(),
                expect(l.eventId(), "ASSET_MATERIALIZATION", l.data(), EventData.Materialized.class));
    }

    ObservationRecord observation(Latest l) {
        return new ObservationRecord(l.eventId(), l.runId(), l.assetKey(), l.partitionKey(), l.timestamp(),
                expect(l.eventId(), "ASSET_OBSERVATION", l.data(), EventData.Observed.class));
    }

    /** A stored materialization or observation event as a summary row. */
    static Latest latest(Event e) {
        return new Latest(e.id(), e.runId(), e.assetKey(), e.partitionKey(), e.timestamp(), e.data());
    }

    /** The materialization in the current row of a result of {@link #EVENT_COLUMNS}. */
    MaterializationRecord materialization(ResultSet rs) throws SQLException {
        Event e = event(rs);
        return materialization(latest(e));
    }

    private static <T extends EventData> T expect(long eventId, String eventType, EventData data, Class<T> type) {
        if (!type.isInstance(data)) {
            throw new EventLogException(EventLogException.Kind.DAMAGED, "event " + eventId + " (" + eventType
                    + ") has " + data.getClass().getSimpleName() + " details instead of " + type.getSimpleName()
                    + "; the event log was changed outside Cairn.", null);
        }
        return type.cast(data);
    }

    /** Sets the parameters of {@code INSERT INTO runs (RUN_COLUMNS)} from index 1. */
    void bindRun(PreparedStatement insert, RunRecord run) throws SQLException {
        insert.setString(1, run.runId());
        insert.setString(2, run.status().name());
        insert.setString(3, run.selection());
        insert.setString(4, json.write(run.assetKeys(), STRING_LIST));
        insert.setObject(5, timestamp(run.startedAt()));
        insert.setObject(6, run.endedAt() == null ? null : timestamp(run.endedAt()));
        insert.setLong(7, run.pid());
        insert.setString(8, run.host());
        insert.setString(9, run.failureReason());
    }

    /** The run in the current row of a result of {@link #RUN_COLUMNS}. */
    RunRecord run(ResultSet rs) throws SQLException {
        String runId = rs.getString(1);
        try {
            return new RunRecord(runId, RunStatus.valueOf(rs.getString(2)), rs.getString(3),
                    json.read(rs.getString(4), STRING_LIST), instant(rs, 5), instant(rs, 6), rs.getLong(7),
                    rs.getString(8), rs.getString(9));
        } catch (IllegalArgumentException e) {
            throw new EventLogException(EventLogException.Kind.NEWER_VERSION, "run " + runId
                    + " of the event log cannot be read by this version of Cairn (" + e.getMessage()
                    + "). Was it written by a newer Cairn? Update Cairn to read it.", e);
        }
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
