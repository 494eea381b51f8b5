package dev.cairn.tables;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Loads rows into a table that exists: with PostgreSQL's {@code COPY ... FROM STDIN} (CSV), with
 * DuckDB's {@code COPY ... FROM} a temporary CSV file (its prepared inserts manage a few thousand
 * rows a second), else with batched prepared inserts. Every row gets the same {@code load_ts}.
 */
final class TableLoader {

    /** Rows per JDBC batch: large enough to amortize round trips, small enough to bound memory. */
    static final int BATCH_ROWS = 2_000;

    private static final int COPY_BUFFER_BYTES = 1 << 16;

    /** How rows are sent. */
    enum Method { COPY, CSV_FILE, BATCHED_INSERTS }

    private TableLoader() {
    }

    /** The method {@code load} uses on this database unless told otherwise. */
    static Method defaultMethod(SqlDialect dialect) {
        return dialect.postgres() ? Method.COPY : dialect.duckdb() ? Method.CSV_FILE : Method.BATCHED_INSERTS;
    }

    /**
     * Adds every row of {@code data} (and {@code loadTs} as a last column, when not null) to
     * {@code table}, a quoted and possibly qualified name, feeding each row to {@code hash}.
     *
     * @param commitBatches commit after each batch of inserts (for a table nobody reads yet)
     */
    static void load(Connection connection, SqlDialect dialect, Method method, String table, TableData data,
                     Instant loadTs, RowHash hash, boolean commitBatches) throws Exception {
        List<Column> columns = data.columns();
        String columnList = columns.stream().map(c -> dialect.quote(c.name())).collect(Collectors.joining(", "))
                + (loadTs != null ? ", " + dialect.quote(JdbcIOManager.LOAD_TS) : "");
        if (method == Method.COPY) {
            copy(connection, table, columnList, data, loadTs, hash);
        } else if (method == Method.CSV_FILE) {
            copyFromFile(connection, table, columnList, data, loadTs, hash);
        } else {
            insert(connection, table, columnList, data, loadTs, hash, commitBatches);
        }
    }

    private static void copy(Connection connection, String table, String columnList, TableData data, Instant loadTs,
                             RowHash hash) throws Exception {
        PGConnection pg = connection.unwrap(PGConnection.class);
        String sql = "COPY " + table + " (" + columnList + ") FROM STDIN WITH (FORMAT csv)";
        PGCopyOutputStream out = new PGCopyOutputStream(pg, sql, COPY_BUFFER_BYTES);
        boolean done = false;
        try {
            // POSTGRESQL_CSV quotes every value but null, so that an empty string stays one.
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), COPY_BUFFER_BYTES);
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.POSTGRESQL_CSV);
            printRows(printer, data, loadTs, hash);
            // Closing ends the COPY; the rows become visible when the transaction commits.
            printer.close();
            done = true;
        } finally {
            if (!done && out.isActive()) {
                out.cancelCopy();
            }
        }
    }

    private static void copyFromFile(Connection connection, String table, String columnList, TableData data,
                                     Instant loadTs, RowHash hash) throws Exception {
        if (data.rowCount() == 0) {
            return;
        }
        java.nio.file.Path file = java.nio.file.Files.createTempFile("cairn-load", ".csv");
        try {
            try (Writer writer = java.nio.file.Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                 CSVPrinter printer = new CSVPrinter(writer, CSVFormat.POSTGRESQL_CSV)) {
                printRows(printer, data, loadTs, hash);
            }
            try (java.sql.Statement statement = connection.createStatement()) {
                // Quoted empty fields are empty strings; only unquoted empty fields are nulls.
                statement.execute("COPY " + table + " (" + columnList + ") FROM '"
                        + file.toAbsolutePath().toString().replace("'", "''")
                        + "' (FORMAT csv, HEADER false, DELIMITER ',', QUOTE '\"', ESCAPE '\"', NULL '', ALLOW_QUOTED_NULLS false)");
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    /** Prints every row, with {@code loadTs} last when not null, feeding each to {@code hash}. */
    private static void printRows(CSVPrinter printer, TableData data, Instant loadTs, RowHash hash) throws java.io.IOException {
        int width = data.columns().size();
        Object[] row = new Object[width + (loadTs != null ? 1 : 0)];
        if (loadTs != null) {
            row[width] = loadTs;
        }
        for (int r = 0; r < data.rowCount(); r++) {
            for (int c = 0; c < width; c++) {
                row[c] = data.get(r, c);
            }
            hash.add(row, width);
            printer.printRecord(row);
        }
    }

    private static void insert(Connection connection, String table, String columnList, TableData data, Instant loadTs,
                               RowHash hash, boolean commitBatches) throws SQLException {
        List<Column> columns = data.columns();
        int width = columns.size();
        String placeholders = String.join(", ", java.util.Collections.nCopies(width + (loadTs != null ? 1 : 0), "?"));
        Object[] row = new Object[width];
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + table + " (" + columnList + ") VALUES (" + placeholders + ")")) {
            if (loadTs != null) {
                insert.setObject(width + 1, loadTs.atOffset(ZoneOffset.UTC));
            }
            int pending = 0;
            for (int r = 0; r < data.rowCount(); r++) {
                for (int c = 0; c < width; c++) {
                    row[c] = data.get(r, c);
                    bind(insert, c + 1, columns.get(c).type(), row[c]);
                }
                hash.add(row, width);
                insert.addBatch();
                if (++pending == BATCH_ROWS) {
                    insert.executeBatch();
                    pending = 0;
                    if (commitBatches) {
                        connection.commit();
                    }
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    private static void bind(PreparedStatement statement, int index, ColumnType type, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, switch (type) {
                case BOOLEAN -> Types.BOOLEAN;
                case INTEGER -> Types.INTEGER;
                case BIGINT -> Types.BIGINT;
                case DOUBLE -> Types.DOUBLE;
                case DECIMAL -> Types.NUMERIC;
                case TEXT -> Types.VARCHAR;
                case DATE -> Types.DATE;
                case TIMESTAMP -> Types.TIMESTAMP;
                case TIMESTAMP_TZ -> Types.TIMESTAMP_WITH_TIMEZONE;
            });
            return;
        }
        switch (type) {
            case BOOLEAN -> statement.setBoolean(index, (Boolean) value);
            case INTEGER -> statement.setInt(index, (Integer) value);
            case BIGINT -> statement.setLong(index, (Long) value);
            case DOUBLE -> statement.setDouble(index, (Double) value);
            case DECIMAL -> statement.setBigDecimal(index, (BigDecimal) value);
            case TEXT -> statement.setString(index, (String) value);
            case DATE -> statement.setObject(index, (LocalDate) value);
            case TIMESTAMP -> statement.setObject(index, (LocalDateTime) value);
            case TIMESTAMP_TZ -> statement.setObject(index, ((Instant) value).atOffset(ZoneOffset.UTC));
        }
    }
}
