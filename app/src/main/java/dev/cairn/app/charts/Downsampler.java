package dev.cairn.app.charts;

import java.util.Arrays;

/**
 * Picks the points of a long series worth drawing: largest-triangle-three-buckets (LTTB), which
 * keeps the shape of the line, plus the lowest and highest point of every bucket, so that a spike
 * or a drop never disappears at any zoom, plus the first missing value of a bucket, so that a gap
 * stays a gap.
 *
 * <p>Missing values are NaN. A series with no more points than three per bucket is kept whole.
 */
public final class Downsampler {

    private Downsampler() {
    }

    /**
     * The indices to draw of the points {@code from} (inclusive) to {@code to} (exclusive), in
     * increasing order: at most four per bucket, and the first and last point.
     *
     * @param x the x values, in non-decreasing order
     * @param y the y values; NaN where a value is missing
     * @param buckets how many buckets to divide the range into; about one per pixel of width
     */
    public static int[] indices(double[] x, double[] y, int from, int to, int buckets) {
        if (from < 0 || to > x.length || to > y.length || from > to) {
            throw new IllegalArgumentException("range " + from + ".." + to + " outside 0.." + Math.min(x.length, y.length));
        }
        int n = to - from;
        if (buckets < 3 || n <= 3 * buckets) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> from + i);
            return all;
        }
        IntList kept = new IntList(4 * buckets + 2);
        kept.add(from);
        // The inner points, from + 1 .. to - 2, go into buckets - 2 buckets of about equal count.
        int inner = buckets - 2;
        double size = (double) (n - 2) / inner;
        int anchor = Double.isNaN(y[from]) ? -1 : from;
        int[] picked = new int[4];
        for (int b = 0; b < inner; b++) {
            int start = from + 1 + (int) (b * size);
            int end = Math.min(to - 1, from + 1 + (int) ((b + 1) * size));
            // The average of the next bucket (the last point for the last bucket): the triangle's third corner.
            int nextStart = end;
            int nextEnd = b + 1 < inner ? Math.min(to - 1, from + 1 + (int) ((b + 2) * size)) : to;
            double avgX = 0;
            double avgY = 0;
            int count = 0;
            for (int i = nextStart; i < nextEnd; i++) {
                if (!Double.isNaN(y[i])) {
                    avgX += x[i];
                    avgY += y[i];
                    count++;
                }
            }
            boolean hasNext = count > 0;
            if (hasNext) {
                avgX /= count;
                avgY /= count;
            }
            int best = -1;
            double bestArea = -1;
            int min = -1;
            int max = -1;
            int gap = -1;
            for (int i = start; i < end; i++) {
                double v = y[i];
                if (Double.isNaN(v)) {
                    if (gap < 0) {
                        gap = i;
                    }
                    continue;
                }
                if (min < 0 || v < y[min]) {
                    min = i;
                }
                if (max < 0 || v > y[max]) {
                    max = i;
                }
                if (anchor >= 0 && hasNext) {
                    double area = Math.abs((x[anchor] - avgX) * (v - y[anchor]) - (x[anchor] - x[i]) * (avgY - y[anchor]));
                    if (area > bestArea) {
                        bestArea = area;
                        best = i;
                    }
                }
            }
            int count4 = 0;
            for (int i : new int[]{best, min, max, gap}) {
                if (i >= 0) {
                    picked[count4++] = i;
                }
            }
            Arrays.sort(picked, 0, count4);
            for (int k = 0; k < count4; k++) {
                if (k == 0 || picked[k] != picked[k - 1]) {
                    kept.add(picked[k]);
                }
            }
            if (best >= 0) {
                anchor = best;
            } else if (max >= 0) {
                anchor = max;
            }
        }
        kept.add(to - 1);
        return kept.toArray();
    }

    /** A growable array of ints, to avoid boxing a hundred thousand indices. */
    private static final class IntList {
        private int[] values;
        private int size;

        IntList(int capacity) {
            values = new int[Math.max(4, capacity)];
        }

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
