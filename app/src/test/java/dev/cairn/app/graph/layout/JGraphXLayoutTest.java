package dev.cairn.app.graph.layout;

import dev.cairn.app.graph.SampleGraphs;
import dev.cairn.app.graph.model.GraphData;
import dev.cairn.app.graph.model.GraphNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.cairn.app.graph.layout.LayoutAssertions.assertValidLeftToRight;
import static org.assertj.core.api.Assertions.assertThat;

class JGraphXLayoutTest {

    @Test
    void laysOutASmallDagLeftToRight() {
        GraphData graph = SampleGraphs.layeredDag(120, 1.5, 3, 2);
        Map<String, Size> sizes = NodeSizes.uniform(graph, new Size(200, 50));

        LayoutResult result = new JGraphXLayout().layout(graph, sizes);

        assertValidLeftToRight(graph, sizes, result);
        for (GraphNode node : graph.nodes()) {
            assertThat(result.groups().get(node.group()).contains(result.nodes().get(node.id()))).isTrue();
        }
    }
}
