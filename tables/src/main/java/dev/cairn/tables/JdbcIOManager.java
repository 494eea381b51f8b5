package dev.cairn.tables;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

import dev.cairn.api.Configured;
import dev.cairn.api.EnvVar;
import dev.cairn.api.IOManager;
import dev.cairn.api.InputContext;
import dev.cairn.api.MetadataValue;
import dev.cairn.api.MetadataValue.TableColumn;
import dev.cairn.api.OutputContext;

/**
 * Stores table values (lists of records, Tablesaw tables: see {@link TableAdapters}) as database
 * tables, through JDBC: the embedded H2 warehouse of a workspace ({@link #h2(Path)}), PostgreSQL,
 * DuckDB, or another database whose driver is on the class path ({@link #connect(String)}).
 *
 * <pre>{@code
 * defs.ioManager("database_io_manager", JdbcIOManager.h2(defs.workspace().resolve("warehouse")));
 * defs.ioManager("database_io_manager", JdbcIOManager.connect(EnvVar.of("WAREHOUSE_URL"))
 *         .user("cairn").password(EnvVar.of("WAREHOUSE_PASSWORD")));
 * }</pre>
 *
 * <p><b>Writing.</b> An asset's table is named after its key: {@code raw/orders} is
 * {@code raw__orders}, a partition {@code p} of it {@code raw__orders__p}; other characters than
 * letters, digits and {@code _} become {@code _}. The name is folded the way the database folds
 * unquoted names (upper case in H2, lower case in PostgreSQL), so {@code SELECT * FROM topstories}
 * finds it; column names are kept as they are (quote them in SQL). Every write adds a
 * {@code load_ts} column (TIMESTAMP WITH TIME ZONE, the same for every row of the write) unless the
 * table has one, and replaces the previous contents atomically:
 * <ul>
 *   <li>where DDL is transactional (PostgreSQL, DuckDB), the rows go to a new table that replaces
 *       the old one in the same transaction: readers see the old rows or the new ones;</li>
 *   <li>elsewhere (H2), a new table is filled first and replaces the old one only once it is
 *       complete, so a failed write leaves the old table as it was. The replacement is a drop and a
 *       rename, which H2 commits one by one: for the millisecond between them the table is missing.
 *       Reads through this IO manager wait for the swap to end (they see the old rows or the new
 *       ones, never a mix and never an error); another SQL client querying at that instant may be
 *       told the table does not exist. A single transaction would close that gap, but H2 takes
 *       three to four times as long to replace a large table in one (measured: 14 to 21 s instead
 *       of 3.3 to 4.8 s for 1,000,000 rows).</li>
 * </ul>
 * Rows go in with {@code COPY} in PostgreSQL (streamed) and DuckDB (from a temporary CSV file),
 * else in batched inserts. Each write
 * records {@code table}, {@code database} (credentials masked), {@code row_count}, {@code schema},
 * {@code preview} (the first rows) and {@code load_ts}, and a hash of the rows as the content hash,
 * so storing identical rows again changes no data version.
 *
 * <p><b>Reading</b> gives the type the downstream parameter declares, without {@code load_ts}
 * unless that type has such a column. A table that does not exist is an error naming the asset to
 * materialize.
 *
 * <p>Each call opens its own connection, so the IO manager is safe for parallel steps and holds no
 * database open between runs. DuckDB, which lets a process open a file only once, is the exception:
 * calls that overlap share one connection to the file, each on a duplicate of it, and the file is
 * closed when the last of them ends.
 */
public final class JdbcIOManager implements IOManager, Configured {

    /** The column every write adds, unless the table has one. */
    public static final String LOAD_TS = "load_ts";

    /** Rows fetched per round trip when reading. */
    private static final int FETCH_ROWS = 10_000;

    /**
     * How long a read waits for a table that a write is swapping in where DDL is not transactional:
     * the swap takes milliseconds, so this bounds only how long a read that cannot succeed retries.
     */
    private static final long SWAP_WAIT_NANOS = 5_000_000_000L;
    private static final long SWAP_POLL_MILLIS = 10;
    private static final int H2_GENERAL_ERROR = 50000;

    /**
     * The configuration shown in the app: the URL (or the variable holding it) with any password in
     * it masked, the user, and the variable holding the password.
     *
     * @param url the JDBC URL, credentials masked, when given directly
     * @param urlVariable the environment variable holding the URL, when given so
     * @param user the database user, if any
     * @param password the environment variable holding the password, if any
     * @param schema the schema tables are created in, if not the default one
     */
    public record Settings(String url, EnvVar urlVariable, String user, EnvVar password, String schema) { }

