package dev.cairn.api;

import java.util.Optional;

/**
 * What a running asset can know and say about its own computation. Declare a parameter of this
 * type to receive it.
 */
public interface AssetContext {

    /** The id of the run this computation belongs to. */
    String runId();

    /** The key of the asset being computed. */
    String assetKey();

    /** The partition being computed, if the asset is partitioned. */
    Optional<String> partitionKey();

    /** A logger whose lines go to the event log. */
    AssetLogger log();

    /**
     * Adds a metadata entry to this materialization; shown in the asset's history and charted
     * when numeric. A later entry with the same key replaces the earlier one.
     */
    void addOutputMetadata(String key, MetadataValue value);

    /**
     * The resource registered under {@code key}.
     *
     * @throws IllegalArgumentException if there is none, or it is not a {@code type}
     */
    <T> T resource(String key, Class<T> type);

    /**
     * True once the run was asked to stop. Long computations should check it between units of
     * work and return early; the thread is also interrupted.
     */
    boolean isCancelled();
}
