package dev.cairn.examples.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cairn.api.AssetContext;
import dev.cairn.api.AssetLogger;
import dev.cairn.api.MetadataValue;

/**
 * An {@link AssetContext} that records what it is told, for calling code that takes a context
 * (such as a source asset's observer) outside of a run.
 */
public final class RecordingAssetContext implements AssetContext {

    private final String assetKey;
    private final Map<String, MetadataValue> metadata = new LinkedHashMap<>();
    private final List<String> logLines = new ArrayList<>();

    public RecordingAssetContext(String assetKey) {
        this.assetKey = assetKey;
    }

    /** The metadata added so far. */
    public Map<String, MetadataValue> metadata() {
        return metadata;
    }

    /** The log lines written so far, each prefixed with its level. */
    public List<String> logLines() {
        return logLines;
    }

    @Override
    public String runId() {
        return "test-run";
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
    public AssetLogger log() {
        return new AssetLogger() {
            @Override
            public void debug(String message, Object... args) {
                logLines.add("DEBUG " + message);
            }

            @Override
            public void info(String message, Object... args) {
                logLines.add("INFO " + message);
            }

            @Override
            public void warn(String message, Object... args) {
                logLines.add("WARN " + message);
            }

            @Override
            public void error(String message, Object... args) {
                logLines.add("ERROR " + message);
            }
        };
    }

    @Override
    public void addOutputMetadata(String key, MetadataValue value) {
        metadata.put(key, value);
    }

    @Override
    public <T> T resource(String key, Class<T> type) {
        throw new IllegalArgumentException("no resource '" + key + "' outside of a run");
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
