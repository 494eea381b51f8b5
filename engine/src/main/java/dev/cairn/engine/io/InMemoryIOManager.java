package dev.cairn.engine.io;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.cairn.api.IOManager;
import dev.cairn.api.InputContext;
import dev.cairn.api.OutputContext;

/**
 * Keeps asset values in memory, by asset key (and partition): for tests and
 * {@link dev.cairn.api.Materialize}. Values are kept as given, not copied. Reports no content hash,
 * so data versions come from code versions and inputs.
 */
public final class InMemoryIOManager implements IOManager {

    /** A stored value, which may be {@code null}. */
    private record Stored(Object value) { }

    private final Map<String, Stored> values = new ConcurrentHashMap<>();

    /** Stores a value as if an asset had produced it, for example the value of an upstream a test provides. */
    public InMemoryIOManager seed(String assetKey, Object value) {
        values.put(assetKey, new Stored(value));
        return this;
    }

    /** The stored value of an asset; empty if none or {@code null}. */
    public Optional<Object> value(String assetKey) {
        Stored s = values.get(assetKey);
        return s == null ? Optional.empty() : Optional.ofNullable(s.value);
    }

    /** True if a value (possibly {@code null}) is stored for the asset. */
    public boolean contains(String assetKey) {
        return values.containsKey(assetKey);
    }

    @Override
    public void handleOutput(OutputContext context, Object value) {
        values.put(storageKey(context.assetKey(), context.partitionKey()), new Stored(value));
    }

    @Override
    public Object loadInput(InputContext context) {
        String key = storageKey(context.assetKey(), context.partitionKey());
        Stored s = values.get(key);
        if (s == null) {
            throw new IllegalStateException("no value of asset '" + key + "' is held in memory for '"
                    + context.downstreamKey() + "': materialize it in the same run, or provide it");
        }
        Class<?> expected = boxed(rawClass(context.expectedType()));
        if (s.value != null && !expected.isInstance(s.value)) {
            throw new IllegalStateException("'" + context.downstreamKey() + "' expects '" + key + "' as a "
                    + context.expectedType().getTypeName() + ", but the value held is a " + s.value.getClass().getName());
        }
        return s.value;
    }

    private static String storageKey(String assetKey, Optional<String> partition) {
        return partition.map(p -> assetKey + "[" + p + "]").orElse(assetKey);
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return rawClass(p.getRawType());
        }
        if (type instanceof GenericArrayType) {
            return Object[].class;
        }
        // A type variable or wildcard: anything goes.
        return Object.class;
    }

    private static Class<?> boxed(Class<?> c) {
        return c.isPrimitive() ? java.lang.invoke.MethodType.methodType(c).wrap().returnType() : c;
    }
}
