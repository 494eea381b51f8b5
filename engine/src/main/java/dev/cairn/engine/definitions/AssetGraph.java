package dev.cairn.engine.definitions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DefaultGraphSpecificsStrategy;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.jgrapht.util.SupplierUtil;

/**
 * The asset graph: an edge runs from each upstream to each asset that depends on it. Immutable
 * once built; built only from definitions already checked for cycles and unknown keys.
 *
 * <p>It keeps its edges as plain adjacency lists, which is all loading and selecting need; the
 * JGraphT view that {@link #graph()} offers for algorithms is built the first time it is asked for.
 */
public final class AssetGraph {

    private final Map<String, AssetSpec> assets;
    private final Map<String, List<String>> parents;
    private final Map<String, List<String>> children;
    private final List<String> topologicalOrder;
    private final int edgeCount;
    private volatile Graph<String, DefaultEdge> view;

    private AssetGraph(Map<String, AssetSpec> assets, Map<String, List<String>> parents,
                       Map<String, List<String>> children, List<String> topologicalOrder, int edgeCount) {
        this.assets = assets;
        this.parents = parents;
        this.children = children;
        this.topologicalOrder = topologicalOrder;
        this.edgeCount = edgeCount;
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
        Map<String, List<String>> parents = new HashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        int edges = 0;
        for (AssetSpec spec : byKey.values()) {
            List<String> ups = List.copyOf(spec.upstreams());
            for (String up : ups) {
                if (!byKey.containsKey(up)) {
                    throw new IllegalArgumentException("asset '" + spec.key() + "' depends on unknown asset '" + up + "'");
                }
                children.computeIfAbsent(up, k -> new ArrayList<>()).add(spec.key());
            }
            parents.put(spec.key(), ups);
            edges += ups.size();
        }
        // Kahn's algorithm: sources first, then each asset once all its upstreams are placed.
        Map<String, Integer> pending = new HashMap<>();
        List<String> order = new ArrayList<>(byKey.size());
        for (String key : byKey.keySet()) {
            int count = parents.get(key).size();
            pending.put(key, count);
            if (count == 0) {
                order.add(key);
            }
        }
        for (int i = 0; i < order.size(); i++) {
            for (String child : children.getOrDefault(order.get(i), List.of())) {
                if (pending.merge(child, -1, Integer::sum) == 0) {
                    order.add(child);
                }
            }
        }
        if (order.size() < byKey.size()) {
            throw new IllegalArgumentException("the dependencies form a cycle");
        }
        children.replaceAll((k, v) -> List.copyOf(v));
        return new AssetGraph(Collections.unmodifiableMap(byKey), parents, children,
                Collections.unmodifiableList(order), edges);
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

    /** The direct upstreams of an asset, in the order it declares them. */
    public Set<String> parents(String key) {
        return new LinkedHashSet<>(adjacent(parents, key));
    }

    /** The direct downstreams of an asset, sorted by key. */
    public Set<String> children(String key) {
        return new LinkedHashSet<>(adjacent(children, key));
    }

    /** Every asset upstream of {@code key}, not including it, nearest first. */
    public Set<String> ancestors(String key) {
        return reachable(key, k -> parents.get(k));
    }

    /** Every asset downstream of {@code key}, not including it, nearest first. */
    public Set<String> descendants(String key) {
        return reachable(key, k -> children.getOrDefault(k, List.of()));
    }

    /** The number of edges. */
    public int edgeCount() {
        return edgeCount;
    }

    /** A read-only JGraphT view of the graph, for algorithms; built on first use. */
    public Graph<String, DefaultEdge> graph() {
        Graph<String, DefaultEdge> g = view;
        if (g == null) {
            synchronized (this) {
                g = view;
                if (g == null) {
                    // Without the fast-lookup edge index: assets have few edges each. Vertices go in
                    // in topological order, so that the DAG never has to reorder itself.
                    DirectedAcyclicGraph<String, DefaultEdge> dag = new DirectedAcyclicGraph<>(null,
                            SupplierUtil.createSupplier(DefaultEdge.class), false, false, new DefaultGraphSpecificsStrategy<>());
                    topologicalOrder.forEach(dag::addVertex);
                    for (String key : topologicalOrder) {
                        parents.get(key).forEach(up -> dag.addEdge(up, key));
                    }
                    g = new AsUnmodifiableGraph<>(dag);
                    view = g;
                }
            }
        }
        return g;
    }

    private List<String> adjacent(Map<String, List<String>> edges, String key) {
        if (!assets.containsKey(key)) {
            throw new IllegalArgumentException("no asset '" + key + "'");
        }
        return edges.getOrDefault(key, List.of());
    }

    private Set<String> reachable(String key, Function<String, List<String>> next) {
        require(key);
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(next.apply(key));
        while (!queue.isEmpty()) {
            String k = queue.poll();
            if (seen.add(k)) {
                queue.addAll(next.apply(k));
            }
        }
        return seen;
    }
}
