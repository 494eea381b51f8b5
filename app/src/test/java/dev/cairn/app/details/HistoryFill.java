package dev.cairn.app.details;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

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
 * Writes a long history of one asset into a real event log, the way the executor writes it: runs
 * with RUN_STARTED, and per materialization STEP_STARTED, ASSET_MATERIALIZATION, STEP_SUCCESS.
 * Materialization {@code i} (0 is the oldest) has the metadata {@code rows = 1000 + 3i},
 * {@code ratio = i / 7}, {@code note = "nightly load"}, a path, data version {@link #dataVersion(int)}
 * and a duration of {@code 20 + i % 500} ms.
 */
public final class HistoryFill {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private HistoryFill() {
    }

    /** The data version of materialization {@code i}. */
    public static String dataVersion(int i) {
        return String.format(Locale.ROOT, "%064x", 0xC0FFEEL * (i + 1));
    }

    /** Appends {@code count} materializations of {@code key}, {@code perRun} in each run, a second apart. */
    public static void fill(EventLog log, String key, int count, int perRun) {
        int i = 0;
        while (i < count) {
            String runId = UUID.randomUUID().toString();
            Instant runStart = START.plusSeconds(i);
            log.createRun(new RunRecord(runId, RunStatus.STARTED, key, List.of(key), runStart, null, LocalProcess.pid(),
                    LocalProcess.host(), null));
            List<Event> batch = new ArrayList<>();
            batch.add(event(runId, EventType.RUN_STARTED, runStart, key, "Run started", new EventData.RunStarted(key, List.of(key))));
            int end = Math.min(count, i + perRun);
            for (; i < end; i++) {
                Instant at = START.plusSeconds(i);
                Map<String, MetadataValue> metadata = new LinkedHashMap<>();
                metadata.put("rows", MetadataValue.of(1000L + 3L * i));
                metadata.put("ratio", MetadataValue.of(i / 7.0));
                metadata.put("note", MetadataValue.text("nightly load"));
                metadata.put("path", MetadataValue.path(java.nio.file.Path.of("/data/" + key + ".json")));
                batch.add(event(runId, EventType.STEP_STARTED, at, key, "Computing '" + key + "'", new EventData.StepStarted(1)));
                batch.add(event(runId, EventType.ASSET_MATERIALIZATION, at, key, "Materialized '" + key + "'",
                        new EventData.Materialized(metadata, 20 + i % 500, "1", dataVersion(i),
                                EventData.DataVersionSource.CONTENT_HASH, Map.of())));
                batch.add(event(runId, EventType.STEP_SUCCESS, at, key, "'" + key + "' succeeded", new EventData.StepSucceeded(20)));
                if (batch.size() >= 1500) {
                    log.appendAll(batch);
                    batch.clear();
                }
            }
            batch.add(event(runId, EventType.RUN_SUCCESS, START.plusSeconds(i), null, "Run succeeded", EventData.NONE));
            log.appendAll(batch);
        }
    }

    private static Event event(String runId, EventType type, Instant at, String key, String message, EventData data) {
        return new Event(0, runId, type, at, type == EventType.RUN_STARTED || type == EventType.RUN_SUCCESS ? null : key,
                null, LogLevel.INFO, message, data);
    }
}
