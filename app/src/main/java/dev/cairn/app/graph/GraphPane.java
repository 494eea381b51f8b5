package dev.cairn.app.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import dev.cairn.app.graph.view.GraphCanvas;
import javafx.collections.SetChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The graph view: the canvas with the statuses of {@link GraphViewModel}, a placeholder while there
 * is nothing to draw, node tooltips, a context menu on nodes and keyboard navigation (arrows move
 * the selection to the nearest node in that direction, Enter opens the selected node).
 */
public final class GraphPane extends StackPane {

    private final GraphViewModel model;
    private final GraphCanvas canvas = new GraphCanvas();
    private final Label placeholderText = new Label();
    private final ProgressIndicator placeholderSpinner = new ProgressIndicator();
    private final VBox placeholder = new VBox(14, placeholderSpinner, placeholderText);
    private final Tooltip tooltip = new Tooltip();
    private Consumer<String> onOpen = key -> { };
    private ContextMenu nodeMenu;
    private boolean syncing;
    private boolean autoFit = true;
    /** The group whose title was double-clicked, until the graph folded or unfolded arrives. */
    private String toggledGroup;
    /** Assets to select and show once the groups that hid them are expanded. */
    private List<String> pendingReveal;

    public GraphPane(GraphViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
        getStyleClass().add("graph-pane");
        canvas.setId("graphCanvas");
        placeholder.setAlignment(Pos.CENTER);
        placeholder.getStyleClass().add("graph-placeholder");
        placeholder.setMouseTransparent(true);
        placeholderSpinner.setMaxSize(36, 36);
        placeholderText.getStyleClass().add("graph-placeholder-text");
        placeholderText.setWrapText(true);
        getChildren().addAll(canvas, placeholder);

        model.graphProperty().addListener((o, old, now) -> {
            if (now != null && old != null && pendingReveal != null) {
                canvas.updateGraph(now.data(), now.layout(), null);
                canvas.setStatuses(now.drawnStatuses(model.statusesProperty().get()));
                List<String> keys = pendingReveal;
                pendingReveal = null;
                selectAndShow(keys);
            } else if (now != null && old != null && toggledGroup != null) {
                // A group folded or unfolded: the zoom stays and the view follows the group.
                canvas.updateGraph(now.data(), now.layout(), toggledGroup);
                toggledGroup = null;
                canvas.setStatuses(now.drawnStatuses(model.statusesProperty().get()));
                syncSelectionToCanvas();
            } else if (now != null) {
                autoFit = true;
                canvas.setGraph(now.data(), now.layout());
                canvas.setStatuses(now.drawnStatuses(model.statusesProperty().get()));
                syncSelectionToCanvas();
            }
        });
        model.statusesProperty().addListener((o, old, now) -> {
            if (model.graphProperty().get() != null) {
                canvas.setStatuses(model.graphProperty().get().drawnStatuses(now));
            }
        });
        canvas.setOnGroupToggle(group -> {
            toggledGroup = model.toggleGroup(group) ? group : null;
        });
        syncSelection();
        installTooltip();
        installKeys();
        installContextMenu();
        canvas.setOnNodeOpen(key -> onOpen.accept(key));
        // Until the user zooms or pans, the whole graph stays in view as the window and panels resize.
        canvas.widthProperty().addListener((o, a, b) -> refit());
        canvas.heightProperty().addListener((o, a, b) -> refit());
        canvas.addEventFilter(javafx.scene.input.ScrollEvent.ANY, e -> autoFit = false);
        canvas.addEventFilter(javafx.scene.input.ZoomEvent.ANY, e -> autoFit = false);
        canvas.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_DRAGGED, e -> autoFit = false);
        canvas.addEventFilter(KeyEvent.KEY_PRESSED, e -> autoFit = false);
    }

    private void refit() {
        if (autoFit && model.graphProperty().get() != null && canvas.getWidth() > 0 && canvas.getHeight() > 0) {
            canvas.fitToView();
        }
    }

    /** The canvas, for zooming and theming. */
    public GraphCanvas canvas() {
        return canvas;
    }

    /** Called with a node's key when it is double-clicked or Enter is pressed on it. */
    public void setOnOpen(Consumer<String> handler) {
        onOpen = Objects.requireNonNull(handler);
    }

    /** The menu shown on a right-click on a node, which is selected first. */
    public void setNodeContextMenu(ContextMenu menu) {
        nodeMenu = menu;
    }

    /**
     * What the placeholder says while there is no graph.
     *
     * @param text the message, or null to hide the placeholder
     * @param busy whether to show a spinner
     */
    public void setPlaceholder(String text, boolean busy) {
        placeholder.setVisible(text != null);
        placeholderText.setText(text == null ? "" : text);
        placeholderSpinner.setVisible(busy);
        placeholderSpinner.setManaged(busy);
    }

    /**
     * Selects these keys and moves the view to the first of them, first expanding the collapsed
     * groups that hide any of them.
     */
    public void reveal(java.util.Collection<String> keys) {
        if (model.expandGroupsHiding(keys)) {
            pendingReveal = List.copyOf(keys);
            return;
        }
        selectAndShow(keys);
    }

    private void selectAndShow(java.util.Collection<String> keys) {
        model.selection().clear();
        model.selection().addAll(keys);
        keys.stream().findFirst().ifPresent(this::scrollIntoView);
    }

    /** Centres the view on a node if it is not fully visible. */
    public void scrollIntoView(String key) {
        Optional<Bounds> b = canvas.nodeBoundsInLocal(key);
        if (b.isPresent() && (b.get().getMinX() < 0 || b.get().getMinY() < 0
                || b.get().getMaxX() > canvas.getWidth() || b.get().getMaxY() > canvas.getHeight())) {
            canvas.centerOn(key);
        }
    }

    // ------------------------------------------------------------------ selection

    /** The canvas and the model share one selection: each follows the other. */
    private void syncSelection() {
        canvas.selection().addListener((SetChangeListener<String>) c -> {
            if (!syncing) {
                syncing = true;
                try {
                    model.selection().retainAll(canvas.selection());
                    model.selection().addAll(canvas.selection());
                } finally {
                    syncing = false;
                }
            }
        });
        model.selection().addListener((SetChangeListener<String>) c -> syncSelectionToCanvas());
    }

    private void syncSelectionToCanvas() {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            canvas.selection().retainAll(model.selection());
            canvas.selection().addAll(model.selection());
        } finally {
            syncing = false;
        }
    }

    // ------------------------------------------------------------------ tooltip

    private void installTooltip() {
        tooltip.getStyleClass().add("node-tooltip");
        tooltip.setShowDelay(javafx.util.Duration.millis(450));
        tooltip.setShowDuration(javafx.util.Duration.seconds(30));
        tooltip.setMaxWidth(460);
        tooltip.setWrapText(true);
        canvas.hoveredNodeProperty().addListener((o, old, key) -> {
            if (key == null) {
                tooltip.hide();
                Tooltip.uninstall(canvas, tooltip);
            } else {
                tooltip.setText(model.tooltip(key));
                Tooltip.install(canvas, tooltip);
            }
        });
        // The text follows the status while the tooltip is open.
        model.statusesProperty().addListener((o, old, now) -> {
            String key = canvas.hoveredNodeProperty().get();
            if (key != null) {
                tooltip.setText(model.tooltip(key));
            }
        });
    }

    // ------------------------------------------------------------------ keys

    private void installKeys() {
        canvas.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() || e.isAltDown() || model.selection().isEmpty()) {
                return;
            }
            String current = lastSelected();
            switch (e.getCode()) {
                case LEFT, RIGHT, UP, DOWN -> {
                    nearest(current, e.getCode()).ifPresent(next -> {
                        if (!e.isShiftDown()) {
                            model.selection().clear();
                        }
                        model.selection().remove(next);
                        model.selection().add(next);
                        scrollIntoView(next);
                    });
                    e.consume();
                }
                case ENTER -> {
                    onOpen.accept(current);
                    e.consume();
                }
                default -> { }
            }
        });
    }

    private String lastSelected() {
        String last = null;
        for (String key : model.selection()) {
            last = key;
        }
        return last;
    }

    /**
     * The node nearest to {@code from} in a direction: among the nodes whose centre lies that way,
     * the one with the smallest distance, sideways offsets counting double.
     */
    private Optional<String> nearest(String from, KeyCode direction) {
        Optional<Bounds> origin = canvas.nodeBoundsInLocal(from);
        if (origin.isEmpty() || model.graphProperty().get() == null) {
            return Optional.empty();
        }
        double ox = origin.get().getCenterX();
        double oy = origin.get().getCenterY();
        String best = null;
        double bestScore = Double.MAX_VALUE;
        for (var node : model.graphProperty().get().data().nodes()) {
            if (node.id().equals(from)) {
                continue;
            }
            Bounds b = canvas.nodeBoundsInLocal(node.id()).orElse(null);
            if (b == null) {
                continue;
            }
            double dx = b.getCenterX() - ox;
            double dy = b.getCenterY() - oy;
            double along = switch (direction) {
                case RIGHT -> dx;
                case LEFT -> -dx;
                case DOWN -> dy;
                default -> -dy;
            };
            double across = direction == KeyCode.LEFT || direction == KeyCode.RIGHT ? Math.abs(dy) : Math.abs(dx);
            if (along <= 1) {
                continue;
            }
            double score = along + 2 * across;
            if (score < bestScore) {
                bestScore = score;
                best = node.id();
            }
        }
        return Optional.ofNullable(best);
    }

    // ------------------------------------------------------------------ context menu

    private void installContextMenu() {
        // The context menu key and platforms' menu gestures...
        canvas.setOnContextMenuRequested(e -> {
            if (showNodeMenu(e.getX(), e.getY(), e.getScreenX(), e.getScreenY())) {
                e.consume();
            }
        });
        // ...and a plain secondary click, which not every platform turns into a menu request.
        canvas.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.SECONDARY
                    && showNodeMenu(e.getX(), e.getY(), e.getScreenX(), e.getScreenY())) {
                e.consume();
            }
        });
    }

    /** Selects the node at a point (unless it is part of the selection) and opens its menu there. */
    private boolean showNodeMenu(double x, double y, double screenX, double screenY) {
        Optional<String> key = canvas.nodeAt(x, y);
        if (key.isEmpty() || nodeMenu == null) {
            return false;
        }
        if (!model.selection().contains(key.get())) {
            model.selection().clear();
            model.selection().add(key.get());
        }
        tooltip.hide();
        if (!nodeMenu.isShowing()) {
            nodeMenu.show(canvas, screenX, screenY);
        }
        return true;
    }

    /** The keys of the nodes in view, for tests and the status bar. */
    public List<String> visibleKeys() {
        return new ArrayList<>(canvas.visibleNodes());
    }
}
