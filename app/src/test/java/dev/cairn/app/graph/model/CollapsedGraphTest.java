package dev.cairn.app.graph.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CollapsedGraphTest {

    private static final GraphData GRAPH = new GraphData(
            List.of(new GraphNode("raw_orders", "raw_orders", null),
                    new GraphNode("stg_orders", "stg_orders", "staging"),
                    new GraphNode("stg_payments", "stg_payments", "staging"),
                    new GraphNode("orders", "orders", "marts"),
                    new GraphNode("group:staging", "a real asset with an awkward name", null)),
            List.of(new GraphEdge("raw_orders", "stg_orders"), new GraphEdge("raw_orders", "stg_payments"),
                    new GraphEdge("stg_orders", "stg_payments"), new GraphEdge("stg_orders", "orders"),
                    new GraphEdge("stg_payments", "orders"), new GraphEdge("group:staging", "orders")));

    @Test
    void replacesACollapsedGroupByOneNodeWithMergedEdges() {
        CollapsedGraph collapsed = CollapsedGraph.of(GRAPH, Set.of("staging", "no such group"));

        String staging = collapsed.representative().get("stg_orders");
        assertThat(staging).isEqualTo("group:staging#2");
        assertThat(collapsed.graph().nodes()).extracting(GraphNode::id)
                .containsExactly("raw_orders", staging, "orders", "group:staging");
        assertThat(collapsed.graph().nodes().get(1)).isEqualTo(new GraphNode(staging, "staging · 2 assets", "staging"));
        assertThat(collapsed.graph().edges()).containsExactly(new GraphEdge("raw_orders", staging),
                new GraphEdge(staging, "orders"), new GraphEdge("group:staging", "orders"));
        assertThat(collapsed.members()).containsEntry(staging, List.of("stg_orders", "stg_payments"));
    }

    @Test
    void collapsingNothingKeepsTheGraph() {
        assertThat(CollapsedGraph.of(GRAPH, Set.of()).graph()).isEqualTo(GRAPH);
    }

    @Test
    void aCollapsedGroupShowsItsWorstBadgeAndCounts() {
        CollapsedGraph collapsed = CollapsedGraph.of(GRAPH, Set.of("staging"));
        Map<String, NodeStatus> statuses = collapsed.statuses(Map.of(
                "raw_orders", new NodeStatus(NodeBadge.SOURCE, ""),
                "stg_orders", new NodeStatus(NodeBadge.FRESH, "1 min ago"),
                "stg_payments", new NodeStatus(NodeBadge.STALE, "1 h ago")));

        assertThat(statuses).containsEntry("raw_orders", new NodeStatus(NodeBadge.SOURCE, ""));
        assertThat(statuses).containsEntry("group:staging#2", new NodeStatus(NodeBadge.STALE, "1 stale · 1 fresh"));
    }
}
