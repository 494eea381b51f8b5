package dev.cairn.tables;

import java.sql.Connection;
import java.sql.SQLException;

/** A connection for one read or write of the JDBC IO manager, given back when closed. */
interface ConnectionLease extends AutoCloseable {

    Connection connection();

    @Override
    void close() throws SQLException;

    /** A connection of its own, closed with the lease. */
    static ConnectionLease of(Connection connection) {
        return new ConnectionLease() {
            @Override
            public Connection connection() {
                return connection;
            }

            @Override
            public void close() throws SQLException {
                connection.close();
            }
        };
    }
}
