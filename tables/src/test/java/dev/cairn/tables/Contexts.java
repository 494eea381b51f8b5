package dev.cairn.tables;

import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.cairn.api.InputContext;
import dev.cairn.api.Materialization;
import dev.cairn.api.MetadataValue;
import dev.cairn.api.OutputContext;

/** What the engine hands IO managers, for calling them directly. */
final class Contexts {

    private Contexts() {
    }

    /** An output context that records the metadata and content hash it receives. */
    static final class Output implements OutputContext {
        final String key;
        final Optional<String> partition;
        final Type type;
        final Map<String, MetadataValue> metadata = new LinkedHashMap<>();
        String hash;

        Output(String key, Type type) {
            this(key, Optional.empty(), type);
        }

        Output(String key, Optional<String> partition, Type type) {
            this.key = key;
            this.partition = partition;
            this.type = type;
        }

        @Override public String assetKey() { return key; }
        @Override public Optional<String> partitionKey() { return partition; }
        @Override public String runId() { return "run"; }
        @Override public Type valueType() { return type; }
        @Override public void addMetadata(String k, MetadataValue v) { metadata.put(k, v); }
        @Override public void reportContentHash(String h) { hash = h; }
        @Override public Optional<Materialization> previous() { return Optional.empty(); }
    }

    record Input(String assetKey, Optional<String> partitionKey, Type expectedType) implements InputContext {
        Input(String assetKey, Type expectedType) {
            this(assetKey, Optional.empty(), expectedType);
        }

        @Override public String downstreamKey() { return "reader"; }
        @Override public Optional<Materialization> upstreamMaterialization() { return Optional.empty(); }
    }
}
