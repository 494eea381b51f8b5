package dev.cairn.app.graph.view;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A uniform grid over rectangles (node boxes) so that hit tests and visibility queries look at a few
 * cells instead of every node. Built once per layout; queries allocate nothing.
 */
final class SpatialGrid {

    private final double[] x;
    private final double[] y;
    private final double[] w;
    private final double[] h;
    private final double originX;
    private final double originY;
    private final double cellSize;
    private final int cols;
    private final int rows;
    private final int[] cellStart;
    private final int[] items;
    /** Per item, the number of the last query that reported it: rectangles spanning cells count once. */
    private final int[] stamp;
    private int query;

    SpatialGrid(double[] x, double[] y, double[] w, double[] h, int count) {
        this.x = x;
        this.y = y;
        this.w = w;
        this.h = h;
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        double sumW = 0;
        double sumH = 0;
        for (int i = 0; i < count; i++) {
            minX = Math.min(minX, x[i]);
            minY = Math.min(minY, y[i]);
            maxX = Math.max(maxX, x[i] + w[i]);
            maxY = Math.max(maxY, y[i] + h[i]);
            sumW += w[i];
            sumH += h[i];
        }
        if (count == 0) {
            minX = minY = 0;
            maxX = maxY = 1;
        }
        originX = minX;
        originY = minY;
        // Cells about twice the mean node size, but never more than ~4 cells per node overall.
        double typical = count == 0 ? 1 : Math.max(sumW, sumH) / count;
        double area = Math.max(1, (maxX - minX) * (maxY - minY));
        cellSize = Math.max(Math.max(2 * typical, 1), Math.sqrt(area / Math.max(1, 4.0 * count)));
        cols = Math.max(1, (int) Math.ceil((maxX - minX) / cellSize));
        rows = Math.max(1, (int) Math.ceil((maxY - minY) / cellSize));
        int cells = cols * rows;
        int[] counts = new int[cells + 1];
        for (int i = 0; i < count; i++) {
            int c0 = col(x[i]);
            int c1 = col(x[i] + w[i]);
            int r0 = row(y[i]);
            int r1 = row(y[i] + h[i]);
            for (int r = r0; r <= r1; r++) {
                for (int c = c0; c <= c1; c++) {
                    counts[r * cols + c + 1]++;
                }
            }
        }
        for (int c = 0; c < cells; c++) {
            counts[c + 1] += counts[c];
        }
        cellStart = counts;
        items = new int[counts[cells]];
        int[] fill = Arrays.copyOf(counts, cells);
        for (int i = 0; i < count; i++) {
            int c0 = col(x[i]);
            int c1 = col(x[i] + w[i]);
            int r0 = row(y[i]);
            int r1 = row(y[i] + h[i]);
            for (int r = r0; r <= r1; r++) {
                for (int c = c0; c <= c1; c++) {
                    items[fill[r * cols + c]++] = i;
                }
            }
        }
        stamp = new int[count];
    }

    private int col(double px) {
        return Math.max(0, Math.min(cols - 1, (int) Math.floor((px - originX) / cellSize)));
    }

    private int row(double py) {
        return Math.max(0, Math.min(rows - 1, (int) Math.floor((py - originY) / cellSize)));
    }

    /** Reports every rectangle that intersects the given area once, in ascending index order per cell. */
    void query(double minX, double minY, double maxX, double maxY, IntConsumer consumer) {
        int q = ++query;
        int c0 = col(minX);
        int c1 = col(maxX);
        int r0 = row(minY);
        int r1 = row(maxY);
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int cell = r * cols + c;
                for (int k = cellStart[cell]; k < cellStart[cell + 1]; k++) {
                    int i = items[k];
                    if (stamp[i] != q && x[i] <= maxX && x[i] + w[i] >= minX && y[i] <= maxY && y[i] + h[i] >= minY) {
                        stamp[i] = q;
                        consumer.accept(i);
                    }
                }
            }
        }
    }

    /** The rectangle containing the point, the highest index winning, or -1. */
    int hit(double px, double py) {
        if (px < originX || py < originY || px > originX + cols * cellSize || py > originY + rows * cellSize) {
            return -1;
        }
        int cell = row(py) * cols + col(px);
        int found = -1;
        for (int k = cellStart[cell]; k < cellStart[cell + 1]; k++) {
            int i = items[k];
            if (i > found && px >= x[i] && px <= x[i] + w[i] && py >= y[i] && py <= y[i] + h[i]) {
                found = i;
            }
        }
        return found;
    }
}
