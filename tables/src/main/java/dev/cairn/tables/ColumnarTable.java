package dev.cairn.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A {@link TableData} held in memory, filled row by row, as storage reads it back. */
public final class ColumnarTable implements TableData {

    private final String name;
    private final List<Column> columns;
    private final List<Object[]> values;
    private int rows;

    /** An empty table of these columns. */
    public ColumnarTable(String name, List<Column> columns) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.values = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            values.add(new Object[16]);
        }
    }

    /**
     * Adds a row.
     *
     * @param cells one per column; each {@code null} or of its column's cell class
     */
    public void addRow(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells for " + columns.size() + " columns");
        }
        for (int c = 0; c < cells.length; c++) {
            Object[] column = values.get(c);
            if (rows == column.length) {
                column = Arrays.copyOf(column, column.length * 2);
                values.set(c, column);
            }
            column[rows] = cells[c];
        }
        rows++;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public int rowCount() {
        return rows;
    }

    @Override
    public Object get(int row, int column) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " of " + rows);
        }
        return values.get(column)[row];
    }
}
