package dev.cairn.app.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cairn.app.graph.layout.AutoLayout;
import dev.cairn.app.graph.layout.LayoutCache;
import dev.cairn.app.graph.layout.LayoutResult;
import dev.cairn.app.graph.layout.NodeSizes;
import dev.cairn.app.graph.model.CollapsedGraph;
import dev.cairn.app.graph.model.GraphData;
import dev.cairn.app.graph.model.GraphEdge;
import dev.cairn.app.graph.model.GraphNode;
import dev.cairn.app.graph.model.NodeBadge;
import dev.cairn.app.graph.model.NodeStatus;

/** Collapsing and expanding groups as a double-click on a group title does. */
class GroupFoldsTest {

    private static final GraphData GRAPH = new GraphData(
            List.of(new GraphNode("raw", "raw", "ingest"), new GraphNode("clean", "clean", "ingest"),
                    new GraphNode("report", "report", "reports")),
            List.of(new GraphEdge("raw", "clean"), new GraphEdge("clean", "report")));

    @Test
    void aToggledGroupFoldsIntoOneNodeShowingTheWorstBadgeAndTogglesBack() {
        GroupFolds folds = new GroupFolds();
        assertThat(folds.fold(GRAPH).graph()).isEqualTo(GRAPH);

        assertThat(folds.toggle("ingest", GRAPH)).isTrue();
        CollapsedGraph folded = folds.fold(GRAPH);
        assertThat(folded.graph().nodes()).extracting(GraphNode::id).containsExactly("group:ingest", "report");
        assertThat(folded.graph().edges()).containsExactly(new GraphEdge("group:ingest", "report"));
        Map<String, NodeStatus> drawn = folded.statuses(Map.of(
                "raw", new NodeStatus(NodeBadge.FRESH, ""),
                "clean", new NodeStatus(NodeBadge.FAILED, ""),
                "report", new NodeStatus(NodeBadge.STALE, "")));
        assertThat(drawn.get("group:ingest").badge()).isEqualTo(NodeBadge.FAILED);
        assertThat(drawn.get("report").badge()).isEqualTo(NodeBadge.STALE);

        assertThat(folds.toggle("ingest", GRAPH)).isTrue();
        assertThat(folds.fold(GRAPH).graph()).isEqualTo(GRAPH);
    }

    @Test
    void unknownGroupsChangeNothingAndGroupsGoneFromARebuildAreForgotten() {
        GroupFolds folds = new GroupFolds();
        assertThat(folds.toggle("nowhere", GRAPH)).isFalse();
        assertThat(folds.fold(GRAPH).graph()).isEqualTo(GRAPH);

        folds.toggle("ingest", GRAPH);
        GraphData rebuilt = new GraphData(List.of(GraphNode.of("raw"), new GraphNode("report", "report", "reports")),
                List.of(new GraphEdge("raw", "report")));
        assertThat(folds.fold(rebuilt).graph()).isEqualTo(rebuilt);
        // The group is back in a later rebuild: it was forgotten, so it comes back expanded.
        assertThat(folds.fold(GRAPH).graph()).isEqualTo(GRAPH);
    }

    @Test
    void theFoldedGraphIsLaidOutWithTheGroupNodeAndTheCacheReturnsEachFoldingAgain() {
        GroupFolds folds = new GroupFolds();
        LayoutCache cache = new LayoutCache(4);
        LayoutResult expanded = layout(cache, folds.fold(GRAPH).graph());
        folds.toggle("ingest", GRAPH);
        LayoutResult collapsed = layout(cache, folds.fold(GRAPH).graph());
        assertThat(collapsed.nodes()).containsOnlyKeys("group:ingest", "report");
        folds.toggle("ingest", GRAPH);
        assertThat(layout(cache, folds.fold(GRAPH).graph())).isSameAs(expanded);
    }

    private static LayoutResult layout(LayoutCache cache, GraphData data) {
        return cache.layout(new AutoLayout(), data, NodeSizes.uniform(data, GraphViewModel.NODE_SIZE));
    }
}
