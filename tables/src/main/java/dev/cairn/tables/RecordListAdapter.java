package dev.cairn.tables;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lists of Java records as tables: each record component is a column, named in snake_case
 * ({@code loadTs} is {@code load_ts}) and typed by {@link ColumnType#of(Class)}. Reading matches
 * stored columns to components by that name, ignoring case, and converts cells to the
 * components' types; stored columns no component names are left out.
 *
 * <p>Writes {@code List<R>} values (the record type taken from the declared type, so an empty
 * list has columns too, else from the first element) and reads {@code List<R>},
 * {@code Collection<R>} and {@code Iterable<R>} parameters.
 */
public final class RecordListAdapter implements TableAdapter {

    /** Per record type: its columns, accessors and constructor, worked out once. */
    private final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();

    @Override
    public boolean canWrite(Object value, Type declaredType) {
        if (!(value instanceof List<?> list)) {
            return false;
        }
        return recordType(declaredType).isPresent() || (!list.isEmpty() && list.get(0) instanceof Record);
    }

    @Override
    public boolean canRead(Type expectedType) {
        return recordType(expectedType).isPresent();
    }

    @Override
    public TableData toTable(Object value, Type declaredType) {
        List<?> rows = (List<?>) value;
        Class<?> type = recordType(declaredType).orElseGet(() -> rows.get(0).getClass());
        Shape shape = shape(type);
        return new TableData() {
            @Override public List<Column> columns() { return shape.columns; }
            @Override public int rowCount() { return rows.size(); }
            @Override public Object get(int row, int column) {
                Object record = rows.get(row);
                if (record == null || record.getClass() != type) {
                    throw new IllegalArgumentException("row " + row + " is " + (record == null ? "null"
                            : "a " + record.getClass().getName()) + ", not a " + type.getName());
                }
                return Cells.normalize(shape.read(column, record));
            }
        };
    }

    @Override
    public Optional<List<Column>> columnsOf(Type expectedType) {
        return recordType(expectedType).map(type -> shape(type).columns);
    }

    @Override
    public Object fromTable(TableData table, Type expectedType) {
        Class<?> type = recordType(expectedType).orElseThrow(() ->
                new IllegalArgumentException(expectedType.getTypeName() + " is not a list of records"));
        Shape shape = shape(type);
        Map<String, Integer> stored = new HashMap<>();
        for (int i = 0; i < table.columns().size(); i++) {
            stored.put(table.columns().get(i).name().toLowerCase(Locale.ROOT), i);
        }
        int[] source = new int[shape.columns.size()];
        for (int i = 0; i < source.length; i++) {
            Integer at = stored.get(shape.columns.get(i).name().toLowerCase(Locale.ROOT));
            if (at == null) {
                throw new IllegalArgumentException("the stored table has no column '" + shape.columns.get(i).name()
                        + "', which " + type.getSimpleName() + "." + shape.components[i].getName() + " needs; it has "
                        + table.columns().stream().map(Column::name).toList());
            }
            source[i] = at;
        }
        List<Object> records = new ArrayList<>(table.rowCount());
        Object[] args = new Object[source.length];
        for (int row = 0; row < table.rowCount(); row++) {
            for (int i = 0; i < source.length; i++) {
                Class<?> target = shape.components[i].getType();
                Object cell = table.get(row, source[i]);
                if (cell == null && target.isPrimitive()) {
                    throw new IllegalArgumentException("row " + (row + 1) + " has no value in column '"
                            + shape.columns.get(i).name() + "', and " + type.getSimpleName() + "."
                            + shape.components[i].getName() + " is a " + target.getName() + ", which cannot be null");
                }
                try {
                    args[i] = Cells.convert(cell, target);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("row " + (row + 1) + ", column '" + shape.columns.get(i).name()
                            + "': " + e.getMessage(), e);
                }
            }
            records.add(shape.create(args));
        }
        return Collections.unmodifiableList(records);
    }

    @Override
    public String describe() {
        return "a List of records";
    }

    /** {@code loadTs} as {@code load_ts}. */
    public static String snakeCase(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static Optional<Class<?>> recordType(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && (raw == List.class || raw == Collection.class || raw == Iterable.class)
                && p.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
            return Optional.of(element);
        }
        return Optional.empty();
    }

    private Shape shape(Class<?> type) {
        return shapes.computeIfAbsent(type, Shape::of);
    }

    /** A record type's columns, accessors and canonical constructor. */
    private record Shape(List<Column> columns, RecordComponent[] components, MethodHandle[] accessors,
                         MethodHandle constructor) {

        static Shape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            List<Column> columns = new ArrayList<>();
            MethodHandle[] accessors = new MethodHandle[components.length];
            Class<?>[] parameterTypes = new Class<?>[components.length];
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            try {
                for (int i = 0; i < components.length; i++) {
                    RecordComponent c = components[i];
                    ColumnType columnType = ColumnType.of(c.getType()).orElseThrow(() -> new IllegalArgumentException(
                            type.getSimpleName() + "." + c.getName() + " is a " + c.getType().getName()
                                    + ", which a table column cannot hold: use text, a number, a boolean, an enum, "
                                    + "BigDecimal or a java.time date or time"));
                    columns.add(new Column(snakeCase(c.getName()), columnType));
                    c.getAccessor().setAccessible(true);
                    accessors[i] = lookup.unreflect(c.getAccessor()).asType(
                            java.lang.invoke.MethodType.methodType(Object.class, Object.class));
                    parameterTypes[i] = c.getType();
                }
                Constructor<?> canonical = type.getDeclaredConstructor(parameterTypes);
                canonical.setAccessible(true);
                MethodHandle constructor = lookup.unreflectConstructor(canonical)
                        .asSpreader(Object[].class, components.length)
                        .asType(java.lang.invoke.MethodType.methodType(Object.class, Object[].class));
                return new Shape(List.copyOf(columns), components, accessors, constructor);
            } catch (ReflectiveOperationException | RuntimeException e) {
                if (e instanceof IllegalArgumentException iae) {
                    throw iae;
                }
                throw new IllegalArgumentException("the record " + type.getName() + " cannot be read or made: " + e, e);
            }
        }

        Object read(int column, Object record) {
            try {
                return accessors[column].invokeExact(record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        Object create(Object[] args) {
            try {
                return constructor.invokeExact(args);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }
}
