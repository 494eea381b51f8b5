package dev.cairn.tables;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Tablesaw {@link Table}s as tables, column by column: boolean, short and int, long, float and
 * double, string, date, date-time and instant columns; any other column is stored as text. Missing
 * values are {@code null}s. Read back, every stored column becomes a Tablesaw column (decimals as
 * doubles), except the {@code load_ts} column that the JDBC IO manager adds.
 *
 * <p>Used only when Tablesaw is on the class path: {@link TableAdapters#defaults()} looks for it.
 */
public final class TablesawAdapter implements TableAdapter {

    @Override
    public boolean canWrite(Object value, Type declaredType) {
        return value instanceof Table;
    }

    @Override
    public boolean canRead(Type expectedType) {
        return expectedType == Table.class;
    }

    @Override
    public TableData toTable(Object value, Type declaredType) {
        Table table = (Table) value;
        List<Column> columns = new ArrayList<>();
        List<tech.tablesaw.columns.Column<?>> sources = table.columns();
        ColumnType[] types = new ColumnType[sources.size()];
        for (int i = 0; i < sources.size(); i++) {
            types[i] = typeOf(sources.get(i));
            columns.add(new Column(sources.get(i).name(), types[i]));
        }
        return new TableData() {
            @Override public List<Column> columns() { return columns; }
            @Override public int rowCount() { return table.rowCount(); }
            @Override public Object get(int row, int column) {
                tech.tablesaw.columns.Column<?> c = sources.get(column);
                if (c.isMissing(row)) {
                    return null;
                }
                Object cell = c.get(row);
                return types[column] == ColumnType.TEXT && !(cell instanceof String) ? c.getString(row) : Cells.normalize(cell);
            }
        };
    }

    private static ColumnType typeOf(tech.tablesaw.columns.Column<?> column) {
        if (column instanceof BooleanColumn) {
            return ColumnType.BOOLEAN;
        }
        if (column instanceof IntColumn || column instanceof ShortColumn) {
            return ColumnType.INTEGER;
        }
        if (column instanceof LongColumn) {
            return ColumnType.BIGINT;
        }
        if (column instanceof DoubleColumn || column instanceof FloatColumn) {
            return ColumnType.DOUBLE;
        }
        if (column instanceof DateColumn) {
            return ColumnType.DATE;
        }
        if (column instanceof DateTimeColumn) {
            return ColumnType.TIMESTAMP;
        }
        if (column instanceof InstantColumn) {
            return ColumnType.TIMESTAMP_TZ;
        }
        return ColumnType.TEXT;
    }

    @Override
    public Optional<List<Column>> columnsOf(Type expectedType) {
        return Optional.empty();
    }

    @Override
    public Object fromTable(TableData data, Type expectedType) {
        Table table = Table.create(data.name());
        for (int c = 0; c < data.columns().size(); c++) {
            table.addColumns(column(data, c));
        }
        return table;
    }

    private static tech.tablesaw.columns.Column<?> column(TableData data, int c) {
        Column spec = data.columns().get(c);
        int rows = data.rowCount();
        switch (spec.type()) {
            case BOOLEAN -> {
                BooleanColumn column = BooleanColumn.create(spec.name());
                for (int r = 0; r < rows; r++) {
                    Object v = data.get(r, c);
                    if (v == null) {
                        column.appendMissing();
                    } else {
                        column.append((Boolean) v);
                    }
                }
                return column;
            }
            case INTEGER -> {
                IntColumn column = IntColumn.create(spec.name());
                for (int r = 0; r < rows; r++) {
                    Object v = data.get(r, c);
                    if (v == null) {
                        column.appendMissing();
                    } else {
                        column.append((Integer) v);
                    }
                }
                return column;
            }
            case BIGINT -> {
                LongColumn column = LongColumn.create(spec.name());
                for (int r = 0; r < rows; r++) {
                    Object v = data.get(r, c);
                    if (v == null) {
                        column.appendMissing();
                    } else {
                        column.append((Long) v);
                    }
                }
                return column;
            }
            case DOUBLE, DECIMAL -> {
                DoubleColumn column = DoubleColumn.create(spec.name());
                for (int r = 0; r < rows; r++) {
                    Object v = data.get(r, c);
                    if (v == null) {
                        column.appendMissing();
                    } else {
                        column.append(v instanceof BigDecimal d ? d.doubleValue() : ((Double) v).doubleValue());
                    }
                }
                return column;
            }
            case DATE -> {
                DateColumn column = DateColumn.create(spec.name());
                for (int r = 0; r < rows; r++) {
                    column.append((LocalDate) data.get(r, c));
                }
                return column;
            }
            case TIMESTAMP -> {
                DateTimeColumn column = DateTimeColumn.create(spec.name());
                for (int r = 0; r < rows; r++) {
                    column.append((LocalDateTime) data.get(r, c));
                }
                return column;
            }
            case TIMESTAMP_TZ -> {
                InstantColumn column = InstantColumn.create(spec.name());
                for (int r = 0; r < rows; r++) {
                    column.append((Instant) data.get(r, c));
                }
                return column;
            }
            default -> {
                StringColumn column = StringColumn.create(spec.name());
                for (int r = 0; r < rows; r++) {
                    Object v = data.get(r, c);
                    if (v == null) {
                        column.appendMissing();
                    } else {
                        column.append(v.toString());
                    }
                }
                return column;
            }
        }
    }

    @Override
    public String describe() {
        return "a Tablesaw Table";
    }
}
