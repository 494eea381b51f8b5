package dev.cairn.app.graph.layout;

import dev.cairn.app.graph.model.GraphData;
import dev.cairn.app.graph.model.GraphEdge;
import dev.cairn.app.graph.model.GraphNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks every layout must pass, whatever the algorithm. */
final class LayoutAssertions {

    private LayoutAssertions() {
    }

    /** Every node and edge is placed, every edge of a DAG runs left to right, and no two nodes overlap. */
    static void assertValidLeftToRight(GraphData graph, Map<String, Size> sizes, LayoutResult result) {
        assertThat(result.nodes().keySet()).containsExactlyElementsOf(graph.nodes().stream().map(GraphNode::id).toList());
        for (GraphNode node : graph.nodes()) {
            Rect r = result.nodes().get(node.id());
            assertThat(r.width()).isEqualTo(sizes.get(node.id()).width());
            assertThat(r.height()).isEqualTo(sizes.get(node.id()).height());
            assertThat(result.bounds().contains(r)).as("bounds contain %s", node.id()).isTrue();
        }
        assertThat(result.edges()).hasSize(graph.edges().size());
        for (int i = 0; i < graph.edges().size(); i++) {
            GraphEdge edge = graph.edges().get(i);
            EdgeRoute route = result.edges().get(i);
            assertThat(route.from()).isEqualTo(edge.from());
            assertThat(route.to()).isEqualTo(edge.to());
            Rect from = result.nodes().get(edge.from());
            Rect to = result.nodes().get(edge.to());
            assertThat(from.maxX()).as("%s left of %s", edge.from(), edge.to()).isLessThan(to.x());
            assertThat(route.start().x()).isEqualTo(from.maxX());
            assertThat(route.end().x()).isEqualTo(to.x());
            for (int k = 1; k < route.points().size(); k++) {
                assertThat(route.points().get(k).x()).as("route of %s -> %s runs left to right", edge.from(), edge.to())
                        .isGreaterThanOrEqualTo(route.points().get(k - 1).x());
            }
        }
        assertNoOverlap(new ArrayList<>(result.nodes().values()), "nodes");
    }

    /** Group boxes hold their nodes and no other node, and do not overlap each other. */
    static void assertGroupsAreSeparateBoxes(GraphData graph, LayoutResult result) {
        assertThat(result.groups().keySet()).containsExactlyInAnyOrderElementsOf(graph.groups());
        for (GraphNode node : graph.nodes()) {
            Rect r = result.nodes().get(node.id());
            for (Map.Entry<String, Rect> group : result.groups().entrySet()) {
                if (group.getKey().equals(node.group())) {
                    assertThat(group.getValue().contains(r)).as("group %s contains %s", group.getKey(), node.id()).isTrue();
                } else {
                    assertThat(group.getValue().overlaps(r)).as("group %s avoids %s", group.getKey(), node.id()).isFalse();
                }
            }
        }
        assertNoOverlap(new ArrayList<>(result.groups().values()), "groups");
    }

    /** Sweep along x so that large layouts are checked in O(n log n + overlaps). */
    private static void assertNoOverlap(List<Rect> rects, String what) {
        rects.sort(Comparator.comparingDouble(Rect::x));
        for (int i = 0; i < rects.size(); i++) {
            Rect a = rects.get(i);
            for (int j = i + 1; j < rects.size() && rects.get(j).x() < a.maxX(); j++) {
                assertThat(a.overlaps(rects.get(j))).as("%s %s and %s overlap", what, a, rects.get(j)).isFalse();
            }
        }
    }
}
