package dev.cairn.app.graph.view;

import dev.cairn.app.graph.layout.Rect;
import dev.cairn.app.graph.model.NodeBadge;
import dev.cairn.app.graph.model.NodeStatus;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.BitSet;

/**
 * Draws one frame of the graph canvas. Only what intersects the view is drawn, with less detail as
 * the zoom shrinks: full cards, then labels only, then plain boxes, then a map of coloured rectangles
 * with straight edges. Edges of one style go into one path and one stroke call.
 */
final class CanvasRenderer {

    /** How much of each node is drawn, chosen from the zoom. */
    enum Detail {
        /** Label, badge and subtitle; curved edges with arrowheads. */
        FULL,
        /** Label (enlarged to stay readable) and badge dot. */
        LABEL,
        /** Boxes with their group strip and badge dot, no text. */
        SHAPE,
        /** Flat rectangles and straight edges. */
        MAP;

        static Detail of(double scale) {
            if (scale >= 0.7) {
                return FULL;
            }
            if (scale >= 0.33) {
                return LABEL;
            }
            return scale >= 0.12 ? SHAPE : MAP;
        }
    }

    /**
     * Everything one frame depends on.
     *
     * @param model      graph and layout
     * @param width      view width
     * @param height     view height
     * @param scale      view pixels per layout unit
     * @param originX    layout x at the view's left edge
     * @param originY    layout y at the view's top edge
     * @param theme      colours
     * @param statuses   status of each node, by node index
     * @param selected   selected nodes, by node index
     * @param hovered    node under the mouse, or -1
     * @param lineage    lineage of the hovered node, or null
     * @param rubberBand the selection rectangle being dragged, in view coordinates, or null
     * @param minimap    the overview to draw in the corner, or null
     */
    record Frame(CanvasModel model, double width, double height, double scale, double originX, double originY,
                 GraphTheme theme, NodeStatus[] statuses, BitSet selected, int hovered,
                 CanvasModel.Lineage lineage, Rect rubberBand, Minimap minimap) {
    }

    private static final double NODE_ARC = 12;
    private static final double GROUP_ARC = 18;
    private static final double GROUP_LABEL_SIZE = 12.5;
    private static final double LABEL_SIZE = 13;
    private static final double SUBTITLE_SIZE = 11.5;
    private static final double DIM_ALPHA = 0.22;

    private final GraphFonts fonts;
    private final TextFitter fitter = new TextFitter();

    CanvasRenderer(GraphFonts fonts) {
        this.fonts = fonts;
    }

    void draw(GraphicsContext gc, Frame f) {
        GraphTheme theme = f.theme();
        gc.setTransform(1, 0, 0, 1, 0, 0);
        gc.setGlobalAlpha(1);
        // A fill covering the whole canvas also lets JavaFX drop the previous frame's commands.
        gc.setFill(theme.background());
        gc.fillRect(0, 0, f.width(), f.height());
        CanvasModel m = f.model();
        if (m == null || m.nodeCount == 0) {
            return;
        }
        double s = f.scale();
        Detail detail = Detail.of(s);
        double minX = f.originX();
        double minY = f.originY();
        double maxX = minX + f.width() / s;
        double maxY = minY + f.height() / s;

        gc.setTransform(s, 0, 0, s, -minX * s, -minY * s);
        gc.setLineCap(StrokeLineCap.ROUND);
        gc.setLineJoin(StrokeLineJoin.ROUND);
        drawGroups(gc, f, detail, minX, minY, maxX, maxY);
        drawEdges(gc, f, detail, minX, minY, maxX, maxY);
        drawNodes(gc, f, detail, minX, minY, maxX, maxY);

        gc.setTransform(1, 0, 0, 1, 0, 0);
        gc.setGlobalAlpha(1);
        if (detail != Detail.FULL) {
            drawGroupChips(gc, f);
        }
        if (f.rubberBand() != null) {
            Rect r = f.rubberBand();
            gc.setFill(withAlpha(theme.accent(), 0.10));
            gc.fillRect(r.x(), r.y(), r.width(), r.height());
            gc.setStroke(theme.accent());
            gc.setLineWidth(1);
            gc.strokeRect(r.x() + 0.5, r.y() + 0.5, r.width(), r.height());
        }
        if (f.minimap() != null) {
            drawMinimap(gc, f, f.minimap());
        }
    }

