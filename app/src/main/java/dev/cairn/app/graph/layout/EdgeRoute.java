package dev.cairn.app.graph.layout;

import java.util.List;

/**
 * The path of one edge. The first point is on the upstream node, the last on the downstream node and
 * the ones between are waypoints. Layouts place waypoints so that a renderer can join each consecutive
 * pair with a cubic Bézier curve with horizontal tangents and get a smooth left-to-right flow; a
 * straight polyline through the same points is the cheap fallback when zoomed out.
 *
 * @param from   id of the upstream node
 * @param to     id of the downstream node
 * @param points at least two points
 */
public record EdgeRoute(String from, String to, List<Point> points) {

    public EdgeRoute {
        points = List.copyOf(points);
        if (points.size() < 2) {
            throw new IllegalArgumentException("An edge route needs at least two points: " + from + " -> " + to);
        }
    }

    /** The first point, on the upstream node. */
    public Point start() {
        return points.get(0);
    }

    /** The last point, on the downstream node. */
    public Point end() {
        return points.get(points.size() - 1);
    }
}
