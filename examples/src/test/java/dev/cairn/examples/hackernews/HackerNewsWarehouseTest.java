package dev.cairn.examples.hackernews;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.api.Materialize;
import dev.cairn.api.MaterializeResult;
import dev.cairn.api.MetadataValue;
import dev.cairn.examples.testing.Outputs;
import dev.cairn.tables.JdbcIOManager;
import dev.cairn.tables.TestPostgres;

/**
 * The tutorial's point: the same assets write {@code topstories} to the embedded H2 warehouse in
 * development and to PostgreSQL in production, and read it back from either.
 */
class HackerNewsWarehouseTest {

    @TempDir
    Path workspace;

    private static MaterializeResult run(JdbcIOManager warehouse) {
        return Materialize.assets(HackerNewsAssets.class)
                .resource("hackernews_client", new BundledHackerNewsClient())
                .ioManager("database_io_manager", warehouse)
                .run();
    }

    private static void assertStored(MaterializeResult result, String jdbcUrl, String table) throws Exception {
        assertThat(result.success()).isTrue();
        assertThat(result.materialization("topstories").orElseThrow().metadata())
                .containsEntry("row_count", MetadataValue.of(HackerNewsAssets.STORY_LIMIT))
                .containsKeys("table", "schema", "preview", "load_ts");
        List<WordCount> words = Outputs.list(result, "most_frequent_words", WordCount.class);
        assertThat(words).isNotEmpty();
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*), MIN(\"score\"), COUNT(\"load_ts\") FROM " + table)) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(HackerNewsAssets.STORY_LIMIT);
            assertThat(rows.getInt(2)).isPositive();
            assertThat(rows.getInt(3)).isEqualTo(HackerNewsAssets.STORY_LIMIT);
        }
    }

    @Test
    void topstoriesGoesToTheH2Warehouse() throws Exception {
        Path database = workspace.resolve("warehouse");
        assertStored(run(JdbcIOManager.h2(database)), "jdbc:h2:file:" + database, "topstories");
    }

    @Test
    void topstoriesGoesToPostgres() throws Exception {
        String url = TestPostgres.url();
        String schema = TestPostgres.freshSchema();
        try {
            assertStored(run(JdbcIOManager.connect(url).schema(schema)), url, schema + ".topstories");
        } finally {
            TestPostgres.dropSchema(schema);
        }
    }
}
