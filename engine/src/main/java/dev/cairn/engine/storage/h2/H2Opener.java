package dev.cairn.engine.storage.h2;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.h2.engine.SysProperties;
import org.h2.jdbcx.JdbcDataSource;

import dev.cairn.engine.storage.EventLogException;
import dev.cairn.engine.storage.EventLogException.Kind;

/** Connection settings, the loopback guard and schema migration: everything before the first query. */
final class H2Opener {

    /** Where the schema's migrations live on the class path. */
    static final String MIGRATIONS = "classpath:db/migration";

    private static final String BIND_ADDRESS_PROPERTY = "h2.bindAddress";
    private static final String USER = "cairn";

    private H2Opener() { }

    /**
     * The JDBC URL of a log.
     *
     * <p>H2's default {@code WRITE_DELAY} is kept: with {@code WRITE_DELAY=0} H2 stops its background
     * thread, which is also what compacts the file, and a log of 1.3 million events grew to 15 GB.
     * Durability comes from the writer instead, which writes every transaction to the file before it
     * returns ({@link EventWriter}). {@code LOCK_TIMEOUT} lets a writer wait for another process's
     * long batch instead of failing after H2's default of one second.
     */
    static String url(Path database, H2EventLog.Mode mode) {
        String path = database.toAbsolutePath().normalize().toString();
        if (path.indexOf(';') >= 0) {
            throw new EventLogException(Kind.FAILED, "cannot open an event log at " + path
                    + ": H2 does not accept ';' in a database path. Choose a workspace folder without ';'.", null);
        }
        return "jdbc:h2:file:" + path + ";LOCK_TIMEOUT=10000"
                + (mode == H2EventLog.Mode.SHARED ? ";AUTO_SERVER=TRUE" : "");
    }

    static JdbcDataSource dataSource(String url) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser(USER);
        ds.setPassword("");
        return ds;
    }

    /**
     * Asks H2 to bind the TCP server of {@code AUTO_SERVER} mode to the loopback interface instead of
     * all interfaces. H2 reads the property once, when its first database starts, so this must run
     * before any H2 database is used in this process; {@link #requireLoopbackServer} checks it worked.
     */
    static void bindServersToLoopback() {
        if (System.getProperty(BIND_ADDRESS_PROPERTY) == null) {
            System.setProperty(BIND_ADDRESS_PROPERTY, "127.0.0.1");
        }
    }

    /** Refuses to share a log if H2 would listen on anything but the loopback interface. */
    static void requireLoopbackServer(Path database) {
        String bind = SysProperties.BIND_ADDRESS;
        boolean loopback;
        try {
            loopback = bind != null && !bind.isBlank() && InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            throw new EventLogException(Kind.UNSAFE_SHARING, "cannot share the event log at "
                    + H2Errors.dataFile(database) + " with other processes: H2 would accept connections on "
                    + (bind == null || bind.isBlank() ? "every network interface" : bind)
                    + ". Start Cairn with -Dh2.bindAddress=127.0.0.1 (H2 was started in this process before "
                    + "Cairn could set it).", null);
        }
    }

    static void createFolder(Path database) {
        Path folder = database.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new EventLogException(Kind.FAILED, "cannot create the folder " + folder + " for the event log: "
                    + e + ". Check the permissions, or choose another workspace.", e);
        }
    }

    /**
     * Brings the schema up to date, once: Flyway records applied migrations and skips them on the
     * next open. A log whose schema is newer than this Cairn's is refused before anything is changed.
     */
    static void migrate(Path database, DataSource dataSource) {
        Flyway flyway = Flyway.configure(H2Opener.class.getClassLoader())
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .failOnMissingLocations(true)
                .load();
        try {
            refuseNewerSchema(database, flyway);
            flyway.migrate();
        } catch (FlywayException e) {
            throw translate(database, e);
        }
    }

    private static void refuseNewerSchema(Path database, Flyway flyway) {
        for (MigrationInfo applied : flyway.info().applied()) {
            if (applied.getState() == MigrationState.FUTURE_SUCCESS
                    || applied.getState() == MigrationState.FUTURE_FAILED) {
                throw new EventLogException(Kind.NEWER_VERSION, "the event log at " + H2Errors.dataFile(database)
                        + " was written by a newer version of Cairn (schema version " + applied.getVersion()
                        + ", this Cairn knows up to " + latestKnown(flyway) + "). Update Cairn to open it; this "
                        + "version has not changed it.", null);
            }
        }
    }

    private static String latestKnown(Flyway flyway) {
        String latest = "none";
        for (MigrationInfo m : flyway.info().all()) {
            if (m.getState() != MigrationState.FUTURE_SUCCESS && m.getState() != MigrationState.FUTURE_FAILED
                    && m.getVersion() != null) {
                latest = m.getVersion().getVersion();
            }
        }
        return latest;
    }

    private static EventLogException translate(Path database, FlywayException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return H2Errors.translate(database, "prepare", sql);
            }
        }
        String file = H2Errors.dataFile(database);
        String message = String.valueOf(e.getMessage());
        if (message.contains("non-empty schema")) {
            return new EventLogException(Kind.NOT_AN_EVENT_LOG, "the database " + file + " holds tables but is not "
                    + "a Cairn event log. Move it away, or choose another workspace.", e);
        }
        return new EventLogException(Kind.DAMAGED, "cannot prepare the event log at " + file + ": "
                + H2Errors.firstLine(message) + ". Cairn has not changed it; move it aside to start a new log.", e);
    }
}
