package dev.cairn.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.api.MetadataValue;
import dev.cairn.tables.Rows.Story;
import dev.cairn.tables.Rows.Word;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class CsvIOManagerTest {

    @TempDir
    Path base;

    @Test
    void recordsRoundTripThroughACsvFileWithPathSizeAndTableMetadata() throws Exception {
        CsvIOManager io = new CsvIOManager(base);
        List<Story> stories = Rows.stories(10);
        Contexts.Output out = new Contexts.Output("hn/topstories", Rows.listOfStories());

        io.handleOutput(out, stories);

        Path file = base.resolve("hn").resolve("topstories.csv");
        assertThat(Files.readAllLines(file).get(0)).isEqualTo("id,title,by,score,rank,dead,kind,price,day,posted_local,time");
        assertThat(out.metadata).containsEntry("path", MetadataValue.path(file))
                .containsEntry("size_bytes", MetadataValue.of(Files.size(file)))
                .containsEntry("row_count", MetadataValue.of(11))
                .containsKeys("schema", "preview");
        assertThat(out.hash).hasSize(64);

        List<?> read = (List<?>) io.loadInput(new Contexts.Input("hn/topstories", Rows.listOfStories()));
        // Only an empty text changes: a CSV field cannot tell it from a missing value.
        Rows.assertSameStories(read.subList(0, 10), stories.subList(0, 10));
        assertThat(((Story) read.get(10)).title()).isNull();
        assertThat(((Story) read.get(10)).rank()).isNaN();
    }

    @Test
    void aTablesawReaderGetsColumnTypesInferredFromTheValues() throws Exception {
        CsvIOManager io = new CsvIOManager(base);
        io.handleOutput(new Contexts.Output("topstories", Rows.listOfStories()), Rows.stories(4));

        Table table = (Table) io.loadInput(new Contexts.Input("topstories", Table.class));

        assertThat(table.rowCount()).isEqualTo(5);
        assertThat(table.column("id").type()).isEqualTo(ColumnType.LONG);
        assertThat(table.column("rank").type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(table.column("dead").type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(table.column("day").type()).isEqualTo(ColumnType.LOCAL_DATE);
        assertThat(table.column("posted_local").type()).isEqualTo(ColumnType.LOCAL_DATE_TIME);
        assertThat(table.column("time").type()).isEqualTo(ColumnType.INSTANT);
        assertThat(table.column("title").type()).isEqualTo(ColumnType.STRING);
        assertThat(table.dateColumn("day").get(1)).isEqualTo(LocalDate.of(2024, 1, 2));

        io.handleOutput(new Contexts.Output("copy", Table.class), table);
        // Line 3: the first story's title spans two lines.
        assertThat(Files.readAllLines(base.resolve("copy.csv")).get(3)).startsWith("1,Story 1,user1,10,");
    }

    @Test
    void badFieldsAndMissingFilesSayWhereAndWhat() throws Exception {
        CsvIOManager io = new CsvIOManager(base);
        Files.writeString(base.resolve("words.csv"), "word,count,order\na,1,x\nb,two,y\n");
        assertThatThrownBy(() -> io.loadInput(new Contexts.Input("words", Rows.listOfWords())))
                .hasMessageContaining("words.csv, line 2, column 'count': 'two' cannot be read as Integer");
        assertThatThrownBy(() -> io.loadInput(new Contexts.Input("absent", Rows.listOfWords())))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("materialize 'absent' first");
        io.handleOutput(new Contexts.Output("words", Rows.listOfWords()), List.of(new Word("a", 1, "x")));
        assertThat(io.loadInput(new Contexts.Input("words", Rows.listOfWords()))).isEqualTo(List.of(new Word("a", 1, "x")));
    }
}
