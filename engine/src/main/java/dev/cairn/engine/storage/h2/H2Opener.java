package dev.cairn.engine.storage.h2;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.engine.SysProperties;
import org.h2.jdbcx.JdbcDataSource;

import dev.cairn.engine.storage.EventLogException;
import dev.cairn.engine.storage.EventLogException.Kind;

/** Connection settings, the loopback guard and schema migration: everything before the first query. */
final class H2Opener {

    /** Where the schema's migrations live on the class path. */
    static final String MIGRATIONS = "classpath:db/migration";

    /** The version of the newest migration in {@link #MIGRATIONS}; a test keeps the two equal. */
    static final String SCHEMA_VERSION = "1";

    private static final String HISTORY_EXISTS = "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
            + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'flyway_schema_history'";
    private static final String APPLIED = "SELECT \"version\", \"success\" FROM \"flyway_schema_history\" "
            + "WHERE \"version\" IS NOT NULL";

    private static final String BIND_ADDRESS_PROPERTY = "h2.bindAddress";
    private static final String USER = "cairn";

    static {
        // Before anything below can start H2: it reads the property once, when it first starts.
        bindServersToLoopback();
    }

    private H2Opener() { }

    /**
     * The JDBC URL of a log.
     *
     * <p>H2's default {@code WRITE_DELAY} is kept: with {@code WRITE_DELAY=0} H2 stops its background
     * thread, which is also what compacts the file, and a log of 1.3 million events grew to 15 GB.
     * Durability comes from the writer instead, which writes every transaction to the file before it
     * returns ({@link EventWriter}). {@code LOCK_TIMEOUT} lets a writer wait for another process's
     * long batch instead of failing after H2's default of one second. {@code CACHE_SIZE} (in KB) is
     * four times H2's 16 MB: a chart of 100,000 materializations, each in a run of its own, reads
     * their points and runs again from the file at every open with 16 MB (about 220 ms of processor
     * against 140 with 64 MB).
     *
     * <p>H2 closes the database in its own shutdown hook (it refuses {@code DB_CLOSE_ON_EXIT=FALSE}
     * together with {@code AUTO_SERVER}), so code in other shutdown hooks cannot count on writing to
     * the log: a run cut short by a signal or System.exit is marked failed when the log is next opened.
     */
    static String url(Path database, H2EventLog.Mode mode) {
        String path = database.toAbsolutePath().normalize().toString();
        if (path.indexOf(';') >= 0) {
            throw new EventLogException(Kind.FAILED, "cannot open an event log at " + path
                    + ": H2 does not accept ';' in a database path. Choose a workspace folder without ';'.", null);
        }
        return "jdbc:h2:file:" + path + ";LOCK_TIMEOUT=10000;CACHE_SIZE=65536"
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
     * all interfaces. H2 reads the property once, when its first database starts, so this runs when
     * this class is loaded, before any connection Cairn makes; {@link #requireLoopbackServer} checks
     * that it took effect (it does not if something else started H2 earlier in the process).
     */
    private static void bindServersToLoopback() {
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
     * When the log is already at this Cairn's version, Flyway is not started at all: it takes half a
     * second of a command-line start.
     */
    static void migrate(Path database, DataSource dataSource) {
        if (isCurrent(dataSource)) {
            return;
        }
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

    /** Whether every applied migration succeeded and the newest is {@link #SCHEMA_VERSION}. */
    private static boolean isCurrent(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(HISTORY_EXISTS)) {
                if (!rs.next() || rs.getInt(1) == 0) {
                    return false;
                }
            }
            MigrationVersion newest = null;
            try (ResultSet rs = s.executeQuery(APPLIED)) {
                while (rs.next()) {
                    if (!rs.getBoolean(2)) {
                        return false;
                    }
                    MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                    newest = newest == null || v.compareTo(newest) > 0 ? v : newest;
                }
            }
            return MigrationVersion.fromVersion(SCHEMA_VERSION).equals(newest);
        } catch (SQLException | FlywayException e) {
            // Flyway will look at it properly and report what is wrong.
            return false;
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
