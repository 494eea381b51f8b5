package dev.cairn.app.graph.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A graph with some groups collapsed: each collapsed group is shown as one node standing for all its
 * members, and edges into or out of members become edges of that node (duplicates merged, edges inside
 * the group dropped). Lay out and draw {@link #graph()}; map statuses with {@link #statuses(Map)}.
 *
 * @param graph          the graph to show
 * @param representative for every node of the original graph, the id of the node that shows it
 * @param members        for every node standing for a collapsed group, the ids of the group's members
 */
public record CollapsedGraph(GraphData graph, Map<String, String> representative, Map<String, List<String>> members) {

    /** Worst first: the badge a collapsed group shows is the worst of its members'. */
    private static final List<NodeBadge> SEVERITY = List.of(NodeBadge.FAILED, NodeBadge.RUNNING, NodeBadge.STALE,
            NodeBadge.MISSING, NodeBadge.UNKNOWN, NodeBadge.FRESH, NodeBadge.SOURCE);

    public CollapsedGraph {
        Objects.requireNonNull(graph, "graph");
        representative = Map.copyOf(representative);
        members = Map.copyOf(members);
    }

    /**
     * Collapses the named groups of {@code original}. Unknown group names are ignored; a group's node
     * gets the id {@code group:<name>} (made unique if a real node already has it).
     */
    public static CollapsedGraph of(GraphData original, Set<String> collapsedGroups) {
        Set<String> ids = new HashSet<>();
        for (GraphNode node : original.nodes()) {
            ids.add(node.id());
        }
        Map<String, String> groupNode = new LinkedHashMap<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        Map<String, String> representative = new LinkedHashMap<>();
        List<GraphNode> nodes = new ArrayList<>();
        for (GraphNode node : original.nodes()) {
            if (node.hasGroup() && collapsedGroups.contains(node.group())) {
                String id = groupNode.computeIfAbsent(node.group(), g -> uniqueId("group:" + g, ids));
                members.computeIfAbsent(id, k -> new ArrayList<>()).add(node.id());
                representative.put(node.id(), id);
            } else {
                nodes.add(node);
                representative.put(node.id(), node.id());
            }
        }
        // Each group's node takes the place of the group's first member, keeping the input order stable.
        List<GraphNode> ordered = new ArrayList<>(nodes.size() + groupNode.size());
        Set<String> placed = new HashSet<>();
        for (GraphNode node : original.nodes()) {
            String id = representative.get(node.id());
            if (!placed.add(id)) {
                continue;
            }
            if (id.equals(node.id())) {
                ordered.add(node);
            } else {
                int count = members.get(id).size();
                ordered.add(new GraphNode(id, node.group() + " · " + count + (count == 1 ? " asset" : " assets"),
                        node.group()));
            }
        }
        List<GraphEdge> edges = new ArrayList<>();
        for (GraphEdge edge : original.edges()) {
            String from = representative.get(edge.from());
            String to = representative.get(edge.to());
            if (!from.equals(to) || edge.from().equals(edge.to())) {
                edges.add(new GraphEdge(from, to));
            }
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        members.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new CollapsedGraph(new GraphData(ordered, edges), representative, frozen);
    }

    private static String uniqueId(String base, Set<String> taken) {
        String id = base;
        for (int k = 2; !taken.add(id); k++) {
            id = base + "#" + k;
        }
        return id;
    }

    /**
     * The statuses of the shown nodes: a node's own status, or for a collapsed group the worst badge of
     * its members with a subtitle counting the members per badge ("2 failed · 10 fresh").
     */
    public Map<String, NodeStatus> statuses(Map<String, NodeStatus> original) {
        Map<String, NodeStatus> result = new LinkedHashMap<>();
        for (Map.Entry<String, NodeStatus> entry : original.entrySet()) {
            String shown = representative.get(entry.getKey());
            if (shown != null && !members.containsKey(shown)) {
                result.put(shown, entry.getValue());
            }
        }
        for (Map.Entry<String, List<String>> group : members.entrySet()) {
            Map<NodeBadge, Integer> counts = new EnumMap<>(NodeBadge.class);
            for (String member : group.getValue()) {
                NodeStatus status = original.getOrDefault(member, NodeStatus.UNKNOWN);
                counts.merge(status.badge(), 1, Integer::sum);
            }
            NodeBadge worst = SEVERITY.stream().filter(counts::containsKey).findFirst().orElse(NodeBadge.MISSING);
            List<String> parts = new ArrayList<>();
            for (NodeBadge badge : SEVERITY) {
                if (counts.containsKey(badge)) {
                    parts.add(counts.get(badge) + " " + badge.label().toLowerCase());
                }
            }
            result.put(group.getKey(), new NodeStatus(worst, String.join(" · ", parts)));
        }
        return result;
    }
}
