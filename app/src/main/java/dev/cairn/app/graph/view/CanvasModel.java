package dev.cairn.app.graph.view;

import dev.cairn.app.graph.layout.EdgeRoute;
import dev.cairn.app.graph.layout.LayoutResult;
import dev.cairn.app.graph.layout.Point;
import dev.cairn.app.graph.layout.Rect;
import dev.cairn.app.graph.model.GraphData;
import dev.cairn.app.graph.model.GraphEdge;
import dev.cairn.app.graph.model.GraphNode;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A graph and its layout as flat arrays for drawing: node boxes, edge routes with their bounds, group
 * boxes, adjacency for lineage and a {@link SpatialGrid} for hit testing. Immutable after construction,
 * except for the grid's query scratch space, so it must be used from one thread (the FX thread).
 */
final class CanvasModel {

    final GraphData graph;
    final LayoutResult layout;
    final int nodeCount;
    final String[] ids;
    final String[] labels;
    final int[] group;
    final double[] x;
    final double[] y;
    final double[] w;
    final double[] h;
    private final Map<String, Integer> indexOf;

    final String[] groupNames;
    /** Box of each group, or null when the layout gave the group none. */
    final Rect[] groupRects;
    /** Groups by number of nodes, largest first: the order in which group names claim space on screen. */
    final int[] groupsBySize;

    final int edgeCount;
    final int[] edgeFrom;
    final int[] edgeTo;
    /** Points of edge e: {@code px/py[routeStart[e] .. routeStart[e+1]-1]}. */
    final int[] routeStart;
    final double[] px;
    final double[] py;
    final double[] edgeMinX;
    final double[] edgeMinY;
    final double[] edgeMaxX;
    final double[] edgeMaxY;

    private final int[] outStart;
    private final int[] outEdges;
    private final int[] inStart;
    private final int[] inEdges;

    final SpatialGrid grid;
    final Rect bounds;

