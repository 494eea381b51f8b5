package dev.cairn.app.graph;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.cairn.app.graph.model.CollapsedGraph;
import dev.cairn.app.graph.model.GraphData;
import dev.cairn.app.graph.model.GraphNode;

/** Which groups of the graph the user collapsed, and the graph as drawn with them folded. */
final class GroupFolds {

    private final Set<String> collapsed = new LinkedHashSet<>();

    /**
     * Collapses a group that is expanded, expands one that is collapsed.
     *
     * @return false, changing nothing, when the graph has no such group
     */
    boolean toggle(String group, GraphData graph) {
        if (graph.nodes().stream().noneMatch(n -> group.equals(n.group()))) {
            return false;
        }
        if (!collapsed.remove(group)) {
            collapsed.add(group);
        }
        return true;
    }

    /** The graph with the collapsed groups it still has folded; groups it no longer has are forgotten. */
    CollapsedGraph fold(GraphData graph) {
        Set<String> groups = new LinkedHashSet<>();
        for (GraphNode node : graph.nodes()) {
            if (node.hasGroup()) {
                groups.add(node.group());
            }
        }
        collapsed.retainAll(groups);
        return CollapsedGraph.of(graph, collapsed);
    }

    /**
     * Expands these groups.
     *
     * @return whether any of them was collapsed
     */
    boolean expand(java.util.Collection<String> groups) {
        return collapsed.removeAll(groups);
    }

    /** The collapsed groups, in the order they were collapsed. */
    Set<String> collapsed() {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(collapsed));
    }

    /** Collapses exactly these groups (those the graph lacks are forgotten by the next {@link #fold}). */
    void restore(Set<String> groups) {
        collapsed.clear();
        collapsed.addAll(groups);
    }

    /** Expands every group, for another jar. */
    void clear() {
        collapsed.clear();
    }
}
