package dev.cairn.engine.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cairn.api.MetadataValue;
import dev.cairn.api.MetadataValue.TableColumn;
import dev.cairn.engine.events.EventData;

/** One value of every subtype of Cairn's stored types, with awkward contents, for round-trip tests. */
public final class JsonSamples {

    private JsonSamples() { }

    /** Every MetadataValue subtype, several with edge values (NaN, infinities, -0.0, nanoseconds). */
    public static List<MetadataValue> everyMetadataValue() {
        List<TableColumn> columns = List.of(TableColumn.of("name", "VARCHAR"),
                new TableColumn("n", "BIGINT", "a count"));
        List<List<Object>> rows = List.of(
                Arrays.asList("plain", true, null, 7, 2.5, -0.0),
                Arrays.asList(Long.MAX_VALUE, 3L, 1.5f, (short) 4, (byte) -2, Double.NaN),
                Arrays.asList(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        new BigInteger("123456789012345678901234567890"), new BigDecimal("1.50"), "", "ünï\u0000code"));
        return List.of(
                new MetadataValue.IntValue(Long.MIN_VALUE),
                new MetadataValue.IntValue(Long.MAX_VALUE),
                new MetadataValue.FloatValue(Double.NaN),
                new MetadataValue.FloatValue(Double.POSITIVE_INFINITY),
                new MetadataValue.FloatValue(Double.NEGATIVE_INFINITY),
                new MetadataValue.FloatValue(-0.0),
                new MetadataValue.FloatValue(0.1 + 0.2),
                new MetadataValue.FloatValue(Double.MIN_VALUE),
                new MetadataValue.BoolValue(true),
                new MetadataValue.TextValue("line 1\nline \"2\""),
                new MetadataValue.MarkdownValue("# Top\n![x](data:image/png;base64,iVBORw0KGgo=)"),
                new MetadataValue.JsonValue("{\"kept\": [1, 2 ,3]}"),
                new MetadataValue.PathValue("/tmp/some file.parquet"),
                new MetadataValue.UrlValue("https://example.com/a?b=c"),
                new MetadataValue.TimestampValue(Instant.parse("2024-02-29T23:59:59.123456789Z")),
                new MetadataValue.TableSchemaValue(columns),
                new MetadataValue.TableValue(columns, rows),
                new MetadataValue.TableValue(List.of(), List.of()),
                new MetadataValue.AssetRefValue("raw_orders"));
    }

    /** Every EventData subtype, with metadata of every kind inside a materialization. */
    public static List<EventData> everyEventData() {
        Map<String, MetadataValue> metadata = new LinkedHashMap<>();
        List<MetadataValue> values = everyMetadataValue();
        for (int i = 0; i < values.size(); i++) {
            metadata.put("entry " + i, values.get(i));
        }
        return List.of(
                EventData.NONE,
                new EventData.RunStarted("orders+", List.of("raw_orders", "orders")),
                new EventData.RunEnded("boom"),
                new EventData.StepStarted(2),
                new EventData.StepSucceeded(1234L),
                new EventData.StepFailed(EventData.ErrorInfo.of(new IllegalStateException("bad", new RuntimeException())),
                        1, 500L),
                new EventData.StepFailed(new EventData.ErrorInfo("x.Y", null, "trace"), 3, 0L),
                new EventData.StepSkipped("upstream 'a' failed", List.of("a")),
                new EventData.Materialized(metadata, 15L, "v1", "abc123", EventData.DataVersionSource.CONTENT_HASH,
                        Map.of("a", new EventData.InputVersion("x", 4L), "b", new EventData.InputVersion(null, 0L))),
                new EventData.Materialized(Map.of(), 0L, null, "d", EventData.DataVersionSource.UNIQUE, Map.of()),
                new EventData.Observed("v7", Map.of("rows", MetadataValue.of(12))),
                new EventData.Log(null),
                new EventData.Log("java.lang.Exception\n\tat x"));
    }
}