    CanvasModel(GraphData graph, LayoutResult layout) {
        this.graph = graph;
        this.layout = layout;
        List<GraphNode> nodes = graph.nodes();
        nodeCount = nodes.size();
        ids = new String[nodeCount];
        labels = new String[nodeCount];
        group = new int[nodeCount];
        x = new double[nodeCount];
        y = new double[nodeCount];
        w = new double[nodeCount];
        h = new double[nodeCount];
        indexOf = new HashMap<>(nodeCount * 2);
        List<String> groups = graph.groups();
        groupNames = groups.toArray(String[]::new);
        Map<String, Integer> groupIndex = new HashMap<>();
        for (int g = 0; g < groupNames.length; g++) {
            groupIndex.put(groupNames[g], g);
        }
        groupRects = new Rect[groupNames.length];
        for (int g = 0; g < groupNames.length; g++) {
            groupRects[g] = layout.groups().get(groupNames[g]);
        }
        for (int i = 0; i < nodeCount; i++) {
            GraphNode node = nodes.get(i);
            Rect r = layout.nodes().get(node.id());
            if (r == null) {
                throw new IllegalArgumentException("The layout has no box for node '" + node.id() + "'");
            }
            ids[i] = node.id();
            labels[i] = node.label();
            group[i] = node.hasGroup() ? groupIndex.get(node.group()) : -1;
            x[i] = r.x();
            y[i] = r.y();
            w[i] = r.width();
            h[i] = r.height();
            indexOf.put(node.id(), i);
        }

        List<GraphEdge> edges = graph.edges();
        Map<GraphEdge, EdgeRoute> routes = new HashMap<>(layout.edges().size() * 2);
        for (EdgeRoute route : layout.edges()) {
            routes.put(new GraphEdge(route.from(), route.to()), route);
        }
        int[] groupSize = new int[groupNames.length];
        for (int g : group) {
            if (g >= 0) {
                groupSize[g]++;
            }
        }
        groupsBySize = java.util.stream.IntStream.range(0, groupNames.length).boxed()
                .sorted((a, b) -> groupSize[b] != groupSize[a] ? Integer.compare(groupSize[b], groupSize[a])
                        : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
        edgeCount = edges.size();
        edgeFrom = new int[edgeCount];
        edgeTo = new int[edgeCount];
        routeStart = new int[edgeCount + 1];
        EdgeRoute[] routeOf = new EdgeRoute[edgeCount];
        for (int e = 0; e < edgeCount; e++) {
            GraphEdge edge = edges.get(e);
            edgeFrom[e] = indexOf.get(edge.from());
            edgeTo[e] = indexOf.get(edge.to());
            routeOf[e] = routes.get(edge);
            int points = routeOf[e] != null ? routeOf[e].points().size() : 2;
            routeStart[e + 1] = routeStart[e] + points;
        }
        px = new double[routeStart[edgeCount]];
        py = new double[routeStart[edgeCount]];
        edgeMinX = new double[edgeCount];
        edgeMinY = new double[edgeCount];
        edgeMaxX = new double[edgeCount];
        edgeMaxY = new double[edgeCount];
        for (int e = 0; e < edgeCount; e++) {
            int k = routeStart[e];
            if (routeOf[e] != null) {
                for (Point p : routeOf[e].points()) {
                    px[k] = p.x();
                    py[k] = p.y();
                    k++;
                }
            } else {
                // No route from the layout: a plain connection between the two boxes.
                int a = edgeFrom[e];
                int b = edgeTo[e];
                px[k] = x[a] + w[a];
                py[k] = y[a] + h[a] / 2;
                px[k + 1] = x[b];
                py[k + 1] = y[b] + h[b] / 2;
            }
            double minX = Double.POSITIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            for (int i = routeStart[e]; i < routeStart[e + 1]; i++) {
                minX = Math.min(minX, px[i]);
                minY = Math.min(minY, py[i]);
                maxX = Math.max(maxX, px[i]);
                maxY = Math.max(maxY, py[i]);
            }
            edgeMinX[e] = minX;
            edgeMinY[e] = minY;
            edgeMaxX[e] = maxX;
            edgeMaxY[e] = maxY;
        }

        outStart = new int[nodeCount + 1];
        inStart = new int[nodeCount + 1];
        for (int e = 0; e < edgeCount; e++) {
            outStart[edgeFrom[e] + 1]++;
            inStart[edgeTo[e] + 1]++;
        }
        for (int i = 0; i < nodeCount; i++) {
            outStart[i + 1] += outStart[i];
            inStart[i + 1] += inStart[i];
        }
        outEdges = new int[edgeCount];
        inEdges = new int[edgeCount];
        int[] outFill = Arrays.copyOf(outStart, nodeCount);
        int[] inFill = Arrays.copyOf(inStart, nodeCount);
        for (int e = 0; e < edgeCount; e++) {
            outEdges[outFill[edgeFrom[e]]++] = e;
            inEdges[inFill[edgeTo[e]]++] = e;
        }
        grid = new SpatialGrid(x, y, w, h, nodeCount);
        bounds = layout.bounds();
    }

    /** The index of a node, or -1. */
    int indexOf(String id) {
        Integer i = indexOf.get(id);
        return i == null ? -1 : i;
    }

    /** The lineage of a node: itself with everything upstream and everything downstream of it. */
    Lineage lineage(int node) {
        return new Lineage(node, reach(node, true), reach(node, false));
    }

    private BitSet reach(int start, boolean upstream) {
        int[] starts = upstream ? inStart : outStart;
        int[] list = upstream ? inEdges : outEdges;
        BitSet seen = new BitSet(nodeCount);
        int[] stack = new int[nodeCount];
        int top = 0;
        stack[top++] = start;
        seen.set(start);
        while (top > 0) {
            int v = stack[--top];
            for (int k = starts[v]; k < starts[v + 1]; k++) {
                int e = list[k];
                int next = upstream ? edgeFrom[e] : edgeTo[e];
                if (!seen.get(next)) {
                    seen.set(next);
                    stack[top++] = next;
                }
            }
        }
        return seen;
    }

    /**
     * The nodes upstream and downstream of {@code node}, each set including the node itself.
     *
     * @param node       the node
     * @param upstream   the node and its ancestors
     * @param downstream the node and its descendants
     */
    record Lineage(int node, BitSet upstream, BitSet downstream) {

        boolean contains(int n) {
            return upstream.get(n) || downstream.get(n);
        }

        /**
         * True when the edge lies on a path into or out of the node. An edge from an ancestor straight to
         * a descendant bypasses the node and is not part of its lineage.
         */
        boolean containsEdge(int from, int to) {
            return (upstream.get(from) && upstream.get(to)) || (downstream.get(from) && downstream.get(to));
        }
    }
}
