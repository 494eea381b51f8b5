package dev.cairn.engine.definitions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jgrapht.Graphs;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;

/**
 * The asset graph: an edge runs from each upstream to each asset that depends on it. Immutable
 * once built; built only from definitions already checked for cycles and unknown keys.
 */
public final class AssetGraph {

    private final Map<String, AssetSpec> assets;
    private final DirectedAcyclicGraph<String, DefaultEdge> dag;
    private final List<String> topologicalOrder;

    private AssetGraph(Map<String, AssetSpec> assets, DirectedAcyclicGraph<String, DefaultEdge> dag) {
        this.assets = assets;
        this.dag = dag;
        List<String> order = new ArrayList<>(assets.size());
        dag.iterator().forEachRemaining(order::add);
        this.topologicalOrder = Collections.unmodifiableList(order);
    }

    /**
     * Builds the graph.
     *
     * @throws IllegalArgumentException if an upstream is unknown or the dependencies form a cycle;
     *         the loader reports those as problems before ever getting here
     */
    public static AssetGraph of(Collection<AssetSpec> specs) {
        Map<String, AssetSpec> byKey = new LinkedHashMap<>();
        specs.stream().sorted(java.util.Comparator.comparing(AssetSpec::key))
                .forEach(s -> byKey.put(s.key(), s));
        DirectedAcyclicGraph<String, DefaultEdge> dag = new DirectedAcyclicGraph<>(DefaultEdge.class);
        byKey.keySet().forEach(dag::addVertex);
        for (AssetSpec spec : byKey.values()) {
            for (String up : spec.upstreams()) {
                if (!byKey.containsKey(up)) {
                    throw new IllegalArgumentException("asset '" + spec.key() + "' depends on unknown asset '" + up + "'");
                }
                dag.addEdge(up, spec.key());
            }
        }
        return new AssetGraph(Collections.unmodifiableMap(byKey), dag);
    }

    /** Every asset by key, sorted by key. */
    public Map<String, AssetSpec> assets() {
        return assets;
    }

    /** The asset with this key. */
    public Optional<AssetSpec> asset(String key) {
        return Optional.ofNullable(assets.get(key));
    }

    /** The asset with this key, which must exist. */
    public AssetSpec require(String key) {
        AssetSpec spec = assets.get(key);
        if (spec == null) {
            throw new IllegalArgumentException("no asset '" + key + "'");
        }
        return spec;
    }

    /** True if an asset has this key. */
    public boolean contains(String key) {
        return assets.containsKey(key);
    }

    /** Every key in an order where each asset comes after all its upstreams. */
    public List<String> topologicalOrder() {
        return topologicalOrder;
    }

    /** The direct upstreams of an asset. */
    public Set<String> parents(String key) {
        return new LinkedHashSet<>(Graphs.predecessorListOf(dag, key));
    }

    /** The direct downstreams of an asset. */
    public Set<String> children(String key) {
        return new LinkedHashSet<>(Graphs.successorListOf(dag, key));
    }

    /** Every asset upstream of {@code key}, not including it. */
    public Set<String> ancestors(String key) {
        return dag.getAncestors(key);
    }

    /** Every asset downstream of {@code key}, not including it. */
    public Set<String> descendants(String key) {
        return dag.getDescendants(key);
    }

    /** The number of edges. */
    public int edgeCount() {
        return dag.edgeSet().size();
    }

    /** A read-only view of the underlying JGraphT graph, for algorithms. */
    public org.jgrapht.Graph<String, DefaultEdge> graph() {
        return new org.jgrapht.graph.AsUnmodifiableGraph<>(dag);
    }
}
