package dev.cairn.examples.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cairn.api.MetadataValue;
import dev.cairn.api.MetadataValue.TableColumn;
import dev.cairn.api.Output;

class TableMetadataTest {

    public record Reading(@ColumnDescription("The day") LocalDate day, long sensorId, Double valueC, Instant loadTs) { }

    private static final List<Reading> READINGS = List.of(
            new Reading(LocalDate.of(2024, 1, 1), 7, 1.5, Instant.parse("2024-01-02T00:00:00Z")),
            new Reading(LocalDate.of(2024, 1, 2), 7, null, Instant.parse("2024-01-03T00:00:00Z")));

    @Test
    void columnsAreSnakeCaseWithSqlTypesAndDescriptions() {
        assertThat(TableMetadata.columns(Reading.class)).containsExactly(
                new TableColumn("day", "DATE", "The day"),
                TableColumn.of("sensor_id", "BIGINT"),
                TableColumn.of("value_c", "DOUBLE"),
                TableColumn.of("load_ts", "TIMESTAMP WITH TIME ZONE"));
    }

    @Test
    void previewShowsTheFirstRowsWithSimpleCells() {
        MetadataValue.TableValue preview = (MetadataValue.TableValue) TableMetadata.preview(READINGS, Reading.class, 1);
        assertThat(preview.rows()).containsExactly(List.of("2024-01-01", 7L, 1.5, "2024-01-02T00:00:00Z"));
        MetadataValue.TableValue all = (MetadataValue.TableValue) TableMetadata.preview(READINGS, Reading.class, 10);
        assertThat(all.rows()).hasSize(2);
        assertThat(all.rows().get(1).get(2)).isNull();
    }

    @Test
    void outputCarriesTheRowsTheirCountPreviewAndSchema() {
        Output<List<Reading>> output = TableMetadata.output(READINGS, Reading.class);
        assertThat(output.value()).isSameAs(READINGS);
        assertThat(output.metadata()).containsEntry("num_records", MetadataValue.of(2))
                .containsEntry("schema", MetadataValue.tableSchema(TableMetadata.columns(Reading.class)))
                .containsKey("preview");
    }

    @Test
    void anEmptyTableHasAnEmptyPreview() {
        Output<List<Reading>> output = TableMetadata.output(Collections.emptyList(), Reading.class);
        assertThat(output.metadata().get("num_records")).isEqualTo(MetadataValue.of(0));
        assertThat(((MetadataValue.TableValue) output.metadata().get("preview")).rows()).isEmpty();
    }

    @Test
    void snakeCaseSplitsWordsAndDigits() {
        assertThat(TableMetadata.snakeCase("sepalLengthCm")).isEqualTo("sepal_length_cm");
        assertThat(TableMetadata.snakeCase("maxTmpf")).isEqualTo("max_tmpf");
        assertThat(TableMetadata.snakeCase("id")).isEqualTo("id");
        assertThat(TableMetadata.snakeCase("top25Words")).isEqualTo("top25_words");
    }
}
