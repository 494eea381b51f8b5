package dev.cairn.app.graph;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import dev.cairn.app.graph.layout.AutoLayout;
import dev.cairn.app.graph.layout.GraphLayout;
import dev.cairn.app.graph.layout.JGraphXLayout;
import dev.cairn.app.graph.layout.SugiyamaLayout;
import dev.cairn.app.graph.layout.LayoutCache;
import dev.cairn.app.graph.layout.LayoutResult;
import dev.cairn.app.graph.layout.NodeSizes;
import dev.cairn.app.graph.layout.Size;
import dev.cairn.app.graph.model.CollapsedGraph;
import dev.cairn.app.graph.model.GraphData;
import dev.cairn.app.graph.model.NodeBadge;
import dev.cairn.app.graph.model.NodeStatus;
import dev.cairn.app.graph.view.GraphCanvas;
import dev.cairn.app.graph.view.GraphTheme;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Shows a sample graph in the graph canvas, for trying it out and for screenshots.
 *
 * <p>Arguments: {@code --graph=dbt|<node count>} (default dbt, or 2,000 generated nodes when the dbt
 * file is missing), {@code --dark}, {@code --zoom=<scale>}, {@code --center=<node id>},
 * {@code --hover=<node id>}, {@code --select=<id>,<id>}, {@code --collapse=<group>,<group>},
 * {@code --layout=auto|sugiyama|jgraphx}, {@code --size=<w>x<h>} and
 * {@code --snapshot=<file.png>} to save the window as PNG and exit.
 */
public final class GraphCanvasDemo {

    private GraphCanvasDemo() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The JavaFX application; a nested class because a classpath main class must not extend Application. */
    public static final class App extends Application {

        private static final Size NODE = new Size(220, 56);

        private final GraphCanvas canvas = new GraphCanvas();
        private final LayoutCache cache = new LayoutCache(16);
        private final Set<String> collapsed = new HashSet<>();
        private final Label layoutInfo = new Label();
        private final Label status = new Label();
        private final Label zoomLabel = new Label();

