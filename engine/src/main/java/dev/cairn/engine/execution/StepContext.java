package dev.cairn.engine.execution;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.cairn.api.AssetContext;
import dev.cairn.api.AssetLogger;
import dev.cairn.api.MetadataValue;

/** The {@link AssetContext} of one attempt of one step. User code may call it from its own threads. */
final class StepContext implements AssetContext {

    private final ActiveRun run;
    private final String assetKey;
    private final Map<String, Object> resources;
    private Map<String, MetadataValue> metadata;
    private AssetLogger logger;

    StepContext(ActiveRun run, String assetKey, Map<String, Object> resources) {
        this.run = run;
        this.assetKey = assetKey;
        this.resources = resources;
    }

    @Override
    public String runId() {
        return run.runId();
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
    public synchronized AssetLogger log() {
        if (logger == null) {
            logger = new StepLogger(run, assetKey);
        }
        return logger;
    }

    @Override
    public synchronized void addOutputMetadata(String key, MetadataValue value) {
        java.util.Objects.requireNonNull(key, "key");
        java.util.Objects.requireNonNull(value, "value");
        if (metadata == null) {
            metadata = new LinkedHashMap<>();
        }
        metadata.put(key, value);
    }

    /** The metadata added so far, in insertion order. */
    synchronized Map<String, MetadataValue> metadata() {
        return metadata == null ? Map.of() : new LinkedHashMap<>(metadata);
    }

    @Override
    public <T> T resource(String key, Class<T> type) {
        Object resource = resources.get(key);
        if (resource == null) {
            throw new IllegalArgumentException("no resource is registered under '" + key + "'; registered: "
                    + String.join(", ", new java.util.TreeSet<>(resources.keySet())));
        }
        if (!type.isInstance(resource)) {
            throw new IllegalArgumentException("resource '" + key + "' is a " + resource.getClass().getName()
                    + ", not a " + type.getName());
        }
        return type.cast(resource);
    }

    @Override
    public boolean isCancelled() {
        return run.isCancelled();
    }
}
