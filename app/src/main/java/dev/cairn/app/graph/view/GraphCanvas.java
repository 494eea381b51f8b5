package dev.cairn.app.graph.view;

import dev.cairn.app.graph.layout.LayoutResult;
import dev.cairn.app.graph.layout.Rect;
import dev.cairn.app.graph.model.GraphData;
import dev.cairn.app.graph.model.NodeStatus;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An interactive view of a laid-out asset graph, drawn on a single {@link Canvas} (no scene-graph node
 * per asset, so 10,000 assets cost what the visible ones cost).
 *
 * <p>Mouse and keys: drag empty space (or a node) to pan; scroll to pan; Ctrl+scroll, pinch or
 * {@code +}/{@code -} to zoom; {@code 0} or {@code F} to fit; click a node to select it,
 * Shift/Ctrl+click to toggle it, Shift+drag on empty space to add a rectangle of nodes, Escape or a
 * click on empty space to clear; double-click a node to open it. Hovering a node highlights its
 * upstream and downstream lineage. Large graphs get a minimap; click or drag on it to move the view.
 *
 * <p>Node statuses can change at any time ({@link #setStatuses}) and only trigger a redraw. Redraws are
 * coalesced: changes mark the canvas dirty and it draws once on the next pulse.
 */
public final class GraphCanvas extends Region {

    private static final double MAX_SCALE = 3;
    private static final double FIT_PADDING = 40;
    private static final double ZOOM_STEP = 1.25;
    /** How long the zoom must rest before a gesture counts as ended and is drawn sharp. */
    private static final double ZOOM_SETTLE_MS = 150;
    private static final double DRAG_THRESHOLD = 4;

    private final Canvas canvas = new Canvas();
    private final CanvasRenderer renderer;
    private final ObjectProperty<GraphTheme> theme = new SimpleObjectProperty<>(this, "theme", GraphTheme.primerLight());
    private final ObservableSet<String> selection = FXCollections.observableSet(new LinkedHashSet<>());
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1);
    private final ReadOnlyObjectWrapper<String> hoveredNode = new ReadOnlyObjectWrapper<>(this, "hoveredNode");
    private final AnimationTimer pulse;

    private CanvasModel model;
    private NodeStatus[] statuses = new NodeStatus[0];
    private BitSet selectedBits = new BitSet();
    private Minimap minimap;
    private double originX;
    private double originY;
    private boolean fitPending;
    private boolean dirty;
    private boolean pulseRunning;
    /** Whether a zoom gesture is under way; it ends when the zoom has not changed for a moment. */
    private boolean zooming;
    private final PauseTransition zoomSettle = new PauseTransition(javafx.util.Duration.millis(ZOOM_SETTLE_MS));
    private int hovered = -1;
    private CanvasModel.Lineage lineage;

    private Consumer<String> onNodeOpen = id -> { };
    private Consumer<String> onGroupToggle = name -> { };

    private enum Gesture { NONE, CLICK, PAN, BAND, MINIMAP }

    private Gesture gesture = Gesture.NONE;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private int pressedNode = -1;
    private Rect rubberBand;

    public GraphCanvas() {
        renderer = new CanvasRenderer(GraphFonts.load());
        getChildren().add(canvas);
        setFocusTraversable(true);
        getStyleClass().add("graph-canvas");
        pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (dirty) {
                    drawNow();
                }
                stop();
                pulseRunning = false;
            }
        };
        theme.addListener((obs, old, now) -> {
            Objects.requireNonNull(now, "theme");
            minimap = model == null ? null : new Minimap(model, now);
            requestRedraw();
        });
        selection.addListener((SetChangeListener<String>) change -> {
            if (model == null) {
                return;
            }
            String id = change.wasAdded() ? change.getElementAdded() : change.getElementRemoved();
            int i = model.indexOf(id);
            if (i >= 0) {
                selectedBits.set(i, change.wasAdded());
                requestRedraw();
            }
        });
        zoomSettle.setOnFinished(e -> settleZoom());
        installHandlers();
    }

    // ---------------------------------------------------------------- content

    /**
     * Shows a graph with its layout and fits it to the view. The selection is kept for nodes that still
     * exist; statuses are reset to {@link NodeStatus#UNKNOWN}.
     */
    public void setGraph(GraphData graph, LayoutResult layout) {
        model = new CanvasModel(graph, layout);
        statuses = new NodeStatus[model.nodeCount];
        Arrays.fill(statuses, NodeStatus.UNKNOWN);
        selectedBits = new BitSet(model.nodeCount);
        selection.retainAll(new LinkedHashSet<>(Arrays.asList(model.ids)));
        for (String id : selection) {
            selectedBits.set(model.indexOf(id));
        }
        minimap = new Minimap(model, theme.get());
        setHovered(-1);
        if (getWidth() > 0 && getHeight() > 0) {
            fitToView();
        } else {
            fitPending = true;
        }
        requestRedraw();
    }

    /**
     * Shows a changed graph (a group collapsed or expanded, assets added) without fitting: the zoom is
     * kept and the view centres on {@code focusGroup}'s box, or stays where it was when that group is
     * null or absent. Selection is kept as in {@link #setGraph}; statuses are reset.
     */
    public void updateGraph(GraphData graph, LayoutResult layout, String focusGroup) {
        double s = zoom.get();
        double centreX = originX + getWidth() / 2 / s;
        double centreY = originY + getHeight() / 2 / s;
        boolean hadView = model != null && !fitPending && getWidth() > 0;
        setGraph(graph, layout);
        if (!hadView) {
            return;
        }
        Rect box = focusGroup == null ? null : layout.groups().get(focusGroup);
        if (box != null) {
            centreX = box.centerX();
            centreY = box.centerY();
        }
        zoom.set(s);
        originX = centreX - getWidth() / 2 / s;
        originY = centreY - getHeight() / 2 / s;
        requestRedraw();
    }

    /** Updates the statuses of the given nodes (ids not in the graph are ignored); no relayout. */
    public void setStatuses(Map<String, NodeStatus> updates) {
        if (model == null) {
            return;
        }
        boolean changed = false;
        for (Map.Entry<String, NodeStatus> entry : updates.entrySet()) {
            int i = model.indexOf(entry.getKey());
            if (i >= 0 && entry.getValue() != null && !entry.getValue().equals(statuses[i])) {
                statuses[i] = entry.getValue();
                changed = true;
            }
        }
        if (changed) {
            requestRedraw();
        }
    }

    /** Updates the status of one node; no relayout. */
    public void setStatus(String id, NodeStatus status) {
        setStatuses(Map.of(id, status));
    }

    /** The ids of the selected nodes, in selection order; modify it to select from code. */
    public ObservableSet<String> selection() {
        return selection;
    }

    /** The colours; switch between {@link GraphTheme#primerLight()} and {@link GraphTheme#primerDark()} with the app. */
    public ObjectProperty<GraphTheme> themeProperty() {
        return theme;
    }

    /** Called with a node's id when it is double-clicked. */
    public void setOnNodeOpen(Consumer<String> handler) {
        onNodeOpen = Objects.requireNonNull(handler);
    }

    /** Called with a group's name when its title is double-clicked (to collapse or expand it). */
    public void setOnGroupToggle(Consumer<String> handler) {
        onGroupToggle = Objects.requireNonNull(handler);
    }

    /** The id of the node under the mouse, or null. */
    public ReadOnlyObjectProperty<String> hoveredNodeProperty() {
        return hoveredNode.getReadOnlyProperty();
    }

    // ---------------------------------------------------------------- viewport

    /** View pixels per layout unit. */
    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    public double getZoom() {
        return zoom.get();
    }

    /** Zooms and centres so that the whole graph is visible. */
    public void fitToView() {
        fitPending = false;
        zoomSettle.stop();
        zooming = false;
        if (model == null || getWidth() <= 0 || getHeight() <= 0) {
            fitPending = model != null;
            return;
        }
        Rect b = model.bounds;
        double sx = (getWidth() - 2 * FIT_PADDING) / Math.max(1, b.width());
        double sy = (getHeight() - 2 * FIT_PADDING) / Math.max(1, b.height());
        double s = Math.min(MAX_SCALE, Math.max(1e-4, Math.min(Math.min(sx, sy), 1)));
        zoom.set(s);
        originX = b.centerX() - getWidth() / 2 / s;
        originY = b.centerY() - getHeight() / 2 / s;
        requestRedraw();
    }

    /** Multiplies the zoom by {@code factor}, keeping the layout point under the view point (vx, vy) fixed. */
    public void zoomBy(double factor, double vx, double vy) {
        double old = zoom.get();
        double s = clamp(old * factor, minScale(), MAX_SCALE);
        if (s == old) {
            return;
        }
        double wx = originX + vx / old;
        double wy = originY + vy / old;
        zoom.set(s);
        originX = wx - vx / s;
        originY = wy - vy / s;
        zooming = true;
        zoomSettle.playFromStart();
        requestRedraw();
    }

    /** Ends a zoom gesture: the next frame is drawn sharp at the final zoom. */
    void settleZoom() {
        zoomSettle.stop();
        if (zooming) {
            zooming = false;
            requestRedraw();
        }
    }

    public void zoomIn() {
        zoomBy(ZOOM_STEP, getWidth() / 2, getHeight() / 2);
    }

    public void zoomOut() {
        zoomBy(1 / ZOOM_STEP, getWidth() / 2, getHeight() / 2);
    }

    /** Moves the view content by (dx, dy) view pixels. */
    public void panBy(double dx, double dy) {
        double s = zoom.get();
        originX -= dx / s;
        originY -= dy / s;
        requestRedraw();
    }

    /** Centres the view on a node, if it exists. */
    public void centerOn(String id) {
        int i = model == null ? -1 : model.indexOf(id);
        if (i >= 0) {
            double s = zoom.get();
            originX = model.x[i] + model.w[i] / 2 - getWidth() / 2 / s;
            originY = model.y[i] + model.h[i] / 2 - getHeight() / 2 / s;
            requestRedraw();
        }
    }

    /** The node at a point of this canvas (local coordinates), if any. */
    public Optional<String> nodeAt(double vx, double vy) {
        int i = hit(vx, vy);
        return i < 0 ? Optional.empty() : Optional.of(model.ids[i]);
    }

    /** Where a node is drawn, in local coordinates of this canvas; empty for unknown ids. */
    public Optional<Bounds> nodeBoundsInLocal(String id) {
        int i = model == null ? -1 : model.indexOf(id);
        if (i < 0) {
            return Optional.empty();
        }
        double s = zoom.get();
        return Optional.of(new BoundingBox((model.x[i] - originX) * s, (model.y[i] - originY) * s,
                model.w[i] * s, model.h[i] * s));
    }

    /** The ids of the nodes whose boxes are at least partly in view. */
    public List<String> visibleNodes() {
        List<String> ids = new ArrayList<>();
        if (model != null) {
            double s = zoom.get();
            model.grid.query(originX, originY, originX + getWidth() / s, originY + getHeight() / s,
                    i -> ids.add(model.ids[i]));
        }
        return ids;
    }

    private double minScale() {
        if (model == null || getWidth() <= 0) {
            return 0.01;
        }
        Rect b = model.bounds;
        double fit = Math.min(getWidth() / Math.max(1, b.width()), getHeight() / Math.max(1, b.height()));
        return Math.min(0.5, fit * 0.5);
    }

    private int hit(double vx, double vy) {
        if (model == null) {
            return -1;
        }
        double s = zoom.get();
        return model.grid.hit(originX + vx / s, originY + vy / s);
    }

    // ---------------------------------------------------------------- drawing

    private void requestRedraw() {
        dirty = true;
        if (!pulseRunning) {
            pulseRunning = true;
            pulse.start();
        }
    }

    /** Draws the frame at once; the canvas normally does this itself on the next pulse. */
    void drawNow() {
        dirty = false;
        renderer.draw(canvas.getGraphicsContext2D(), frame());
    }

    private CanvasRenderer.Frame frame() {
        double s = zoom.get();
        boolean showMinimap = model != null && minimap != null
                && (model.bounds.width() * s > getWidth() * 1.05 || model.bounds.height() * s > getHeight() * 1.05)
                && getWidth() > Minimap.MAX_WIDTH * 2.5 && getHeight() > Minimap.MAX_HEIGHT * 2.5;
        double pixelScale = getScene() != null && getScene().getWindow() != null
                ? getScene().getWindow().getRenderScaleX() : 1;
        return new CanvasRenderer.Frame(model, canvas.getWidth(), canvas.getHeight(), pixelScale, s, originX, originY,
                theme.get(), statuses, selectedBits, hovered, lineage, rubberBand, showMinimap ? minimap : null, zooming);
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            if (fitPending && w > 0 && h > 0) {
                fitToView();
            }
            requestRedraw();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 960;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 640;
    }

    // ---------------------------------------------------------------- interaction

    private void installHandlers() {
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> setHovered(hit(e.getX(), e.getY())));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> setHovered(-1));
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(ZoomEvent.ZOOM, e -> {
            zoomBy(e.getZoomFactor(), e.getX(), e.getY());
            e.consume();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
    }

    private void onPressed(MouseEvent e) {
        requestFocus();
        if (e.getButton() != MouseButton.PRIMARY || model == null) {
            return;
        }
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        Minimap map = frame().minimap();
        if (map != null && map.contains(e.getX(), e.getY(), getWidth(), getHeight())) {
            gesture = Gesture.MINIMAP;
            centerOnMinimap(map, e.getX(), e.getY());
        } else {
            pressedNode = hit(e.getX(), e.getY());
            gesture = pressedNode < 0 && e.isShiftDown() ? Gesture.BAND : Gesture.CLICK;
        }
        e.consume();
    }

    private void onDragged(MouseEvent e) {
        switch (gesture) {
            case MINIMAP -> {
                Minimap map = frame().minimap();
                if (map != null) {
                    centerOnMinimap(map, e.getX(), e.getY());
                }
            }
            case CLICK -> {
                if (Math.hypot(e.getX() - pressX, e.getY() - pressY) >= DRAG_THRESHOLD) {
                    gesture = Gesture.PAN;
                    setCursor(Cursor.CLOSED_HAND);
                    panBy(e.getX() - lastX, e.getY() - lastY);
                }
            }
            case PAN -> panBy(e.getX() - lastX, e.getY() - lastY);
            case BAND -> {
                rubberBand = new Rect(Math.min(pressX, e.getX()), Math.min(pressY, e.getY()),
                        Math.abs(e.getX() - pressX), Math.abs(e.getY() - pressY));
                requestRedraw();
            }
            case NONE -> {
                return;
            }
        }
        lastX = e.getX();
        lastY = e.getY();
        e.consume();
    }

    private void onReleased(MouseEvent e) {
        switch (gesture) {
            case CLICK -> click(e);
            case BAND -> {
                if (rubberBand != null) {
                    selectInBand(rubberBand);
                }
                rubberBand = null;
                requestRedraw();
            }
            default -> {
            }
        }
        gesture = Gesture.NONE;
        setCursor(hovered >= 0 ? Cursor.HAND : Cursor.DEFAULT);
        e.consume();
    }

    private void click(MouseEvent e) {
        boolean toggle = e.isShiftDown() || e.isShortcutDown() || e.isControlDown();
        if (pressedNode >= 0) {
            String id = model.ids[pressedNode];
            if (e.getClickCount() == 2) {
                onNodeOpen.accept(id);
            } else if (toggle) {
                if (!selection.remove(id)) {
                    selection.add(id);
                }
            } else if (!(selection.size() == 1 && selection.contains(id))) {
                selection.clear();
                selection.add(id);
            }
            return;
        }
        String group = groupTitleAt(e.getX(), e.getY());
        if (group != null && e.getClickCount() == 2) {
            onGroupToggle.accept(group);
        } else if (!toggle) {
            selection.clear();
        }
    }

    /** The group whose title band is at the view point, or null. */
    private String groupTitleAt(double vx, double vy) {
        double s = zoom.get();
        double wx = originX + vx / s;
        double wy = originY + vy / s;
        for (int g = 0; g < model.groupRects.length; g++) {
            Rect r = model.groupRects[g];
            // The title band: the top of the box, or the chip drawn there when zoomed out.
            double band = Math.max(32, 34 / s);
            if (r != null && wx >= r.x() && wx <= r.maxX() && wy >= r.y() && wy <= r.y() + band) {
                return model.groupNames[g];
            }
        }
        return null;
    }

    private void selectInBand(Rect band) {
        double s = zoom.get();
        List<String> hits = new ArrayList<>();
        model.grid.query(originX + band.x() / s, originY + band.y() / s, originX + band.maxX() / s,
                originY + band.maxY() / s, i -> hits.add(model.ids[i]));
        selection.addAll(hits);
    }

    private void centerOnMinimap(Minimap map, double vx, double vy) {
        double s = zoom.get();
        originX = map.worldX(vx, getWidth()) - getWidth() / 2 / s;
        originY = map.worldY(vy, getHeight()) - getHeight() / 2 / s;
        requestRedraw();
    }

    private void onScroll(ScrollEvent e) {
        if (e.isControlDown() || e.isShortcutDown()) {
            zoomBy(Math.pow(1.0015, e.getDeltaY()), e.getX(), e.getY());
        } else if (e.isShiftDown() && e.getDeltaX() == 0) {
            panBy(e.getDeltaY(), 0);
        } else {
            panBy(e.getDeltaX(), e.getDeltaY());
        }
        e.consume();
    }

    private void onKey(KeyEvent e) {
        switch (e.getCode()) {
            case PLUS, ADD, EQUALS -> zoomIn();
            case MINUS, SUBTRACT -> zoomOut();
            case DIGIT0, NUMPAD0, F -> fitToView();
            case LEFT -> panBy(80, 0);
            case RIGHT -> panBy(-80, 0);
            case UP -> panBy(0, 80);
            case DOWN -> panBy(0, -80);
            case ESCAPE -> selection.clear();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void setHovered(int i) {
        if (i == hovered) {
            return;
        }
        hovered = i;
        lineage = i >= 0 ? model.lineage(i) : null;
        hoveredNode.set(i >= 0 ? model.ids[i] : null);
        if (gesture == Gesture.NONE) {
            setCursor(i >= 0 ? Cursor.HAND : Cursor.DEFAULT);
        }
        requestRedraw();
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
