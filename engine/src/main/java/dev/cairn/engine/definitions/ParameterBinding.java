package dev.cairn.engine.definitions;

/**
 * How one parameter of an asset's compute function receives its argument.
 */
public sealed interface ParameterBinding {

    /** The parameter's name as compiled (may be {@code arg0} without {@code -parameters}). */
    String parameterName();

    /** Receives the {@link dev.cairn.api.AssetContext}. */
    record Context(String parameterName) implements ParameterBinding { }

    /**
     * Receives the value of an upstream asset, loaded by its IO manager.
     *
     * @param typeName the declared generic type, as Java writes it
     */
    record UpstreamInput(String parameterName, String assetKey, String typeName) implements ParameterBinding { }

    /**
     * Receives a resource: by key when {@code resourceKey} is set, else by {@code typeName}.
     *
     * @param resourceKey the key from {@code @ResourceKey}, or {@code null} to match by type
     * @param typeName the parameter's class name
     */
    record Resource(String parameterName, String resourceKey, String typeName) implements ParameterBinding { }
}
