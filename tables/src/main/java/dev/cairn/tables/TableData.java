package dev.cairn.tables;

import java.util.List;

/**
 * A table as {@link TableAdapter}s hand it to storage and get it back: named, typed columns and
 * rows of cells. A cell is {@code null} or an instance of its column's {@link ColumnType#cellClass()}.
 *
 * <p>Implementations read their source lazily where they can (a list of records is not copied), so
 * that storing a million rows does not hold them twice.
 */
public interface TableData {

    /** The columns, in order. */
    List<Column> columns();

    /** How many rows. */
    int rowCount();

    /** The cell at a row and column, both from 0. */
    Object get(int row, int column);

    /** The table's name, for adapters whose values carry one (a Tablesaw table); the asset key when read from storage. */
    default String name() {
        return "table";
    }
}
