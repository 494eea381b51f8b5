package dev.cairn.engine.execution;

import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.cairn.api.Materialization;
import dev.cairn.api.MetadataValue;
import dev.cairn.api.OutputContext;
import dev.cairn.engine.storage.EventLog;
import dev.cairn.engine.storage.MaterializationRecord;

/** The {@link OutputContext} handed to an asset's IO manager. */
final class StepOutputContext implements OutputContext {

    private final String assetKey;
    private final String runId;
    private final Type valueType;
    private final EventLog eventLog;
    private Map<String, MetadataValue> metadata;
    private String contentHash;

    StepOutputContext(String assetKey, String runId, Type valueType, EventLog eventLog) {
        this.assetKey = assetKey;
        this.runId = runId;
        this.valueType = valueType;
        this.eventLog = eventLog;
    }

    @Override
    public String assetKey() {
        return assetKey;
    }

    @Override
    public Optional<String> partitionKey() {
        return Optional.empty();
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public Type valueType() {
        return valueType;
    }

    @Override
    public synchronized void addMetadata(String key, MetadataValue value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (metadata == null) {
            metadata = new LinkedHashMap<>();
        }
        metadata.put(key, value);
    }

    @Override
    public synchronized void reportContentHash(String hash) {
        if (hash == null || hash.isBlank()) {
            throw new IllegalArgumentException("a content hash must not be blank");
        }
        contentHash = hash;
    }

    /** Queried only when an IO manager asks, so that runs of IO managers that never do cost no query. */
    @Override
    public Optional<Materialization> previous() {
        return eventLog.latestMaterialization(assetKey).map(MaterializationRecord::toApi);
    }

    synchronized Map<String, MetadataValue> metadata() {
        return metadata == null ? Map.of() : metadata;
    }

    synchronized String contentHash() {
        return contentHash;
    }
}
