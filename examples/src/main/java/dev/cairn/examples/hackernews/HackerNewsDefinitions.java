package dev.cairn.examples.hackernews;

import dev.cairn.api.Definitions;
import dev.cairn.api.DefinitionsProvider;
import dev.cairn.api.EnvVar;
import dev.cairn.tables.JdbcIOManager;

/**
 * Registers the Hacker News client, the {@code database_io_manager} that stores
 * {@code topstories} as a table, and the {@code hackernews_job}.
 *
 * <p>As in Dagster's tutorial, the same asset code writes to a local database in development and to
 * the team's warehouse in production: the table goes to the workspace's embedded H2 warehouse
 * ({@code warehouse.mv.db}, beside the event log) unless {@value #WAREHOUSE_URL} names another
 * database by JDBC URL, for example
 * {@code jdbc:postgresql://localhost:5432/analytics?user=analyst} (with the password in
 * {@value #WAREHOUSE_PASSWORD}, if it needs one).
 *
 * <p>The example jar lists {@link dev.cairn.examples.ExampleDefinitions}, which calls this one; a
 * jar holding only this pipeline would list this class in
 * {@code META-INF/services/dev.cairn.api.DefinitionsProvider} itself.
 */
public final class HackerNewsDefinitions implements DefinitionsProvider {

    /** The environment variable that moves the warehouse to another database. */
    public static final String WAREHOUSE_URL = "HACKERNEWS_WAREHOUSE_URL";

    /** The environment variable with the password of that database, if it needs one. */
    public static final String WAREHOUSE_PASSWORD = "HACKERNEWS_WAREHOUSE_PASSWORD";

    @Override
    public void define(Definitions defs) {
        defs.resource("hackernews_client", new BundledHackerNewsClient())
                .ioManager("database_io_manager", warehouse(defs))
                .job("hackernews_job", "group:hackernews",
                        "Refreshes the top stories and their most frequent words");
    }

    private static JdbcIOManager warehouse(Definitions defs) {
        EnvVar url = EnvVar.of(WAREHOUSE_URL);
        if (!url.isSet()) {
            return JdbcIOManager.h2(defs.workspace().resolve("warehouse"));
        }
        JdbcIOManager database = JdbcIOManager.connect(url);
        EnvVar password = EnvVar.of(WAREHOUSE_PASSWORD);
        return password.isSet() ? database.password(password) : database;
    }
}
