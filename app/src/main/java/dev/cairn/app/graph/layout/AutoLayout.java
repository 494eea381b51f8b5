package dev.cairn.app.graph.layout;

import dev.cairn.app.graph.model.GraphData;

import java.util.Map;

/**
 * Picks a layout by graph size, from measurements (see {@code LayoutBenchmark}):
 *
 * <ul>
 *   <li>Up to {@link #LARGE} nodes: {@link SugiyamaLayout} with default effort (about 0.2 s warm at
 *       10,000 nodes).</li>
 *   <li>Above: {@link SugiyamaLayout} with half the sweeps and straightening passes, which measured
 *       the same crossings (within 0.1 %) at 30,000 nodes in two thirds of the time.</li>
 * </ul>
 *
 * jgraphx is never picked: on random DAGs of 20 to 300 nodes (20 seeds each) it had 15 to 35 % more
 * crossings than {@link SugiyamaLayout} and took 3 to 7 times as long; it cannot keep groups apart; and
 * it needs minutes from 5,000 nodes. {@link JGraphXLayout} stays available for callers who want it.
 */
public final class AutoLayout implements GraphLayout {

    /** Above this many nodes the faster settings are used. */
    public static final int LARGE = 10_000;

    private final SugiyamaLayout standard = new SugiyamaLayout();
    private final SugiyamaLayout fast;

    public AutoLayout() {
        SugiyamaLayout.Options d = SugiyamaLayout.Options.defaults();
        fast = new SugiyamaLayout(new SugiyamaLayout.Options(d.layerGap(), d.nodeGap(), d.edgeGap(), d.groupPadding(),
                d.groupHeader(), d.groupGap(), d.orderingPasses() / 2, d.straighteningPasses() / 2));
    }

    @Override
    public String name() {
        return "auto";
    }

    /** The signature of the layout chosen for each graph is what matters; see {@link #choose}. */
    @Override
    public String signature() {
        return name() + "(" + standard.signature() + " up to " + LARGE + ", then " + fast.signature() + ")";
    }

    @Override
    public LayoutResult layout(GraphData graph, Map<String, Size> sizes) {
        return choose(graph).layout(graph, sizes);
    }

    /** The layout this chooser uses for the graph. */
    public SugiyamaLayout choose(GraphData graph) {
        return graph.nodes().size() > LARGE ? fast : standard;
    }
}
