package dev.cairn.app.graph.view;

import dev.cairn.app.graph.SampleGraphs;
import dev.cairn.app.graph.layout.LayoutResult;
import dev.cairn.app.graph.layout.NodeSizes;
import dev.cairn.app.graph.layout.Rect;
import dev.cairn.app.graph.layout.Size;
import dev.cairn.app.graph.layout.SugiyamaLayout;
import dev.cairn.app.graph.model.GraphData;
import dev.cairn.app.graph.model.GraphEdge;
import dev.cairn.app.graph.model.GraphNode;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class GraphCanvasTest {

    private static final GraphData SMALL = new GraphData(
            List.of(new GraphNode("orders", "orders", "raw"), new GraphNode("customers", "customers", "raw"),
                    new GraphNode("stg_orders", "stg_orders", "staging"), new GraphNode("stg_customers", "stg_customers", "staging"),
                    new GraphNode("revenue", "revenue", null)),
            List.of(new GraphEdge("orders", "stg_orders"), new GraphEdge("customers", "stg_customers"),
                    new GraphEdge("stg_orders", "revenue"), new GraphEdge("stg_customers", "revenue")));

    private GraphCanvas canvas;

    @Start
    void start(Stage stage) {
        canvas = new GraphCanvas();
        stage.setScene(new Scene(canvas, 900, 600));
        stage.show();
    }

    private void show(FxRobot robot, GraphData graph) {
        LayoutResult layout = new SugiyamaLayout().layout(graph, NodeSizes.uniform(graph, new Size(220, 56)));
        robot.interact(() -> canvas.setGraph(graph, layout));
    }

    private Point2D centreOnScreen(String id) {
        Bounds local = canvas.nodeBoundsInLocal(id).orElseThrow();
        return canvas.localToScreen(local.getCenterX(), local.getCenterY());
    }

    @Test
    void clickSelectsANodeAndShiftClickAddsOne(FxRobot robot) {
        show(robot, SMALL);

        robot.clickOn(centreOnScreen("stg_orders"));
        assertThat(canvas.selection()).containsExactly("stg_orders");

        robot.press(KeyCode.SHIFT).clickOn(centreOnScreen("revenue")).release(KeyCode.SHIFT);
        assertThat(canvas.selection()).containsExactly("stg_orders", "revenue");

        robot.press(KeyCode.SHIFT).clickOn(centreOnScreen("stg_orders")).release(KeyCode.SHIFT);
        assertThat(canvas.selection()).containsExactly("revenue");

        robot.clickOn(centreOnScreen("orders"));
        assertThat(canvas.selection()).containsExactly("orders");
    }

    @Test
    void clickOnEmptySpaceClearsTheSelection(FxRobot robot) {
        show(robot, SMALL);
        robot.interact(() -> canvas.selection().add("revenue"));

        robot.clickOn(canvas.localToScreen(5, 5));

        assertThat(canvas.selection()).isEmpty();
    }

    @Test
    void shiftDragOnEmptySpaceSelectsTheNodesInTheRectangle(FxRobot robot) {
        show(robot, SMALL);
        Bounds orders = canvas.nodeBoundsInLocal("orders").orElseThrow();
        Bounds customers = canvas.nodeBoundsInLocal("customers").orElseThrow();
        double left = orders.getMinX() - 10;
        double top = Math.min(orders.getMinY(), customers.getMinY()) - 10;
        double bottom = Math.max(orders.getMaxY(), customers.getMaxY()) + 10;

        robot.press(KeyCode.SHIFT);
        robot.drag(canvas.localToScreen(left, top), MouseButton.PRIMARY)
                .moveTo(canvas.localToScreen(orders.getMaxX() + 10, bottom)).release(MouseButton.PRIMARY);
        robot.release(KeyCode.SHIFT);

        assertThat(canvas.selection()).containsExactlyInAnyOrder("orders", "customers");
    }

    @Test
    void doubleClickOpensANode(FxRobot robot) {
        show(robot, SMALL);
        AtomicReference<String> opened = new AtomicReference<>();
        canvas.setOnNodeOpen(opened::set);

        robot.doubleClickOn(centreOnScreen("stg_customers"));

        assertThat(opened).hasValue("stg_customers");
    }

    @Test
    void doubleClickOnAGroupTitleTogglesTheGroup(FxRobot robot) {
        show(robot, SMALL);
        AtomicReference<String> toggled = new AtomicReference<>();
        canvas.setOnGroupToggle(toggled::set);
        Bounds stgOrders = canvas.nodeBoundsInLocal("stg_orders").orElseThrow();
        Bounds stgCustomers = canvas.nodeBoundsInLocal("stg_customers").orElseThrow();
        double groupTop = Math.min(stgOrders.getMinY(), stgCustomers.getMinY());

        // The title band lies above the group's first node.
        robot.doubleClickOn(canvas.localToScreen(stgOrders.getMinX() + 20, groupTop - 12 * canvas.getZoom()));

        assertThat(toggled).hasValue("staging");
    }

    @Test
    void fitToWindowShowsEveryNode(FxRobot robot) {
        GraphData graph = SampleGraphs.layeredDag(400, 1.5, 4, 1);
        show(robot, graph);
        robot.interact(() -> {
            canvas.zoomBy(4, 0, 0);
            canvas.panBy(-3000, -2000);
        });
        assertThat(canvas.visibleNodes()).hasSizeLessThan(graph.nodes().size());

        robot.interact(canvas::fitToView);

        assertThat(canvas.visibleNodes()).hasSize(graph.nodes().size());
        for (GraphNode node : graph.nodes()) {
            Bounds b = canvas.nodeBoundsInLocal(node.id()).orElseThrow();
            assertThat(canvas.getLayoutBounds().contains(b)).as("%s in view", node.id()).isTrue();
        }
    }

    @Test
    void zoomKeysChangeTheScale(FxRobot robot) {
        show(robot, SMALL);
        robot.clickOn(canvas.localToScreen(5, 5));
        double fitted = canvas.getZoom();

        robot.type(KeyCode.MINUS);
        assertThat(canvas.getZoom()).isLessThan(fitted);

        robot.type(KeyCode.EQUALS).type(KeyCode.EQUALS);
        assertThat(canvas.getZoom()).isGreaterThan(fitted);

        robot.type(KeyCode.DIGIT0);
        assertThat(canvas.getZoom()).isEqualTo(fitted);
    }

    @Test
    void zoomKeepsThePointUnderTheCursorInPlace(FxRobot robot) {
        show(robot, SMALL);
        Bounds before = canvas.nodeBoundsInLocal("stg_orders").orElseThrow();

        robot.interact(() -> canvas.zoomBy(1.5, before.getCenterX(), before.getCenterY()));

        Bounds after = canvas.nodeBoundsInLocal("stg_orders").orElseThrow();
        assertThat(after.getCenterX()).isCloseTo(before.getCenterX(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(after.getWidth()).isCloseTo(before.getWidth() * 1.5, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void hitTestingPicksTheRightNodeAmongTenThousand(FxRobot robot) {
        GraphData graph = SampleGraphs.layeredDag(10_000, 1.5, 40, 4);
        LayoutResult layout = new SugiyamaLayout().layout(graph, NodeSizes.uniform(graph, new Size(220, 56)));
        robot.interact(() -> {
            canvas.setGraph(graph, layout);
            canvas.zoomBy(20, 0, 0);
        });
        Random random = new Random(5);
        List<String> misses = new ArrayList<>();
        robot.interact(() -> {
            for (int k = 0; k < 500; k++) {
                GraphNode node = graph.nodes().get(random.nextInt(graph.nodes().size()));
                canvas.centerOn(node.id());
                Bounds b = canvas.nodeBoundsInLocal(node.id()).orElseThrow();
                double x = b.getMinX() + b.getWidth() * random.nextDouble();
                double y = b.getMinY() + b.getHeight() * random.nextDouble();
                if (!canvas.nodeAt(x, y).equals(java.util.Optional.of(node.id()))) {
                    misses.add(node.id());
                }
                if (canvas.nodeAt(b.getMinX() - 2, y).isPresent() && !columnNeighbourAt(layout, node.id())) {
                    misses.add("gap left of " + node.id());
                }
            }
        });
        assertThat(misses).isEmpty();

        GraphNode target = graph.nodes().get(1234);
        robot.interact(() -> canvas.centerOn(target.id()));
        robot.moveTo(centreOnScreen(target.id()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas.hoveredNodeProperty().get()).isEqualTo(target.id());
    }

    /** True when some other node's box reaches 2 units left of the node (never in a layered layout). */
    private static boolean columnNeighbourAt(LayoutResult layout, String id) {
        Rect r = layout.nodes().get(id);
        return layout.nodes().values().stream().anyMatch(o -> o != r && o.x() <= r.x() - 0.1 && o.maxX() >= r.x() - 0.1
                && o.y() <= r.centerY() && o.maxY() >= r.centerY());
    }

    @Test
    void statusUpdatesAndThemeSwitchesKeepTheLayout(FxRobot robot) {
        show(robot, SMALL);
        Bounds before = canvas.nodeBoundsInLocal("revenue").orElseThrow();

        robot.interact(() -> {
            canvas.setStatus("revenue", new dev.cairn.app.graph.model.NodeStatus(
                    dev.cairn.app.graph.model.NodeBadge.FAILED, "just now"));
            canvas.setStatus("unknown", dev.cairn.app.graph.model.NodeStatus.UNKNOWN);
            canvas.themeProperty().set(GraphTheme.primerDark());
            canvas.drawNow();
        });

        assertThat(canvas.nodeBoundsInLocal("revenue")).contains(before);
    }

    @Test
    void theZoomedOutMapFollowsPansAndSelections(FxRobot robot) throws Exception {
        GraphData graph = SampleGraphs.layeredDag(3_000, 1.5, 20, 4);
        LayoutResult layout = new SugiyamaLayout().layout(graph, NodeSizes.uniform(graph, new Size(220, 56)));
        robot.interact(() -> canvas.setGraph(graph, layout));
        assertThat(canvas.getZoom()).isLessThan(0.12);
        String id = graph.nodes().get(1500).id();
        javafx.scene.paint.Color background = canvas.themeProperty().get().background();

        javafx.scene.paint.Color plain = pixelAtCentreOf(id);
        robot.interact(() -> canvas.panBy(37, 23));
        assertThat(distance(pixelAtCentreOf(id), plain)).isLessThan(0.12);
        assertThat(distance(plain, background)).isGreaterThan(0.12);

        robot.interact(() -> canvas.selection().add(id));
        javafx.scene.paint.Color selected = pixelAtCentreOf(id);
        assertThat(distance(selected, plain)).isGreaterThan(0.12);
        robot.interact(() -> canvas.panBy(-51, 17));
        assertThat(distance(pixelAtCentreOf(id), selected)).isLessThan(0.12);

        // While zooming, the map drawn at the old zoom is stretched: the node must still be where it is
        // (within a pixel: the node is under three pixels tall and the stretch picks nearest pixels).
        robot.interact(() -> canvas.zoomBy(1.08, 0, 0));
        assertThat(canvas.getZoom()).isLessThan(0.12);
        assertThat(closestAroundCentreOf(id, selected)).isLessThan(0.12);
        robot.interact(canvas::settleZoom);
        assertThat(distance(pixelAtCentreOf(id), selected)).isLessThan(0.12);
    }

    /** The colour drawn at a node's centre, after a redraw. */
    private javafx.scene.paint.Color pixelAtCentreOf(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            canvas.drawNow();
            Bounds b = canvas.nodeBoundsInLocal(id).orElseThrow();
            javafx.scene.image.WritableImage image = canvas.snapshot(null, null);
            return image.getPixelReader().getColor((int) b.getCenterX(), (int) b.getCenterY());
        }).get();
    }

    /** How close the colours drawn within a pixel of a node's centre come to {@code expected}. */
    private double closestAroundCentreOf(String id, javafx.scene.paint.Color expected) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            canvas.drawNow();
            Bounds b = canvas.nodeBoundsInLocal(id).orElseThrow();
            javafx.scene.image.WritableImage image = canvas.snapshot(null, null);
            double closest = Double.MAX_VALUE;
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    closest = Math.min(closest, distance(expected, image.getPixelReader()
                            .getColor((int) b.getCenterX() + dx, (int) b.getCenterY() + dy)));
                }
            }
            return closest;
        }).get();
    }

    private static double distance(javafx.scene.paint.Color a, javafx.scene.paint.Color b) {
        return Math.max(Math.abs(a.getRed() - b.getRed()),
                Math.max(Math.abs(a.getGreen() - b.getGreen()), Math.abs(a.getBlue() - b.getBlue())));
    }
}
