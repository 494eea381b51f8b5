package dev.cairn.app.graph.bench;

import dev.cairn.app.graph.SampleGraphs;
import dev.cairn.app.graph.layout.Crossings;
import dev.cairn.app.graph.layout.GraphLayout;
import dev.cairn.app.graph.layout.JGraphXLayout;
import dev.cairn.app.graph.layout.LayoutResult;
import dev.cairn.app.graph.layout.NodeSizes;
import dev.cairn.app.graph.layout.Size;
import dev.cairn.app.graph.layout.SugiyamaLayout;
import dev.cairn.app.graph.model.GraphData;
import dev.cairn.app.graph.model.GraphNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the layouts on random layered DAGs (seed 42, 1.5 edges per node) of 100 to 10,000 nodes and
 * on the real dbt lineage graph: time per layout (first run in a fresh JVM, then the median of warm
 * runs) and edge crossings between adjacent columns ({@link Crossings}). jgraphx is skipped above
 * 2,000 nodes: it takes a minute at 5,000 and over ten at 10,000.
 *
 * <p>Run: {@code java -cp <test classpath> dev.cairn.app.graph.bench.LayoutBenchmark [--no-elk]}.
 */
public final class LayoutBenchmark {

    private static final Size NODE = new Size(220, 56);
    private static final int JGRAPHX_LIMIT = 2_000;

    private LayoutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        boolean elk = !Arrays.asList(args).contains("--no-elk");
        Map<String, GraphData> graphs = new LinkedHashMap<>();
        for (int n : new int[]{100, 1_000, 5_000, 10_000}) {
            graphs.put(String.format("random %,d", n), SampleGraphs.layeredDag(n, 1.5, 0, 42));
        }
        graphs.put("local 10,000, no groups", SampleGraphs.layeredDag(10_000, 1.5, 0, true, 42));
        graphs.put("local 10,000, 64 groups", SampleGraphs.layeredDag(10_000, 1.5, 64, true, 42));
        GraphData dbt = SampleGraphs.mattermostDbt();
        if (dbt == null) {
            System.out.println("(" + SampleGraphs.MATTERMOST_DBT + " is missing: skipping the dbt graph)");
        } else {
            graphs.put("dbt mattermost, no groups", withoutGroups(dbt));
            graphs.put("dbt mattermost, " + dbt.groups().size() + " groups", dbt);
        }
        List<GraphLayout> layouts = new ArrayList<>(List.of(new SugiyamaLayout(), new JGraphXLayout()));
        if (elk) {
            layouts.add(new ElkLayeredLayout());
        }

        System.out.printf("| %-26s | %6s | %6s | %-11s | %9s | %9s | %10s | %-15s |%n",
                "graph", "nodes", "edges", "layout", "first ms", "warm ms", "crossings", "size (w x h)");
        System.out.println("|----------------------------|--------|--------|-------------|-----------|-----------|------------|-----------------|");
        for (Map.Entry<String, GraphData> entry : graphs.entrySet()) {
            GraphData graph = entry.getValue();
            Map<String, Size> sizes = NodeSizes.uniform(graph, NODE);
            for (GraphLayout layout : layouts) {
                if (graph.nodes().size() > JGRAPHX_LIMIT && layout instanceof JGraphXLayout) {
                    row(entry.getKey(), graph, layout.name(), "skipped: O(E·W²), minutes", "", "", "");
                    continue;
                }
                boolean grouped = !graph.groups().isEmpty();
                if (grouped && !(layout instanceof SugiyamaLayout)) {
                    continue;
                }
                long first = System.nanoTime();
                LayoutResult result = layout.layout(graph, sizes);
                double firstMs = (System.nanoTime() - first) / 1e6;
                int runs = graph.nodes().size() < 5_000 ? 5 : layout instanceof SugiyamaLayout ? 3 : 1;
                double[] warm = new double[runs];
                for (int r = 0; r < runs; r++) {
                    long t0 = System.nanoTime();
                    layout.layout(graph, sizes);
                    warm[r] = (System.nanoTime() - t0) / 1e6;
                }
                Arrays.sort(warm);
                row(entry.getKey(), graph, layout.name(), String.format("%.0f", firstMs),
                        String.format("%.0f", warm[runs / 2]), String.format("%,d", Crossings.count(result)),
                        String.format("%,.0f x %,.0f", result.bounds().width(), result.bounds().height()));
            }
        }
    }

    private static void row(String graphName, GraphData graph, String layout, String first, String warm,
                            String crossings, String size) {
        System.out.printf("| %-26s | %,6d | %,6d | %-11s | %9s | %9s | %10s | %-15s |%n", graphName,
                graph.nodes().size(), graph.edges().size(), layout, first, warm, crossings, size);
    }

    private static GraphData withoutGroups(GraphData graph) {
        return new GraphData(graph.nodes().stream().map(n -> new GraphNode(n.id(), n.label(), null)).toList(),
                graph.edges());
    }
}
