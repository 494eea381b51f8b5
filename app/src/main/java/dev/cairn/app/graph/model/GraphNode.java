package dev.cairn.app.graph.model;

import java.util.Objects;

/**
 * One asset in the graph to draw.
 *
 * @param id    unique key of the node (the asset key)
 * @param label text shown on the node
 * @param group name of the group the node belongs to, or {@code null} when it has none
 */
public record GraphNode(String id, String label, String group) {

    public GraphNode {
        Objects.requireNonNull(id, "id");
        if (label == null) {
            label = id;
        }
        if (group != null && group.isBlank()) {
            group = null;
        }
    }

    /** A node without a group whose label is its id. */
    public static GraphNode of(String id) {
        return new GraphNode(id, id, null);
    }

    /** True when the node belongs to a group. */
    public boolean hasGroup() {
        return group != null;
    }
}
