package dev.cairn.app.graph.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Counts edge crossings of a left-to-right layout, the usual quality measure of layered drawings.
 *
 * <p>The nodes are grouped into columns (nodes whose horizontal extents overlap share a column). For
 * each gap between two neighbouring columns, every edge route that spans the gap is cut at both sides
 * of the gap; two edges cross in the gap when their order at the left side differs from their order at
 * the right side. Edges that share an end point do not count as crossing there. This works for any
 * {@link LayoutResult}, whatever produced it, so layouts can be compared fairly.
 */
public final class Crossings {

    private Crossings() {
    }

    /** The number of edge crossings between adjacent columns of the layout. */
    public static long count(LayoutResult layout) {
        double[][] gaps = gaps(layout);
        int gapCount = gaps.length;
        if (gapCount == 0) {
            return 0;
        }
        double[] gapLeft = new double[gapCount];
        for (int i = 0; i < gapCount; i++) {
            gapLeft[i] = gaps[i][0];
        }
        List<List<double[]>> cuts = new ArrayList<>(gapCount);
        for (int i = 0; i < gapCount; i++) {
            cuts.add(new ArrayList<>());
        }
        for (EdgeRoute route : layout.edges()) {
            double minX = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            for (Point p : route.points()) {
                minX = Math.min(minX, p.x());
                maxX = Math.max(maxX, p.x());
            }
            int first = Arrays.binarySearch(gapLeft, minX);
            first = first >= 0 ? first : -first - 1;
            for (int i = first; i < gapCount && gaps[i][1] <= maxX; i++) {
                cuts.get(i).add(new double[]{yAt(route, gaps[i][0]), yAt(route, gaps[i][1])});
            }
        }
        long total = 0;
        for (List<double[]> gapCuts : cuts) {
            total += crossingsIn(gapCuts);
        }
        return total;
    }

    /** Gaps between neighbouring columns as {left, right} pairs, left to right. */
    private static double[][] gaps(LayoutResult layout) {
        List<Rect> nodes = new ArrayList<>(layout.nodes().values());
        nodes.sort(Comparator.comparingDouble(Rect::x));
        List<double[]> columns = new ArrayList<>();
        for (Rect r : nodes) {
            double[] last = columns.isEmpty() ? null : columns.get(columns.size() - 1);
            if (last != null && r.x() < last[1]) {
                last[1] = Math.max(last[1], r.maxX());
            } else {
                columns.add(new double[]{r.x(), r.maxX()});
            }
        }
        double[][] gaps = new double[Math.max(0, columns.size() - 1)][];
        for (int i = 0; i + 1 < columns.size(); i++) {
            gaps[i] = new double[]{columns.get(i)[1], columns.get(i + 1)[0]};
        }
        return gaps;
    }

    private static double yAt(EdgeRoute route, double x) {
        List<Point> points = route.points();
        for (int i = 0; i + 1 < points.size(); i++) {
            Point a = points.get(i);
            Point b = points.get(i + 1);
            if ((a.x() <= x && x <= b.x()) || (b.x() <= x && x <= a.x())) {
                double dx = b.x() - a.x();
                return dx == 0 ? a.y() : a.y() + (b.y() - a.y()) * (x - a.x()) / dx;
            }
        }
        return points.get(points.size() - 1).y();
    }

    private static long crossingsIn(List<double[]> cuts) {
        if (cuts.size() < 2) {
            return 0;
        }
        cuts.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        double[] right = new double[cuts.size()];
        for (int i = 0; i < right.length; i++) {
            right[i] = cuts.get(i)[1];
        }
        double[] distinct = right.clone();
        Arrays.sort(distinct);
        int[] ranks = new int[right.length];
        for (int i = 0; i < right.length; i++) {
            ranks[i] = Arrays.binarySearch(distinct, right[i]);
            while (ranks[i] > 0 && distinct[ranks[i] - 1] == right[i]) {
                ranks[i]--;
            }
        }
        return inversions(ranks, right.length);
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
