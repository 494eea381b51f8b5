package dev.cairn.app.graph.layout;

import dev.cairn.app.graph.model.GraphData;

import java.util.Map;

/**
 * Places the nodes of a graph in layers from left to right (upstream on the left) and routes its
 * edges. Implementations are stateless and safe to call from any thread.
 */
public interface GraphLayout {

    /** A short stable name, used in caches and benchmarks. */
    String name();

    /**
     * Everything that makes this layout's output differ from another's for the same input: the name and
     * any options. Layout caches key on it.
     */
    default String signature() {
        return name();
    }

    /**
     * Lays the graph out.
     *
     * @param graph the graph
     * @param sizes the size of every node of {@code graph}, by node id
     * @return the positions of nodes, groups and edges
     * @throws IllegalArgumentException when a node has no size
     */
    LayoutResult layout(GraphData graph, Map<String, Size> sizes);
}
