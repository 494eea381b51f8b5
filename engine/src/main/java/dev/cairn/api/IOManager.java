package dev.cairn.api;

/**
 * Stores asset values and loads them back for downstream assets, so that asset code deals in
 * values and never in where they live. The same assets can write files in development and
 * database tables in production by registering a different IO manager under the same key.
 *
 * <p>Implementations must be safe to call from several threads at once: independent assets run
 * in parallel.
 */
public interface IOManager {

    /**
     * Stores the value an asset returned.
     *
     * @param context the asset being stored, and a sink for metadata about what was written
     * @param value the value, possibly {@code null}
     */
    void handleOutput(OutputContext context, Object value) throws Exception;

    /**
     * Loads the stored value of an upstream asset, as the type the downstream asset asks for.
     *
     * @param context the upstream asset, its latest materialization and the expected type
     */
    Object loadInput(InputContext context) throws Exception;
}
