package dev.cairn.app.graph.bench;

import dev.cairn.app.graph.SampleGraphs;
import dev.cairn.app.graph.layout.Crossings;
import dev.cairn.app.graph.layout.GraphLayout;
import dev.cairn.app.graph.layout.LayoutResult;
import dev.cairn.app.graph.layout.NodeSizes;
import dev.cairn.app.graph.layout.Size;
import dev.cairn.app.graph.layout.SugiyamaLayout;
import dev.cairn.app.graph.model.GraphData;

import java.util.List;

/** Times layouts. */
public final class LayoutBenchmark {
    public static void main(String[] args) throws Exception {
        GraphLayout layout = new SugiyamaLayout();
        for (int n : new int[]{100, 1000, 5000, 10000}) {
            GraphData g = SampleGraphs.layeredDag(n, 1.5, 0, 42);
            for (int r = 0; r < 3; r++) {
                long t0 = System.nanoTime();
                LayoutResult res = layout.layout(g, NodeSizes.uniform(g, new Size(220, 56)));
                long t1 = System.nanoTime();
                System.out.printf("%d nodes %d edges: %.1f ms, crossings %d, bounds %s%n", n, g.edges().size(), (t1 - t0) / 1e6, Crossings.count(res), res.bounds());
            }
        }
    }
}
