package dev.cairn.app.graph.view;

import dev.cairn.app.graph.layout.Rect;
import dev.cairn.app.graph.model.NodeBadge;
import dev.cairn.app.graph.model.NodeStatus;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Draws one frame of the graph canvas. Only what intersects the view is drawn, with less detail as the
 * zoom shrinks: full cards, then labels only, then plain boxes, then a map of coloured rectangles with
 * straight edges.
 *
 * <p>Shapes (groups, edges, node boxes, badges) are rasterised by {@link Raster} into one image; only
 * text, the group chips, the rubber band and the minimap go through the {@code GraphicsContext}, all
 * in screen space (scaled text is several times slower to draw than text at its final size). At the
 * map level the whole graph is rasterised once and that image is moved while the view only pans.
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
            if (scale >= 0.6) {
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
     * @param model       graph and layout
     * @param width       view width
     * @param height      view height
     * @param pixelScale  device pixels per view pixel (2 on a HiDPI screen)
     * @param scale       view pixels per layout unit
     * @param originX     layout x at the view's left edge
     * @param originY     layout y at the view's top edge
     * @param theme       colours
     * @param statuses    status of each node, by node index
     * @param selected    selected nodes, by node index
     * @param hovered     node under the mouse, or -1
     * @param lineage     lineage of the hovered node, or null
     * @param rubberBand  the selection rectangle being dragged, in view coordinates, or null
     * @param minimap     the overview to draw in the corner, or null
     * @param zooming     a zoom gesture is under way: at the map level the cached map may be stretched
     *                    instead of redrawn, and the canvas draws a sharp frame once the gesture pauses
     */
    record Frame(CanvasModel model, double width, double height, double pixelScale, double scale, double originX,
                 double originY, GraphTheme theme, NodeStatus[] statuses, BitSet selected, int hovered,
                 CanvasModel.Lineage lineage, Rect rubberBand, Minimap minimap, boolean zooming) {
    }

    private static final double NODE_RADIUS = 6;
    private static final double GROUP_RADIUS = 9;
    private static final double GROUP_LABEL_SIZE = 12.5;
    private static final double LABEL_SIZE = 13;
    private static final double SUBTITLE_SIZE = 11.5;
    private static final double DIM = 0.22;

    private final GraphFonts fonts;
    private final TextFitter fitter = new TextFitter();
    private final Raster raster = new Raster();
    /** The whole graph at the map level, drawn once and moved while the view only pans. */
    private final Raster mapRaster = new Raster();
    /** The raster the shape methods draw into during one pass: the view's, or the map's. */
    private Raster target = raster;
    private MapKey mapKey;

    /**
     * Everything the cached map depends on besides the view's origin; statuses and selection are
     * copied because the canvas updates its arrays in place.
     */
    private record MapKey(CanvasModel model, double scale, double pixelScale, GraphTheme theme, NodeStatus[] statuses,
                          BitSet selected, int hovered, CanvasModel.Lineage lineage, double mapX, double mapY) {

        static MapKey of(Frame f, double mapX, double mapY) {
            return new MapKey(f.model(), f.scale(), f.pixelScale(), f.theme(), f.statuses().clone(),
                    (BitSet) f.selected().clone(), f.hovered(), f.lineage(), mapX, mapY);
        }

        boolean matches(Frame f) {
            return scale == f.scale() && matchesAtAnyScale(f);
        }

        boolean matchesAtAnyScale(Frame f) {
            return model == f.model() && pixelScale == f.pixelScale() && theme == f.theme()
                    && hovered == f.hovered() && lineage == f.lineage() && selected.equals(f.selected())
                    && Arrays.equals(statuses, f.statuses());
        }
    }

    /**
     * How far a zoom gesture may stretch the cached map before it is redrawn: beyond this the blur
     * shows, and the redraw at a smaller scale is cheap anyway.
     */
    private static final double MAX_STRETCH = 2;

    CanvasRenderer(GraphFonts fonts) {
        this.fonts = fonts;
    }

    /** Per-frame conversion from layout units to device pixels, and the theme's colours as opaque ints. */
    private static final class View {
        final double k;
        final double ox;
        final double oy;
        final int background;

        View(Frame f) {
            k = f.scale() * f.pixelScale();
            ox = f.originX();
            oy = f.originY();
            background = Raster.rgb(f.theme().background());
        }

        double x(double wx) {
            return (wx - ox) * k;
        }

        double y(double wy) {
            return (wy - oy) * k;
        }

        /** An opaque version of a possibly translucent colour, as seen over {@code under}. */
        int solid(Color c, int under) {
            return Raster.mix(Raster.rgb(c), under, c.getOpacity());
        }
    }

    void draw(GraphicsContext gc, Frame f) {
        if (f.model() != null && f.model().nodeCount > 0 && Detail.of(f.scale()) == Detail.MAP && drawMap(gc, f)) {
            drawOverlays(gc, f, Detail.MAP);
            return;
        }
        View v = new View(f);
        int deviceWidth = Math.max(1, (int) Math.round(f.width() * f.pixelScale()));
        int deviceHeight = Math.max(1, (int) Math.round(f.height() * f.pixelScale()));
        raster.clear(deviceWidth, deviceHeight, v.background);
        CanvasModel m = f.model();
        Detail detail = Detail.of(f.scale());
        double minX = f.originX();
        double minY = f.originY();
        double maxX = minX + f.width() / f.scale();
        double maxY = minY + f.height() / f.scale();
        if (m != null && m.nodeCount > 0) {
            target = raster;
            drawShapes(f, v, detail, minX, minY, maxX, maxY);
        }
        gc.setTransform(1, 0, 0, 1, 0, 0);
        gc.setGlobalAlpha(1);
        gc.drawImage(raster.toImage(), 0, 0, f.width(), f.height());
        if (m == null || m.nodeCount == 0) {
            return;
        }
        if (detail == Detail.FULL || detail == Detail.LABEL) {
            drawTexts(gc, f, detail, minX, minY, maxX, maxY);
        }
        drawOverlays(gc, f, detail);
    }

    private void drawShapes(Frame f, View v, Detail detail, double minX, double minY, double maxX, double maxY) {
        drawGroups(f, v, detail, minX, minY, maxX, maxY);
        drawEdges(f, v, detail, minX, minY, maxX, maxY);
        drawNodes(f, v, detail, minX, minY, maxX, maxY);
    }

    /**
     * At the map level, draws the whole graph once into an image and, while only the origin changes,
     * moves that image instead of drawing ten thousand boxes again. Declines (returns false) when the
     * whole graph at this scale would be much larger than the view.
     *
     * @return whether the shapes were drawn
     */
    private boolean drawMap(GraphicsContext gc, Frame f) {
        if (f.zooming() && mapKey != null && mapKey.matchesAtAnyScale(f)) {
            double stretch = f.scale() / mapKey.scale();
            if (stretch <= MAX_STRETCH && stretch >= 1 / MAX_STRETCH) {
                drawMapImage(gc, f, mapKey.mapX(), mapKey.mapY(), stretch, false);
                return true;
            }
        }
        Rect b = f.model().bounds;
        double margin = 4 / f.scale();
        double mapX = b.x() - margin;
        double mapY = b.y() - margin;
        double mapWidth = (b.width() + 2 * margin) * f.scale();
        double mapHeight = (b.height() + 2 * margin) * f.scale();
        if (mapWidth * mapHeight > 4 * Math.max(1, f.width() * f.height())) {
            return false;
        }
        if (mapKey == null || !mapKey.matches(f)) {
            Frame whole = new Frame(f.model(), mapWidth, mapHeight, f.pixelScale(), f.scale(), mapX, mapY, f.theme(),
                    f.statuses(), f.selected(), f.hovered(), f.lineage(), null, null, false);
            View v = new View(whole);
            mapRaster.clear((int) Math.ceil(mapWidth * f.pixelScale()), (int) Math.ceil(mapHeight * f.pixelScale()),
                    v.background);
            target = mapRaster;
            drawShapes(whole, v, Detail.MAP, mapX, mapY, mapX + mapWidth / f.scale(), mapY + mapHeight / f.scale());
            target = raster;
            mapRaster.toImage();
            mapKey = MapKey.of(f, mapX, mapY);
        }
        drawMapImage(gc, f, mapX, mapY, 1, true);
        return true;
    }

    /**
     * Puts the cached map on the view, its top left corner at layout point (mapX, mapY), enlarged by
     * {@code stretch} (1 when it was drawn at this frame's scale).
     */
    private void drawMapImage(GraphicsContext gc, Frame f, double mapX, double mapY, double stretch, boolean sharp) {
        gc.setTransform(1, 0, 0, 1, 0, 0);
        gc.setGlobalAlpha(1);
        double k = f.scale() * f.pixelScale();
        if (!sharp) {
            View v = new View(f);
            raster.clear(Math.max(1, (int) Math.round(f.width() * f.pixelScale())),
                    Math.max(1, (int) Math.round(f.height() * f.pixelScale())), v.background);
            raster.drawStretched(mapRaster, (mapX - f.originX()) * k, (mapY - f.originY()) * k, stretch);
            gc.drawImage(raster.toImage(), 0, 0, f.width(), f.height());
            return;
        }
        gc.setFill(f.theme().background());
        gc.fillRect(0, 0, f.width(), f.height());
        // Whole device pixels: the image is copied, never resampled.
        double x = Math.round((mapX - f.originX()) * k) / f.pixelScale();
        double y = Math.round((mapY - f.originY()) * k) / f.pixelScale();
        javafx.scene.image.Image image = mapRaster.image();
        gc.drawImage(image, x, y, image.getWidth() / f.pixelScale(), image.getHeight() / f.pixelScale());
    }

    /** What goes over the shapes: group titles or chips, the rubber band and the minimap. */
    private void drawOverlays(GraphicsContext gc, Frame f, Detail detail) {
        if (detail == Detail.FULL) {
            drawGroupTitles(gc, f, f.originX(), f.originY(), f.originX() + f.width() / f.scale(),
                    f.originY() + f.height() / f.scale());
        } else {
            drawGroupChips(gc, f);
        }
        if (f.rubberBand() != null) {
            Rect r = f.rubberBand();
            gc.setFill(withAlpha(f.theme().accent(), 0.10));
            gc.fillRect(r.x(), r.y(), r.width(), r.height());
            gc.setStroke(f.theme().accent());
            gc.setLineWidth(1);
            gc.strokeRect(r.x() + 0.5, r.y() + 0.5, r.width(), r.height());
        }
        if (f.minimap() != null) {
            drawMinimap(gc, f, f.minimap());
        }
    }

    // ------------------------------------------------------------------ shapes

    private void drawGroups(Frame f, View v, Detail detail, double minX, double minY, double maxX, double maxY) {
        CanvasModel m = f.model();
        GraphTheme theme = f.theme();
        double border = Math.max(1, f.pixelScale());
        double radius = detail == Detail.MAP ? 2 * f.pixelScale() : GROUP_RADIUS * v.k;
        int surface = theme.dark() ? v.background : Raster.mix(Raster.rgb(theme.nodeFill()), v.background, 0.7);
        for (int g = 0; g < m.groupRects.length; g++) {
            Rect r = m.groupRects[g];
            if (r == null || r.x() > maxX || r.maxX() < minX || r.y() > maxY || r.maxY() < minY) {
                continue;
            }
            int color = Raster.rgb(theme.groupColor(g));
            double fade = f.lineage() != null ? 0.5 : 1;
            int edge = Raster.mix(color, v.background, (theme.dark() ? 0.45 : 0.35) * fade);
            // A faint tint of the group's colour over a surface a step above the canvas.
            int fill = Raster.mix(color, surface, (theme.dark() ? 0.05 : 0.04) * fade);
            double x = v.x(r.x());
            double y = v.y(r.y());
            double w = r.width() * v.k;
            double h = r.height() * v.k;
            target.fillRoundRect(x, y, w, h, radius, edge, 1);
            target.fillRoundRect(x + border, y + border, w - 2 * border, h - 2 * border, radius - border, fill, 1);
        }
    }

    private void drawEdges(Frame f, View v, Detail detail, double minX, double minY, double maxX, double maxY) {
        CanvasModel m = f.model();
        GraphTheme theme = f.theme();
        CanvasModel.Lineage lineage = f.lineage();
        boolean curves = detail != Detail.MAP;
        int normal = Raster.rgb(theme.edge());
        int accent = Raster.rgb(theme.accent());
        double width = 1.3 * f.pixelScale();
        // Fainter as more edges share the screen, so that bundles read as texture rather than bars.
        double baseAlpha = switch (detail) {
            case FULL -> 0.9;
            case LABEL -> 0.7;
            case SHAPE -> 0.55;
            case MAP -> 0.45;
        };
        double tiny = 0.75 / f.scale();
        boolean arrows = detail == Detail.FULL || detail == Detail.LABEL;
        double arrow = Math.max(5, 3.5 / f.scale()) * v.k;
        // Highlighted edges last, so that they lie on top of the dimmed ones.
        for (int pass = 0; pass < (lineage != null ? 2 : 1); pass++) {
            for (int e = 0; e < m.edgeCount; e++) {
                if (m.edgeMaxX[e] < minX || m.edgeMinX[e] > maxX || m.edgeMaxY[e] < minY || m.edgeMinY[e] > maxY) {
                    continue;
                }
                boolean highlighted = lineage != null && lineage.containsEdge(m.edgeFrom[e], m.edgeTo[e]);
                if (highlighted != (pass == 1)) {
                    continue;
                }
                if (!curves && m.edgeMaxX[e] - m.edgeMinX[e] < tiny && m.edgeMaxY[e] - m.edgeMinY[e] < tiny) {
                    continue;
                }
                int color = highlighted ? accent : normal;
                double alpha = highlighted ? 1 : lineage != null ? DIM : baseAlpha;
                double lineWidth = highlighted ? 2.2 * f.pixelScale() : width;
                drawRoute(m, v, e, curves, lineWidth, color, alpha);
                if (arrows) {
                    int last = m.routeStart[e + 1] - 1;
                    target.arrowRight(v.x(m.px[last]), v.y(m.py[last]), arrow * 1.3, arrow * 0.75, color, alpha);
                }
            }
        }
    }

    private void drawRoute(CanvasModel m, View v, int e, boolean curves, double lineWidth, int color, double alpha) {
        int start = m.routeStart[e];
        int end = m.routeStart[e + 1];
        double minDx = 24 * v.k;
        double x0 = v.x(m.px[start]);
        double y0 = v.y(m.py[start]);
        for (int i = start + 1; i < end; i++) {
            double x1 = v.x(m.px[i]);
            double y1 = v.y(m.py[i]);
            if (!curves) {
                // Zoomed out, waypoints closer than a pixel add cost and nothing visible.
                if (i < end - 1 && Math.abs(x1 - x0) + Math.abs(y1 - y0) < 1.5) {
                    continue;
                }
                target.line(x0, y0, x1, y1, lineWidth, color, alpha);
            } else if (y0 == y1) {
                target.line(x0, y0, x1, y1, lineWidth, color, alpha);
            } else {
                // Horizontal tangents at both ends: edges leave and enter nodes level, like a flow.
                double dx = Math.max(Math.abs(x1 - x0) / 2, minDx);
                target.curve(x0, y0, x0 + dx, y0, x1 - dx, y1, x1, y1, lineWidth, color, alpha);
            }
            x0 = x1;
            y0 = y1;
        }
    }

    private void drawNodes(Frame f, View v, Detail detail, double minX, double minY, double maxX, double maxY) {
        CanvasModel m = f.model();
        GraphTheme theme = f.theme();
        CanvasModel.Lineage lineage = f.lineage();
        if (detail == Detail.MAP) {
            double minSize = 1.5 * f.pixelScale();
            m.grid.query(minX, minY, maxX, maxY, i -> {
                NodeBadge badge = f.statuses()[i].badge();
                Color c = f.selected().get(i) ? theme.accent()
                        : badge == NodeBadge.FAILED || badge == NodeBadge.RUNNING ? theme.badgeColor(badge)
                        : m.group[i] >= 0 ? theme.groupColor(m.group[i]) : theme.mutedText();
                double alpha = lineage != null && !lineage.contains(i) ? DIM : 0.85;
                target.fillRect(v.x(m.x[i]), v.y(m.y[i]), m.w[i] * v.k, m.h[i] * v.k, minSize, Raster.rgb(c), alpha);
            });
            return;
        }
        m.grid.query(minX, minY, maxX, maxY, i -> drawNode(f, v, detail, i,
                lineage != null && !lineage.contains(i)));
    }

    private void drawNode(Frame f, View v, Detail detail, int i, boolean dimmed) {
        CanvasModel m = f.model();
        GraphTheme theme = f.theme();
        double k = v.k;
        double px = f.pixelScale();
        double x = v.x(m.x[i]);
        double y = v.y(m.y[i]);
        double w = m.w[i] * k;
        double h = m.h[i] * k;
        double radius = NODE_RADIUS * k;
        boolean selected = f.selected().get(i);
        boolean hovered = f.hovered() == i;
        double fade = dimmed ? DIM + 0.1 : 1;
        int bg = v.background;

        int body = v.solid(selected ? theme.selectionFill() : theme.nodeFill(), v.solid(theme.nodeFill(), bg));
        int border = Raster.rgb(selected || hovered ? theme.accent() : theme.nodeBorder());
        double borderWidth = (selected ? 2 : hovered ? 1.5 : 1) * px;
        Color shadow = theme.nodeShadow();
        target.fillRoundRect(x, y + 2 * px, w, h, radius, Raster.rgb(shadow), shadow.getOpacity() * fade);
        target.fillRoundRect(x, y, w, h, radius, Raster.mix(border, bg, fade), 1);
        target.fillRoundRect(x + borderWidth, y + borderWidth, w - 2 * borderWidth, h - 2 * borderWidth,
                radius - borderWidth, Raster.mix(body, bg, fade), 1);
        if (m.group[i] >= 0) {
            double strip = (detail == Detail.SHAPE ? 6 : 3.5) * k;
            target.fillRoundRect(x + 8 * k, y + 10 * k, strip, h - 20 * k, strip / 2,
                    Raster.mix(Raster.rgb(theme.groupColor(m.group[i])), bg, fade), 1);
        }
        NodeBadge badge = f.statuses()[i].badge();
        int badgeColor = Raster.mix(Raster.rgb(theme.badgeColor(badge)), bg, fade);
        int fill = Raster.mix(body, bg, fade);
        switch (detail) {
            case FULL -> badgeDot(badge, badgeColor, fill, x + 24 * k, y + h / 2 + 9 * k, 4 * k, px);
            case LABEL -> {
                double r = Math.max(4 * k, 3 * px);
                badgeDot(badge, badgeColor, fill, x + w - 12 * k - r, y + h / 2, r, px);
            }
            case SHAPE -> {
                double r = Math.max(4.5 * k, 2.5 * px);
                badgeDot(badge, badgeColor, fill, x + w - 14 * k - r, y + h / 2, r, px);
            }
            case MAP -> throw new IllegalStateException("Map detail draws nodes in bulk");
        }
    }

    /** A filled dot; running adds a halo, missing is a hollow ring, so state reads without colour. */
    private void badgeDot(NodeBadge badge, int color, int nodeFill, double cx, double cy, double r, double px) {
        switch (badge) {
            case MISSING -> {
                target.fillRoundRect(cx - r, cy - r, 2 * r, 2 * r, r, color, 1);
                double inner = Math.max(0, r - Math.max(1.4 * px, r * 0.35));
                target.fillRoundRect(cx - inner, cy - inner, 2 * inner, 2 * inner, inner, nodeFill, 1);
            }
            case RUNNING -> {
                double halo = r * 1.7;
                target.fillRoundRect(cx - halo, cy - halo, 2 * halo, 2 * halo, halo, color, 0.25);
                target.fillRoundRect(cx - r, cy - r, 2 * r, 2 * r, r, color, 1);
            }
            // Faint: nothing is claimed until the status is known.
            case UNKNOWN -> target.fillRoundRect(cx - r, cy - r, 2 * r, 2 * r, r, color, 0.3);
            default -> target.fillRoundRect(cx - r, cy - r, 2 * r, 2 * r, r, color, 1);
        }
    }

    // ------------------------------------------------------------------ text

    /** Font sizes snap to quarter pixels so that the glyph caches stay small while zooming. */
    private static double snap(double size) {
        return Math.round(size * 4) / 4.0;
    }

    private void drawTexts(GraphicsContext gc, Frame f, Detail detail, double minX, double minY, double maxX,
                           double maxY) {
        CanvasModel m = f.model();
        GraphTheme theme = f.theme();
        CanvasModel.Lineage lineage = f.lineage();
        double s = f.scale();
        gc.setTextAlign(TextAlignment.LEFT);
        // Never below 11 and 9.5 pixels on screen: smaller text is unreadable, not just small.
        Font label = fonts.semiBold(snap(detail == Detail.FULL ? Math.max(11, LABEL_SIZE * s)
                : Math.min(22 * s, Math.max(10.5, LABEL_SIZE * s))));
        Font badgeFont = fonts.semiBold(snap(Math.max(9.5, SUBTITLE_SIZE * s)));
        Font subtitle = fonts.regular(snap(Math.max(9.5, SUBTITLE_SIZE * s)));
        Color text = theme.text();
        Color muted = theme.mutedText();
        Color dimText = blend(text, theme.background(), DIM + 0.15);
        Color dimMuted = blend(muted, theme.background(), DIM + 0.15);
        m.grid.query(minX, minY, maxX, maxY, i -> {
            boolean dimmed = lineage != null && !lineage.contains(i);
            double x = (m.x[i] - f.originX()) * s;
            double y = (m.y[i] - f.originY()) * s;
            double w = m.w[i] * s;
            double h = m.h[i] * s;
            gc.setFont(label);
            gc.setFill(dimmed ? dimText : text);
            if (detail == Detail.LABEL) {
                gc.setTextBaseline(VPos.CENTER);
                double dot = Math.max(8 * s, 6);
                gc.fillText(fitter.fit(m.labels[i], label, w - 34 * s - 2 * dot), x + 20 * s, y + h / 2);
                return;
            }
            gc.setTextBaseline(VPos.BASELINE);
            double textX = x + 20 * s;
            double textWidth = w - 32 * s;
            gc.fillText(fitter.fit(m.labels[i], label, textWidth), textX, y + h / 2 - 4 * s);
            NodeStatus status = f.statuses()[i];
            double lineY = y + h / 2 + 13 * s;
            double afterDot = textX + 14 * s;
            String badgeText = status.badge().label();
            Color badgeColor = theme.badgeColor(status.badge());
            gc.setFont(badgeFont);
            gc.setFill(dimmed ? blend(badgeColor, theme.background(), DIM + 0.15) : badgeColor);
            gc.fillText(badgeText, afterDot, lineY);
            if (!status.subtitle().isEmpty()) {
                double used = fitter.width(badgeText, badgeFont) + 5 * s;
                gc.setFont(subtitle);
                gc.setFill(dimmed ? dimMuted : muted);
                gc.fillText(fitter.fit("· " + status.subtitle(), subtitle, textWidth - 14 * s - used),
                        afterDot + used, lineY);
            }
        });
    }

    private void drawGroupTitles(GraphicsContext gc, Frame f, double minX, double minY, double maxX, double maxY) {
        CanvasModel m = f.model();
        double s = f.scale();
        Font font = fonts.semiBold(snap(Math.max(11, GROUP_LABEL_SIZE * s)));
        gc.setFont(font);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.BASELINE);
        for (int g = 0; g < m.groupRects.length; g++) {
            Rect r = m.groupRects[g];
            if (r == null || r.x() > maxX || r.maxX() < minX || r.y() > maxY || r.y() + 40 < minY) {
                continue;
            }
            Color color = f.theme().groupColor(g);
            gc.setFill(f.lineage() != null ? blend(color, f.theme().background(), 0.6) : color);
            // The title sticks to the left edge of the view while the box reaches past it.
            double left = (r.x() - f.originX()) * s;
            double right = (r.maxX() - f.originX()) * s;
            double x = Math.max(left + 16 * s, Math.min(12, right - 120));
            gc.fillText(fitter.fit(m.groupNames[g], font, right - x - 12 * s), x, (r.y() + 23 - f.originY()) * s);
        }
    }

    /**
     * Group names as chips of constant size on screen, so the map stays legible when zoomed out. Larger
     * groups place their chip first; a chip that would overlap one already placed is left out.
     */
    private void drawGroupChips(GraphicsContext gc, Frame f) {
        CanvasModel m = f.model();
        GraphTheme theme = f.theme();
        double s = f.scale();
        Font font = fonts.semiBold(12);
        gc.setFont(font);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        gc.setLineWidth(1);
        gc.setGlobalAlpha(f.lineage() != null ? 0.6 : 1);
        List<Rect> placed = new ArrayList<>();
        for (int g : m.groupsBySize) {
            Rect r = m.groupRects[g];
            if (r == null) {
                continue;
            }
            double vx = (r.x() - f.originX()) * s;
            double vy = (r.y() - f.originY()) * s;
            double vw = r.width() * s;
            double vh = r.height() * s;
            if (vx > f.width() || vy > f.height() || vx + vw < 0 || vy + vh < 0 || vw < 48 || vh < 28) {
                continue;
            }
            String name = fitter.fit(m.groupNames[g], font, vw - 24);
            if (name.isEmpty()) {
                continue;
            }
            double tw = fitter.width(name, font);
            Rect chip = new Rect(Math.max(vx + 6, 6), Math.max(vy + 6, 6), tw + 20, 22);
            if (placed.stream().anyMatch(p -> p.overlaps(new Rect(chip.x() - 4, chip.y() - 4, chip.width() + 8,
                    chip.height() + 8)))) {
                continue;
            }
            placed.add(chip);
            gc.setFill(theme.overlayFill());
            gc.fillRoundRect(chip.x(), chip.y(), chip.width(), chip.height(), 11, 11);
            gc.setStroke(withAlpha(theme.groupColor(g), 0.5));
            gc.strokeRoundRect(chip.x() + 0.5, chip.y() + 0.5, chip.width() - 1, chip.height() - 1, 11, 11);
            gc.setFill(theme.groupColor(g));
            gc.fillText(name, chip.x() + 10, chip.y() + 11.5);
        }
        gc.setGlobalAlpha(1);
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

    private static Color blend(Color c, Color under, double t) {
        return under.interpolate(c, t);
    }
}
