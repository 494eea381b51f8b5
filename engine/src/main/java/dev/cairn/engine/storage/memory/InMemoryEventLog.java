package dev.cairn.engine.storage.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cairn.api.MetadataValue;
import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.events.EventType;
import dev.cairn.engine.storage.EventChecks;
import dev.cairn.engine.storage.EventLog;
import dev.cairn.engine.storage.FailureRecord;
import dev.cairn.engine.storage.MaterializationRecord;
import dev.cairn.engine.storage.MetadataPoint;
import dev.cairn.engine.storage.ObservationRecord;
import dev.cairn.engine.storage.RunRecord;
import dev.cairn.engine.storage.RunStatus;
import dev.cairn.engine.storage.SeriesColumns;
import dev.cairn.engine.storage.SeriesValues;

/**
 * An event log that lives in memory, for {@link dev.cairn.api.Materialize} in users' unit tests.
 * Same semantics as the H2 log, nothing durable. Every method holds one lock: tests are small.
 */
public final class InMemoryEventLog implements EventLog {

    private final List<Event> events = new ArrayList<>();
    private final Map<String, RunRecord> runs = new LinkedHashMap<>();
    private final Map<String, MaterializationRecord> latestMaterialization = new HashMap<>();
    private final Map<String, ObservationRecord> latestObservation = new HashMap<>();
    private final Map<String, FailureRecord> latestFailure = new HashMap<>();
    private long nextId = 1;

    @Override
    public synchronized void createRun(RunRecord run) {
        if (runs.putIfAbsent(run.runId(), run) != null) {
            throw new IllegalArgumentException("run " + run.runId() + " exists already");
        }
    }

    @Override
    public synchronized Event append(Event event) {
        return appendAll(List.of(event)).get(0);
    }

    /** Refuses what the H2 log refuses, before anything of a batch is stored. */
    private void check(Event e) {
        if (!runs.containsKey(e.runId())) {
            throw new IllegalArgumentException("unknown run " + e.runId());
        }
        EventChecks.requireStorable(e);
    }

    private Event store(Event event) {
        RunRecord run = runs.get(event.runId());
        Event stored = event.withId(nextId++);
        events.add(stored);
        if (stored.type().endsRun()) {
            RunStatus status = switch (stored.type()) {
                case RUN_SUCCESS -> RunStatus.SUCCESS;
                case RUN_CANCELED -> RunStatus.CANCELED;
                default -> RunStatus.FAILURE;
            };
            String reason = stored.data() instanceof EventData.RunEnded ended ? ended.reason() : null;
            runs.put(run.runId(), new RunRecord(run.runId(), status, run.selection(), run.assetKeys(), run.startedAt(),
                    stored.timestamp(), run.pid(), run.host(), reason));
        } else if (stored.type() == EventType.ASSET_MATERIALIZATION && stored.data() instanceof EventData.Materialized m) {
            latestMaterialization.put(stored.assetKey(), new MaterializationRecord(stored.id(), stored.runId(),
                    stored.assetKey(), stored.partitionKey(), stored.timestamp(), m));
        } else if (stored.type() == EventType.ASSET_OBSERVATION && stored.data() instanceof EventData.Observed o) {
            latestObservation.put(stored.assetKey(), new ObservationRecord(stored.id(), stored.runId(),
                    stored.assetKey(), stored.partitionKey(), stored.timestamp(), o));
        } else if (stored.type() == EventType.STEP_FAILURE && stored.assetKey() != null) {
            latestFailure.put(stored.assetKey(), new FailureRecord(stored.id(), stored.runId(), stored.assetKey(),
                    stored.timestamp()));
        }
        return stored;
    }

    @Override
    public synchronized List<Event> appendAll(List<Event> batch) {
        batch.forEach(this::check);
        List<Event> stored = new ArrayList<>(batch.size());
        for (Event e : batch) {
            stored.add(store(e));
        }
        return List.copyOf(stored);
    }