    private void drawGroups(GraphicsContext gc, Frame f, Detail detail, double minX, double minY, double maxX,
                            double maxY) {
        CanvasModel m = f.model();
        GraphTheme theme = f.theme();
        double s = f.scale();
        gc.setLineWidth(1 / s);
        for (int g = 0; g < m.groupRects.length; g++) {
            Rect r = m.groupRects[g];
            if (r == null || r.x() > maxX || r.maxX() < minX || r.y() > maxY || r.maxY() < minY) {
                continue;
            }
            Color color = theme.groupColor(g);
            gc.setGlobalAlpha(f.lineage() != null ? 0.6 : 1);
            gc.setFill(withAlpha(color, theme.dark() ? 0.07 : 0.045));
            gc.setStroke(withAlpha(color, theme.dark() ? 0.45 : 0.35));
            if (detail == Detail.MAP) {
                gc.fillRect(r.x(), r.y(), r.width(), r.height());
                gc.strokeRect(r.x(), r.y(), r.width(), r.height());
                continue;
            }
            gc.fillRoundRect(r.x(), r.y(), r.width(), r.height(), GROUP_ARC, GROUP_ARC);
            gc.strokeRoundRect(r.x(), r.y(), r.width(), r.height(), GROUP_ARC, GROUP_ARC);
            if (detail == Detail.FULL) {
                Font font = fonts.semiBold(GROUP_LABEL_SIZE);
                String name = fitter.fit(m.groupNames[g], font, r.width() - 28);
                gc.setFont(font);
                gc.setTextAlign(TextAlignment.LEFT);
                gc.setTextBaseline(VPos.BASELINE);
                gc.setFill(color);
                gc.fillText(name, r.x() + 16, r.y() + 23);
            }
        }
        gc.setGlobalAlpha(1);
    }

    /** Group names as chips of constant size on screen, so the map stays legible when zoomed out. */
    private void drawGroupChips(GraphicsContext gc, Frame f) {
        CanvasModel m = f.model();
        GraphTheme theme = f.theme();
        double s = f.scale();
        Font font = fonts.semiBold(12);
        gc.setFont(font);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        for (int g = 0; g < m.groupRects.length; g++) {
            Rect r = m.groupRects[g];
            if (r == null) {
                continue;
            }
            double vx = (r.x() - f.originX()) * s;
            double vy = (r.y() - f.originY()) * s;
            double vw = r.width() * s;
            if (vx > f.width() || vy > f.height() || vx + vw < 0 || vy + r.height() * s < 0 || vw < 48) {
                continue;
            }
            String name = fitter.fit(m.groupNames[g], font, vw - 24);
            if (name.isEmpty()) {
                continue;
            }
            double tw = fitter.width(name, font);
            double chipX = Math.max(vx + 6, 6);
            double chipY = Math.max(vy + 6, 6);
            gc.setGlobalAlpha(f.lineage() != null ? 0.6 : 1);
            gc.setFill(theme.overlayFill());
            gc.fillRoundRect(chipX, chipY, tw + 20, 22, 11, 11);
            gc.setStroke(withAlpha(theme.groupColor(g), 0.5));
            gc.setLineWidth(1);
            gc.strokeRoundRect(chipX + 0.5, chipY + 0.5, tw + 19, 21, 11, 11);
            gc.setFill(theme.groupColor(g));
            gc.fillText(name, chipX + 10, chipY + 11.5);
        }
        gc.setGlobalAlpha(1);
    }

