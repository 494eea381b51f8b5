package dev.cairn.tables;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the tests use: {@code CAIRN_TEST_POSTGRES_URL} names it (.ci/run starts one
 * and sets it; so does {@code source .ci/postgres.sh && postgres_start}). Without it the tests are
 * skipped with the reason, unless {@code CAIRN_REQUIRE_POSTGRES} is set, as it is in CI: then they
 * fail.
 */
public final class TestPostgres {

    /** Names the server's JDBC URL. */
    public static final String URL_VARIABLE = "CAIRN_TEST_POSTGRES_URL";
    /** Set in CI: the PostgreSQL tests must run. */
    public static final String REQUIRE_VARIABLE = "CAIRN_REQUIRE_POSTGRES";

    private static volatile boolean toldWhy;

    private TestPostgres() {
    }

    /** The server's JDBC URL; skips (or fails, in CI) the calling test when there is none. */
    public static String url() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            String why = "no PostgreSQL server for the tests: " + URL_VARIABLE + " is not set (.ci/run starts one; "
                    + "locally: source .ci/postgres.sh && postgres_start)";
            if (System.getenv(REQUIRE_VARIABLE) != null) {
                fail(why + ", and " + REQUIRE_VARIABLE + " says the PostgreSQL tests must run");
            }
            if (!toldWhy) {
                // Surefire keeps a skip's reason in its reports; say it once where people look.
                toldWhy = true;
                System.err.println("PostgreSQL tests skipped: " + why);
            }
            Assumptions.abort(why);
        }
        return url;
    }

    /** A new, empty schema, so that tests do not see each other's tables. */
    public static String freshSchema() {
        return "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** Drops a schema and everything in it. */
    public static void dropSchema(String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        }
    }
}
