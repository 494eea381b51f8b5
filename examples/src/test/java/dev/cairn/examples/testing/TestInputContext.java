package dev.cairn.examples.testing;

import java.lang.reflect.Type;
import java.util.Optional;

import dev.cairn.api.InputContext;
import dev.cairn.api.Materialization;

/** An {@link InputContext} for calling an IO manager directly: an unpartitioned upstream, read for a test. */
public record TestInputContext(String assetKey, Optional<String> partitionKey, String downstreamKey, Type expectedType,
                               Optional<Materialization> upstreamMaterialization) implements InputContext {

    /** Loading {@code assetKey} as {@code expectedType}. */
    public static TestInputContext of(String assetKey, Type expectedType) {
        return new TestInputContext(assetKey, Optional.empty(), "test", expectedType, Optional.empty());
    }
}
