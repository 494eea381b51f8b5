package dev.cairn.tables;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The types a table column can have, each with one Java class its cells hold. Adapters convert
 * their values to these, and databases and CSV files store them.
 */
public enum ColumnType {
    /** {@link Boolean}. */
    BOOLEAN(Boolean.class),
    /** {@link Integer}. */
    INTEGER(Integer.class),
    /** {@link Long}. */
    BIGINT(Long.class),
    /** {@link Double}. */
    DOUBLE(Double.class),
    /** {@link BigDecimal}. */
    DECIMAL(BigDecimal.class),
    /** {@link String}. */
    TEXT(String.class),
    /** {@link LocalDate}. */
    DATE(LocalDate.class),
    /** {@link LocalDateTime}: a date and time without a zone. */
    TIMESTAMP(LocalDateTime.class),
    /** {@link Instant}: a point in time. */
    TIMESTAMP_TZ(Instant.class);

    private final Class<?> cellClass;

    ColumnType(Class<?> cellClass) {
        this.cellClass = cellClass;
    }

    /** The class of this column's non-null cells. */
    public Class<?> cellClass() {
        return cellClass;
    }

    /**
     * The column type of a Java field type: primitives and their boxes, {@code String},
     * {@code char}, enums (as their names), {@code BigDecimal} and {@code java.time} dates and times.
     */
    public static Optional<ColumnType> of(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return Optional.of(BOOLEAN);
        }
        if (type == int.class || type == Integer.class || type == short.class || type == Short.class
                || type == byte.class || type == Byte.class) {
            return Optional.of(INTEGER);
        }
        if (type == long.class || type == Long.class) {
            return Optional.of(BIGINT);
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return Optional.of(DOUBLE);
        }
        if (type == BigDecimal.class) {
            return Optional.of(DECIMAL);
        }
        if (type == String.class || type == char.class || type == Character.class || type.isEnum()) {
            return Optional.of(TEXT);
        }
        if (type == LocalDate.class) {
            return Optional.of(DATE);
        }
        if (type == LocalDateTime.class) {
            return Optional.of(TIMESTAMP);
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return Optional.of(TIMESTAMP_TZ);
        }
        return Optional.empty();
    }
}
