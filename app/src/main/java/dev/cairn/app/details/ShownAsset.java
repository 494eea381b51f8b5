package dev.cairn.app.details;

import java.time.Instant;
import java.util.Objects;

import dev.cairn.app.graph.model.NodeStatus;
import dev.cairn.engine.definitions.AssetGraph;
import dev.cairn.engine.definitions.AssetSpec;
import dev.cairn.engine.staleness.AssetState;
import dev.cairn.engine.staleness.StalenessReport;

/**
 * The asset a details tab shows, with what the app knows about it now.
 *
 * @param graph the asset graph shown
 * @param spec the asset's definition
 * @param state its status, or null while the event log is being read
 * @param report the status of every asset, or null while the event log is being read
 * @param status its badge as the graph draws it, or null
 */
public record ShownAsset(AssetGraph graph, AssetSpec spec, AssetState state, StalenessReport report, NodeStatus status) {

    public ShownAsset {
        Objects.requireNonNull(graph);
        Objects.requireNonNull(spec);
    }

    /** The asset's key. */
    public String key() {
        return spec.key();
    }

    /**
     * Which materialization (or observation) is the latest: equal values mean that nothing new was
     * recorded for the asset, so what was read from the log for it still holds.
     */
    public Latest latest() {
        return state == null ? new Latest(key(), null, null) : new Latest(key(), state.lastMaterializedAt(), state.lastRunId());
    }

    /**
     * The identity of an asset's latest materialization.
     *
     * @param key the asset
     * @param at when it was recorded, or null if never (or not known yet)
     * @param runId its run, or null
     */
    public record Latest(String key, Instant at, String runId) { }
}
