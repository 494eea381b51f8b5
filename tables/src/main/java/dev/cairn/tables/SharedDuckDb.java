package dev.cairn.tables;

import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The DuckDB files a JDBC IO manager has open. DuckDB lets a process open a database file only once
 * (a second {@code DriverManager.getConnection} on it fails with "Unique file handle conflict"), so
 * parallel steps of a run share one connection to each file and each work on a duplicate of it, with
 * a transaction of its own. The file is closed with the last duplicate, so that another process (the
 * next run's worker, a SQL client) can open it between runs.
 */
final class SharedDuckDb {

    /** Opens a new connection to the database. */
    interface Opener {
        Connection open() throws SQLException;
    }

    private static final class Shared {
        final Connection root;
        int leases;

        Shared(Connection root) {
            this.root = root;
        }
    }

    private final Map<String, Shared> open = new HashMap<>();

    static boolean isDuckDb(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:duckdb:");
    }

    /** A duplicate of the shared connection to {@code jdbcUrl}, opening it first if none is open. */
    synchronized ConnectionLease lease(String jdbcUrl, Opener opener) throws SQLException {
        Shared shared = open.get(jdbcUrl);
        boolean opened = shared == null;
        if (opened) {
            shared = new Shared(opener.open());
        }
        Connection duplicate;
        try {
            duplicate = duplicate(shared.root);
        } catch (SQLException | RuntimeException e) {
            if (opened) {
                closeQuietly(shared.root, e);
            }
            throw e;
        }
        if (opened) {
            open.put(jdbcUrl, shared);
        }
        shared.leases++;
        Shared leased = shared;
        return new ConnectionLease() {
            private boolean closed;

            @Override
            public Connection connection() {
                return duplicate;
            }

            @Override
            public void close() throws SQLException {
                synchronized (SharedDuckDb.this) {
                    if (closed) {
                        return;
                    }
                    closed = true;
                    try {
                        duplicate.close();
                    } finally {
                        if (--leased.leases == 0) {
                            open.remove(jdbcUrl, leased);
                            leased.root.close();
                        }
                    }
                }
            }
        };
    }

    /** {@code DuckDBConnection.duplicate()}, called reflectively: the driver comes with the asset jar. */
    private static Connection duplicate(Connection root) throws SQLException {
        try {
            return (Connection) root.getClass().getMethod("duplicate").invoke(root);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("DuckDB could not duplicate its connection: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new SQLException("this DuckDB driver (" + root.getClass().getName()
                    + ") has no duplicate(), which parallel steps need: use DuckDB's JDBC driver 0.9 or later", e);
        }
    }

    private static void closeQuietly(Connection connection, Exception cause) {
        try {
            connection.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
