package dev.cairn.api;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A typed metadata entry of a materialization or observation. Numeric entries ({@link IntValue},
 * {@link FloatValue}) are charted over time; every type is rendered by its kind in the app.
 *
 * <p>Create values with the static factories: {@code MetadataValue.of(42)},
 * {@code MetadataValue.md("# Top words")}, {@code MetadataValue.table(columns, rows)}.
 */
public sealed interface MetadataValue {

    /** A whole number. */
    record IntValue(long value) implements MetadataValue { }

    /** A floating point number; NaN and infinities are allowed and drawn as gaps. */
    record FloatValue(double value) implements MetadataValue { }

    /** True or false. */
    record BoolValue(boolean value) implements MetadataValue { }

    /** Plain text. */
    record TextValue(String text) implements MetadataValue {
        public TextValue { Objects.requireNonNull(text, "text"); }
    }

    /** Markdown, rendered as formatted text; images may be embedded as data URIs. */
    record MarkdownValue(String markdown) implements MetadataValue {
        public MarkdownValue { Objects.requireNonNull(markdown, "markdown"); }
    }

    /** A JSON document, kept as its text. */
    record JsonValue(String json) implements MetadataValue {
        public JsonValue { Objects.requireNonNull(json, "json"); }
    }

    /** A path on the local file system. */
    record PathValue(String path) implements MetadataValue {
        public PathValue { Objects.requireNonNull(path, "path"); }
    }

    /** A URL. */
    record UrlValue(String url) implements MetadataValue {
        public UrlValue { Objects.requireNonNull(url, "url"); }
    }

    /** A point in time. */
    record TimestampValue(Instant instant) implements MetadataValue {
        public TimestampValue { Objects.requireNonNull(instant, "instant"); }
    }

    /** The columns of a table. */
    record TableSchemaValue(List<TableColumn> columns) implements MetadataValue {
        public TableSchemaValue { columns = List.copyOf(columns); }
    }

    /**
     * Some rows of a table, for example a preview of its first rows. Cells are strings, numbers,
     * booleans or {@code null}.
     */
    record TableValue(List<TableColumn> columns, List<List<Object>> rows) implements MetadataValue {
        public TableValue {
            columns = List.copyOf(columns);
            rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
        }
    }

    /** A reference to another asset, by key. */
    record AssetRefValue(String assetKey) implements MetadataValue {
        public AssetRefValue { Objects.requireNonNull(assetKey, "assetKey"); }
    }

    /**
     * A column of a table schema or preview.
     *
     * @param name the column name
     * @param type the column type as the user or the database names it, for example "BIGINT"
     * @param description an optional description, empty when none
     */
    record TableColumn(String name, String type, String description) {
        public TableColumn {
            Objects.requireNonNull(name, "name");
            type = type == null ? "" : type;
            description = description == null ? "" : description;
        }

        /** A column with a name and a type and no description. */
        public static TableColumn of(String name, String type) {
            return new TableColumn(name, type, "");
        }
    }

    /** An integer entry. */
    static MetadataValue of(long value) {
        return new IntValue(value);
    }

    /** A floating point entry. */
    static MetadataValue of(double value) {
        return new FloatValue(value);
    }

    /** A boolean entry. */
    static MetadataValue of(boolean value) {
        return new BoolValue(value);
    }

    /** A text entry. */
    static MetadataValue text(String text) {
        return new TextValue(text);
    }

    /** A markdown entry. */
    static MetadataValue md(String markdown) {
        return new MarkdownValue(markdown);
    }

    /** A JSON entry from JSON text; the text is kept as given. */
    static MetadataValue json(String json) {
        return new JsonValue(json);
    }

    /** A file system path entry. */
    static MetadataValue path(Path path) {
        return new PathValue(path.toString());
    }

    /** A URL entry. */
    static MetadataValue url(URI url) {
        return new UrlValue(url.toString());
    }

    /** A timestamp entry. */
    static MetadataValue timestamp(Instant instant) {
        return new TimestampValue(instant);
    }

    /** A table schema entry. */
    static MetadataValue tableSchema(List<TableColumn> columns) {
        return new TableSchemaValue(columns);
    }

    /** A table preview entry. */
    static MetadataValue table(List<TableColumn> columns, List<List<Object>> rows) {
        return new TableValue(columns, rows);
    }

    /** A reference to another asset. */
    static MetadataValue asset(String assetKey) {
        return new AssetRefValue(assetKey);
    }
}
