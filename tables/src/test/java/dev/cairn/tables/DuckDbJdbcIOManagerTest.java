package dev.cairn.tables;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.io.TempDir;

/** The JDBC IO manager on a DuckDB file, by URL, with batched inserts. */
class DuckDbJdbcIOManagerTest extends JdbcIOManagerContract {

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:duckdb:" + dir.resolve("warehouse.duckdb");
    }

    @Override
    JdbcIOManager io() {
        return JdbcIOManager.connect(url());
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    @Override
    String table(String assetKey) {
        return "\"" + assetKey.toLowerCase() + "\"";
    }
}
