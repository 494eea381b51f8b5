package dev.cairn.app.details.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import atlantafx.base.theme.PrimerLight;
import dev.cairn.app.details.AssetRecords;
import dev.cairn.app.details.HistoryFill;
import dev.cairn.app.details.ShownAsset;
import dev.cairn.app.details.history.CompareView;
import dev.cairn.app.details.history.HistoryRow;
import dev.cairn.app.details.history.HistoryTab;
import dev.cairn.app.details.metadata.MetadataContext;
import dev.cairn.engine.definitions.AssetGraph;
import dev.cairn.engine.definitions.AssetSpec;
import dev.cairn.engine.definitions.RetrySpec;
import dev.cairn.engine.storage.MaterializationRecord;
import dev.cairn.engine.storage.ObservationRecord;
import dev.cairn.engine.storage.h2.H2EventLog;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * Opens the history of an asset with 100,000 materializations (target: under 300 ms until drawn)
 * in the real {@link HistoryTab}, in a 1280x800 window on the headless platform with the software
 * pipeline, reading a real H2 event log on a background thread as the app's session does.
 *
 * <p>"Open" is timed from {@code show(asset)} on the JavaFX thread until the first page of rows is
 * in the table and the window has been laid out and rendered ({@code Scene.snapshot}, which also
 * copies the pixels back: a few milliseconds of overhead). Between two opens another asset is
 * shown, so that each open reads its page again; H2's result cache is off, so each read is a real
 * query. "Next page" is scrolling to the last loaded row until the next page is drawn.
 *
 * <p>Run: {@code java -cp <app test class path> dev.cairn.app.details.bench.HistoryBenchmark
 * [--rows=100000] [--repeats=30] [--dir=PATH]}; with {@code --dir} the filled log is kept there and
 * reused by later runs. The headless platform is chosen unless {@code glass.platform} is given.
 */
public final class HistoryBenchmark {

    private static final String CHART = "chart";
    private static final String OTHER = "other";

    private HistoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = intArg(args, "--rows=", 100_000);
        int repeats = intArg(args, "--repeats=", 30);
        String dirArg = stringArg(args, "--dir=");
        Path dir = dirArg == null ? Files.createTempDirectory("cairn-history-bench") : Path.of(dirArg);
        Path database = dir.resolve("eventlog");
        System.out.printf(Locale.ROOT, "%d cores, load average %s, %s%n", Runtime.getRuntime().availableProcessors(),
                loadAverage(), System.getProperty("java.vm.version"));