    private void drawEdges(GraphicsContext gc, Frame f, Detail detail, double minX, double minY, double maxX,
                           double maxY) {
        CanvasModel m = f.model();
        GraphTheme theme = f.theme();
        double s = f.scale();
        CanvasModel.Lineage lineage = f.lineage();
        boolean curves = detail != Detail.MAP;
        double tiny = 0.75 / s;

        gc.setStroke(theme.edge());
        gc.setLineWidth((detail == Detail.MAP ? 0.8 : 1.3) / s);
        gc.setGlobalAlpha(lineage != null ? DIM_ALPHA : detail == Detail.MAP ? 0.6 : 1);
        gc.beginPath();
        for (int e = 0; e < m.edgeCount; e++) {
            if (!visible(m, e, minX, minY, maxX, maxY)) {
                continue;
            }
            if (lineage != null && lineage.containsEdge(m.edgeFrom[e], m.edgeTo[e])) {
                continue;
            }
            if (!curves && m.edgeMaxX[e] - m.edgeMinX[e] < tiny && m.edgeMaxY[e] - m.edgeMinY[e] < tiny) {
                continue;
            }
            appendRoute(gc, m, e, curves);
        }
        gc.stroke();
        gc.setGlobalAlpha(1);
        if (lineage != null) {
            gc.setStroke(theme.accent());
            gc.setLineWidth(2.2 / s);
            gc.beginPath();
            for (int e = 0; e < m.edgeCount; e++) {
                if (visible(m, e, minX, minY, maxX, maxY) && lineage.containsEdge(m.edgeFrom[e], m.edgeTo[e])) {
                    appendRoute(gc, m, e, curves);
                }
            }
            gc.stroke();
        }
        if (detail == Detail.FULL || detail == Detail.LABEL) {
            drawArrowheads(gc, f, minX, minY, maxX, maxY);
        }
    }

    private static boolean visible(CanvasModel m, int e, double minX, double minY, double maxX, double maxY) {
        return m.edgeMaxX[e] >= minX && m.edgeMinX[e] <= maxX && m.edgeMaxY[e] >= minY && m.edgeMinY[e] <= maxY;
    }

    private static void appendRoute(GraphicsContext gc, CanvasModel m, int e, boolean curves) {
        int start = m.routeStart[e];
        int end = m.routeStart[e + 1];
        gc.moveTo(m.px[start], m.py[start]);
        for (int i = start + 1; i < end; i++) {
            double x0 = m.px[i - 1];
            double y0 = m.py[i - 1];
            double x1 = m.px[i];
            double y1 = m.py[i];
            if (!curves || y0 == y1) {
                gc.lineTo(x1, y1);
            } else {
                // Horizontal tangents at both ends: edges leave and enter nodes level, like a flow.
                double dx = Math.max(Math.abs(x1 - x0) / 2, 24);
                gc.bezierCurveTo(x0 + dx, y0, x1 - dx, y1, x1, y1);
            }
        }
    }

    private void drawArrowheads(GraphicsContext gc, Frame f, double minX, double minY, double maxX, double maxY) {
        CanvasModel m = f.model();
        CanvasModel.Lineage lineage = f.lineage();
        double size = Math.max(5, 3.5 / f.scale());
        for (int pass = 0; pass < (lineage != null ? 2 : 1); pass++) {
            boolean highlighted = pass == 1;
            gc.setFill(highlighted ? f.theme().accent() : f.theme().edge());
            gc.setGlobalAlpha(lineage != null && !highlighted ? DIM_ALPHA : 1);
            gc.beginPath();
            for (int e = 0; e < m.edgeCount; e++) {
                int last = m.routeStart[e + 1] - 1;
                double x = m.px[last];
                double y = m.py[last];
                if (x < minX || x > maxX + size || y < minY - size || y > maxY + size) {
                    continue;
                }
                boolean on = lineage != null && lineage.containsEdge(m.edgeFrom[e], m.edgeTo[e]);
                if (on != highlighted) {
                    continue;
                }
                gc.moveTo(x, y);
                gc.lineTo(x - size * 1.3, y - size * 0.75);
                gc.lineTo(x - size * 1.3, y + size * 0.75);
                gc.closePath();
            }
            gc.fill();
        }
        gc.setGlobalAlpha(1);
    }

