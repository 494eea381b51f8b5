package dev.cairn.app.charts;

import java.util.Arrays;

/**
 * Marks the values that sit far outside the recent trend: more than {@code threshold} robust
 * deviations from the median of the values just before them. The robust deviation is the median
 * absolute deviation scaled to a normal distribution's standard deviation (× 1.4826), and at least
 * 1% of the median's size, so that a series that hardly moves (a row count that stays the same) is
 * marked only when it moves by more than a few percent, not by one row.
 *
 * <p>Only earlier values count: a point is judged by what came before it, as a user reading the
 * chart from left to right would. Missing values (NaN) are skipped and never marked.
 */
public final class OutlierDetector {

    /** The deviation of a normal distribution, in median absolute deviations. */
    private static final double MAD_TO_SIGMA = 1.4826;
    /** The smallest deviation counted, relative to the median: a flat series is not noise-free. */
    private static final double RELATIVE_FLOOR = 0.01;

    private final int window;
    private final int minimumHistory;
    private final double threshold;

    /**
     * @param window how many earlier values form the trend
     * @param minimumHistory how many earlier values a point needs before it can be marked
     * @param threshold how many robust deviations from the median mark a point
     */
    public OutlierDetector(int window, int minimumHistory, double threshold) {
        if (window < 1 || minimumHistory < 1 || minimumHistory > window || !(threshold > 0)) {
            throw new IllegalArgumentException("window " + window + ", minimum history " + minimumHistory
                    + ", threshold " + threshold);
        }
        this.window = window;
        this.minimumHistory = minimumHistory;
        this.threshold = threshold;
    }

    /**
     * The defaults: the 30 values before, at least 8 of them, 3.5 robust deviations. At 3 deviations,
     * noise alone marked 0.24% of a long normal series and several ordinary wiggles of a slowly
     * growing row count; at 3.5, 0.04% and none, while drops of a third were still all marked.
     */
    public static OutlierDetector standard() {
        return new OutlierDetector(30, 8, 3.5);
    }

    /** For every value, whether it is an outlier. */
    public boolean[] mark(double[] y) {
        boolean[] marked = new boolean[y.length];
        // The last `window` finite values in arrival order (a ring) and the same values sorted.
        double[] ring = new double[window];
        double[] sorted = new double[window];
        int count = 0;
        int head = 0;
        for (int i = 0; i < y.length; i++) {
            // + 0.0 turns -0.0 into 0.0, which the sorted window's searches would tell apart.
            double v = y[i] + 0.0;
            if (Double.isNaN(v)) {
                continue;
            }
            if (count >= minimumHistory && !Double.isInfinite(v)) {
                double median = median(sorted, count);
                double deviation = Math.abs(v - median);
                // The floor bounds the scale from below: within it, no need to work out the deviation's median.
                if (Double.isFinite(median) && deviation > threshold * RELATIVE_FLOOR * Math.abs(median)) {
                    double mad = medianAbsoluteDeviation(sorted, count, median);
                    double scale = Math.max(MAD_TO_SIGMA * mad, RELATIVE_FLOOR * Math.abs(median));
                    marked[i] = scale > 0 ? deviation > threshold * scale : deviation > 0;
                }
            }
            if (count == window) {
                replace(sorted, count, ring[head], v);
            } else {
                insert(sorted, count, v);
                count++;
            }
            ring[head] = v;
            head = (head + 1) % window;
        }
        return marked;
    }

    private static double median(double[] sorted, int n) {
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * The median of |v - median| over a sorted window, in one merge: the deviations grow
     * outwards from the median on both sides, so two cursors walking outwards meet them in order.
     */
    private static double medianAbsoluteDeviation(double[] sorted, int n, double median) {
        int right = lowerBound(sorted, n, median);
        int left = right - 1;
        int lower = (n - 1) / 2;
        int upper = n / 2;
        double a = 0;
        for (int k = 0; k <= upper; k++) {
            double d;
            if (left < 0) {
                d = sorted[right++] - median;
            } else if (right >= n) {
                d = median - sorted[left--];
            } else if (median - sorted[left] <= sorted[right] - median) {
                d = median - sorted[left--];
            } else {
                d = sorted[right++] - median;
            }
            if (k == lower) {
                a = d;
            }
            if (k == upper) {
                return (a + d) / 2;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static int lowerBound(double[] sorted, int n, double v) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void insert(double[] sorted, int n, double v) {
        int at = lowerBound(sorted, n, v);
        System.arraycopy(sorted, at, sorted, at + 1, n - at);
        sorted[at] = v;
    }

    /**
     * Puts {@code v} in the place of {@code old}, sliding it to keep the window sorted: one search and
     * as many moves as values lie between the two, where removing and inserting cost two of each.
     */
    private static void replace(double[] sorted, int n, double old, double v) {
        int at = Arrays.binarySearch(sorted, 0, n, old);
        if (at < 0) {
            throw new IllegalStateException("a value left the window that was never in it: " + old);
        }
        while (at + 1 < n && sorted[at + 1] < v) {
            sorted[at] = sorted[at + 1];
            at++;
        }
        while (at > 0 && sorted[at - 1] > v) {
            sorted[at] = sorted[at - 1];
            at--;
        }
        sorted[at] = v;
    }
}
