package dev.cairn.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cairn.tables.Rows.Story;

/**
 * The JDBC IO manager on a real PostgreSQL server (see {@link TestPostgres}), each test in a schema
 * of its own.
 */
class PostgresJdbcIOManagerTest extends JdbcIOManagerContract {

    private String url;
    private String schema;

    @BeforeEach
    void schema() {
        url = TestPostgres.url();
        schema = TestPostgres.freshSchema();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            TestPostgres.dropSchema(schema);
        }
    }

    @Override
    JdbcIOManager io() {
        return JdbcIOManager.connect(url).schema(schema);
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    @Override
    String table(String assetKey) {
        return "\"" + schema + "\".\"" + assetKey.toLowerCase() + "\"";
    }

    @Test
    void copyAndBatchedInsertsStoreTheSameRowsWithTheSameHash() throws Exception {
        List<Story> stories = Rows.stories(3_000);
        Contexts.Output copied = new Contexts.Output("copied", Rows.listOfStories());
        io().handleOutput(copied, stories);
        Contexts.Output inserted = new Contexts.Output("inserted", Rows.listOfStories());
        io().batchedInserts().handleOutput(inserted, stories);

        assertThat(copied.hash).isEqualTo(inserted.hash);
        List<?> a = (List<?>) io().loadInput(new Contexts.Input("copied", Rows.listOfStories()));
        List<?> b = (List<?>) io().loadInput(new Contexts.Input("inserted", Rows.listOfStories()));
        assertThat(a.subList(0, 3_000)).isEqualTo(b.subList(0, 3_000));
        Rows.assertSameStories(a.subList(0, 3_000), stories.subList(0, 3_000));
    }
}
