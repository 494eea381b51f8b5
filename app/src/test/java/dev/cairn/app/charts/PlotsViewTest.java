package dev.cairn.app.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.cairn.api.MetadataValue;
import dev.cairn.engine.storage.EventLog;
import dev.cairn.engine.storage.h2.H2EventLog;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The plots of an asset, on a real event log, driven with the mouse. */
@ExtendWith(ApplicationExtension.class)
class PlotsViewTest {

    private static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");
    private static final int MATERIALIZATIONS = 60;
    private static final int DROP = 40;
    private static final int MISSING = 10;

    @TempDir
    static Path dir;

    private final ExecutorService background = Executors.newFixedThreadPool(2);
    private H2EventLog log;
    private PlotsView view;
    private Stage stage;
    private final List<MaterializationRef> opened = new ArrayList<>();
    private final List<Long> eventIds = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        log = H2EventLog.open(dir.resolve("eventlog-" + System.nanoTime()), H2EventLog.Mode.EXCLUSIVE);
        History history = new History(log, "run-1234567890");
        for (int i = 0; i < MATERIALIZATIONS; i++) {
            Map<String, MetadataValue> metadata = i == MISSING ? Map.of("mean", MetadataValue.of(0.5))
                    : Map.of("rows", MetadataValue.of(i == DROP ? 310 : 1000 + (i * 37) % 23),
                            "mean", MetadataValue.of(0.5 + i / 100.0));
            eventIds.add(history.materialize("orders", T0.plus(Duration.ofHours(i)), metadata));
        }
        PlotsLoader.LogReader reader = new PlotsLoader.LogReader() {
            @Override
            public <T> CompletableFuture<T> read(Function<EventLog, T> query) {
                return CompletableFuture.supplyAsync(() -> query.apply(log), background);
            }
        };
        view = new PlotsView(new PlotsViewModel(new PlotsLoader(reader, OutlierDetector.standard()), background),
                ZoneOffset.UTC);
        view.setOnOpenMaterialization(opened::add);
        stage.setScene(new Scene(view, 1000, 760));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        log.close();
    }

    private PlotChart showOrders(FxRobot robot) throws Exception {
        robot.interact(() -> view.show("orders"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.charts().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        return view.charts().get(1);
    }

    private Point2D onScreen(FxRobot robot, PlotChart chart, int i) {
        return fx(() -> chart.localToScreen(chart.pointPosition(i)));
    }

    private static <T> T fx(java.util.concurrent.Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyMaterializationIsAPointAndTheDropIsMarked(FxRobot robot) throws Exception {
        PlotChart rows = showOrders(robot);

        assertThat(view.charts()).extracting(c -> c.series().title()).containsExactly("mean", "rows", "Duration (ms)");
        assertThat(rows.series().size()).isEqualTo(MATERIALIZATIONS);
        assertThat(rows.series().valueCount()).as("one materialization had no row count").isEqualTo(MATERIALIZATIONS - 1);
        assertThat(view.charts().get(2).series().valueCount()).isEqualTo(MATERIALIZATIONS);
        assertThat(rows.series().isOutlier(DROP)).isTrue();
        assertThat(rows.series().outlierCount()).isEqualTo(1);
        assertThat(rows.framesDrawn()).isPositive();
        assertThat(rows.pointsDrawn()).as("60 points are few enough to draw them all").isEqualTo(MATERIALIZATIONS);
        assertThat(robot.lookup(".plot-outliers").queryAs(Label.class).getText()).isEqualTo("1 outlier");

        // Hovering the drop shows what it is; clicking it hands on its materialization.
        robot.moveTo(onScreen(robot, rows, DROP));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rows.hovered()).isEqualTo(DROP);
        Label hover = robot.from(rows).lookup(".plot-hover").queryAs(Label.class);
        assertThat(hover.isVisible()).isTrue();
        assertThat(hover.getText()).contains("rows: 310", "May 2 2024, 16:00:00", "Run run-1234", "Far outside");
        robot.clickOn(onScreen(robot, rows, DROP));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).extracting(MaterializationRef::eventId).containsExactly(eventIds.get(DROP));
        assertThat(opened.get(0).runId()).isEqualTo("run-1234567890");
        assertThat(opened.get(0).assetKey()).isEqualTo("orders");
    }

    @Test
    void presetsZoomAndPanMoveEveryChartTogether(FxRobot robot) throws Exception {
        PlotChart rows = showOrders(robot);
        TimeRange all = view.model().rangeProperty().get();
        assertThat(all.start()).isLessThan(T0.toEpochMilli());
        assertThat(all.end()).isGreaterThan(T0.plus(Duration.ofHours(MATERIALIZATIONS - 1)).toEpochMilli());

        robot.clickOn("#plotsPresetDay");
        TimeRange day = view.model().rangeProperty().get();
        assertThat(day.span()).isBetween(24 * 3600e3, 25 * 3600e3);
        assertThat(view.model().presetProperty().get()).isEqualTo(PlotsViewModel.Preset.DAY);
        assertThat(fx(() -> rows.pointPosition(0))).as("the first day is off screen").isNull();

        // The wheel zooms around the pointer; every chart follows.
        Point2D middle = fx(() -> rows.localToScreen(rows.getWidth() / 2, rows.getHeight() / 2));
        robot.moveTo(middle).scroll(3, VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        TimeRange zoomed = view.model().rangeProperty().get();
        assertThat(zoomed.span()).isNotEqualTo(day.span());
        assertThat(view.model().presetProperty().get()).isNull();
        assertThat(view.charts().get(0).framesDrawn()).isGreaterThan(1);

        // Dragging to the right shows earlier times.
        robot.drag(middle).moveBy(150, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.model().rangeProperty().get().start()).isLessThan(zoomed.start());
        assertThat(opened).as("a drag is not a click").isEmpty();

        robot.clickOn("#plotsPresetAll");
        assertThat(view.model().rangeProperty().get()).isEqualTo(all);
    }

    @Test
    void aSeriesExportsAsCsvAndAChartAsPng(FxRobot robot) throws Exception {
        PlotChart rows = showOrders(robot);
        Path csv = dir.resolve("rows.csv");
        Path written = view.model().exportCsv(rows.series(), csv).get(10, TimeUnit.SECONDS);

        List<String> lines = Files.readAllLines(written);
        assertThat(lines).hasSize(MATERIALIZATIONS + 1);
        assertThat(lines.get(0)).isEqualTo("event_id,time,run_id,partition,rows,outlier");
        assertThat(lines.get(1 + DROP)).isEqualTo(eventIds.get(DROP) + ",2024-05-02T16:00:00Z,run-1234567890,,310,true");
        assertThat(lines.get(1 + MISSING)).as("a missing value is an empty field")
                .isEqualTo(eventIds.get(MISSING) + ",2024-05-01T10:00:00Z,run-1234567890,,,false");

        Path png = dir.resolve("rows.png");
        var image = fx(() -> rows.getParent().snapshot(null, null));
        view.model().exportPng(image, png).get(10, TimeUnit.SECONDS);
        var read = ImageIO.read(png.toFile());
        assertThat(read.getWidth()).isEqualTo((int) image.getWidth());
        assertThat(read.getHeight()).isGreaterThan(150);
    }

    @Test
    void aLongReadSaysSoAtOnceAndShowsASpinnerOnceItTakesAWhile(FxRobot robot) throws Exception {
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        PlotsLoader.LogReader slow = new PlotsLoader.LogReader() {
            @Override
            public <T> CompletableFuture<T> read(Function<EventLog, T> query) {
                return CompletableFuture.supplyAsync(() -> {
                    try {
                        gate.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return query.apply(log);
                }, background);
            }
        };
        PlotsView waiting = fx(() -> {
            PlotsView v = new PlotsView(new PlotsViewModel(new PlotsLoader(slow, OutlierDetector.standard()), background),
                    ZoneOffset.UTC);
            stage.getScene().setRoot(v);
            v.show("orders");
            return v;
        });
        try {
            assertThat(robot.from(waiting).lookup(".placeholder-text").queryAs(Label.class).getText())
                    .isEqualTo("Reading the history…");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> fx(() -> !waiting.lookupAll(".progress-indicator").isEmpty()));
        } finally {
            gate.countDown();
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> waiting.charts().size() == 3));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> waiting.lookupAll(".progress-indicator").stream().anyMatch(Node::isVisible))).isFalse();
    }

    @Test
    void anAssetNeverMaterializedSaysSo(FxRobot robot) throws Exception {
        robot.interact(() -> view.show("never"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.model().plotsProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.charts()).isEmpty();
        assertThat(robot.lookup(".placeholder-title").queryAs(Label.class).getText()).isEqualTo("No materializations yet");
    }
}
