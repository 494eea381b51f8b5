package dev.cairn.app.graph.view;

import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import java.nio.IntBuffer;
import java.util.Arrays;

/**
 * A small anti-aliased software rasteriser into an opaque ARGB pixel buffer: rounded rectangles,
 * circles, lines, flattened Bézier curves and triangles.
 *
 * <p>Why not the {@code GraphicsContext}: JavaFX's software pipeline (and every headless setup) strokes
 * paths at well under a megapixel per second, so 1,500 curved edges took 250 ms a frame. Filling spans
 * of an int array costs a few milliseconds per frame for any number of shapes, and the frame reaches
 * the screen as one image. The buffer is always opaque (the canvas background is), which keeps blending
 * to one multiply-add per channel.
 */
final class Raster {

    private int width;
    private int height;
    private int[] pixels = new int[0];
    private PixelBuffer<IntBuffer> buffer;
    private WritableImage image;

    /** Resizes the buffer (in device pixels) and fills it with {@code background}. */
    void clear(int width, int height, int background) {
        width = Math.max(1, width);
        height = Math.max(1, height);
        if (width != this.width || height != this.height) {
            this.width = width;
            this.height = height;
            pixels = new int[width * height];
            // The image shares the int array: no copy and no pixel format conversion per frame.
            buffer = new PixelBuffer<>(width, height, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(buffer);
        }
        Arrays.fill(pixels, background | 0xFF000000);
    }

    /** The image that shows the buffer as last marked changed. */
    WritableImage image() {
        return image;
    }

    /** Marks the whole buffer as changed and returns the image that shows it. */
    WritableImage toImage() {
        buffer.updateBuffer(b -> null);
        return image;
    }

    /**
     * Copies {@code source} into this buffer enlarged by {@code stretch}, its top left corner at device
     * pixel (x, y), picking the nearest source pixel. Used while a zoom gesture is under way: the
     * software pipeline resamples an image several times slower than this loop.
     */
    void drawStretched(Raster source, double x, double y, double stretch) {
        int[] columns = new int[width];
        int firstColumn = Math.max(0, (int) Math.ceil(x));
        int lastColumn = Math.min(width, (int) Math.ceil(x + source.width * stretch));
        for (int px = firstColumn; px < lastColumn; px++) {
            columns[px] = Math.min(source.width - 1, (int) ((px - x) / stretch));
        }
        int firstRow = Math.max(0, (int) Math.ceil(y));
        int lastRow = Math.min(height, (int) Math.ceil(y + source.height * stretch));
        for (int py = firstRow; py < lastRow; py++) {
            int from = Math.min(source.height - 1, (int) ((py - y) / stretch)) * source.width;
            int to = py * width;
            for (int px = firstColumn; px < lastColumn; px++) {
                pixels[to + px] = source.pixels[from + columns[px]];
            }
        }
    }

    /** The colour as opaque RGB. */
    static int rgb(Color c) {
        return 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    /** {@code a} over {@code b} at opacity {@code t}, as an opaque colour. */
    static int mix(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 255) * t + ((b >> 16) & 255) * (1 - t));
        int g = (int) Math.round(((a >> 8) & 255) * t + ((b >> 8) & 255) * (1 - t));
        int bl = (int) Math.round((a & 255) * t + (b & 255) * (1 - t));
        return 0xFF000000 | r << 16 | g << 8 | bl;
    }

    private void blend(int index, int color, double alpha) {
        if (alpha >= 0.999) {
            pixels[index] = color;
            return;
        }
        if (alpha <= 0.002) {
            return;
        }
        int a = (int) (alpha * 256);
        int d = pixels[index];
        int dr = (d >> 16) & 255;
        int dg = (d >> 8) & 255;
        int db = d & 255;
        int r = dr + ((((color >> 16) & 255) - dr) * a >> 8);
        int g = dg + ((((color >> 8) & 255) - dg) * a >> 8);
        int b = db + (((color & 255) - db) * a >> 8);
        pixels[index] = 0xFF000000 | r << 16 | g << 8 | b;
    }

