package dev.cairn.app.details.history;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import dev.cairn.api.MetadataValue;
import dev.cairn.engine.storage.MaterializationRecord;

/**
 * One materialization as a row of the history table: only what the row shows, so that a long
 * history holds no markdown, images or table previews (those are read again to compare two rows).
 *
 * @param eventId the materialization's event id
 * @param timestamp when it was recorded
 * @param runId its run
 * @param partitionKey its partition, or null
 * @param durationMillis how long its step took
 * @param dataVersion the data version it produced, or null
 * @param codeVersion the code version it ran, or null
 * @param numbers its numeric metadata entries
 */
public record HistoryRow(long eventId, Instant timestamp, String runId, String partitionKey, long durationMillis,
                         String dataVersion, String codeVersion, Map<String, Double> numbers) {

    public HistoryRow {
        numbers = Map.copyOf(numbers);
    }

    /** The row of a stored materialization. */
    public static HistoryRow of(MaterializationRecord record) {
        Map<String, Double> numbers = new HashMap<>();
        record.data().metadata().forEach((key, value) -> {
            if (value instanceof MetadataValue.IntValue i) {
                numbers.put(key, (double) i.value());
            } else if (value instanceof MetadataValue.FloatValue f) {
                numbers.put(key, f.value());
            }
        });
        return new HistoryRow(record.eventId(), record.timestamp(), record.runId(), record.partitionKey(),
                record.data().durationMillis(), record.data().dataVersion(), record.data().codeVersion(), numbers);
    }
}
