package dev.cairn.app.graph.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Counts edge crossings of a layout, the usual quality measure of layered drawings.
 *
 * <p>Each edge route is taken as the polyline through its points, and every proper intersection of two
 * segments of different edges counts once. Edges that share a node are never counted as crossing (they
 * meet at the node by design). In a layered layout whose long edges run level through the columns,
 * this is exactly the number of crossings between adjacent layers; unlike a per-layer count it also
 * stays fair for layouts whose layers do not line up, such as packed components, so any
 * {@link LayoutResult} can be compared with any other.
 */
public final class Crossings {

    private Crossings() {
    }

    /** The number of crossings between the routes of edges that share no node. */
    public static long count(LayoutResult layout) {
        List<EdgeRoute> routes = layout.edges();
        int segments = 0;
        for (EdgeRoute route : routes) {
            segments += route.points().size() - 1;
        }
        double[] x1 = new double[segments];
        double[] y1 = new double[segments];
        double[] x2 = new double[segments];
        double[] y2 = new double[segments];
        int[] edge = new int[segments];
        int k = 0;
        for (int e = 0; e < routes.size(); e++) {
            List<Point> points = routes.get(e).points();
            for (int i = 0; i + 1 < points.size(); i++) {
                Point a = points.get(i);
                Point b = points.get(i + 1);
                boolean ordered = a.x() <= b.x();
                x1[k] = ordered ? a.x() : b.x();
                y1[k] = ordered ? a.y() : b.y();
                x2[k] = ordered ? b.x() : a.x();
                y2[k] = ordered ? b.y() : a.y();
                edge[k] = e;
                k++;
            }
        }
        Integer[] byLeft = new Integer[segments];
        for (int i = 0; i < segments; i++) {
            byLeft[i] = i;
        }
        Arrays.sort(byLeft, Comparator.comparingDouble(i -> x1[i]));
        String[] from = new String[routes.size()];
        String[] to = new String[routes.size()];
        for (int e = 0; e < routes.size(); e++) {
            from[e] = routes.get(e).from();
            to[e] = routes.get(e).to();
        }
        // Sweep left to right; compare each segment with the earlier ones still overlapping it in x.
        long crossings = 0;
        List<Integer> active = new ArrayList<>();
        for (int s : byLeft) {
            int kept = 0;
            for (int j = 0; j < active.size(); j++) {
                int t = active.get(j);
                if (x2[t] < x1[s]) {
                    continue;
                }
                active.set(kept++, t);
                int es = edge[s];
                int et = edge[t];
                if (es != et && !from[es].equals(from[et]) && !from[es].equals(to[et]) && !to[es].equals(from[et])
                        && !to[es].equals(to[et]) && properlyIntersect(s, t, x1, y1, x2, y2)) {
                    crossings++;
                }
            }
            active.subList(kept, active.size()).clear();
            active.add(s);
        }
        return crossings;
    }

    private static boolean properlyIntersect(int s, int t, double[] x1, double[] y1, double[] x2, double[] y2) {
        if (Math.max(y1[s], y2[s]) < Math.min(y1[t], y2[t]) || Math.max(y1[t], y2[t]) < Math.min(y1[s], y2[s])) {
            return false;
        }
        double d1 = orientation(x1[t], y1[t], x2[t], y2[t], x1[s], y1[s]);
        double d2 = orientation(x1[t], y1[t], x2[t], y2[t], x2[s], y2[s]);
        double d3 = orientation(x1[s], y1[s], x2[s], y2[s], x1[t], y1[t]);
        double d4 = orientation(x1[s], y1[s], x2[s], y2[s], x2[t], y2[t]);
        return d1 * d2 < 0 && d3 * d4 < 0;
    }

    private static double orientation(double ax, double ay, double bx, double by, double cx, double cy) {
        return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    }

    /**
     * The number of pairs {@code i < j} with {@code values[i] > values[j]}, for values in
     * {@code [0, range)}; equal values do not count.
     */
    static long inversions(int[] values, int range) {
        long[] tree = new long[range + 1];
        long inversions = 0;
        for (int i = 0; i < values.length; i++) {
            long notGreater = 0;
            for (int k = values[i] + 1; k > 0; k -= k & -k) {
                notGreater += tree[k];
            }
            inversions += i - notGreater;
            for (int k = values[i] + 1; k <= range; k += k & -k) {
                tree[k]++;
            }
        }
        return inversions;
    }
}