    @Override
    public synchronized Optional<RunRecord> run(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    /** Runs in the order they were created, newest first; an unknown {@code beforeRunId} gives none. */
    @Override
    public synchronized List<RunRecord> runs(String beforeRunId, int limit) {
        checkLimit(limit);
        List<RunRecord> newestFirst = new ArrayList<>(runs.values());
        java.util.Collections.reverse(newestFirst);
        int from = 0;
        if (beforeRunId != null) {
            from = newestFirst.size();
            for (int i = 0; i < newestFirst.size(); i++) {
                if (newestFirst.get(i).runId().equals(beforeRunId)) {
                    from = i + 1;
                    break;
                }
            }
        }
        return List.copyOf(newestFirst.subList(Math.min(from, newestFirst.size()),
                Math.min(newestFirst.size(), from + limit)));
    }

    @Override
    public synchronized List<Event> eventsAfter(String runId, long afterId, int limit) {
        checkLimit(limit);
        return events.stream().filter(e -> e.runId().equals(runId) && e.id() > afterId).limit(limit).toList();
    }

    @Override
    public synchronized Map<String, MaterializationRecord> latestMaterializations() {
        return Map.copyOf(latestMaterialization);
    }

    @Override
    public synchronized Optional<MaterializationRecord> latestMaterialization(String assetKey) {
        return Optional.ofNullable(latestMaterialization.get(assetKey));
    }

    @Override
    public synchronized Map<String, FailureRecord> latestFailures() {
        return Map.copyOf(latestFailure);
    }

    @Override
    public synchronized Map<String, ObservationRecord> latestObservations() {
        return Map.copyOf(latestObservation);
    }

    @Override
    public synchronized List<MaterializationRecord> materializationHistory(String assetKey, Long beforeEventId, int limit) {
        checkLimit(limit);
        return materializations(assetKey).stream()
                .filter(m -> beforeEventId == null || m.eventId() < beforeEventId)
                .sorted(Comparator.comparingLong(MaterializationRecord::eventId).reversed())
                .limit(limit).toList();
    }

    @Override
    public synchronized List<MetadataPoint> durationSeries(String assetKey) {
        return materializations(assetKey).stream()
                .map(m -> new MetadataPoint(m.eventId(), m.timestamp(), m.runId(), m.partitionKey(), m.data().durationMillis()))
                .toList();
    }

    @Override
    public synchronized SeriesColumns durationColumns(String assetKey) {
        return SeriesColumns.of(durationSeries(assetKey));
    }

    @Override
    public synchronized List<MetadataPoint> metadataSeries(String assetKey, String metadataKey) {
        List<MetadataPoint> points = new ArrayList<>();
        for (MaterializationRecord m : materializations(assetKey)) {
            MetadataValue v = m.data().metadata().get(metadataKey);
            Double d = v instanceof MetadataValue.IntValue i ? Double.valueOf(i.value())
                    : v instanceof MetadataValue.FloatValue f ? Double.valueOf(f.value()) : null;
            if (d != null) {
                points.add(new MetadataPoint(m.eventId(), m.timestamp(), m.runId(), m.partitionKey(), d));
            }
        }
        return points;
    }

    @Override
    public synchronized SeriesValues metadataValues(String assetKey, String metadataKey) {
        List<MetadataPoint> points = metadataSeries(assetKey, metadataKey);
        long[] ids = new long[points.size()];
        double[] values = new double[points.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = points.get(i).eventId();
            values[i] = points.get(i).value();
        }
        return new SeriesValues(ids, values);
    }

    @Override
    public synchronized List<String> numericMetadataKeys(String assetKey) {
        java.util.SortedSet<String> keys = new java.util.TreeSet<>();
        for (MaterializationRecord m : materializations(assetKey)) {
            m.data().metadata().forEach((key, value) -> {
                if ((value instanceof MetadataValue.IntValue || value instanceof MetadataValue.FloatValue)
                        && !key.startsWith(CAIRN_SERIES_PREFIX)) {
                    keys.add(key);
                }
            });
        }
        return List.copyOf(keys);
    }

    /** Runs in memory belong to this process, so none is ever orphaned. */
    @Override
    public List<String> failOrphanedRuns() {
        return List.of();
    }

    @Override
    public void close() {
        // Nothing to release.
    }

    private static void checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
    }

    private List<MaterializationRecord> materializations(String assetKey) {
        List<MaterializationRecord> list = new ArrayList<>();
        for (Event e : events) {
            if (e.type() == EventType.ASSET_MATERIALIZATION && assetKey.equals(e.assetKey())
                    && e.data() instanceof EventData.Materialized m) {
                list.add(new MaterializationRecord(e.id(), e.runId(), e.assetKey(), e.partitionKey(), e.timestamp(), m));
            }
        }
        return list;
    }

    /** Every stored event in order; for tests. */
    public synchronized List<Event> allEvents() {
        return List.copyOf(events);
    }

}
