package dev.cairn.app.graph.layout;

import dev.cairn.app.graph.SampleGraphs;
import dev.cairn.app.graph.model.GraphData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LayoutCacheTest {

    /** The real Sugiyama layout, counting how often it actually runs. */
    private static final class CountingLayout implements GraphLayout {
        final AtomicInteger runs = new AtomicInteger();
        final SugiyamaLayout delegate = new SugiyamaLayout();

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public String signature() {
            return delegate.signature();
        }

        @Override
        public LayoutResult layout(GraphData graph, Map<String, Size> sizes) {
            runs.incrementAndGet();
            return delegate.layout(graph, sizes);
        }
    }

    private final GraphData graph = SampleGraphs.layeredDag(400, 1.5, 5, 8);
    private final Map<String, Size> sizes = NodeSizes.uniform(graph, new Size(220, 56));

    @Test
    void memoryHitReturnsTheSameResultWithoutLayingOutAgain() {
        CountingLayout layout = new CountingLayout();
        LayoutCache cache = new LayoutCache(4);

        LayoutResult first = cache.layout(layout, graph, sizes);
        LayoutResult second = cache.layout(layout, graph, sizes);

        assertThat(second).isSameAs(first);
        assertThat(layout.runs).hasValue(1);
    }

    @Test
    void diskHitInANewCacheReturnsAnIdenticalResult(@TempDir Path folder) throws InterruptedException {
        CountingLayout layout = new CountingLayout();
        LayoutCache writing = new LayoutCache(4, folder);
        LayoutResult first = writing.layout(layout, graph, sizes);
        writing.flush();

        LayoutResult reopened = new LayoutCache(4, folder).layout(layout, graph, sizes);

        assertThat(reopened).isEqualTo(first);
        assertThat(reopened.nodes().keySet()).containsExactlyElementsOf(first.nodes().keySet());
        assertThat(layout.runs).hasValue(1);
    }

    @Test
    void damagedOrCutCacheFilesAreReplaced(@TempDir Path folder) throws IOException, InterruptedException {
        CountingLayout layout = new CountingLayout();
        LayoutCache writing = new LayoutCache(4, folder);
        LayoutResult first = writing.layout(layout, graph, sizes);
        writing.flush();
        Path file;
        try (Stream<Path> files = Files.list(folder)) {
            file = files.findFirst().orElseThrow();
        }
        byte[] whole = Files.readAllBytes(file);
        int runs = 1;
        for (byte[] damaged : List.of("{ not a layout".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.util.Arrays.copyOf(whole, whole.length / 2), java.util.Arrays.copyOf(whole, whole.length + 8))) {
            Files.write(file, damaged);

            LayoutCache again = new LayoutCache(4, folder);
            assertThat(again.layout(layout, graph, sizes)).isEqualTo(first);
            assertThat(layout.runs).hasValue(++runs);
            again.flush();
            assertThat(new LayoutCache(4, folder).layout(layout, graph, sizes)).isEqualTo(first);
            assertThat(layout.runs).hasValue(runs);
        }
    }

    @Test
    void keyDependsOnStructureSizesAndLayoutButNotLabels() {
        SugiyamaLayout layout = new SugiyamaLayout();
        String key = LayoutCache.key(layout, graph, sizes);
        GraphData relabelled = new GraphData(graph.nodes().stream()
                .map(n -> new dev.cairn.app.graph.model.GraphNode(n.id(), n.label().toUpperCase(), n.group())).toList(),
                graph.edges());
        GraphData fewerEdges = new GraphData(graph.nodes(), graph.edges().subList(1, graph.edges().size()));

        assertThat(LayoutCache.key(layout, relabelled, sizes)).isEqualTo(key);
        assertThat(LayoutCache.key(layout, fewerEdges, sizes)).isNotEqualTo(key);
        assertThat(LayoutCache.key(layout, graph, NodeSizes.uniform(graph, new Size(200, 56)))).isNotEqualTo(key);
        assertThat(LayoutCache.key(new JGraphXLayout(), graph, sizes)).isNotEqualTo(key);
        SugiyamaLayout.Options wider = new SugiyamaLayout.Options(120, 20, 10, 16, 36, 24, 12, 16);
        assertThat(LayoutCache.key(new SugiyamaLayout(wider), graph, sizes)).isNotEqualTo(key);
    }
}
