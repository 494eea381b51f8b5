/**
 * Tables as asset values, stored in databases and CSV files: the library an asset jar bundles to
 * use {@link dev.cairn.tables.JdbcIOManager} (H2, PostgreSQL, any JDBC database) or
 * {@link dev.cairn.tables.CsvIOManager}.
 *
 * <p>A {@link dev.cairn.tables.TableAdapter} turns one kind of value into
 * {@link dev.cairn.tables.TableData} and back: {@link dev.cairn.tables.RecordListAdapter} for lists
 * of records, {@link dev.cairn.tables.TablesawAdapter} for Tablesaw tables (when Tablesaw is on the
 * class path). {@link dev.cairn.tables.TableAdapters} chooses among them; the IO managers store
 * the table data and never depend on what the values were.
 */
package dev.cairn.tables;
