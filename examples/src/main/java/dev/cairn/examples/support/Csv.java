package dev.cairn.examples.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Parses the simple CSV dialect of the bundled data: one header line, comma-separated cells, no
 * quoting. Every error names the file, line and column, so broken data is easy to find.
 */
public final class Csv {

    private Csv() {
    }

    /** Turns one data line into a value. */
    @FunctionalInterface
    public interface RowMapper<T> {
        /** Maps a row; throw {@link IllegalArgumentException} (or use {@link Row#parse}) for bad cells. */
        T map(Row row);
    }

    /**
     * Parses {@code resource}, checking that its header is exactly {@code columns}.
     *
     * @throws IllegalArgumentException for a wrong header, a line with the wrong number of cells,
     *         a quoted cell, or a cell the mapper rejects
     */
    public static <T> List<T> parse(BundledResource resource, List<String> columns, RowMapper<T> mapper) {
        String source = resource.name();
        List<String> lines = resource.text().lines().toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(source + " is empty; expected the header " + String.join(",", columns));
        }
        List<String> header = List.of(lines.get(0).split(",", -1));
        if (!header.equals(columns)) {
            throw new IllegalArgumentException(source + " line 1: expected the header " + String.join(",", columns)
                    + " but found " + lines.get(0));
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i), i);
        }
        List<T> values = new ArrayList<>(lines.size() - 1);
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            int lineNumber = n + 1;
            if (line.indexOf('"') >= 0) {
                throw new IllegalArgumentException(source + " line " + lineNumber + ": quoted cells are not supported");
            }
            String[] cells = line.split(",", -1);
            if (cells.length != columns.size()) {
                throw new IllegalArgumentException(source + " line " + lineNumber + ": expected " + columns.size()
                        + " cells but found " + cells.length);
            }
            values.add(mapper.map(new Row(source, lineNumber, index, List.of(cells))));
        }
        return values;
    }

    /** One data line of a CSV file. */
    public static final class Row {
        private final String source;
        private final int lineNumber;
        private final Map<String, Integer> index;
        private final List<String> cells;

        private Row(String source, int lineNumber, Map<String, Integer> index, List<String> cells) {
            this.source = source;
            this.lineNumber = lineNumber;
            this.index = index;
            this.cells = cells;
        }

        /** The cell of {@code column}, as written (trimmed). */
        public String text(String column) {
            Integer i = index.get(column);
            if (i == null) {
                throw new IllegalArgumentException(source + " has no column '" + column + "'; it has "
                        + Arrays.toString(index.keySet().toArray()));
            }
            return cells.get(i).trim();
        }

        /** The cell of {@code column} as a whole number. */
        public long wholeNumber(String column) {
            return parse(column, Long::parseLong);
        }

        /** The cell of {@code column} as a decimal number. */
        public double number(String column) {
            return parse(column, Double::parseDouble);
        }

        /**
         * The cell of {@code column} converted by {@code parser}; an exception of the parser is
         * reported with the file, line and column.
         */
        public <T> T parse(String column, Function<String, T> parser) {
            String text = text(column);
            try {
                return parser.apply(text);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(source + " line " + lineNumber + ", column " + column
                        + ": cannot read '" + text + "' (" + e.getMessage() + ")", e);
            }
        }
    }
}