        @Override
        public void start(Stage stage) throws Exception {
            tick("start()");
            Map<String, String> args = getParameters().getNamed();
            boolean dark = getParameters().getUnnamed().contains("--dark");
            Application.setUserAgentStylesheet(dark
                    ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
            canvas.themeProperty().set(dark ? GraphTheme.primerDark() : GraphTheme.primerLight());

            tick("stylesheet");
            GraphData graph = graph(args.getOrDefault("graph", "dbt"));
            tick("graph loaded");
            // Lay out while the window is being built: the two together are most of the time to first frame.
            long t0 = System.nanoTime();
            CompletableFuture<LayoutResult> layoutDone = CompletableFuture.supplyAsync(
                    () -> cache.layout(layout(args), graph, NodeSizes.uniform(graph, NODE)), App::daemon);
            BorderPane root = new BorderPane(canvas, toolbar(graph, stage), null, statusBar(), null);
            // The canvas registered Inter; the controls use it too, for one typeface throughout.
            root.setStyle("-fx-font-family: 'Inter';");
            String[] size = args.getOrDefault("size", "1440x900").split("x");
            Scene scene = new Scene(root, Double.parseDouble(size[0]), Double.parseDouble(size[1]));
            stage.setTitle("Cairn — asset graph");
            stage.setScene(scene);
            stage.show();
            tick("stage shown");

            canvas.zoomProperty().addListener((o, a, b) -> zoomLabel.setText(Math.round(b.doubleValue() * 100) + "%"));
            canvas.selection().addListener((javafx.collections.SetChangeListener<String>) c -> updateStatus(graph));
            canvas.hoveredNodeProperty().addListener((o, a, b) -> updateStatus(graph));
            updateStatus(graph);

            Map<String, NodeStatus> statuses = sampleStatuses(graph);
            canvas.setOnGroupToggle(group -> {
                if (!collapsed.remove(group)) {
                    collapsed.add(group);
                }
                show(graph, statuses, group, () -> { });
            });
            layoutDone.thenAccept(layout -> {
                long millis = (System.nanoTime() - t0) / 1_000_000;
                Platform.runLater(() -> {
                    canvas.setGraph(graph, layout);
                    canvas.setStatuses(statuses);
                    layoutInfo.setText(layout.algorithm() + " layout · " + millis + " ms");
                    afterPulses(2, () -> System.out.printf("first frame %d ms after JVM start (layout %d ms)%n",
                            System.currentTimeMillis() - ProcessHandle.current().info().startInstant()
                                    .map(java.time.Instant::toEpochMilli).orElse(0L), millis));
                    stage(args);
                    String snapshot = args.get("snapshot");
                    Runnable ready = snapshot == null ? () -> { }
                            : () -> afterPulses(3, () -> snapshot(scene, snapshot));
                    if (args.containsKey("collapse")) {
                        collapsed.addAll(List.of(args.get("collapse").split(",")));
                        show(graph, statuses, null, () -> {
                            stage(args);
                            ready.run();
                        });
                    } else {
                        ready.run();
                    }
                });
            });
        }

        private static void daemon(Runnable work) {
            Thread thread = new Thread(work, "layout");
            thread.setDaemon(true);
            thread.start();
        }

        /** Lays out the graph with the collapsed groups folded, off the FX thread, then shows it. */
        private void show(GraphData graph, Map<String, NodeStatus> statuses, String focusGroup, Runnable then) {
            CollapsedGraph view = CollapsedGraph.of(graph, Set.copyOf(collapsed));
            Thread worker = new Thread(() -> {
                long t0 = System.nanoTime();
                LayoutResult layout = cache.layout(layout(getParameters().getNamed()), view.graph(),
                        NodeSizes.uniform(view.graph(), NODE));
                long millis = (System.nanoTime() - t0) / 1_000_000;
                Platform.runLater(() -> {
                    canvas.updateGraph(view.graph(), layout, focusGroup);
                    canvas.setStatuses(view.statuses(statuses));
                    layoutInfo.setText(layout.algorithm() + " layout · " + millis + " ms");
                    then.run();
                });
            }, "layout");
            worker.setDaemon(true);
            worker.start();
        }

        private static GraphLayout layout(Map<String, String> args) {
            return switch (args.getOrDefault("layout", "auto")) {
                case "sugiyama" -> new SugiyamaLayout();
                case "jgraphx" -> new JGraphXLayout();
                default -> new AutoLayout();
            };
        }

        private void stage(Map<String, String> args) {
            if (args.containsKey("zoom")) {
                double z = Double.parseDouble(args.get("zoom"));
                canvas.zoomBy(z / canvas.getZoom(), canvas.getWidth() / 2, canvas.getHeight() / 2);
            }
            if (args.containsKey("center")) {
                canvas.centerOn(args.get("center"));
            }
            if (args.containsKey("select")) {
                canvas.selection().addAll(List.of(args.get("select").split(",")));
            }
            if (args.containsKey("hover")) {
                canvas.nodeBoundsInLocal(args.get("hover")).map(canvas::localToScene).ifPresent(b -> canvas.fireEvent(
                        new MouseEvent(MouseEvent.MOUSE_MOVED, b.getCenterX(), b.getCenterY(), 0, 0, MouseButton.NONE,
                                0, false, false, false, false, false, false, false, false, false, false, null)));
            }
        }

        private HBox toolbar(GraphData graph, Stage stage) {
            Label title = new Label("Asset lineage");
            title.getStyleClass().add(Styles.TITLE_4);
            Label count = new Label(String.format("%,d assets · %,d dependencies", graph.nodes().size(),
                    graph.edges().size()));
            count.getStyleClass().add(Styles.TEXT_MUTED);
            Button fit = new Button("Fit");
            fit.setOnAction(e -> canvas.fitToView());
            Button out = new Button("−");
            out.setOnAction(e -> canvas.zoomOut());
            Button in = new Button("+");
            in.setOnAction(e -> canvas.zoomIn());
            for (Button b : List.of(fit, out, in)) {
                b.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
                b.setFocusTraversable(false);
            }
            zoomLabel.getStyleClass().add(Styles.TEXT_MUTED);
            zoomLabel.setMinWidth(44);
            zoomLabel.setAlignment(Pos.CENTER);
            ToggleButton darkMode = new ToggleButton("Dark");
            darkMode.getStyleClass().add(Styles.SMALL);
            darkMode.setFocusTraversable(false);
            darkMode.setSelected(canvas.themeProperty().get().dark());
            darkMode.selectedProperty().addListener((o, a, dark) -> {
                Application.setUserAgentStylesheet(dark
                        ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
                canvas.themeProperty().set(dark ? GraphTheme.primerDark() : GraphTheme.primerLight());
            });
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox bar = new HBox(10, title, count, spacer, out, zoomLabel, in, fit, new Separator(
                    javafx.geometry.Orientation.VERTICAL), darkMode);
            bar.setAlignment(Pos.CENTER_LEFT);
            bar.setPadding(new Insets(8, 14, 8, 16));
            bar.setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-border-default;"
                    + " -fx-border-width: 0 0 1 0;");
            return bar;
        }

        private HBox statusBar() {
            status.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            layoutInfo.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox bar = new HBox(12, status, spacer, layoutInfo);
            bar.setAlignment(Pos.CENTER_LEFT);
            bar.setPadding(new Insets(5, 14, 5, 16));
            bar.setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-border-default;"
                    + " -fx-border-width: 1 0 0 0;");
            return bar;
        }

