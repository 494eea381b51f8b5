package dev.cairn.engine.staleness;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cairn.engine.definitions.AssetGraph;

/**
 * The status of every asset at one moment, and the explanation of any one of them.
 */
public final class StalenessReport {

    private final AssetGraph graph;
    private final Map<String, AssetState> states;

    /** Takes ownership of {@code states}, in topological order. */
    StalenessReport(AssetGraph graph, Map<String, AssetState> states) {
        this.graph = graph;
        // Not Map.copyOf: its linear probing is slow on keys with close hash codes (asset_00001, ...).
        this.states = Collections.unmodifiableMap(states);
    }

    /** Every asset's state by key, in topological order. */
    public Map<String, AssetState> states() {
        return states;
    }

    /** One asset's state. */
    public AssetState state(String key) {
        AssetState s = states.get(key);
        if (s == null) {
            throw new IllegalArgumentException("no asset '" + key + "'");
        }
        return s;
    }

    /** The keys with this status, in topological order. */
    public List<String> withStatus(AssetStatus status) {
        return graph.topologicalOrder().stream().filter(k -> states.get(k).status() == status).toList();
    }

    /**
     * The full explanation of one asset: its own causes, and every stale or missing asset
     * upstream of it whose re-materialization will reach it, nearest first.
     */
    public Explanation explain(String key) {
        AssetState state = state(key);
        List<RootCause> roots = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(sortedParents(key));
        seen.addAll(queue);
        while (!queue.isEmpty()) {
            String up = queue.poll();
            AssetState upState = states.get(up);
            if (upState.status() == AssetStatus.MISSING) {
                roots.add(new RootCause(up, new StaleCause(StaleCause.Category.UPSTREAM_MISSING, up,
                        "`" + up + "` has never been materialized")));
            } else {
                for (StaleCause c : upState.causes()) {
                    roots.add(new RootCause(up, c));
                }
            }
            for (String p : sortedParents(up)) {
                if (seen.add(p)) {
                    queue.add(p);
                }
            }
        }
        return new Explanation(state, roots);
    }

    private List<String> sortedParents(String key) {
        return graph.parents(key).stream().sorted().toList();
    }

    /**
     * Why an asset has its status.
     *
     * @param state its status and own causes
     * @param rootCauses changes upstream that have not reached it yet, nearest first
     */
    public record Explanation(AssetState state, List<RootCause> rootCauses) {
        public Explanation {
            rootCauses = List.copyOf(rootCauses);
        }
    }
}
