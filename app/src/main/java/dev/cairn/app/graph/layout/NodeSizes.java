package dev.cairn.app.graph.layout;

import dev.cairn.app.graph.model.GraphData;
import dev.cairn.app.graph.model.GraphNode;

import java.util.HashMap;
import java.util.Map;

/** Helpers to build the node size map a {@link GraphLayout} needs. */
public final class NodeSizes {

    private NodeSizes() {
    }

    /** The same size for every node of the graph. */
    public static Map<String, Size> uniform(GraphData graph, Size size) {
        Map<String, Size> sizes = new HashMap<>(graph.nodes().size() * 2);
        for (GraphNode node : graph.nodes()) {
            sizes.put(node.id(), size);
        }
        return sizes;
    }

    static Size require(Map<String, Size> sizes, String id) {
        Size size = sizes.get(id);
        if (size == null) {
            throw new IllegalArgumentException("No size given for node '" + id + "'");
        }
        return size;
    }
}
