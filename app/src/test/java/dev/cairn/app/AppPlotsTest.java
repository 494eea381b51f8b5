package dev.cairn.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import dev.cairn.api.MetadataValue;
import dev.cairn.app.charts.History;
import dev.cairn.app.charts.PlotChart;
import dev.cairn.app.charts.PlotsView;
import dev.cairn.app.graph.model.NodeBadge;
import dev.cairn.engine.storage.EventLog;
import dev.cairn.engine.storage.MaterializationRecord;
import dev.cairn.engine.storage.h2.H2EventLog;
import dev.cairn.engine.workspace.Workspace;
import javafx.geometry.Point2D;

/**
 * The plots of an example asset: a history recorded before (as earlier runs would have left it,
 * with a day when the row count dropped), then a real run from the app; the plots window opened from
 * the node's menu.
 */
class AppPlotsTest {

    private static final int HISTORY = 30;
    private static final int DROP = 22;

    @TempDir
    Path home;
    private AppFixture app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aChartHasOnePointPerMaterializationMarksTheDropAndOpensItsRun() throws Exception {
        Path jar = BundledExample.extract(home).orElseThrow();
        Workspace workspace = Workspace.forJar(jar, home).create();
        String historyRun = "history-run-0001";
        try (H2EventLog log = workspace.openEventLog(H2EventLog.Mode.EXCLUSIVE)) {
            History history = new History(log, historyRun);
            Instant start = Instant.now().minus(Duration.ofDays(HISTORY + 1));
            for (int i = 0; i < HISTORY; i++) {
                history.queue("iris_data", start.plus(Duration.ofDays(i)),
                        Map.of("num_records", MetadataValue.of(i == DROP ? 75 : 150)), 40 + i % 7);
            }
            history.finish();
        }
        app = AppFixture.start(home, jar);
        app.awaitNode("iris_data");
        app.clickNode("iris_data");
        app.click("materializeSelected");
        app.awaitBadge("iris_data", NodeBadge.FRESH);

        app.robot.rightClickOn(app.nodeOnScreen("iris_data"));
        app.robot.clickOn("Plots…");
        app.await("the plots of iris_data", () -> app.app.window().plotsWindow().isPresent()
                && app.app.window().plotsWindow().get().view().charts().size() >= 2);
        PlotsView view = app.fx(() -> app.app.window().plotsWindow().get().view());
        PlotChart records = app.fx(() -> view.charts().stream()
                .filter(c -> c.series().key().equals("num_records")).findFirst().orElseThrow());
        PlotChart durations = app.fx(() -> view.charts().stream()
                .filter(c -> c.series().key().equals(EventLog.DURATION_SERIES)).findFirst().orElseThrow());

        // One point per materialization: the recorded history and the run just made.
        int materializations = app.fx(() -> view.model().plotsProperty().get().size());
        assertThat(materializations).isEqualTo(HISTORY + 1);
        assertThat(records.series().valueCount()).isEqualTo(HISTORY + 1);
        assertThat(durations.series().valueCount()).isEqualTo(HISTORY + 1);
        String realRun = app.fx(() -> app.app.runs().runs().get(0).runId());
        assertThat(app.fx(() -> view.model().plotsProperty().get().runId(HISTORY))).isEqualTo(realRun);
        assertThat(records.series().value(HISTORY)).as("the real run's row count").isEqualTo(150);

        // The drop is marked, and only it.
        assertThat(IntStream.range(0, materializations).filter(records.series()::isOutlier).toArray())
                .containsExactly(DROP);

        // Clicking it shows its run's log, filtered to the asset.
        Point2D drop = app.fx(() -> records.localToScreen(records.pointPosition(DROP)));
        app.robot.clickOn(drop);
        WaitForAsyncUtils.waitForFxEvents();
        app.await("the run of the drop to be shown", () -> historyRun.equals(app.app.runs().selectedRunIdProperty().get()));
        assertThat(app.fx(() -> app.app.runs().stepProperty().get())).isEqualTo("iris_data");
        app.await("its events", () -> !app.app.runs().visibleEvents().isEmpty());
        assertThat(app.fx(() -> app.app.runs().visibleEvents().stream().allMatch(e -> "iris_data".equals(e.assetKey()))))
                .isTrue();
    }
}
