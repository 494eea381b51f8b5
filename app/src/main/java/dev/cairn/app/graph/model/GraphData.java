package dev.cairn.app.graph.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The structure of a graph to lay out and draw: nodes in a stable order and the edges between them.
 * Construction validates the input so that layouts and views can rely on it: node ids are unique and
 * every edge names known nodes. Duplicate edges are kept once.
 *
 * @param nodes the nodes, in the order callers want ties to be broken
 * @param edges the edges, each between two nodes of {@code nodes}
 */
public record GraphData(List<GraphNode> nodes, List<GraphEdge> edges) {

    public GraphData {
        nodes = List.copyOf(nodes);
        Map<String, GraphNode> byId = new HashMap<>(nodes.size() * 2);
        for (GraphNode node : nodes) {
            if (byId.putIfAbsent(node.id(), node) != null) {
                throw new IllegalArgumentException("Duplicate node id '" + node.id() + "'");
            }
        }
        Set<GraphEdge> unique = new LinkedHashSet<>(edges);
        for (GraphEdge edge : unique) {
            if (!byId.containsKey(edge.from())) {
                throw new IllegalArgumentException("Edge " + edge.from() + " -> " + edge.to()
                        + " starts at unknown node '" + edge.from() + "'");
            }
            if (!byId.containsKey(edge.to())) {
                throw new IllegalArgumentException("Edge " + edge.from() + " -> " + edge.to()
                        + " ends at unknown node '" + edge.to() + "'");
            }
        }
        edges = List.copyOf(unique);
    }

    /** The group names in order of first appearance. */
    public List<String> groups() {
        Set<String> groups = new LinkedHashSet<>();
        for (GraphNode node : nodes) {
            if (node.hasGroup()) {
                groups.add(node.group());
            }
        }
        return new ArrayList<>(groups);
    }
}
