package dev.cairn.engine.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Building the graph in topological order keeps its contract: order, parents in parameter order, errors. */
class AssetGraphConstructionTest {

    @Test
    void ordersTopologicallyAndKeepsParentsInDeclarationOrder() {
        // Keys sort in the opposite order of their dependencies, the case that used to force reordering.
        AssetGraph graph = AssetGraph.of(List.of(
                spec("a", "c", "b"), spec("b", "d"), spec("c", "d"), spec("d"), spec("e", "a", "d")));
        List<String> order = graph.topologicalOrder();
        assertThat(order).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        for (AssetSpec s : graph.assets().values()) {
            for (String up : s.upstreams()) {
                assertThat(order.indexOf(up)).as(up + " before " + s.key()).isLessThan(order.indexOf(s.key()));
            }
        }
        assertThat(graph.parents("a")).containsExactly("c", "b");
        assertThat(graph.parents("e")).containsExactly("a", "d");
        assertThat(graph.children("d")).containsExactlyInAnyOrder("b", "c", "e");
        assertThat(graph.ancestors("e")).containsExactlyInAnyOrder("a", "b", "c", "d");
        assertThat(graph.descendants("c")).containsExactlyInAnyOrder("a", "e");
        assertThat(graph.edgeCount()).isEqualTo(6);
        assertThat(graph.assets().keySet()).containsExactly("a", "b", "c", "d", "e");

        org.jgrapht.Graph<String, org.jgrapht.graph.DefaultEdge> view = graph.graph();
        assertThat(view.vertexSet()).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        assertThat(view.edgeSet()).hasSize(6);
        assertThat(view.containsEdge("c", "a")).isTrue();
        assertThat(view.containsEdge("a", "c")).isFalse();
        assertThat(graph.graph()).isSameAs(view);
        assertThatThrownBy(() -> view.addVertex("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> graph.parents("x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLongChainIsBuiltInLinearOrder() {
        List<AssetSpec> chain = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            chain.add(i == 0 ? spec("k" + i) : spec("k" + i, "k" + (i - 1)));
        }
        AssetGraph graph = AssetGraph.of(chain);
        assertThat(graph.topologicalOrder().get(0)).isEqualTo("k0");
        assertThat(graph.topologicalOrder().get(4_999)).isEqualTo("k4999");
    }

    @Test
    void rejectsUnknownUpstreamsAndCycles() {
        assertThatThrownBy(() -> AssetGraph.of(List.of(spec("a", "nope"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nope'");
        assertThatThrownBy(() -> AssetGraph.of(List.of(spec("a", "b"), spec("b", "a"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cycle");
    }

    private static AssetSpec spec(String key, String... upstreams) {
        List<ParameterBinding> params = Arrays.stream(upstreams)
                .map(u -> (ParameterBinding) new ParameterBinding.UpstreamInput(u, u, "int")).toList();
        return new AssetSpec(key, "g", "", null, AssetSpec.DEFAULT_IO_MANAGER, AssetSpec.Kind.ASSET, false, params,
                List.of(), Map.of(), List.of(), RetrySpec.NONE, "C", key, "int");
    }
}
