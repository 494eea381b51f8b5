package dev.cairn.app.graph.layout;

/**
 * A point in layout coordinates.
 *
 * @param x the horizontal coordinate, growing to the right
 * @param y the vertical coordinate, growing downwards
 */
public record Point(double x, double y) {
}
