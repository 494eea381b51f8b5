package dev.cairn.app.graph.layout;

/**
 * The width and height of a node box in layout units (pixels at zoom 1).
 *
 * @param width  the width, at least 0
 * @param height the height, at least 0
 */
public record Size(double width, double height) {

    public Size {
        if (!(width >= 0) || !(height >= 0)) {
            throw new IllegalArgumentException("Size must be finite and not negative: " + width + " x " + height);
        }
    }
}