    private final String url;
    private final EnvVar urlVariable;
    private final Path h2File;
    private final String user;
    private final EnvVar password;
    private final String schema;
    private final TableAdapters adapters;
    private final TableLoader.Method loadMethod;
    private final SharedDuckDb duckDb;

    private JdbcIOManager(String url, EnvVar urlVariable, Path h2File, String user, EnvVar password, String schema,
                          TableAdapters adapters, TableLoader.Method loadMethod, SharedDuckDb duckDb) {
        this.url = url;
        this.urlVariable = urlVariable;
        this.h2File = h2File;
        this.user = user;
        this.password = password;
        this.schema = schema;
        this.adapters = adapters;
        this.loadMethod = loadMethod;
        this.duckDb = duckDb;
    }

    /**
     * An embedded H2 database in {@code database}{@code .mv.db}: a workspace's own warehouse,
     * separate from its event log. Shared with other Cairn processes (H2's automatic server, bound to
     * the loopback interface) when Cairn runs with {@code -Dh2.bindAddress=127.0.0.1}, as it does.
     */
    public static JdbcIOManager h2(Path database) {
        Path file = database.toAbsolutePath().normalize();
        if (file.toString().indexOf(';') >= 0) {
            throw new IllegalArgumentException("H2 does not accept ';' in a database path: " + file);
        }
        return new JdbcIOManager(null, null, file, null, null, null, TableAdapters.defaults(), null, new SharedDuckDb());
    }

