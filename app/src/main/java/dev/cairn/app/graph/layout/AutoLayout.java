package dev.cairn.app.graph.layout;

import dev.cairn.app.graph.model.GraphData;

import java.util.Map;

/**
 * Picks a layout by graph size. jgraphx's hierarchical layout is used only for small graphs without
 * groups; everything else goes to {@link SugiyamaLayout}, which handles groups and scales.
 */
public final class AutoLayout implements GraphLayout {

    /** Above this many nodes jgraphx takes longer than a blink (0.5 s at 1,000 nodes, measured). */
    public static final int JGRAPHX_MAX_NODES = 300;

    private final GraphLayout small;
    private final GraphLayout large;

    /** jgraphx for small graphs, {@link SugiyamaLayout} with default options for the rest. */
    public AutoLayout() {
        this(new JGraphXLayout(), new SugiyamaLayout());
    }

    public AutoLayout(GraphLayout small, GraphLayout large) {
        this.small = small;
        this.large = large;
    }

    @Override
    public String name() {
        return "auto";
    }

    /** The signature of the layout chosen for each graph is what matters; see {@link #choose}. */
    @Override
    public String signature() {
        return name() + "(" + small.signature() + " up to " + JGRAPHX_MAX_NODES + ", " + large.signature() + ")";
    }

    @Override
    public LayoutResult layout(GraphData graph, Map<String, Size> sizes) {
        return choose(graph).layout(graph, sizes);
    }

    /** The layout this chooser uses for the graph. */
    public GraphLayout choose(GraphData graph) {
        boolean grouped = graph.nodes().stream().anyMatch(n -> n.hasGroup());
        return !grouped && graph.nodes().size() <= JGRAPHX_MAX_NODES ? small : large;
    }
}
