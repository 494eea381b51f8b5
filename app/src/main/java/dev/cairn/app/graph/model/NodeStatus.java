package dev.cairn.app.graph.model;

import java.util.Objects;

/**
 * What a node shows besides its label; it changes often and never moves the node. A view model
 * hands new statuses to the canvas, which redraws without laying the graph out again.
 *
 * @param badge    the state badge
 * @param subtitle a short line under the label, such as "3 min ago"; empty for none
 */
public record NodeStatus(NodeBadge badge, String subtitle) {

    /** The status of a node nobody has reported on yet. */
    public static final NodeStatus UNKNOWN = new NodeStatus(NodeBadge.UNKNOWN, "");

    public NodeStatus {
        Objects.requireNonNull(badge, "badge");
        subtitle = subtitle == null ? "" : subtitle;
    }
}
