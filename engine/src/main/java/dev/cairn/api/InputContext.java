package dev.cairn.api;

import java.lang.reflect.Type;
import java.util.Optional;

/** What an {@link IOManager} knows when it loads an upstream value for a downstream asset. */
public interface InputContext {

    /** The upstream asset whose value is loaded. */
    String assetKey();

    /** The partition to load, if the upstream is partitioned. */
    Optional<String> partitionKey();

    /** The downstream asset that asked for it. */
    String downstreamKey();

    /** The type the downstream parameter declares, including generics, for example {@code List<Story>}. */
    Type expectedType();

    /** The upstream's latest materialization, or empty for a source asset that was never materialized. */
    Optional<Materialization> upstreamMaterialization();
}