    /** A database by JDBC URL, for example {@code jdbc:postgresql://localhost:5432/warehouse}. */
    public static JdbcIOManager connect(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("'" + mask(jdbcUrl) + "' is not a JDBC URL: it starts with jdbc:");
        }
        return new JdbcIOManager(jdbcUrl, null, null, null, null, null, TableAdapters.defaults(), null, new SharedDuckDb());
    }

    /** A database whose JDBC URL is read from an environment variable when a connection is made. */
    public static JdbcIOManager connect(EnvVar jdbcUrl) {
        return new JdbcIOManager(null, Objects.requireNonNull(jdbcUrl, "jdbcUrl"), null, null, null, null,
                TableAdapters.defaults(), null, new SharedDuckDb());
    }

    /** The same database as this user. */
    public JdbcIOManager user(String user) {
        return new JdbcIOManager(url, urlVariable, h2File, Objects.requireNonNull(user, "user"), password, schema,
                adapters, loadMethod, duckDb);
    }

    /** The same database with the password read from an environment variable. */
    public JdbcIOManager password(EnvVar password) {
        return new JdbcIOManager(url, urlVariable, h2File, user, Objects.requireNonNull(password, "password"), schema,
                adapters, loadMethod, duckDb);
    }

    /** Tables in this schema, created if missing, instead of the default one. */
    public JdbcIOManager schema(String schema) {
        if (!schema.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("'" + schema + "' is not a schema name: use letters, digits and _");
        }
        return new JdbcIOManager(url, urlVariable, h2File, user, password, schema, adapters, loadMethod, duckDb);
    }

    /** The same database with these adapters. */
    public JdbcIOManager adapters(TableAdapters adapters) {
        return new JdbcIOManager(url, urlVariable, h2File, user, password, schema,
                Objects.requireNonNull(adapters, "adapters"), loadMethod, duckDb);
    }

    /** Loads rows with batched inserts even where COPY serves, to compare the two (benchmarks). */
    public JdbcIOManager batchedInserts() {
        return new JdbcIOManager(url, urlVariable, h2File, user, password, schema, adapters,
                TableLoader.Method.BATCHED_INSERTS, duckDb);
    }

    @Override
    public Record configuration() {
        return new Settings(url != null ? mask(url) : h2File != null ? mask(h2Url()) : null, urlVariable, user,
                password, schema);
    }

    /** The table name of an asset (and partition), before the database folds it. */
    public static String tableName(String assetKey, Optional<String> partitionKey) {
        String name = assetKey.replace("/", "__").replaceAll("[^A-Za-z0-9_]", "_");
        if (partitionKey.isPresent()) {
            name += "__" + partitionKey.get().replaceAll("[^A-Za-z0-9_]", "_");
        }
        if (!Character.isLetter(name.charAt(0)) && name.charAt(0) != '_') {
            name = "t_" + name;
        }
        return name;
    }

    // ---- writing -------------------------------------------------------------------------------

    @Override
    public void handleOutput(OutputContext context, Object value) throws Exception {
        TableAdapter adapter = adapters.forValue(context.assetKey(), value, context.valueType());
        TableData data = adapter.toTable(value, context.valueType());
        checkColumnNames(context.assetKey(), data.columns());
        boolean addLoadTs = data.columns().stream().noneMatch(c -> c.name().equalsIgnoreCase(LOAD_TS));
        Instant loadTs = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Column> stored = new ArrayList<>(data.columns());
        if (addLoadTs) {
            stored.add(new Column(LOAD_TS, ColumnType.TIMESTAMP_TZ));
        }
        RowHash hash = new RowHash(data.columns());
        String tableName;
        SqlDialect dialect;
        try (ConnectionLease lease = open()) {
            Connection connection = lease.connection();
            dialect = SqlDialect.of(connection);
            tableName = dialect.foldTableName(tableName(context.assetKey(), context.partitionKey()));
            TableLoader.Method method = loadMethod != null ? loadMethod : TableLoader.defaultMethod(dialect);
            write(connection, dialect, method, tableName, stored, data, addLoadTs ? loadTs : null, hash);
        }
        context.addMetadata("table", MetadataValue.text(schema != null ? schema + "." + tableName : tableName));
        context.addMetadata("database", MetadataValue.text(mask(resolvedUrl())));
        TableDescriptions.add(context, data, stored.stream()
                .map(c -> TableColumn.of(c.name(), dialect.sqlType(c.type()))).toList());
        context.addMetadata(LOAD_TS, MetadataValue.timestamp(loadTs));
        context.reportContentHash(hash.hex());
    }

    private void write(Connection connection, SqlDialect dialect, TableLoader.Method method, String tableName,
                       List<Column> stored, TableData data, Instant loadTs, RowHash hash) throws Exception {
        String target = qualified(dialect, tableName);
        String stagingName = dialect.foldTableName(stagingName(tableName));
        String staging = qualified(dialect, stagingName);
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            if (schema != null) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + dialect.quote(schema));
            }
            if (dialect.transactionalDdl()) {
                statement.execute("DROP TABLE IF EXISTS " + staging);
                statement.execute(createTable(dialect, staging, stored));
                TableLoader.load(connection, dialect, method, staging, data, loadTs, hash, false);
                statement.execute("DROP TABLE IF EXISTS " + target);
                statement.execute("ALTER TABLE " + staging + " RENAME TO " + dialect.quote(tableName));
                connection.commit();
            } else {
                // DDL commits on its own here: fill a new table, committing as it goes (nobody reads it,
                // and one huge transaction is slow in H2), and swap it in only once it is complete.
                statement.execute("DROP TABLE IF EXISTS " + staging);
                statement.execute(createTable(dialect, staging, stored));
                try {
                    TableLoader.load(connection, dialect, method, staging, data, loadTs, hash, true);
                    connection.commit();
                } catch (Exception | Error e) {
                    rollbackQuietly(connection, e);
                    dropQuietly(statement, staging, e);
                    throw e;
                }
                statement.execute("DROP TABLE IF EXISTS " + target);
                statement.execute("ALTER TABLE " + staging + " RENAME TO " + dialect.quote(tableName));
                connection.commit();
            }
        } catch (Exception | Error e) {
            rollbackQuietly(connection, e);
            throw e;
        }
    }

    private static void checkColumnNames(String assetKey, List<Column> columns) {
        Set<String> seen = new java.util.HashSet<>();
        for (Column c : columns) {
            if (!seen.add(c.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("asset '" + assetKey + "' has two columns named '" + c.name()
                        + "' (ignoring case), which one database table cannot hold");
            }
        }
    }

    private static String createTable(SqlDialect dialect, String table, List<Column> columns) {
        return "CREATE TABLE " + table + " (" + columns.stream()
                .map(c -> dialect.quote(c.name()) + " " + dialect.sqlType(c.type()))
                .collect(Collectors.joining(", ")) + ")";
    }

    /** A short name of fixed length for the table being filled, so long keys stay within name limits. */
    private static String stagingName(String tableName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(tableName.getBytes(StandardCharsets.UTF_8));
            return "cairn_staging_" + HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    // ---- reading -------------------------------------------------------------------------------

    @Override
    public Object loadInput(InputContext context) throws Exception {
        Type expected = context.expectedType();
        TableAdapter adapter = adapters.forType(context.assetKey(), context.downstreamKey(), expected);
        Optional<List<Column>> wanted = adapter.columnsOf(expected);
        try (ConnectionLease lease = open()) {
            Connection connection = lease.connection();
            SqlDialect dialect = SqlDialect.of(connection);
            connection.setAutoCommit(false);
            String tableName = dialect.foldTableName(tableName(context.assetKey(), context.partitionKey()));
            long deadline = System.nanoTime() + SWAP_WAIT_NANOS;
            while (true) {
                try {
                    Optional<ColumnarTable> table = read(connection, dialect, tableName, context.assetKey(), wanted);
                    connection.commit();
                    if (table.isPresent()) {
                        return adapter.fromTable(table.get(), expected);
                    }
                    if (!swapping(connection, dialect, tableName) || System.nanoTime() > deadline) {
                        throw new IllegalStateException("no table " + (schema != null ? schema + "." : "") + tableName
                                + " in " + mask(resolvedUrl()) + " holds asset '" + context.assetKey() + "' for '"
                                + context.downstreamKey() + "' (materialize '" + context.assetKey() + "' first)");
                    }
                } catch (SQLException e) {
                    rollbackQuietly(connection, e);
                    if (!mayBeSwapping(dialect, e) || System.nanoTime() > deadline) {
                        throw e;
                    }
                }
                Thread.sleep(SWAP_POLL_MILLIS);
            }
        }
    }

    /** The table's rows, or empty if there is no such table. */
    private Optional<ColumnarTable> read(Connection connection, SqlDialect dialect, String tableName, String assetKey,
                                         Optional<List<Column>> wanted) throws SQLException {
        Optional<List<Column>> stored = storedColumns(connection, tableName);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        List<Column> selected = select(stored.get(), wanted);
        ColumnarTable table = new ColumnarTable(assetKey, selected);
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(FETCH_ROWS);
            try (ResultSet rows = statement.executeQuery("SELECT " + selected.stream()
                    .map(c -> dialect.quote(c.name())).collect(Collectors.joining(", "))
                    + " FROM " + qualified(dialect, tableName))) {
                Object[] cells = new Object[selected.size()];
                while (rows.next()) {
                    for (int c = 0; c < cells.length; c++) {
                        cells[c] = cell(rows, c + 1, selected.get(c).type());
                    }
                    table.addRow(cells);
                }
            }
        }
        return Optional.of(table);
    }

    /**
     * Whether a write may be swapping this table in right now, where the swap is not atomic (see
     * {@link #write}): between its drop and its rename the new table is there under its staging name,
     * and just after under the asset's, so one look at both names tells a swap from a missing table.
     */
    private boolean swapping(Connection connection, SqlDialect dialect, String tableName) throws SQLException {
        if (dialect.transactionalDdl()) {
            return false;
        }
        try (java.sql.PreparedStatement look = connection.prepareStatement(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME IN (?, ?)")) {
            look.setString(1, schema != null ? schema : connection.getSchema());
            look.setString(2, tableName);
            look.setString(3, dialect.foldTableName(stagingName(tableName)));
            try (ResultSet found = look.executeQuery()) {
                found.next();
                return found.getLong(1) > 0;
            } finally {
                connection.commit();
            }
        }
    }

    /**
     * Whether a failed read may have met a swap: H2 reports a table dropped or renamed under a
     * statement as a table or a column not found (42S02 to 42S04, 42S22) or, now and then, as a general
     * error (50000).
     */
    private static boolean mayBeSwapping(SqlDialect dialect, SQLException e) {
        String state = e.getSQLState();
        return !dialect.transactionalDdl()
                && (state != null && state.startsWith("42S") || e.getErrorCode() == H2_GENERAL_ERROR);
    }

    /** The stored columns the reader wants: those its type names, else all but {@code load_ts}. */
    private static List<Column> select(List<Column> stored, Optional<List<Column>> wanted) {
        if (wanted.isEmpty()) {
            List<Column> all = stored.stream().filter(c -> !c.name().equalsIgnoreCase(LOAD_TS)).toList();
            return all.isEmpty() ? stored : all;
        }
        List<Column> selected = new ArrayList<>();
        for (Column w : wanted.get()) {
            stored.stream().filter(s -> s.name().equalsIgnoreCase(w.name())).findFirst().ifPresent(selected::add);
        }
        // A column the type needs but the table lacks is reported by the adapter, with the table's columns.
        return selected.isEmpty() ? stored : selected;
    }

    private static Object cell(ResultSet rows, int index, ColumnType type) throws SQLException {
        Object value = switch (type) {
            case BOOLEAN -> rows.getBoolean(index);
            case INTEGER -> rows.getInt(index);
            case BIGINT -> rows.getLong(index);
            case DOUBLE -> rows.getDouble(index);
            case DECIMAL -> rows.getBigDecimal(index);
            case TEXT -> rows.getString(index);
            case DATE -> rows.getObject(index, LocalDate.class);
            case TIMESTAMP -> rows.getObject(index, LocalDateTime.class);
            case TIMESTAMP_TZ -> {
                OffsetDateTime t = rows.getObject(index, OffsetDateTime.class);
                yield t == null ? null : t.toInstant();
            }
        };
        return rows.wasNull() ? null : value;
    }

    /** The columns of a table, or empty if it does not exist. */
    private Optional<List<Column>> storedColumns(Connection connection, String tableName) throws SQLException {
        // Looked up first rather than queried, so the database logs no error for a table not made yet.
        java.sql.DatabaseMetaData meta = connection.getMetaData();
        String escape = meta.getSearchStringEscape();
        String inSchema = schema != null ? schema : connection.getSchema();
        try (ResultSet tables = meta.getTables(connection.getCatalog(), pattern(inSchema, escape), pattern(tableName, escape),
                new String[] {"TABLE", "BASE TABLE"})) {
            if (!tables.next()) {
                return Optional.empty();
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM " + qualified(SqlDialect.of(connection), tableName)
                     + " WHERE 1 = 0")) {
            ResultSetMetaData columns = rs.getMetaData();
            List<Column> stored = new ArrayList<>();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                stored.add(new Column(columns.getColumnLabel(i), SqlDialect.columnType(columns.getColumnType(i),
                        columns.getColumnTypeName(i))));
            }
            return Optional.of(stored);
        }
    }

    /** A name as a metadata search pattern that matches only itself. */
    private static String pattern(String name, String escape) {
        if (name == null || escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    // ---- connections ---------------------------------------------------------------------------

    private String qualified(SqlDialect dialect, String tableName) {
        return (schema != null ? dialect.quote(schema) + "." : "") + dialect.quote(tableName);
    }

    private String h2Url() {
        // Other Cairn processes (the app's workers, the command line) may use the warehouse at the
        // same time: H2 then serves it from the first one, but only on loopback.
        return "jdbc:h2:file:" + h2File + ";LOCK_TIMEOUT=10000" + (loopbackOnly() ? ";AUTO_SERVER=TRUE" : "");
    }

    private static boolean loopbackOnly() {
        String bind = System.getProperty("h2.bindAddress");
        return bind != null && (bind.equals("127.0.0.1") || bind.equals("::1") || bind.equalsIgnoreCase("localhost"));
    }

    private String resolvedUrl() {
        if (h2File != null) {
            return h2Url();
        }
        return url != null ? url : urlVariable.value();
    }

    private ConnectionLease open() throws SQLException {
        String jdbcUrl = resolvedUrl();
        if (SharedDuckDb.isDuckDb(jdbcUrl)) {
            return duckDb.lease(jdbcUrl, () -> driverConnection(jdbcUrl));
        }
        return ConnectionLease.of(driverConnection(jdbcUrl));
    }

    private Connection driverConnection(String jdbcUrl) throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password.value());
        }
        // The driver may live in the asset jar's class loader, which DriverManager does not search.
        Iterator<Driver> drivers = ServiceLoader.load(Driver.class, JdbcIOManager.class.getClassLoader()).iterator();
        while (true) {
            Driver driver;
            try {
                if (!drivers.hasNext()) {
                    break;
                }
                driver = drivers.next();
            } catch (ServiceConfigurationError e) {
                continue;
            }
            if (driver.acceptsURL(jdbcUrl)) {
                Connection connection = driver.connect(jdbcUrl, properties);
                if (connection != null) {
                    return connection;
                }
            }
        }
        try {
            return DriverManager.getConnection(jdbcUrl, properties);
        } catch (SQLException e) {
            if ("08001".equals(e.getSQLState()) && e.getMessage() != null && e.getMessage().startsWith("No suitable driver")) {
                throw new SQLException("no JDBC driver on the class path accepts " + mask(jdbcUrl)
                        + ": bundle the database's driver with the asset jar", "08001", e);
            }
            throw e;
        }
    }

    /** A JDBC URL with passwords in it masked. */
    static String mask(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password|pwd)=[^;&]*", "$1=••••••")
                .replaceAll("//([^/:@]+):[^/@]*@", "//$1:••••••@");
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void dropQuietly(Statement statement, String table, Throwable cause) {
        try {
            statement.execute("DROP TABLE IF EXISTS " + table);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return "JdbcIOManager(" + (urlVariable != null ? urlVariable : mask(resolvedUrl())) + ")";
    }
}
