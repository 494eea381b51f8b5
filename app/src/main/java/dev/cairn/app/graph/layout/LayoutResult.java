package dev.cairn.app.graph.layout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a layout put everything, in layout coordinates (pixels at zoom 1, y growing downwards).
 *
 * @param algorithm name of the layout that produced the result
 * @param nodes     the box of every node, by node id, in the order of the input nodes
 * @param edges     one route per input edge, in the order of the input edges
 * @param groups    the box of every group, by group name; it contains the boxes of the group's nodes
 * @param bounds    a rectangle holding all nodes, groups and edge routes
 */
public record LayoutResult(String algorithm, Map<String, Rect> nodes, List<EdgeRoute> edges,
                           Map<String, Rect> groups, Rect bounds) {

    public LayoutResult {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        edges = List.copyOf(edges);
        groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
    }

    /** The bounds of everything given, or an empty rectangle at the origin when there is nothing. */
    static Rect boundsOf(Iterable<Rect> nodes, Iterable<Rect> groups, Iterable<EdgeRoute> edges) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Iterable<Rect> rects : List.of(nodes, groups)) {
            for (Rect r : rects) {
                minX = Math.min(minX, r.x());
                minY = Math.min(minY, r.y());
                maxX = Math.max(maxX, r.maxX());
                maxY = Math.max(maxY, r.maxY());
            }
        }
        for (EdgeRoute route : edges) {
            for (Point p : route.points()) {
                minX = Math.min(minX, p.x());
                minY = Math.min(minY, p.y());
                maxX = Math.max(maxX, p.x());
                maxY = Math.max(maxY, p.y());
            }
        }
        if (minX > maxX) {
            return new Rect(0, 0, 0, 0);
        }
        return new Rect(minX, minY, maxX - minX, maxY - minY);
    }
}