        if (!Files.exists(dir.resolve("eventlog.mv.db"))) {
            long t = System.nanoTime();
            try (H2EventLog log = H2EventLog.open(database, H2EventLog.Mode.EXCLUSIVE)) {
                HistoryFill.fill(log, CHART, rows, 1_000);
                HistoryFill.fill(log, OTHER, 10, 10);
            }
            System.out.printf(Locale.ROOT, "filled %,d materializations (%,d events) in %.1f s%n", rows + 10,
                    3L * (rows + 10) + 2L * (rows / 1_000 + 1), (System.nanoTime() - t) / 1e9);
        }
        System.setProperty("glass.platform", System.getProperty("glass.platform", "Monocle"));
        System.setProperty("monocle.platform", System.getProperty("monocle.platform", "Headless"));
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        System.setProperty("headless.geometry", System.getProperty("headless.geometry", "1440x900-32"));

        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "bench-reader");
            thread.setDaemon(true);
            return thread;
        });
        long open = System.nanoTime();
        try (H2EventLog log = H2EventLog.open(database, H2EventLog.Mode.EXCLUSIVE);
             Connection admin = DriverManager.getConnection("jdbc:h2:file:" + database.toAbsolutePath().normalize()
                     + ";LOCK_TIMEOUT=10000", "cairn", "")) {
            System.out.printf(Locale.ROOT, "event log opened in %.0f ms%n", (System.nanoTime() - open) / 1e6);
            try (Statement st = admin.createStatement()) {
                st.execute("SET OPTIMIZE_REUSE_RESULTS FALSE");
            }
            run(log, reader, repeats);
        } finally {
            reader.shutdownNow();
            Platform.exit();
        }
    }

    private static void run(H2EventLog log, ExecutorService reader, int repeats) throws Exception {
        List<Double> query = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            CompletableFuture.supplyAsync(() -> log.materializationHistory(CHART, null, HistoryTab.FIRST_PAGE), reader).get();
            query.add((System.nanoTime() - t) / 1e6);
        }
        report("first page read from the log (no view)", query);

        AssetRecords records = new AssetRecords() {
            @Override
            public CompletableFuture<Optional<MaterializationRecord>> latestMaterialization(String assetKey) {
                return CompletableFuture.supplyAsync(() -> log.latestMaterialization(assetKey), reader);
            }

            @Override
            public CompletableFuture<Optional<ObservationRecord>> latestObservation(String assetKey) {
                return CompletableFuture.completedFuture(Optional.empty());
            }

            @Override
            public CompletableFuture<List<MaterializationRecord>> history(String assetKey, Long beforeEventId, int limit) {
                return CompletableFuture.supplyAsync(() -> log.materializationHistory(assetKey, beforeEventId, limit), reader);
            }
        };
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        Platform.setImplicitExit(false);
        AssetGraph graph = AssetGraph.of(List.of(spec(CHART), spec(OTHER)));
        ShownAsset chart = new ShownAsset(graph, graph.require(CHART), null, null, null);
        ShownAsset other = new ShownAsset(graph, graph.require(OTHER), null, null, null);
        MetadataContext context = new MetadataContext(ZoneId.systemDefault(), uri -> { }, key -> { });
        HistoryTab tab = onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            HistoryTab t = new HistoryTab(records, ZoneId.systemDefault(), id -> { }, new CompareView(records, context, () -> null));
            Scene scene = new Scene((javafx.scene.Parent) t.view(), 420, 800);
            scene.getStylesheets().add(Objects.requireNonNull(HistoryTab.class.getResource("/dev/cairn/app/cairn.css")).toExternalForm());
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            return t;
        });
        TableView<HistoryRow> table = tab.table();

        List<Double> opens = new ArrayList<>();
        List<Double> arrived = new ArrayList<>();
        List<Double> nextPages = new ArrayList<>();
        List<Double> fxCpu = new ArrayList<>();
        List<Double> snapshotOnly = new ArrayList<>();
        int first = HistoryTab.FIRST_PAGE;
        for (int i = 0; i < repeats; i++) {
            drawn(table, () -> tab.show(other), 10, null);
            long cpu = onFx(HistoryBenchmark::cpuNanos);
            opens.add(drawn(table, () -> tab.show(chart), first, arrived));
            fxCpu.add((onFx(HistoryBenchmark::cpuNanos) - cpu) / 1e6);
            snapshotOnly.add(onFx(() -> {
                long t = System.nanoTime();
                table.getScene().snapshot(null);
                return (System.nanoTime() - t) / 1e6;
            }));
            nextPages.add(drawn(table, () -> table.scrollTo(table.getItems().size() - 1), first + HistoryTab.PAGE, null));
        }
        System.out.printf(Locale.ROOT, "first open (cold): %.1f ms; next page (cold): %.1f ms%n", opens.get(0), nextPages.get(0));
        report("open: first page in the table", arrived.subList(1, arrived.size()));
        report("open: first page drawn", opens.subList(1, opens.size()));
        report("open: CPU time of the JavaFX thread", fxCpu.subList(1, fxCpu.size()));
        report("a snapshot of the unchanged window", snapshotOnly.subList(1, snapshotOnly.size()));
        report("scroll to the end: next page drawn", nextPages.subList(1, nextPages.size()));
        System.out.printf(Locale.ROOT, "load average at the end: %s%n", loadAverage());
    }

    /**
     * Runs {@code action} on the JavaFX thread and waits until the table holds {@code rows} rows and
     * the window has been rendered with them; returns the milliseconds that took.
     */
    private static double drawn(TableView<HistoryRow> table, Runnable action, int rows, List<Double> arrived)
            throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        long[] start = new long[2];
        Platform.runLater(() -> {
            ListChangeListener<HistoryRow> listener = new ListChangeListener<>() {
                @Override
                public void onChanged(Change<? extends HistoryRow> c) {
                    if (table.getItems().size() == rows) {
                        table.getItems().removeListener(this);
                        start[1] = System.nanoTime();
                        // After the change is handled: lay out, apply CSS and render the whole window.
                        Platform.runLater(() -> {
                            table.getScene().snapshot(null);
                            done.complete(System.nanoTime());
                        });
                    }
                }
            };
            table.getItems().addListener(listener);
            start[0] = System.nanoTime();
            action.run();
        });
        long end = done.get(60, TimeUnit.SECONDS);
        if (arrived != null) {
            arrived.add((start[1] - start[0]) / 1e6);
        }
        return (end - start[0]) / 1e6;
    }

    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static void report(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2);
        double p95 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1));
        System.out.printf(Locale.ROOT, "%-48s median %6.1f ms, p95 %6.1f ms, max %6.1f ms (n=%d)%n", what, median, p95,
                sorted.get(sorted.size() - 1), sorted.size());
    }

    private static AssetSpec spec(String key) {
        return new AssetSpec(key, "", "", "1", "io_manager", AssetSpec.Kind.ASSET, false, List.of(), List.of(),
                Map.of(), List.of(), RetrySpec.NONE, "bench.Assets", key, "java.lang.Object");
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    private static int intArg(String[] args, String prefix, int fallback) {
        String s = stringArg(args, prefix);
        return s == null ? fallback : Integer.parseInt(s.replace("_", "").replace(",", ""));
    }

    private static String stringArg(String[] args, String prefix) {
        for (String a : args) {
            if (a.startsWith(prefix)) {
                return a.substring(prefix.length());
            }
        }
        return null;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