    private void drawNodes(GraphicsContext gc, Frame f, Detail detail, double minX, double minY, double maxX,
                           double maxY) {
        CanvasModel m = f.model();
        CanvasModel.Lineage lineage = f.lineage();
        if (detail == Detail.MAP) {
            drawNodeMap(gc, f, minX, minY, maxX, maxY);
            return;
        }
        // Dimmed nodes first, then the rest, to change the global alpha only twice.
        if (lineage != null) {
            gc.setGlobalAlpha(DIM_ALPHA + 0.1);
            m.grid.query(minX, minY, maxX, maxY, i -> {
                if (!lineage.contains(i)) {
                    drawNode(gc, f, detail, i);
                }
            });
            gc.setGlobalAlpha(1);
        }
        m.grid.query(minX, minY, maxX, maxY, i -> {
            if (lineage == null || lineage.contains(i)) {
                drawNode(gc, f, detail, i);
            }
        });
    }

    private void drawNodeMap(GraphicsContext gc, Frame f, double minX, double minY, double maxX, double maxY) {
        CanvasModel m = f.model();
        GraphTheme theme = f.theme();
        CanvasModel.Lineage lineage = f.lineage();
        double s = f.scale();
        // At least a pixel and a half, so that every node stays visible on the map.
        double minSize = 1.5 / s;
        m.grid.query(minX, minY, maxX, maxY, i -> {
            NodeBadge badge = f.statuses()[i].badge();
            Color color = f.selected().get(i) ? theme.accent()
                    : badge == NodeBadge.FAILED || badge == NodeBadge.RUNNING ? theme.badgeColor(badge)
                    : m.group[i] >= 0 ? theme.groupColor(m.group[i]) : theme.mutedText();
            gc.setGlobalAlpha(lineage != null && !lineage.contains(i) ? DIM_ALPHA : 0.85);
            gc.setFill(color);
            gc.fillRect(m.x[i], m.y[i], Math.max(m.w[i], minSize), Math.max(m.h[i], minSize));
        });
        gc.setGlobalAlpha(1);
    }

    private void drawNode(GraphicsContext gc, Frame f, Detail detail, int i) {
        CanvasModel m = f.model();
        GraphTheme theme = f.theme();
        double s = f.scale();
        double x = m.x[i];
        double y = m.y[i];
        double w = m.w[i];
        double h = m.h[i];
        boolean selected = f.selected().get(i);
        boolean hovered = f.hovered() == i;
        NodeStatus status = f.statuses()[i];

        gc.setFill(theme.nodeShadow());
        gc.fillRoundRect(x, y + 2 / Math.min(1, s), w, h, NODE_ARC, NODE_ARC);
        gc.setFill(selected ? theme.selectionFill() : theme.nodeFill());
        gc.fillRoundRect(x, y, w, h, NODE_ARC, NODE_ARC);
        if (selected || hovered) {
            gc.setStroke(theme.accent());
            gc.setLineWidth((selected ? 2 : 1.5) / s);
        } else {
            gc.setStroke(theme.nodeBorder());
            gc.setLineWidth(1 / s);
        }
        gc.strokeRoundRect(x, y, w, h, NODE_ARC, NODE_ARC);
        if (m.group[i] >= 0) {
            gc.setFill(theme.groupColor(m.group[i]));
            double stripWidth = detail == Detail.SHAPE ? 6 : 3.5;
            gc.fillRoundRect(x + 8, y + 10, stripWidth, h - 20, stripWidth, stripWidth);
        }
        Color badgeColor = theme.badgeColor(status.badge());
        switch (detail) {
            case FULL -> drawCard(gc, f, i, status, badgeColor);
            case LABEL -> {
                double size = Math.min(22, Math.max(LABEL_SIZE, 10.5 / s));
                Font font = fonts.semiBold(size);
                double radius = Math.max(4, 3 / s);
                gc.setFont(font);
                gc.setTextAlign(TextAlignment.LEFT);
                gc.setTextBaseline(VPos.CENTER);
                gc.setFill(theme.text());
                gc.fillText(fitter.fit(m.labels[i], font, w - 34 - 2 * radius), x + 20, y + h / 2);
                drawBadgeDot(gc, status.badge(), badgeColor, x + w - 12 - radius, y + h / 2, radius, s);
            }
            case SHAPE -> {
                double radius = Math.max(4.5, 2.5 / s);
                drawBadgeDot(gc, status.badge(), badgeColor, x + w - 14 - radius, y + h / 2, radius, s);
            }
            case MAP -> throw new IllegalStateException("Map detail draws nodes in bulk");
        }
    }

