package dev.cairn.app.charts.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import atlantafx.base.theme.PrimerLight;
import dev.cairn.api.MetadataValue;
import dev.cairn.app.charts.History;
import dev.cairn.app.charts.OutlierDetector;
import dev.cairn.app.charts.PlotChart;
import dev.cairn.app.charts.PlotsLoader;
import dev.cairn.app.charts.PlotsView;
import dev.cairn.app.charts.PlotsViewModel;
import dev.cairn.engine.storage.EventLog;
import dev.cairn.engine.storage.h2.H2EventLog;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Opens the plots of an asset with 100,000 materializations (two numeric metadata entries and the
 * duration: three charts) in a 1280x800 window, and times each open from the request to the first
 * frame in which every chart has drawn (the layout pulse before rendering), then the rendering
 * itself (forced with a snapshot of the scene). Also times the read alone (H2 queries, lining up,
 * outliers) and one redraw of the three charts at a new zoom.
 *
 * <p>Two assets are opened in turn so that H2 never answers from its cache of the previous query.
 * Each open also reports when the read finished and the cards were built, and the CPU time of the
 * whole process (every thread: reads, UI, rendering, JIT, GC). {@code -Drounds=N} sets the number of
 * opens (10; the first two are not counted), {@code -Dpause=MS} a pause before each (0: the next
 * open starts while the last zoom's frame may still be rendering).
 * The log is generated once into the folder given as the first argument (default
 * {@code /tmp/cairn-plots-bench}, or {@code /tmp/cairn-plots-bench-runs} with a run per
 * materialization, {@code -DrunPerMaterialization=true}) and reused. Run it headless:
 * {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -cp <test class path>
 * dev.cairn.app.charts.bench.PlotsBenchmark}.
 */
public final class PlotsBenchmark {

    static final int MATERIALIZATIONS = 100_000;
    static final String[] ASSETS = {"orders", "customers"};
    private static final int ROUNDS = Integer.getInteger("rounds", 10);
    /** Milliseconds between opens; 0 opens the next asset as soon as the last zoom is drawn. */
    private static final long PAUSE_MS = Long.getLong("pause", 0);
    /** Whether a new log gets a run per materialization (as a schedule makes them) instead of one in all. */
    private static final boolean RUN_PER_MATERIALIZATION = Boolean.getBoolean("runPerMaterialization");

    private PlotsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0]
                : RUN_PER_MATERIALIZATION ? "/tmp/cairn-plots-bench-runs" : "/tmp/cairn-plots-bench");
        Path database = folder.resolve("eventlog");
        boolean fresh = !Files.exists(folder.resolve("eventlog.mv.db"));
        try (H2EventLog log = H2EventLog.open(database, H2EventLog.Mode.EXCLUSIVE)) {
            if (fresh) {
                generate(log);
            }
            System.out.printf("%s: %d cores, load average %.1f, pipeline %s, %d rounds, %d ms between opens%n", folder,
                    Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("prism.order", "default"),
                    ROUNDS, PAUSE_MS);
            ExecutorService background = Executors.newFixedThreadPool(2);
            PlotsLoader.LogReader reader = new PlotsLoader.LogReader() {
                @Override
                public <T> CompletableFuture<T> read(Function<EventLog, T> query) {
                    return CompletableFuture.supplyAsync(() -> query.apply(log), background);
                }
            };
            timeReadCpu(log);
            timeReads(reader);
            timeReadCpu(log);
            timeView(log, background);
            background.shutdown();
        }
        Platform.exit();
    }

    /**
     * Each asset: 100,000 materializations ten minutes apart, a row count with a few drops, a mean, a
     * duration; all in one run, or with {@code -DrunPerMaterialization=true} each in a run of its own.
     */
    static void generate(EventLog log) {
        long start = System.nanoTime();
        Random random = new Random(42);
        Instant t0 = Instant.now().minus(Duration.ofMinutes(10L * MATERIALIZATIONS));
        for (String asset : ASSETS) {
            History history = new History(log, "bench-" + asset);
            for (int i = 0; i < MATERIALIZATIONS; i++) {
                long rows = 50_000 + i / 4 + random.nextInt(800) - (random.nextInt(5_000) == 0 ? 30_000 : 0);
                Map<String, MetadataValue> metadata = random.nextInt(200) == 0
                        ? Map.of("mean_amount", MetadataValue.of(42 + random.nextGaussian()))
                        : Map.of("rows", MetadataValue.of(rows), "mean_amount", MetadataValue.of(42 + random.nextGaussian()));
                Instant at = t0.plus(Duration.ofMinutes(10L * i));
                if (RUN_PER_MATERIALIZATION) {
                    history.queueInOwnRun(asset + "-" + i, asset, at, metadata, 200 + random.nextInt(100));
                } else {
                    history.queue(asset, at, metadata, 200 + random.nextInt(100));
                }
                if (i % 700 == 699) {
                    history.flush();
                }
            }
            history.finish();
        }
        System.out.printf("generated %,d materializations of %d assets in %.1f s%n", MATERIALIZATIONS,
                ASSETS.length, (System.nanoTime() - start) / 1e9);
    }

    private static void timeReads(PlotsLoader.LogReader reader) throws Exception {
        PlotsLoader loader = new PlotsLoader(reader, OutlierDetector.standard());
        double[] ms = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long t = System.nanoTime();
            var plots = loader.load(ASSETS[i % 2]).get();
            ms[i] = (System.nanoTime() - t) / 1e6;
            if (plots.size() != MATERIALIZATIONS) {
                throw new IllegalStateException(plots.size() + " materializations read");
            }
        }
        System.out.printf("read (3 series, lined up, outliers): first %.0f ms, then %s%n", ms[0], stats(ms, 2));
    }

    /**
     * The same read on this thread alone, in CPU time: what the read costs whatever else the
     * machine is doing (wall times on a loaded machine say more about the load).
     */
    private static void timeReadCpu(EventLog log) throws Exception {
        PlotsLoader inline = new PlotsLoader(new PlotsLoader.LogReader() {
            @Override
            public <T> CompletableFuture<T> read(Function<EventLog, T> query) {
                return CompletableFuture.completedFuture(query.apply(log));
            }
        }, OutlierDetector.standard());
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] cpu = new double[ROUNDS];
        double[] wall = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            inline.load(ASSETS[i % 2]).get();
            wall[i] = (System.nanoTime() - t) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
        }
        System.out.printf("read on one thread: CPU %s; wall %s%n", stats(cpu, 2), stats(wall, 2));
    }

    private static void timeView(EventLog log, ExecutorService background) throws Exception {
        // When the last read of the log finished: the open's split between reading and building.
        java.util.concurrent.atomic.AtomicLong readDone = new java.util.concurrent.atomic.AtomicLong();
        PlotsLoader.LogReader reader = new PlotsLoader.LogReader() {
            @Override
            public <T> CompletableFuture<T> read(Function<EventLog, T> query) {
                return CompletableFuture.supplyAsync(() -> {
                    T result = query.apply(log);
                    readDone.set(System.nanoTime());
                    return result;
                }, background);
            }
        };
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        CompletableFuture<PlotsView> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            PlotsView view = new PlotsView(new PlotsViewModel(new PlotsLoader(reader, OutlierDetector.standard()),
                    background), ZoneId.systemDefault());
            Stage stage = new Stage();
            Scene scene = new Scene(view, 1280, 800);
            scene.getStylesheets().add(Objects.requireNonNull(PlotsView.class.getResource("/dev/cairn/app/cairn.css"))
                    .toExternalForm());
            stage.setScene(scene);
            stage.show();
            shown.complete(view);
        });
        PlotsView view = shown.get();
        double[] open = new double[ROUNDS];
        double[] read = new double[ROUNDS];
        double[] built = new double[ROUNDS];
        double[] cpu = new double[ROUNDS];
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double[] render = new double[ROUNDS];
        double[] redraw = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            String asset = ASSETS[i % 2];
            // With a pause, as between a user's clicks, the last zoom's frame is rendered before the next open.
            Thread.sleep(PAUSE_MS);
            CompletableFuture<Long> drawn = new CompletableFuture<>();
            long[] t0 = new long[1];
            long[] cardsBuilt = new long[1];
            long cpu0 = os.getProcessCpuTime();
            Platform.runLater(() -> {
                Scene scene = view.getScene();
                // Registered after the view's own listener: called once the cards are built.
                javafx.beans.value.ChangeListener<Object> onPlots = (o, was, now) -> {
                    if (now != null) {
                        cardsBuilt[0] = System.nanoTime();
                    }
                };
                view.model().plotsProperty().addListener(onPlots);
                Runnable[] listener = new Runnable[1];
                listener[0] = () -> {
                    var charts = view.charts();
                    if (!charts.isEmpty() && asset.equals(view.model().assetKeyProperty().get())
                            && charts.stream().allMatch(c -> c.framesDrawn() > 0 || !isOnScreen(c))
                            && charts.get(0).series().size() == MATERIALIZATIONS) {
                        scene.removePostLayoutPulseListener(listener[0]);
                        view.model().plotsProperty().removeListener(onPlots);
                        drawn.complete(System.nanoTime());
                    }
                };
                scene.addPostLayoutPulseListener(listener[0]);
                t0[0] = System.nanoTime();
                view.show(asset);
            });
            long ready;
            try {
                ready = drawn.get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                Thread.getAllStackTraces().forEach((thread, stack) -> {
                    System.err.println(thread);
                    for (StackTraceElement frame : stack) {
                        System.err.println("    at " + frame);
                    }
                });
                CompletableFuture<String> state = new CompletableFuture<>();
                Platform.runLater(() -> state.complete("asset " + view.model().assetKeyProperty().get() + ", loading "
                        + view.model().loadingProperty().get() + ", error " + view.model().errorProperty().get()
                        + ", charts drawn " + view.charts().stream().map(c -> c.framesDrawn() + (isOnScreen(c) ? "" : " (off screen)"))
                        .toList()));
                throw new IllegalStateException("open " + i + " of " + asset + " not drawn within a minute: "
                        + state.get(10, java.util.concurrent.TimeUnit.SECONDS), e);
            }
            cpu[i] = (os.getProcessCpuTime() - cpu0) / 1e6;
            open[i] = (ready - t0[0]) / 1e6;
            read[i] = (readDone.get() - t0[0]) / 1e6;
            built[i] = (cardsBuilt[0] - t0[0]) / 1e6;
            CompletableFuture<double[]> after = new CompletableFuture<>();
            Platform.runLater(() -> {
                long t = System.nanoTime();
                view.getScene().snapshot(null);
                double snap = (System.nanoTime() - t) / 1e6;
                var range = view.model().rangeProperty().get();
                t = System.nanoTime();
                view.model().rangeProperty().set(range.zoom((range.start() + range.end()) / 2, 0.5));
                after.complete(new double[]{snap, (System.nanoTime() - t) / 1e6});
            });
            double[] r = after.get();
            render[i] = r[0];
            redraw[i] = r[1];
        }
        int points = view.charts().stream().mapToInt(PlotChart::pointsDrawn).max().orElse(0);
        System.out.printf("open to every chart drawn (%d charts, up to %,d points drawn each): first %.0f ms, then %s%n",
                view.charts().size(), points, open[0], stats(open, 2));
        System.out.printf("  of which: read done at %s; cards built at %s%n", stats(read, 2), stats(built, 2));
        System.out.printf("  CPU of the whole process (every thread) per open: %s%n", stats(cpu, 2));
        System.out.printf("render (a snapshot of the 1280x800 scene): %s%n", stats(render, 1));
        System.out.printf("redraw of every chart at a new zoom: %s%n", stats(redraw, 1));
        System.out.printf("load average at the end: %.1f%n", loadAverage());
    }

    private static boolean isOnScreen(PlotChart chart) {
        var bounds = chart.localToScene(chart.getBoundsInLocal());
        return bounds.getMinY() < chart.getScene().getHeight();
    }

    /** Median, min and max of the values from {@code from} on. */
    private static String stats(double[] values, int from) {
        double[] v = Arrays.copyOfRange(values, from, values.length);
        Arrays.sort(v);
        return String.format("median %.0f ms (min %.0f, max %.0f) over %d", v[v.length / 2], v[0], v[v.length - 1], v.length);
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
