package dev.cairn.app.graph.view;

import dev.cairn.app.graph.SampleGraphs;
import dev.cairn.app.graph.layout.LayoutResult;
import dev.cairn.app.graph.layout.NodeSizes;
import dev.cairn.app.graph.layout.Size;
import dev.cairn.app.graph.layout.SugiyamaLayout;
import dev.cairn.app.graph.model.GraphData;
import dev.cairn.app.graph.model.NodeBadge;
import dev.cairn.app.graph.model.NodeStatus;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;

/**
 * Measures the canvas on generated graphs of 1,000, 5,000 and 10,000 nodes in a 1440x900 window:
 * layout time, time from opening (layout included) to the first rendered frame, and frame times while
 * panning and zooming programmatically at three zoom levels.
 *
 * <p>Each frame is timed twice: "record" is the {@code GraphicsContext} calls of one redraw; "render"
 * adds rasterising the canvas (forced with {@code Canvas.snapshot}, which also copies 1440x900 pixels
 * back, a few milliseconds of overhead). Run it headless with the software pipeline, a pessimistic
 * proxy for a desktop with a GPU:
 * {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw
 * -Dheadless.geometry=1920x1200-32 -cp <test classpath> dev.cairn.app.graph.view.GraphCanvasBenchmark}.
 */
public final class GraphCanvasBenchmark {

    private static final int FRAMES = 40;

    private GraphCanvasBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        // Each graph gets a window of its own; closing one must not end the toolkit.
        Platform.setImplicitExit(false);
        System.out.printf("JavaFX pipeline: %s, %d cores, load average %s%n", System.getProperty("prism.order", "default"),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.println("| nodes  | layout ms | open to first frame ms | view            | record mean / p95 / max ms | render mean / p95 / max ms |");
        System.out.println("|--------|-----------|------------------------|-----------------|----------------------------|----------------------------|");
        // The first pass warms up the JIT; only the second pass is reported.
        for (int pass = 0; pass < 2; pass++) {
            for (int n : new int[]{1_000, 5_000, 10_000}) {
                run(n, pass == 1);
            }
        }
        System.out.printf("load average at the end: %s%n", loadAverage());
        Platform.exit();
    }

    /** The machine's 1-minute load average: other processes' work distorts every figure. */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void run(int n, boolean report) throws Exception {
        GraphData graph = SampleGraphs.layeredDag(n, 1.5, n / 150, true, 7);
        Map<String, NodeStatus> statuses = new HashMap<>();
        NodeBadge[] badges = NodeBadge.values();
        for (int i = 0; i < graph.nodes().size(); i++) {
            statuses.put(graph.nodes().get(i).id(), new NodeStatus(badges[i % badges.length], "3 min ago"));
        }
        GraphCanvas canvas = onFx(() -> {
            GraphCanvas c = new GraphCanvas();
            Stage stage = new Stage();
            stage.setScene(new Scene(c, 1440, 900));
            stage.show();
            return c;
        });

        long open = System.nanoTime();
        LayoutResult layout = new SugiyamaLayout().layout(graph, NodeSizes.uniform(graph, new Size(220, 56)));
        double layoutMs = (System.nanoTime() - open) / 1e6;
        double firstFrameMs = onFx(() -> {
            canvas.setGraph(graph, layout);
            canvas.setStatuses(statuses);
            canvas.drawNow();
            canvas.snapshot(null, null);
            return (System.nanoTime() - open) / 1e6;
        });

        List<String> rows = new ArrayList<>();
        rows.add(measure(canvas, "fit (map)", c -> c.fitToView()));
        rows.add(measure(canvas, "fit, pan only", c -> c.fitToView(), false));
        rows.addAll(measureZoomGestures(canvas));
        rows.add(measure(canvas, "35% (labels)", c -> zoomTo(c, 0.35)));
        rows.add(measure(canvas, "100% (cards)", c -> zoomTo(c, 1.0)));
        onFx(() -> {
            canvas.getScene().getWindow().hide();
            return null;
        });
        if (report) {
            for (int i = 0; i < rows.size(); i++) {
                System.out.printf("| %,6d | %9s | %22s | %s |%n", n, i == 0 ? String.format("%.0f", layoutMs) : "",
                        i == 0 ? String.format("%.0f", firstFrameMs) : "", rows.get(i));
            }
        }
    }

