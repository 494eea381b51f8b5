package dev.cairn.examples.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    private record Point(String name, long x, double y) { }

    private static final List<String> COLUMNS = List.of("name", "x", "y");

    private static List<Point> parse(String text) {
        return Csv.parse(BundledResource.of("points.csv", text.getBytes(StandardCharsets.UTF_8)), COLUMNS,
                row -> new Point(row.text("name"), row.wholeNumber("x"), row.number("y")));
    }

    @Test
    void readsRowsInOrderAndSkipsBlankLines() {
        assertThat(parse("name,x,y\na,1,2.5\n\nb,-3,0\n"))
                .containsExactly(new Point("a", 1, 2.5), new Point("b", -3, 0));
    }

    @Test
    void aHeaderOnlyFileHasNoRows() {
        assertThat(parse("name,x,y\n")).isEmpty();
    }

    @Test
    void aWrongHeaderIsReportedWithBothHeaders() {
        assertThatThrownBy(() -> parse("name,y,x\na,1,2\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("points.csv line 1: expected the header name,x,y but found name,y,x");
    }

    @Test
    void aBadCellIsReportedWithItsLineAndColumn() {
        assertThatThrownBy(() -> parse("name,x,y\na,1,2\nb,two,3\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("points.csv line 3, column x: cannot read 'two'");
    }

    @Test
    void aLineWithTheWrongNumberOfCellsIsReported() {
        assertThatThrownBy(() -> parse("name,x,y\na,1\n"))
                .hasMessage("points.csv line 2: expected 3 cells but found 2");
    }

    @Test
    void quotedCellsAreRejectedRatherThanMisread() {
        assertThatThrownBy(() -> parse("name,x,y\n\"a,b\",1,2\n"))
                .hasMessage("points.csv line 2: quoted cells are not supported");
    }

    @Test
    void anEmptyFileIsReported() {
        assertThatThrownBy(() -> parse("")).hasMessageContaining("points.csv is empty");
    }
}