    private void drawCard(GraphicsContext gc, Frame f, int i, NodeStatus status, Color badgeColor) {
        CanvasModel m = f.model();
        GraphTheme theme = f.theme();
        double x = m.x[i];
        double y = m.y[i];
        double w = m.w[i];
        double h = m.h[i];
        double textX = x + 20;
        double textWidth = w - 32;
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.BASELINE);

        Font label = fonts.semiBold(LABEL_SIZE);
        gc.setFont(label);
        gc.setFill(theme.text());
        double labelBaseline = y + h / 2 - 4;
        gc.fillText(fitter.fit(m.labels[i], label, textWidth), textX, labelBaseline);

        double lineY = y + h / 2 + 13;
        drawBadgeDot(gc, status.badge(), badgeColor, textX + 4, lineY - 4, 4, f.scale());
        Font badgeFont = fonts.semiBold(SUBTITLE_SIZE);
        gc.setFont(badgeFont);
        gc.setFill(badgeColor);
        String badgeText = status.badge().label();
        double afterDot = textX + 14;
        gc.fillText(badgeText, afterDot, lineY);
        if (!status.subtitle().isEmpty()) {
            double used = fitter.width(badgeText, badgeFont);
            Font sub = fonts.regular(SUBTITLE_SIZE);
            gc.setFont(sub);
            gc.setFill(theme.mutedText());
            String text = fitter.fit("· " + status.subtitle(), sub, textWidth - 14 - used - 5);
            gc.fillText(text, afterDot + used + 5, lineY);
        }
    }

    /** A filled dot; running is a ring around a dot, missing a hollow ring, so state reads without colour. */
    private static void drawBadgeDot(GraphicsContext gc, NodeBadge badge, Color color, double cx, double cy,
                                     double r, double scale) {
        switch (badge) {
            case MISSING -> {
                gc.setStroke(color);
                gc.setLineWidth(Math.max(1.5, 1.2 / scale));
                gc.strokeOval(cx - r + 0.75, cy - r + 0.75, 2 * r - 1.5, 2 * r - 1.5);
            }
            case RUNNING -> {
                gc.setFill(withAlpha(color, 0.25));
                gc.fillOval(cx - r * 1.6, cy - r * 1.6, r * 3.2, r * 3.2);
                gc.setFill(color);
                gc.fillOval(cx - r, cy - r, 2 * r, 2 * r);
            }
            default -> {
                gc.setFill(color);
                gc.fillOval(cx - r, cy - r, 2 * r, 2 * r);
            }
        }
    }

    private void drawMinimap(GraphicsContext gc, Frame f, Minimap map) {
        GraphTheme theme = f.theme();
        double ix = map.imageX(f.width());
        double iy = map.imageY(f.height());
        double pad = Minimap.PADDING;
        gc.setFill(theme.overlayFill());
        gc.fillRoundRect(ix - pad, iy - pad, map.width + 2 * pad, map.height + 2 * pad, 12, 12);
        gc.setStroke(theme.overlayBorder());
        gc.setLineWidth(1);
        gc.strokeRoundRect(ix - pad + 0.5, iy - pad + 0.5, map.width + 2 * pad - 1, map.height + 2 * pad - 1, 12, 12);
        gc.drawImage(map.image, ix, iy);

        double s = f.scale();
        double x0 = clamp(map.viewX(f.originX(), f.width()), ix, ix + map.width);
        double y0 = clamp(map.viewY(f.originY(), f.height()), iy, iy + map.height);
        double x1 = clamp(map.viewX(f.originX() + f.width() / s, f.width()), ix, ix + map.width);
        double y1 = clamp(map.viewY(f.originY() + f.height() / s, f.height()), iy, iy + map.height);
        gc.setFill(withAlpha(theme.accent(), 0.12));
        gc.fillRect(x0, y0, x1 - x0, y1 - y0);
        gc.setStroke(theme.accent());
        gc.setLineWidth(1.5);
        gc.strokeRect(x0, y0, x1 - x0, y1 - y0);
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    private static Color withAlpha(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), c.getOpacity() * alpha);
    }
}
