package dev.cairn.app.graph.layout;

import dev.cairn.app.graph.SampleGraphs;
import dev.cairn.app.graph.model.GraphData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AutoLayoutTest {

    @Test
    void autoLayoutSpendsLessEffortOnlyOnVeryLargeGraphs() {
        AutoLayout auto = new AutoLayout();
        GraphData small = SampleGraphs.layeredDag(100, 1.5, 0, 1);
        GraphData large = SampleGraphs.layeredDag(AutoLayout.LARGE + 1, 1.2, 0, 1);

        assertThat(auto.choose(small).signature()).isEqualTo(new SugiyamaLayout().signature());
        assertThat(auto.choose(large).signature()).isNotEqualTo(new SugiyamaLayout().signature());
        assertThat(auto.layout(small, NodeSizes.uniform(small, new Size(220, 56))))
                .isEqualTo(new SugiyamaLayout().layout(small, NodeSizes.uniform(small, new Size(220, 56))));
    }
}
