package dev.cairn.app.graph.view;

import dev.cairn.app.graph.layout.Rect;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * The overview in the corner of the canvas: every node as a pixel-sized box in its group's colour,
 * rasterised once into an image (drawing 10,000 boxes per frame would cost more than the frame).
 */
final class Minimap {

    static final double MAX_WIDTH = 220;
    static final double MAX_HEIGHT = 150;
    static final double MARGIN = 16;
    static final double PADDING = 8;

    final WritableImage image;
    final double width;
    final double height;
    private final double scale;
    private final Rect bounds;

    Minimap(CanvasModel model, GraphTheme theme) {
        bounds = model.bounds;
        double bw = Math.max(1, bounds.width());
        double bh = Math.max(1, bounds.height());
        scale = Math.min(MAX_WIDTH / bw, MAX_HEIGHT / bh);
        int iw = Math.max(1, (int) Math.ceil(bw * scale));
        int ih = Math.max(1, (int) Math.ceil(bh * scale));
        width = iw;
        height = ih;
        int[] pixels = new int[iw * ih];
        for (int g = 0; g < model.groupRects.length; g++) {
            Rect r = model.groupRects[g];
            if (r != null) {
                fill(pixels, iw, ih, r.x(), r.y(), r.width(), r.height(), argb(theme.groupColor(g), 0.10));
            }
        }
        int ungrouped = argb(theme.mutedText(), 0.75);
        for (int i = 0; i < model.nodeCount; i++) {
            int color = model.group[i] >= 0 ? argb(theme.groupColor(model.group[i]), 0.85) : ungrouped;
            fill(pixels, iw, ih, model.x[i], model.y[i], model.w[i], model.h[i], color);
        }
        image = new WritableImage(iw, ih);
        image.getPixelWriter().setPixels(0, 0, iw, ih, PixelFormat.getIntArgbInstance(), pixels, 0, iw);
    }

    private void fill(int[] pixels, int iw, int ih, double x, double y, double w, double h, int color) {
        int x0 = clamp((int) Math.floor((x - bounds.x()) * scale), iw);
        int y0 = clamp((int) Math.floor((y - bounds.y()) * scale), ih);
        int x1 = clamp((int) Math.ceil((x + w - bounds.x()) * scale) - 1, iw);
        int y1 = clamp((int) Math.ceil((y + h - bounds.y()) * scale) - 1, ih);
        for (int py = y0; py <= Math.max(y0, y1); py++) {
            for (int px = x0; px <= Math.max(x0, x1); px++) {
                pixels[py * iw + px] = over(color, pixels[py * iw + px]);
            }
        }
    }

    private static int clamp(int v, int size) {
        return Math.max(0, Math.min(size - 1, v));
    }

    private static int argb(Color c, double alpha) {
        int a = (int) Math.round(alpha * c.getOpacity() * 255);
        return a << 24 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    /** Source-over blending of two non-premultiplied ARGB colours. */
    private static int over(int src, int dst) {
        double sa = (src >>> 24) / 255.0;
        double da = (dst >>> 24) / 255.0;
        double oa = sa + da * (1 - sa);
        if (oa == 0) {
            return 0;
        }
        int r = (int) Math.round((((src >> 16) & 255) * sa + ((dst >> 16) & 255) * da * (1 - sa)) / oa);
        int g = (int) Math.round((((src >> 8) & 255) * sa + ((dst >> 8) & 255) * da * (1 - sa)) / oa);
        int b = (int) Math.round(((src & 255) * sa + (dst & 255) * da * (1 - sa)) / oa);
        return (int) Math.round(oa * 255) << 24 | r << 16 | g << 8 | b;
    }

    /** Left edge of the panel's image in view coordinates. */
    double imageX(double viewWidth) {
        return viewWidth - MARGIN - PADDING - width;
    }

    /** Top edge of the panel's image in view coordinates. */
    double imageY(double viewHeight) {
        return viewHeight - MARGIN - PADDING - height;
    }

    /** True when the view point lies on the panel. */
    boolean contains(double vx, double vy, double viewWidth, double viewHeight) {
        return vx >= imageX(viewWidth) - PADDING && vx <= viewWidth - MARGIN
                && vy >= imageY(viewHeight) - PADDING && vy <= viewHeight - MARGIN;
    }

    double worldX(double vx, double viewWidth) {
        return bounds.x() + (vx - imageX(viewWidth)) / scale;
    }

    double worldY(double vy, double viewHeight) {
        return bounds.y() + (vy - imageY(viewHeight)) / scale;
    }

    double viewX(double worldX, double viewWidth) {
        return imageX(viewWidth) + (worldX - bounds.x()) * scale;
    }

    double viewY(double worldY, double viewHeight) {
        return imageY(viewHeight) + (worldY - bounds.y()) * scale;
    }
}
