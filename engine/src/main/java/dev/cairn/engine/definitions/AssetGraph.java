package dev.cairn.engine.definitions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jgrapht.Graphs;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DefaultGraphSpecificsStrategy;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.jgrapht.util.SupplierUtil;

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
        Map<String, List<String>> children = new HashMap<>();
        Map<String, Set<String>> parents = new HashMap<>();
        Map<String, Integer> pendingParents = new HashMap<>();
        for (AssetSpec spec : byKey.values()) {
            Set<String> upstreams = spec.upstreams();
            parents.put(spec.key(), upstreams);
            for (String up : upstreams) {
                if (!byKey.containsKey(up)) {
                    throw new IllegalArgumentException("asset '" + spec.key() + "' depends on unknown asset '" + up + "'");
                }
                children.computeIfAbsent(up, k -> new ArrayList<>()).add(spec.key());
            }
            pendingParents.put(spec.key(), upstreams.size());
        }
        // Vertices go in in topological order, so that every edge points forward and the DAG
        // never has to reorder itself: adding edges in any other order costs a search per edge.
        List<String> order = new ArrayList<>(byKey.size());
        byKey.keySet().stream().filter(k -> pendingParents.get(k) == 0).forEach(order::add);
        for (int i = 0; i < order.size(); i++) {
            for (String child : children.getOrDefault(order.get(i), List.of())) {
                if (pendingParents.merge(child, -1, Integer::sum) == 0) {
                    order.add(child);
                }
            }
        }
        if (order.size() < byKey.size()) {
            throw new IllegalArgumentException("the dependencies form a cycle");
        }
        // Without the fast-lookup edge index: assets have few edges each, and the index costs more
        // to build than it saves.
        DirectedAcyclicGraph<String, DefaultEdge> dag = new DirectedAcyclicGraph<>(null,
                SupplierUtil.createSupplier(DefaultEdge.class), false, false, new DefaultGraphSpecificsStrategy<>());
        order.forEach(dag::addVertex);
        for (String key : order) {
            for (String up : parents.get(key)) {
                dag.addEdge(up, key);
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
