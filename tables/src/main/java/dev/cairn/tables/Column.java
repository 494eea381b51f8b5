package dev.cairn.tables;

import java.util.Objects;

/**
 * A column of a table.
 *
 * @param name its name as stored, for example {@code load_ts}
 * @param type its type
 */
public record Column(String name, ColumnType type) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a column needs a name");
        }
    }
}