    private static void zoomTo(GraphCanvas canvas, double zoom) {
        canvas.fitToView();
        canvas.zoomBy(zoom / canvas.getZoom(), canvas.getWidth() / 2, canvas.getHeight() / 2);
    }

    /** Frames of panning in a circle and zooming in and out around the cursor, from the given view. */
    private static String measure(GraphCanvas canvas, String name, java.util.function.Consumer<GraphCanvas> setUp)
            throws Exception {
        return measure(canvas, name, setUp, true);
    }

    /** Frames of panning in a circle, with zooming in and out around the cursor between turns or without. */
    private static String measure(GraphCanvas canvas, String name, java.util.function.Consumer<GraphCanvas> setUp,
                                  boolean zoom) throws Exception {
        double[] record = new double[FRAMES];
        double[] render = new double[FRAMES];
        onFx(() -> {
            setUp.accept(canvas);
            for (int f = 0; f < FRAMES; f++) {
                if (!zoom || f % 10 < 6) {
                    double angle = f * Math.PI / 5;
                    canvas.panBy(60 * Math.cos(angle), 60 * Math.sin(angle));
                } else {
                    canvas.zoomBy(f % 10 < 8 ? 1.1 : 1 / 1.1, 700, 450);
                }
                long t0 = System.nanoTime();
                canvas.drawNow();
                long t1 = System.nanoTime();
                canvas.snapshot(null, null);
                long t2 = System.nanoTime();
                record[f] = (t1 - t0) / 1e6;
                render[f] = (t2 - t0) / 1e6;
            }
            return null;
        });
        return String.format("%-15s | %26s | %26s", name, stats(record), stats(render));
    }

    /**
     * Zoom gestures on the fully zoomed-out map, as a mouse wheel or pinch makes them: four steps in,
     * a pause, four steps out, a pause. The frames during a gesture and the sharp frame drawn when it
     * pauses are reported apart.
     */
    private static List<String> measureZoomGestures(GraphCanvas canvas) throws Exception {
        int gestures = FRAMES / 5;
        double[] stepRecord = new double[gestures * 4];
        double[] stepRender = new double[gestures * 4];
        double[] settleRecord = new double[gestures];
        double[] settleRender = new double[gestures];
        onFx(() -> {
            canvas.fitToView();
            canvas.drawNow();
            for (int g = 0; g < gestures; g++) {
                double factor = g % 2 == 0 ? 1.1 : 1 / 1.1;
                for (int step = 0; step < 4; step++) {
                    canvas.zoomBy(factor, 700, 450);
                    long t0 = System.nanoTime();
                    canvas.drawNow();
                    long t1 = System.nanoTime();
                    canvas.snapshot(null, null);
                    long t2 = System.nanoTime();
                    stepRecord[g * 4 + step] = (t1 - t0) / 1e6;
                    stepRender[g * 4 + step] = (t2 - t0) / 1e6;
                }
                canvas.settleZoom();
                long t0 = System.nanoTime();
                canvas.drawNow();
                long t1 = System.nanoTime();
                canvas.snapshot(null, null);
                long t2 = System.nanoTime();
                settleRecord[g] = (t1 - t0) / 1e6;
                settleRender[g] = (t2 - t0) / 1e6;
            }
            return null;
        });
        return List.of(
                String.format("%-15s | %26s | %26s", "fit, zooming", stats(stepRecord), stats(stepRender)),
                String.format("%-15s | %26s | %26s", "fit, zoom ends", stats(settleRecord), stats(settleRender)));
    }

    private static String stats(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(values).average().orElse(0);
        double p95 = sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
        return String.format("%.1f / %.1f / %.1f", mean, p95, sorted[sorted.length - 1]);
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get();
    }
}
