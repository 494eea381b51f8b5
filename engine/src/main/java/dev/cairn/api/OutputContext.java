package dev.cairn.api;

import java.lang.reflect.Type;
import java.util.Optional;

/** What an {@link IOManager} knows when it stores an asset's value. */
public interface OutputContext {

    /** The asset being stored. */
    String assetKey();

    /** The partition being stored, if the asset is partitioned. */
    Optional<String> partitionKey();

    /** The run storing it. */
    String runId();

    /** The declared return type of the asset's compute function. */
    Type valueType();

    /** Adds a metadata entry to the materialization, for example the path and size written. */
    void addMetadata(String key, MetadataValue value);

    /**
     * Reports a hash of the bytes that were written. It becomes the materialization's data
     * version unless the asset provided one, so re-writing identical bytes makes nothing
     * downstream stale.
     */
    void reportContentHash(String hash);

    /** The asset's previous materialization, if any. */
    Optional<Materialization> previous();
}