        private void updateStatus(GraphData graph) {
            int selected = canvas.selection().size();
            String hover = canvas.hoveredNodeProperty().get();
            status.setText((selected == 0 ? "Nothing selected" : selected + " selected")
                    + (hover != null ? "   ·   " + hover : ""));
        }

        private static GraphData graph(String which) throws IOException {
            if (which.equals("dbt")) {
                GraphData dbt = SampleGraphs.mattermostDbt();
                if (dbt != null) {
                    return dbt;
                }
                which = "2000";
            }
            int n = Integer.parseInt(which);
            return SampleGraphs.layeredDag(n, 1.5, Math.max(4, n / 150), true, 7);
        }

        /** Plausible statuses: sources, mostly fresh assets, some stale, a few failed or running. */
        private static Map<String, NodeStatus> sampleStatuses(GraphData graph) {
            Random random = new Random(11);
            Map<String, NodeStatus> statuses = new HashMap<>();
            java.util.Set<String> hasUpstream = new java.util.HashSet<>();
            graph.edges().forEach(e -> hasUpstream.add(e.to()));
            String[] ago = {"just now", "2 min ago", "14 min ago", "1 h ago", "3 h ago", "yesterday", "2 days ago"};
            for (var node : graph.nodes()) {
                double r = random.nextDouble();
                NodeStatus s;
                if (!hasUpstream.contains(node.id())) {
                    s = new NodeStatus(NodeBadge.SOURCE, "observed " + ago[random.nextInt(ago.length)]);
                } else if (r < 0.62) {
                    s = new NodeStatus(NodeBadge.FRESH, ago[random.nextInt(4)]);
                } else if (r < 0.82) {
                    s = new NodeStatus(NodeBadge.STALE, ago[3 + random.nextInt(4)]);
                } else if (r < 0.90) {
                    s = new NodeStatus(NodeBadge.MISSING, "never materialized");
                } else if (r < 0.95) {
                    s = new NodeStatus(NodeBadge.RUNNING, "started 12 s ago");
                } else {
                    s = new NodeStatus(NodeBadge.FAILED, ago[random.nextInt(3)]);
                }
                statuses.put(node.id(), s);
            }
            return statuses;
        }

        /** Runs the action after a few pulses, when the canvas has drawn its first frame. */
        private static void tick(String what) {
            if (Boolean.getBoolean("demo.ticks")) {
                System.out.printf("%6d ms  %s%n", System.currentTimeMillis() - ProcessHandle.current().info()
                        .startInstant().map(java.time.Instant::toEpochMilli).orElse(0L), what);
            }
        }

        private static void afterPulses(int pulses, Runnable action) {
            new javafx.animation.AnimationTimer() {
                private int seen;

                @Override
                public void handle(long now) {
                    if (++seen == pulses) {
                        stop();
                        action.run();
                    }
                }
            }.start();
        }

        private static void snapshot(Scene scene, String file) {
            WritableImage image = scene.snapshot(null);
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Platform.exit();
        }
    }
}
