package dev.cairn.app.graph.layout;

/**
 * An axis-aligned rectangle in layout coordinates.
 *
 * @param x      left edge
 * @param y      top edge
 * @param width  width, at least 0
 * @param height height, at least 0
 */
public record Rect(double x, double y, double width, double height) {

    /** The right edge. */
    public double maxX() {
        return x + width;
    }

    /** The bottom edge. */
    public double maxY() {
        return y + height;
    }

    /** The horizontal centre. */
    public double centerX() {
        return x + width / 2;
    }

    /** The vertical centre. */
    public double centerY() {
        return y + height / 2;
    }

    /** True when {@code other} lies inside this rectangle, borders included. */
    public boolean contains(Rect other) {
        return other.x >= x && other.y >= y && other.maxX() <= maxX() && other.maxY() <= maxY();
    }

    /** True when the interiors of the two rectangles share a point. */
    public boolean overlaps(Rect other) {
        return other.x < maxX() && x < other.maxX() && other.y < maxY() && y < other.maxY();
    }

    /** The smallest rectangle holding this one and {@code other}. */
    public Rect union(Rect other) {
        double minX = Math.min(x, other.x);
        double minY = Math.min(y, other.y);
        return new Rect(minX, minY, Math.max(maxX(), other.maxX()) - minX, Math.max(maxY(), other.maxY()) - minY);
    }
}
