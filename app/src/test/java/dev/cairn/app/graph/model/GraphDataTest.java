package dev.cairn.app.graph.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphDataTest {

    @Test
    void rejectsDuplicateNodeIds() {
        assertThatThrownBy(() -> new GraphData(List.of(GraphNode.of("a"), GraphNode.of("a")), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Duplicate node id 'a'");
    }

    @Test
    void rejectsEdgesToUnknownNodes() {
        assertThatThrownBy(() -> new GraphData(List.of(GraphNode.of("a")), List.of(new GraphEdge("a", "b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown node 'b'");
    }

    @Test
    void keepsDuplicateEdgesOnceAndListsGroupsInOrder() {
        GraphData graph = new GraphData(
                List.of(new GraphNode("a", "A", "raw"), new GraphNode("b", "B", "marts"), new GraphNode("c", null, " ")),
                List.of(new GraphEdge("a", "b"), new GraphEdge("a", "b"), new GraphEdge("b", "c")));

        assertThat(graph.edges()).containsExactly(new GraphEdge("a", "b"), new GraphEdge("b", "c"));
        assertThat(graph.groups()).containsExactly("raw", "marts");
        assertThat(graph.nodes().get(2).label()).isEqualTo("c");
        assertThat(graph.nodes().get(2).hasGroup()).isFalse();
    }
}
