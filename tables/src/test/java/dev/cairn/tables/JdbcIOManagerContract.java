package dev.cairn.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.cairn.api.MetadataValue;
import dev.cairn.tables.Rows.Loaded;
import dev.cairn.tables.Rows.Story;
import dev.cairn.tables.Rows.StoryTitle;
import dev.cairn.tables.Rows.Word;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** What the JDBC IO manager does on every database: run against H2 and PostgreSQL. */
abstract class JdbcIOManagerContract {

    /** The IO manager under test, on an empty database (or schema). */
    abstract JdbcIOManager io();

    /** A connection to the same database, to look at what was written. */
    abstract Connection connect() throws SQLException;

    /** The table of an asset as SQL names it, qualified as the IO manager writes it. */
    abstract String table(String assetKey);

    private long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> columns(String assetKey) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + table(assetKey) + " WHERE 1 = 0")) {
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                names.add(rs.getMetaData().getColumnLabel(i));
            }
            return names;
        }
    }

    @Test
    void aListOfRecordsRoundTripsWithEveryColumnTypeAndNulls() throws Exception {
        JdbcIOManager io = io();
        List<Story> stories = Rows.stories(20);
        Contexts.Output out = new Contexts.Output("topstories", Rows.listOfStories());
        Instant before = Instant.now().minusSeconds(1);

        io.handleOutput(out, stories);

        @SuppressWarnings("unchecked")
        List<Story> read = (List<Story>) io.loadInput(new Contexts.Input("topstories", Rows.listOfStories()));
        assertThat(read).hasSize(21);
        // NaN survives as NaN; records with NaN are not equal to themselves, so compare the rest first.
        Rows.assertSameStories(read.subList(0, 20), stories.subList(0, 20));
        assertThat(read.get(20).rank()).isNaN();
        assertThat(read.get(20).title()).as("an empty text stays empty, not null").isEqualTo("");
        assertThat((Iterable<?>) io.loadInput(new Contexts.Input("topstories", Rows.iterableOfStories()))).hasSize(21);

        assertThat(columns("topstories")).containsExactly("id", "title", "by", "score", "rank", "dead", "kind", "price",
                "day", "posted_local", "time", "load_ts");
        assertThat(count("SELECT COUNT(*) FROM " + table("topstories"))).isEqualTo(21);
        assertThat(count("SELECT COUNT(DISTINCT \"load_ts\") FROM " + table("topstories"))).isEqualTo(1);

        assertThat(out.metadata).containsKeys("table", "database", "row_count", "schema", "preview", "load_ts");
        assertThat(out.metadata.get("row_count")).isEqualTo(MetadataValue.of(21));
        assertThat(((MetadataValue.TextValue) out.metadata.get("table")).text()).endsWithIgnoringCase("topstories");
        MetadataValue.TableSchemaValue schema = (MetadataValue.TableSchemaValue) out.metadata.get("schema");
        assertThat(schema.columns()).extracting(MetadataValue.TableColumn::name).endsWith("time", "load_ts");
        assertThat(schema.columns().get(0).type()).isEqualTo("BIGINT");
        MetadataValue.TableValue preview = (MetadataValue.TableValue) out.metadata.get("preview");
        assertThat(preview.rows()).hasSize(5);
        assertThat(preview.rows().get(1)).startsWith(1L, "Story 1", "user1", 10);
        Instant loadTs = ((MetadataValue.TimestampValue) out.metadata.get("load_ts")).instant();
        assertThat(loadTs).isBetween(before, Instant.now().plus(Duration.ofSeconds(1)));
        assertThat(out.hash).hasSize(64);
    }

    @Test
    void writingAgainReplacesTheRowsAndIdenticalRowsHaveTheSameHash() throws Exception {
        JdbcIOManager io = io();
        Contexts.Output first = new Contexts.Output("words", Rows.listOfWords());
        io.handleOutput(first, List.of(new Word("a", 1, "x"), new Word("b", 2, "y"), new Word("c", 3, null)));
        Contexts.Output second = new Contexts.Output("words", Rows.listOfWords());
        io.handleOutput(second, List.of(new Word("d", 4, "z")));

        assertThat(io.loadInput(new Contexts.Input("words", Rows.listOfWords()))).isEqualTo(List.of(new Word("d", 4, "z")));
        assertThat(second.hash).isNotEqualTo(first.hash);

        Contexts.Output third = new Contexts.Output("words", Rows.listOfWords());
        io.handleOutput(third, List.of(new Word("d", 4, "z")));
        assertThat(third.hash).isEqualTo(second.hash);
        assertThat(third.metadata.get("load_ts")).isNotEqualTo(second.metadata.get("load_ts"));
    }

    @Test
    void aNewSchemaReplacesTheTable() throws Exception {
        JdbcIOManager io = io();
        io.handleOutput(new Contexts.Output("things", Rows.listOfWords()), List.of(new Word("a", 1, "x")));
        io.handleOutput(new Contexts.Output("things", Rows.listOfStories()), Rows.stories(3));

        assertThat(columns("things")).startsWith("id", "title").endsWith("load_ts");
        assertThat(io.loadInput(new Contexts.Input("things", Rows.listOfTitles())))
                .isEqualTo(List.of(new StoryTitle(0, Rows.stories(3).get(0).title()), new StoryTitle(1, "Story 1"),
                        new StoryTitle(2, "Story 2"), new StoryTitle(3, "")));
    }

    @Test
    void aWriteThatFailsHalfwayLeavesThePreviousRows() throws Exception {
        JdbcIOManager io = io();
        List<Story> kept = Rows.stories(5);
        io.handleOutput(new Contexts.Output("topstories", Rows.listOfStories()), kept);

        // The same columns, and a row the adapter cannot read after thousands were sent.
        List<Object> broken = new ArrayList<>(Rows.stories(5_000));
        broken.add(new Word("not a story", 1, null));
        assertThatThrownBy(() -> io.handleOutput(new Contexts.Output("topstories", Rows.listOfStories()), broken))
                .hasMessageContaining("row 5001 is a " + Word.class.getName());
        // And a new schema that fails.
        List<Object> brokenWords = new ArrayList<>(List.of(new Word("a", 1, "x")));
        brokenWords.add("text");
        assertThatThrownBy(() -> io.handleOutput(new Contexts.Output("topstories", Rows.listOfWords()), brokenWords))
                .hasMessageContaining("row 1 is a java.lang.String");

        List<?> read = (List<?>) io.loadInput(new Contexts.Input("topstories", Rows.listOfStories()));
        assertThat(read).hasSize(6);
        Rows.assertSameStories(read.subList(0, 5), kept.subList(0, 5));
        assertThat(count("SELECT COUNT(*) FROM " + table("topstories"))).isEqualTo(6);
    }

    @Test
    void readersWhileTheTableIsReplacedSeeEitherTheOldRowsOrTheNewOnes() throws Exception {
        JdbcIOManager io = io();
        int rows = 300;
        io.handleOutput(new Contexts.Output("words", Rows.listOfWords()), generation(0, rows));
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> reads = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                reads.add(readers.submit(() -> {
                    int n = 0;
                    // At least a few reads each, however quick the writer.
                    while (writing.get() || n < 3) {
                        @SuppressWarnings("unchecked")
                        List<Word> read = (List<Word>) io.loadInput(new Contexts.Input("words", Rows.listOfWords()));
                        assertThat(read).hasSize(rows);
                        assertThat(read).extracting(Word::count).as("one write's rows, never a mix").containsOnly(read.get(0).count());
                        n++;
                    }
                    return n;
                }));
            }
            for (int g = 1; g <= 40; g++) {
                io.handleOutput(new Contexts.Output("words", Rows.listOfWords()), generation(g, rows));
            }
            writing.set(false);
            for (Future<Integer> f : reads) {
                assertThat(f.get()).isPositive();
            }
        } finally {
            writing.set(false);
            readers.shutdownNow();
        }
        assertThat(count("SELECT MIN(\"count\") FROM " + table("words"))).isEqualTo(40);
    }

    private static List<Word> generation(int g, int rows) {
        return IntStream.range(0, rows).mapToObj(i -> new Word("w" + i, g, null)).toList();
    }

    @Test
    void aRecordWithItsOwnLoadTsKeepsItAndGetsNoSecond() throws Exception {
        JdbcIOManager io = io();
        List<Loaded> rows = List.of(new Loaded("New York", 10, Instant.parse("2020-06-01T00:00:00Z")));
        io.handleOutput(new Contexts.Output("loaded", Rows.listOfLoaded()), rows);
        assertThat(columns("loaded")).containsExactly("state", "cases", "load_ts");
        assertThat(io.loadInput(new Contexts.Input("loaded", Rows.listOfLoaded()))).isEqualTo(rows);
    }

    @Test
    void aTablesawTableRoundTripsAndRecordsReadAsTablesaw() throws Exception {
        JdbcIOManager io = io();
        Table prices = Table.create("prices",
                StringColumn.create("symbol", "ACME", "INIT", null),
                IntColumn.create("volume", 10, 20, 30),
                DoubleColumn.create("price", 1.5, Double.NaN, 3.25));
        prices.intColumn("volume").setMissing(1);
        io.handleOutput(new Contexts.Output("prices", Table.class), prices);

        Table read = (Table) io.loadInput(new Contexts.Input("prices", Table.class));
        assertThat(read.columnNames()).containsExactly("symbol", "volume", "price");
        assertThat(read.stringColumn("symbol").asList()).containsExactly("ACME", "INIT", "");
        assertThat(read.intColumn("volume").isMissing(1)).isTrue();
        assertThat(read.intColumn("volume").get(2)).isEqualTo(30);
        assertThat(read.doubleColumn("price").get(0)).isEqualTo(1.5);
        assertThat(read.rowCount()).isEqualTo(3);

        io.handleOutput(new Contexts.Output("topstories", Rows.listOfStories()), Rows.stories(10));
        Table stories = (Table) io.loadInput(new Contexts.Input("topstories", Table.class));
        assertThat(stories.rowCount()).isEqualTo(11);
        assertThat(stories.columnNames()).as("load_ts is left out").doesNotContain("load_ts").contains("posted_local");
        assertThat(stories.longColumn("id").get(3)).isEqualTo(3L);
        // Tablesaw keeps instants to the millisecond.
        assertThat(stories.instantColumn("time").get(0)).isEqualTo(Instant.parse("2024-05-01T10:15:30.123Z"));
    }

    @Test
    void keysAndPartitionsNameTheirOwnTables() throws Exception {
        JdbcIOManager io = io();
        io.handleOutput(new Contexts.Output("raw/orders-2024", Optional.of("2024-05-01"), Rows.listOfWords()),
                List.of(new Word("a", 1, null)));
        io.handleOutput(new Contexts.Output("raw/orders-2024", Optional.of("2024-05-02"), Rows.listOfWords()),
                List.of(new Word("b", 2, null), new Word("c", 3, null)));

        assertThat(JdbcIOManager.tableName("raw/orders-2024", Optional.of("2024-05-01"))).isEqualTo("raw__orders_2024__2024_05_01");
        assertThat(count("SELECT COUNT(*) FROM " + table("raw__orders_2024__2024_05_02"))).isEqualTo(2);
        assertThat(io.loadInput(new Contexts.Input("raw/orders-2024", Optional.of("2024-05-01"), Rows.listOfWords())))
                .isEqualTo(List.of(new Word("a", 1, null)));
        assertThat(io.loadInput(new Contexts.Input("raw/orders-2024", Optional.of("2024-05-02"), Rows.listOfWords())))
                .asList().hasSize(2);
    }

    @Test
    void readingWhatWasNeverWrittenOrAsTheWrongTypeSaysWhy() throws Exception {
        JdbcIOManager io = io();
        assertThatThrownBy(() -> io.loadInput(new Contexts.Input("never", Rows.listOfWords())))
                .hasMessageContaining("holds asset 'never' for 'reader' (materialize 'never' first)");

        io.handleOutput(new Contexts.Output("words", Rows.listOfWords()), List.of(new Word("a", 1, null)));
        assertThatThrownBy(() -> io.loadInput(new Contexts.Input("words", Rows.listOfStories())))
                .hasMessageContaining("no column 'id', which Story.id needs");
        assertThatThrownBy(() -> io.loadInput(new Contexts.Input("words", String.class)))
                .hasMessageContaining("'reader' asks for the table of 'words' as a java.lang.String")
                .hasMessageContaining("a List of records or a Tablesaw Table");
        assertThatThrownBy(() -> io.handleOutput(new Contexts.Output("words", String.class), "text"))
                .hasMessageContaining("asset 'words' returned a java.lang.String, which cannot be stored as a table");
        assertThatThrownBy(() -> io.handleOutput(new Contexts.Output("words", Rows.listOfWords()), null))
                .hasMessageContaining("returned null");
    }

    @Test
    void anEmptyListMakesAnEmptyTableWithItsColumns() throws Exception {
        JdbcIOManager io = io();
        io.handleOutput(new Contexts.Output("words", Rows.listOfWords()), List.of());
        assertThat(columns("words")).containsExactly("word", "count", "order", "load_ts");
        assertThat(io.loadInput(new Contexts.Input("words", Rows.listOfWords()))).isEqualTo(List.of());
    }
}
