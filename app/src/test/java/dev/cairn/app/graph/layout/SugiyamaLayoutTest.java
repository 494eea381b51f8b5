package dev.cairn.app.graph.layout;

import dev.cairn.app.graph.SampleGraphs;
import dev.cairn.app.graph.model.GraphData;
import dev.cairn.app.graph.model.GraphEdge;
import dev.cairn.app.graph.model.GraphNode;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.cairn.app.graph.layout.LayoutAssertions.assertGroupsAreSeparateBoxes;
import static dev.cairn.app.graph.layout.LayoutAssertions.assertValidLeftToRight;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SugiyamaLayoutTest {

    private static final Size NODE = new Size(220, 56);
    private final SugiyamaLayout layout = new SugiyamaLayout();

    @Test
    void laysOutARandomGroupedDagLeftToRightWithoutOverlaps() {
        GraphData graph = SampleGraphs.layeredDag(1500, 1.5, 9, 3);
        Map<String, Size> sizes = NodeSizes.uniform(graph, NODE);

        LayoutResult result = layout.layout(graph, sizes);

        assertValidLeftToRight(graph, sizes, result);
        assertGroupsAreSeparateBoxes(graph, result);
        assertThat(result.algorithm()).isEqualTo("sugiyama");
    }

    @Test
    void handlesNodesOfDifferentSizesAndUngroupedNodesBetweenGroups() {
        GraphData graph = SampleGraphs.layeredDag(300, 2, 4, 5);
        GraphData mixed = new GraphData(graph.nodes().stream()
                .map(n -> n.id().hashCode() % 3 == 0 ? new GraphNode(n.id(), n.label(), null) : n).toList(), graph.edges());
        Map<String, Size> sizes = new HashMap<>();
        for (GraphNode node : mixed.nodes()) {
            sizes.put(node.id(), new Size(120 + Math.floorMod(node.id().hashCode(), 140), 40 + Math.floorMod(node.id().hashCode(), 50)));
        }

        LayoutResult result = layout.layout(mixed, sizes);

        assertValidLeftToRight(mixed, sizes, result);
        assertGroupsAreSeparateBoxes(mixed, result);
    }

    @Test
    void isDeterministic() {
        GraphData graph = SampleGraphs.layeredDag(800, 1.5, 6, 11);
        Map<String, Size> sizes = NodeSizes.uniform(graph, NODE);

        assertThat(layout.layout(graph, sizes)).isEqualTo(new SugiyamaLayout().layout(graph, sizes));
    }

    @Test
    void removesAvoidableCrossings() {
        // Input order makes a->d and b->c cross; a layered layout must uncross them.
        GraphData graph = new GraphData(List.of(GraphNode.of("a"), GraphNode.of("b"), GraphNode.of("c"), GraphNode.of("d")),
                List.of(new GraphEdge("a", "d"), new GraphEdge("b", "c"), new GraphEdge("a", "c")));

        assertThat(Crossings.count(layout.layout(graph, NodeSizes.uniform(graph, NODE)))).isZero();
    }

    @Test
    void drawsLongEdgesAsStraightLanesThroughColumns() {
        GraphData graph = new GraphData(List.of(GraphNode.of("a"), GraphNode.of("b"), GraphNode.of("c"), GraphNode.of("d")),
                List.of(new GraphEdge("a", "b"), new GraphEdge("b", "c"), new GraphEdge("c", "d"), new GraphEdge("a", "d")));

        LayoutResult result = layout.layout(graph, NodeSizes.uniform(graph, NODE));

        EdgeRoute longEdge = result.edges().get(3);
        // Two waypoints per crossed column, on the same height: the edge runs level through the column.
        assertThat(longEdge.points()).hasSize(6);
        assertThat(longEdge.points().get(1).y()).isEqualTo(longEdge.points().get(2).y());
        assertThat(longEdge.points().get(3).y()).isEqualTo(longEdge.points().get(4).y());
    }

    @Test
    void breaksCyclesAndKeepsSelfLoops() {
        GraphData graph = new GraphData(List.of(GraphNode.of("a"), GraphNode.of("b"), GraphNode.of("c")),
                List.of(new GraphEdge("a", "b"), new GraphEdge("b", "c"), new GraphEdge("c", "a"), new GraphEdge("b", "b")));

        LayoutResult result = layout.layout(graph, NodeSizes.uniform(graph, NODE));

        assertThat(result.nodes()).hasSize(3);
        assertThat(result.edges()).hasSize(4);
        Rect a = result.nodes().get("a");
        Rect c = result.nodes().get("c");
        assertThat(result.edges().get(2).start()).as("reversed edge still starts at its own source")
                .isEqualTo(new Point(c.x(), c.centerY()));
        assertThat(result.edges().get(2).end()).isEqualTo(new Point(a.maxX(), a.centerY()));
    }

    @Test
    void laysOutEmptyAndSingleNodeGraphs() {
        assertThat(layout.layout(new GraphData(List.of(), List.of()), Map.of()).nodes()).isEmpty();
        GraphData one = new GraphData(List.of(new GraphNode("a", "A", "g")), List.of());

        LayoutResult result = layout.layout(one, NodeSizes.uniform(one, NODE));

        assertThat(result.nodes().get("a")).isEqualTo(new Rect(0, result.nodes().get("a").y(), 220, 56));
        assertThat(result.groups().get("g").contains(result.nodes().get("a"))).isTrue();
    }

    @Test
    void reportsNodesWithoutSize() {
        GraphData graph = new GraphData(List.of(GraphNode.of("a"), GraphNode.of("b")), List.of());

        assertThatThrownBy(() -> layout.layout(graph, Map.of("a", NODE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No size given for node 'b'");
    }
}
