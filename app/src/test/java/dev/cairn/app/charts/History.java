package dev.cairn.app.charts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.cairn.api.MetadataValue;
import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.events.EventType;
import dev.cairn.engine.events.LogLevel;
import dev.cairn.engine.storage.EventLog;
import dev.cairn.engine.storage.LocalProcess;
import dev.cairn.engine.storage.RunRecord;
import dev.cairn.engine.storage.RunStatus;

/**
 * Writes a history of materializations into a real event log, as runs of the engine record them
 * (a run, then per step STEP_STARTED, ASSET_MATERIALIZATION, STEP_SUCCESS): for tests and
 * benchmarks that need more history than running assets for real would make in reasonable time.
 */
public final class History {

    private final EventLog log;
    private final String runId;
    private final List<Event> pending = new ArrayList<>();

    public History(EventLog log, String runId) {
        this.log = log;
        this.runId = runId;
        log.createRun(new RunRecord(runId, RunStatus.STARTED, "*", List.of(), Instant.now(), null,
                LocalProcess.pid(), LocalProcess.host(), null));
        log.append(Event.of(runId, EventType.RUN_STARTED, null, LogLevel.INFO, "Run started",
                new EventData.RunStarted("*", List.of())));
    }

    /** Records one materialization now and returns its event id. */
    public long materialize(String asset, Instant at, Map<String, MetadataValue> metadata) {
        queue(asset, at, metadata, 25);
        return flush().get(1).id();
    }

    /** Queues one materialization (with its step events) for {@link #flush()}. */
    public void queue(String asset, Instant at, Map<String, MetadataValue> metadata, long durationMillis) {
        queue(runId, asset, at, metadata, durationMillis);
    }

    /**
     * Records a run of its own, already succeeded, as a schedule makes one per materialization, and
     * queues the materialization in it for {@link #flush()}.
     */
    public void queueInOwnRun(String ownRunId, String asset, Instant at, Map<String, MetadataValue> metadata,
                              long durationMillis) {
        log.createRun(new RunRecord(ownRunId, RunStatus.SUCCESS, asset, List.of(asset), at,
                at.plusMillis(durationMillis), LocalProcess.pid(), LocalProcess.host(), null));
        queue(ownRunId, asset, at, metadata, durationMillis);
    }

    private void queue(String runId, String asset, Instant at, Map<String, MetadataValue> metadata, long durationMillis) {
        pending.add(new Event(0, runId, EventType.STEP_STARTED, at, asset, null, LogLevel.INFO,
                "Started " + asset, new EventData.StepStarted(1)));
        pending.add(new Event(0, runId, EventType.ASSET_MATERIALIZATION, at, asset, null, LogLevel.INFO,
                "Materialized " + asset, new EventData.Materialized(metadata, durationMillis, "v1", "d" + at.toEpochMilli(),
                        EventData.DataVersionSource.CONTENT_HASH, Map.of())));
        pending.add(new Event(0, runId, EventType.STEP_SUCCESS, at, asset, null, LogLevel.INFO,
                "Finished " + asset, new EventData.StepSucceeded(durationMillis)));
    }

    /** Writes the queued events and ends the run with RUN_SUCCESS. */
    public void finish() {
        flush();
        log.append(Event.of(runId, EventType.RUN_SUCCESS, null, LogLevel.INFO, "Run succeeded", EventData.NONE));
    }

    /** Writes the queued events in one transaction. */
    public List<Event> flush() {
        List<Event> written = log.appendAll(List.copyOf(pending));
        pending.clear();
        return written;
    }
}