    /**
     * Fills a rectangle with rounded corners of radius {@code r}, anti-aliased on every edge. A radius of
     * half the size gives a circle.
     */
    void fillRoundRect(double x, double y, double w, double h, double r, int color, double alpha) {
        if (w <= 0 || h <= 0 || x >= width || y >= height || x + w <= 0 || y + h <= 0) {
            return;
        }
        r = Math.max(0, Math.min(r, Math.min(w, h) / 2));
        double right = x + w;
        double bottom = y + h;
        int y0 = Math.max(0, (int) Math.floor(y));
        int y1 = Math.min(height - 1, (int) Math.ceil(bottom) - 1);
        for (int py = y0; py <= y1; py++) {
            // Vertical coverage of this pixel row, for the anti-aliased top and bottom edges.
            double rowTop = Math.max(py, y);
            double rowBottom = Math.min(py + 1, bottom);
            double vertical = rowBottom - rowTop;
            if (vertical <= 0) {
                continue;
            }
            double cy = (rowTop + rowBottom) / 2;
            double inset = 0;
            if (cy < y + r) {
                double dy = y + r - cy;
                inset = r - Math.sqrt(Math.max(0, r * r - dy * dy));
            } else if (cy > bottom - r) {
                double dy = cy - (bottom - r);
                inset = r - Math.sqrt(Math.max(0, r * r - dy * dy));
            }
            span(py, x + inset, right - inset, color, alpha * vertical);
        }
    }

    /** Fills [left, right) of a pixel row with fractional coverage at both ends. */
    private void span(int py, double left, double right, int color, double alpha) {
        if (right <= left) {
            return;
        }
        int first = (int) Math.floor(left);
        int last = (int) Math.ceil(right) - 1;
        int row = py * width;
        if (first == last) {
            if (first >= 0 && first < width) {
                blend(row + first, color, alpha * (right - left));
            }
            return;
        }
        if (first >= 0 && first < width) {
            blend(row + first, color, alpha * (first + 1 - left));
        }
        if (last >= 0 && last < width) {
            blend(row + last, color, alpha * (right - last));
        }
        int from = Math.max(0, first + 1);
        int to = Math.min(width, last);
        if (alpha >= 0.999) {
            if (from < to) {
                Arrays.fill(pixels, row + from, row + to, color);
            }
        } else {
            for (int px = from; px < to; px++) {
                blend(row + px, color, alpha);
            }
        }
    }

    /** Fills a rectangle, at least {@code minSize} pixels wide and high so that tiny boxes stay visible. */
    void fillRect(double x, double y, double w, double h, double minSize, int color, double alpha) {
        if (w < minSize) {
            x -= (minSize - w) / 2;
            w = minSize;
        }
        if (h < minSize) {
            y -= (minSize - h) / 2;
            h = minSize;
        }
        fillRoundRect(x, y, w, h, 0, color, alpha);
    }

    /**
     * Draws a line of the given width (1 to about 3 pixels): Xiaolin Wu's anti-aliased line, repeated
     * side by side for wider lines. The line is clipped to the buffer first, so far off-screen parts cost
     * nothing.
     */
    void line(double x0, double y0, double x1, double y1, double lineWidth, int color, double alpha) {
        int strands = Math.max(1, (int) Math.round(lineWidth));
        double strandAlpha = alpha * Math.min(1, lineWidth / strands);
        if (strands == 1) {
            wu(x0, y0, x1, y1, color, strandAlpha);
            return;
        }
        double dx = x1 - x0;
        double dy = y1 - y0;
        double length = Math.hypot(dx, dy);
        if (length == 0) {
            return;
        }
        double nx = -dy / length;
        double ny = dx / length;
        for (int k = 0; k < strands; k++) {
            double offset = (k - (strands - 1) / 2.0) * 0.9;
            wu(x0 + nx * offset, y0 + ny * offset, x1 + nx * offset, y1 + ny * offset, color, strandAlpha);
        }
    }

    private void wu(double x0, double y0, double x1, double y1, int color, double alpha) {
        if (!clip(x0, y0, x1, y1, -2, -2, width + 2, height + 2)) {
            return;
        }
        x0 = clipped0X;
        y0 = clipped0Y;
        x1 = clipped1X;
        y1 = clipped1Y;
        boolean steep = Math.abs(y1 - y0) > Math.abs(x1 - x0);
        if (steep) {
            double t = x0;
            x0 = y0;
            y0 = t;
            t = x1;
            x1 = y1;
            y1 = t;
        }
        if (x0 > x1) {
            double t = x0;
            x0 = x1;
            x1 = t;
            t = y0;
            y0 = y1;
            y1 = t;
        }
        double dx = x1 - x0;
        double gradient = dx == 0 ? 1 : (y1 - y0) / dx;
        // Pixel centres sit at integer + 0.5; shift so that the classic algorithm's integer grid matches.
        x0 -= 0.5;
        x1 -= 0.5;
        y0 -= 0.5;
        int xStart = (int) Math.round(x0);
        int xEnd = (int) Math.round(x1);
        double intery = y0 + gradient * (xStart - x0);
        int opacity = (int) (Math.min(1, alpha) * 256);
        if (opacity == 0) {
            return;
        }
        int cr = (color >> 16) & 255;
        int cg = (color >> 8) & 255;
        int cb = color & 255;
        // The hot loop of every frame: integer coverage, no calls.
        for (int x = xStart; x <= xEnd; x++, intery += gradient) {
            int yi = (int) Math.floor(intery);
            int lower = (int) ((intery - yi) * opacity);
            int upper = opacity - lower;
            int px = steep ? yi : x;
            int py = steep ? x : yi;
            int stepX = steep ? 1 : 0;
            int stepY = steep ? 0 : 1;
            for (int k = 0; k < 2; k++) {
                int a = k == 0 ? upper : lower;
                int qx = px + k * stepX;
                int qy = py + k * stepY;
                if (a > 0 && qx >= 0 && qy >= 0 && qx < width && qy < height) {
                    int index = qy * width + qx;
                    int d = pixels[index];
                    int dr = (d >> 16) & 255;
                    int dg = (d >> 8) & 255;
                    int db = d & 255;
                    pixels[index] = 0xFF000000 | (dr + ((cr - dr) * a >> 8)) << 16 | (dg + ((cg - dg) * a >> 8)) << 8
                            | (db + ((cb - db) * a >> 8));
                }
            }
        }
    }

