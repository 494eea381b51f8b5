package dev.cairn.tables;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;

/**
 * Converts one kind of Java value to and from {@link TableData}, so that table IO managers store
 * it: {@link RecordListAdapter} for lists of records, {@link TablesawAdapter} for Tablesaw tables.
 * Add others with {@link TableAdapters#with(TableAdapter)}.
 */
public interface TableAdapter {

    /** True if this adapter stores {@code value}, which an asset declared as {@code declaredType}. */
    boolean canWrite(Object value, Type declaredType);

    /** True if this adapter makes values of {@code expectedType}, as a downstream parameter declares it. */
    boolean canRead(Type expectedType);

    /** The value as a table. */
    TableData toTable(Object value, Type declaredType);

    /**
     * The columns {@code expectedType} needs, in order, when the type knows them (a record does);
     * empty to take every stored column as it is.
     */
    Optional<List<Column>> columnsOf(Type expectedType);

    /** A value of {@code expectedType} made from a stored table. */
    Object fromTable(TableData table, Type expectedType);

    /** A short name of the values it handles, for messages, for example "a List of records". */
    String describe();
}
