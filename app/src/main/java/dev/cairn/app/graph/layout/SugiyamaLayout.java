package dev.cairn.app.graph.layout;

import dev.cairn.app.graph.model.GraphData;
import dev.cairn.app.graph.model.GraphEdge;
import dev.cairn.app.graph.model.GraphNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A layered (Sugiyama-style) left-to-right layout built for large asset graphs: tens of thousands of
 * nodes in well under a second.
 *
 * <ol>
 *   <li>Cycles are broken by reversing the back edges of a depth-first search.</li>
 *   <li>Layers: longest path, then nodes with more outputs than inputs move next to their consumers.</li>
 *   <li>Edges longer than one layer get a dummy element per layer crossed.</li>
 *   <li>Order within layers: barycenter sweeps ({@link LayerOrdering}); groups stay contiguous.</li>
 *   <li>Coordinates: layers are columns; heights from {@link CoordinateAssignment}.</li>
 * </ol>
 *
 * Edge routes run straight through the columns they cross, so long edges read as horizontal lanes.
 */
public final class SugiyamaLayout implements GraphLayout {

    /**
     * Spacing (in layout units) and effort.
     *
     * @param layerGap            horizontal space between two columns
     * @param nodeGap             vertical space between two nodes
     * @param edgeGap             vertical space next to an edge passing through a column
     * @param groupPadding        space between a group's box and its nodes
     * @param groupHeader         height of a group box's title band
     * @param groupGap            vertical space between a group box and its neighbours
     * @param orderingPasses      crossing-reduction sweeps (alternately down and up)
     * @param straighteningPasses passes that pull connected nodes level with each other
     */
    public record Options(double layerGap, double nodeGap, double edgeGap, double groupPadding,
                          double groupHeader, double groupGap, int orderingPasses, int straighteningPasses) {

        public Options {
            if (groupPadding * 2 >= layerGap) {
                throw new IllegalArgumentException("groupPadding must be less than half of layerGap");
            }
        }

        /** Spacing that suits nodes of about 220 x 56. */
        public static Options defaults() {
            return new Options(96, 20, 10, 16, 36, 24, 12, 16);
        }
    }

    private final Options options;

    /** A layout with {@link Options#defaults()}. */
    public SugiyamaLayout() {
        this(Options.defaults());
    }

    public SugiyamaLayout(Options options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "sugiyama";
    }

    @Override
    public String signature() {
        return name() + options;
    }

    @Override
    public LayoutResult layout(GraphData graph, Map<String, Size> sizes) {
        LayeredGraph g = LayeredGraph.build(graph, sizes);
        int[][] order = LayerOrdering.order(g, options.orderingPasses());
        CoordinateAssignment coordinates = new CoordinateAssignment(g, order, options);
        coordinates.assign();
        return result(g, coordinates);
    }

    private LayoutResult result(LayeredGraph g, CoordinateAssignment c) {
        List<GraphNode> nodes = g.graph.nodes();
        Map<String, Rect> nodeRects = new LinkedHashMap<>(nodes.size() * 2);
        Rect[] rects = new Rect[g.realCount];
        for (int e = 0; e < g.realCount; e++) {
            int l = g.layer[e];
            double x = c.layerX[l] + (c.layerWidth[l] - g.width[e]) / 2;
            rects[e] = new Rect(x, c.top[e], g.width[e], g.height[e]);
            nodeRects.put(nodes.get(e).id(), rects[e]);
        }
        List<GraphEdge> edges = g.graph.edges();
        List<EdgeRoute> routes = new ArrayList<>(edges.size());
        for (int i = 0; i < edges.size(); i++) {
            routes.add(route(g, c, rects, i, edges.get(i)));
        }
        Map<String, Rect> groups = new LinkedHashMap<>();
        double pad = options.groupPadding();
        for (int gr = 0; gr < g.groupNames.length; gr++) {
            int first = c.groupFirstLayer[gr];
            int last = c.groupLastLayer[gr];
            double x = c.layerX[first] - pad;
            double right = c.layerX[last] + c.layerWidth[last] + pad;
            groups.put(g.groupNames[gr], new Rect(x, c.groupTop[gr], right - x, c.groupHeight[gr]));
        }
        Rect bounds = LayoutResult.boundsOf(nodeRects.values(), groups.values(), routes);
        return new LayoutResult(name(), nodeRects, routes, groups, bounds);
    }

    private EdgeRoute route(LayeredGraph g, CoordinateAssignment c, Rect[] rects, int edge, GraphEdge input) {
        int start = g.chainStart[edge];
        int end = g.chainStart[edge + 1];
        List<Point> points = new ArrayList<>();
        Rect source = rects[g.chain[start]];
        if (g.selfLoop[edge]) {
            double lift = Math.min(24, options.nodeGap());
            points.add(new Point(source.maxX(), source.centerY()));
            points.add(new Point(source.maxX() + lift, source.y() - lift));
            points.add(new Point(source.x() - lift, source.y() - lift));
            points.add(new Point(source.x(), source.centerY()));
            return new EdgeRoute(input.from(), input.to(), points);
        }
        Rect target = rects[g.chain[end - 1]];
        points.add(new Point(source.maxX(), source.centerY()));
        for (int k = start + 1; k < end - 1; k++) {
            int d = g.chain[k];
            int l = g.layer[d];
            points.add(new Point(c.layerX[l], c.top[d]));
            if (c.layerWidth[l] > 0) {
                points.add(new Point(c.layerX[l] + c.layerWidth[l], c.top[d]));
            }
        }
        points.add(new Point(target.x(), target.centerY()));
        if (g.reversed[edge]) {
            Collections.reverse(points);
        }
        return new EdgeRoute(input.from(), input.to(), points);
    }
}
