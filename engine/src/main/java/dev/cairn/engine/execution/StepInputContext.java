package dev.cairn.engine.execution;

import java.lang.reflect.Type;
import java.util.Optional;

import dev.cairn.api.InputContext;
import dev.cairn.api.Materialization;

/** The {@link InputContext} handed to an upstream's IO manager. */
record StepInputContext(String assetKey, String downstreamKey, Type expectedType, Materialization materialization)
        implements InputContext {

    @Override
    public Optional<String> partitionKey() {
        return Optional.empty();
    }

    @Override
    public Optional<Materialization> upstreamMaterialization() {
        return Optional.ofNullable(materialization);
    }
}