    // Output of clip(): fields rather than an array, to keep the per-segment path allocation-free.
    private double clipped0X;
    private double clipped0Y;
    private double clipped1X;
    private double clipped1Y;

    /** Liang–Barsky clipping of a segment to a rectangle; false when nothing of it is inside. */
    private boolean clip(double x0, double y0, double x1, double y1, double minX, double minY, double maxX,
                         double maxY) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double t0 = 0;
        double t1 = 1;
        for (int i = 0; i < 4; i++) {
            double p = i == 0 ? -dx : i == 1 ? dx : i == 2 ? -dy : dy;
            double q = i == 0 ? x0 - minX : i == 1 ? maxX - x0 : i == 2 ? y0 - minY : maxY - y0;
            if (p == 0) {
                if (q < 0) {
                    return false;
                }
            } else {
                double t = q / p;
                if (p < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        if (t0 > t1) {
            return false;
        }
        clipped0X = x0 + t0 * dx;
        clipped0Y = y0 + t0 * dy;
        clipped1X = x0 + t1 * dx;
        clipped1Y = y0 + t1 * dy;
        return true;
    }

    /** A cubic Bézier curve, flattened into segments of about 8 pixels. */
    void curve(double x0, double y0, double cx0, double cy0, double cx1, double cy1, double x1, double y1,
               double lineWidth, int color, double alpha) {
        double minX = Math.min(Math.min(x0, x1), Math.min(cx0, cx1));
        double maxX = Math.max(Math.max(x0, x1), Math.max(cx0, cx1));
        double minY = Math.min(Math.min(y0, y1), Math.min(cy0, cy1));
        double maxY = Math.max(Math.max(y0, y1), Math.max(cy0, cy1));
        if (maxX < -2 || minX > width + 2 || maxY < -2 || minY > height + 2) {
            return;
        }
        double length = Math.hypot(cx0 - x0, cy0 - y0) + Math.hypot(cx1 - cx0, cy1 - cy0) + Math.hypot(x1 - cx1, y1 - cy1);
        int steps = Math.max(2, Math.min(64, (int) Math.ceil(length / 8)));
        double px = x0;
        double py = y0;
        for (int i = 1; i <= steps; i++) {
            double t = (double) i / steps;
            double u = 1 - t;
            double a = u * u * u;
            double b = 3 * u * u * t;
            double c = 3 * u * t * t;
            double d = t * t * t;
            double nx = a * x0 + b * cx0 + c * cx1 + d * x1;
            double ny = a * y0 + b * cy0 + c * cy1 + d * y1;
            line(px, py, nx, ny, lineWidth, color, alpha);
            px = nx;
            py = ny;
        }
    }

    /** An arrowhead pointing right with its tip at (x, y): a triangle {@code length} long, {@code half} high each side. */
    void arrowRight(double x, double y, double length, double half, int color, double alpha) {
        int y0 = Math.max(0, (int) Math.floor(y - half));
        int y1 = Math.min(height - 1, (int) Math.ceil(y + half) - 1);
        for (int py = y0; py <= y1; py++) {
            double top = Math.max(py, y - half);
            double bottom = Math.min(py + 1, y + half);
            if (bottom <= top) {
                continue;
            }
            double distance = Math.abs((top + bottom) / 2 - y) / half;
            span(py, x - length, x - length * distance, color, alpha * (bottom - top));
        }
    }
}
