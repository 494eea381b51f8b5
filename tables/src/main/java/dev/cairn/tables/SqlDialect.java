package dev.cairn.tables;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;

/**
 * What differs between the databases the JDBC IO manager writes to: type names, how table names
 * are folded, whether DDL is transactional and how rows are loaded in bulk.
 */
record SqlDialect(boolean upperCaseIdentifiers, boolean transactionalDdl, boolean postgres, boolean duckdb,
                  String textType, String decimalType) {

    static SqlDialect of(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String product = meta.getDatabaseProductName();
        boolean postgres = product.toLowerCase(Locale.ROOT).contains("postgres");
        boolean h2 = product.equalsIgnoreCase("H2");
        boolean duckdb = product.equalsIgnoreCase("DuckDB");
        return new SqlDialect(meta.storesUpperCaseIdentifiers(),
                meta.supportsDataDefinitionAndDataManipulationTransactions() && !h2, postgres, duckdb,
                postgres ? "TEXT" : h2 ? "CHARACTER VARYING" : "VARCHAR",
                // H2's NUMERIC without a precision has no decimals; DECFLOAT keeps any value.
                h2 ? "DECFLOAT" : "NUMERIC");
    }

    /** A quoted identifier. */
    String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A table name as the database folds unquoted names, so that users can write it unquoted. */
    String foldTableName(String name) {
        return upperCaseIdentifiers ? name.toUpperCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT);
    }

    /** The SQL type of a column type. */
    String sqlType(ColumnType type) {
        return switch (type) {
            case BOOLEAN -> "BOOLEAN";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case DOUBLE -> "DOUBLE PRECISION";
            case DECIMAL -> decimalType;
            case TEXT -> textType;
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
            case TIMESTAMP_TZ -> "TIMESTAMP WITH TIME ZONE";
        };
    }

    /** The column type of a column read back, from its JDBC type and the database's type name. */
    static ColumnType columnType(int jdbcType, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (name.equals("timestamptz") || name.contains("with time zone")) {
            return ColumnType.TIMESTAMP_TZ;
        }
        if (name.equals("decfloat")) {
            return ColumnType.DECIMAL;
        }
        return switch (jdbcType) {
            case Types.BOOLEAN, Types.BIT -> ColumnType.BOOLEAN;
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> ColumnType.INTEGER;
            case Types.BIGINT -> ColumnType.BIGINT;
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> ColumnType.DOUBLE;
            case Types.NUMERIC, Types.DECIMAL -> ColumnType.DECIMAL;
            case Types.DATE -> ColumnType.DATE;
            case Types.TIMESTAMP -> ColumnType.TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> ColumnType.TIMESTAMP_TZ;
            default -> ColumnType.TEXT;
        };
    }
}
