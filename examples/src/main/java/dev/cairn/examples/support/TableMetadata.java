package dev.cairn.examples.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.cairn.api.MetadataValue;
import dev.cairn.api.MetadataValue.TableColumn;
import dev.cairn.api.Output;

/**
 * Describes a list of records as a table: its row count, a preview of its first rows and its
 * schema. Each record component is a column, named in snake_case ({@code loadTs} becomes
 * {@code load_ts}) and described by {@link ColumnDescription}.
 *
 * <pre>{@code
 * return TableMetadata.output(stories, Story.class)
 *         .withMetadata("num_authors", MetadataValue.of(authors));
 * }</pre>
 */
public final class TableMetadata {

    /** How many rows a preview shows. */
    public static final int PREVIEW_ROWS = 5;

    private static final Map<Class<?>, String> SQL_TYPES = Map.ofEntries(
            Map.entry(String.class, "VARCHAR"),
            Map.entry(long.class, "BIGINT"), Map.entry(Long.class, "BIGINT"),
            Map.entry(int.class, "INTEGER"), Map.entry(Integer.class, "INTEGER"),
            Map.entry(double.class, "DOUBLE"), Map.entry(Double.class, "DOUBLE"),
            Map.entry(boolean.class, "BOOLEAN"), Map.entry(Boolean.class, "BOOLEAN"),
            Map.entry(LocalDate.class, "DATE"),
            Map.entry(LocalDateTime.class, "TIMESTAMP"),
            Map.entry(Instant.class, "TIMESTAMP WITH TIME ZONE"));

    private TableMetadata() {
    }

    /**
     * An output of {@code rows} carrying {@code num_records}, {@code preview} (the first
     * {@value #PREVIEW_ROWS} rows) and {@code schema}.
     */
    public static <R extends Record> Output<List<R>> output(List<R> rows, Class<R> type) {
        return Output.of(rows)
                .withMetadata("num_records", MetadataValue.of(rows.size()))
                .withMetadata("preview", preview(rows, type, PREVIEW_ROWS))
                .withMetadata("schema", MetadataValue.tableSchema(columns(type)));
    }

    /** The columns of a record type, in declaration order. */
    public static List<TableColumn> columns(Class<? extends Record> type) {
        List<TableColumn> columns = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            ColumnDescription description = c.getAnnotation(ColumnDescription.class);
            columns.add(new TableColumn(snakeCase(c.getName()),
                    SQL_TYPES.getOrDefault(c.getType(), c.getType().getSimpleName()),
                    description == null ? "" : description.value()));
        }
        return columns;
    }

    /** A table of the first {@code limit} rows. */
    public static <R extends Record> MetadataValue preview(List<R> rows, Class<R> type, int limit) {
        RecordComponent[] components = type.getRecordComponents();
        List<List<Object>> cells = new ArrayList<>();
        for (R row : rows.subList(0, Math.min(limit, rows.size()))) {
            List<Object> line = new ArrayList<>(components.length);
            for (RecordComponent c : components) {
                line.add(cell(read(c, row)));
            }
            cells.add(line);
        }
        return MetadataValue.table(columns(type), cells);
    }

    /** {@code loadTs} as {@code load_ts}. */
    static String snakeCase(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static Object read(RecordComponent component, Record row) {
        try {
            return component.getAccessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + row.getClass().getName()
                    + "; is the record public?", e);
        }
    }

    /** Table cells are strings, numbers, booleans or null: anything else is shown as its text. */
    private static Object cell(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        return value.toString();
    }
}
