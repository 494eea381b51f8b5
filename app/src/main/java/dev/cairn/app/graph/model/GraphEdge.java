package dev.cairn.app.graph.model;

import java.util.Objects;

/**
 * A dependency: data flows from {@code from} (upstream) to {@code to} (downstream).
 *
 * @param from id of the upstream node
 * @param to   id of the downstream node
 */
public record GraphEdge(String from, String to) {

    public GraphEdge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
