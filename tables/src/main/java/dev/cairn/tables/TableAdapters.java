package dev.cairn.tables;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The {@link TableAdapter}s a table IO manager tries, in order: added ones first, then lists of
 * records, then Tablesaw tables when Tablesaw is on the class path.
 */
public final class TableAdapters {

    private static final String TABLESAW_TABLE = "tech.tablesaw.api.Table";

    private final List<TableAdapter> adapters;

    private TableAdapters(List<TableAdapter> adapters) {
        this.adapters = List.copyOf(adapters);
    }

    /** Lists of records, and Tablesaw tables if Tablesaw can be loaded. */
    public static TableAdapters defaults() {
        List<TableAdapter> adapters = new ArrayList<>();
        adapters.add(new RecordListAdapter());
        if (tablesawPresent()) {
            adapters.add(new TablesawAdapter());
        }
        return new TableAdapters(adapters);
    }

    private static boolean tablesawPresent() {
        try {
            Class.forName(TABLESAW_TABLE, false, TableAdapters.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** These adapters with {@code adapter} tried first. */
    public TableAdapters with(TableAdapter adapter) {
        List<TableAdapter> more = new ArrayList<>();
        more.add(Objects.requireNonNull(adapter, "adapter"));
        more.addAll(adapters);
        return new TableAdapters(more);
    }

    /**
     * The adapter that stores {@code value}.
     *
     * @throws IllegalArgumentException naming the asset and what can be stored, if none does
     */
    public TableAdapter forValue(String assetKey, Object value, Type declaredType) {
        if (value == null) {
            throw new IllegalArgumentException("asset '" + assetKey + "' returned null, which cannot be stored as a table: "
                    + "return " + kinds() + " (an empty one for no rows)");
        }
        for (TableAdapter adapter : adapters) {
            if (adapter.canWrite(value, declaredType)) {
                return adapter;
            }
        }
        throw new IllegalArgumentException("asset '" + assetKey + "' returned a " + value.getClass().getName()
                + ", which cannot be stored as a table: return " + kinds());
    }

    /**
     * The adapter that makes values of {@code expectedType}.
     *
     * @throws IllegalArgumentException naming the asset, its reader and what can be read, if none does
     */
    public TableAdapter forType(String assetKey, String downstreamKey, Type expectedType) {
        for (TableAdapter adapter : adapters) {
            if (adapter.canRead(expectedType)) {
                return adapter;
            }
        }
        throw new IllegalArgumentException("'" + downstreamKey + "' asks for the table of '" + assetKey + "' as a "
                + expectedType.getTypeName() + ", which cannot be made from a table: ask for " + kinds());
    }

    private String kinds() {
        return adapters.stream().map(TableAdapter::describe).collect(Collectors.joining(" or "));
    }
}
