package dev.cairn.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import dev.cairn.api.MetadataValue;
import dev.cairn.app.details.HistoryFill;
import dev.cairn.app.details.history.HistoryRow;
import dev.cairn.app.details.history.HistoryTab;
import dev.cairn.app.details.metadata.Markdown;
import dev.cairn.app.details.metadata.MetadataViews;
import dev.cairn.engine.storage.MaterializationRecord;
import dev.cairn.engine.storage.RunStatus;
import dev.cairn.engine.storage.h2.H2EventLog;
import dev.cairn.engine.testjars.TestJars;
import dev.cairn.engine.workspace.Workspace;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;

/** The details panel on real runs: what an asset is, its latest materialization, its history, two compared. */
class AppDetailsTest {

    @TempDir
    Path home;
    @TempDir
    Path jars;
    private AppFixture app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theExampleShowsItsChartTablesAndHistoryAndComparesTwoMaterializations() throws Exception {
        app = AppFixture.start(home, null);
        app.awaitNode("most_frequent_words");
        for (int run = 1; run <= 2; run++) {
            app.fx(() -> {
                app.app.workspace().materialize("group:hackernews");
                return null;
            });
            int runs = run;
            app.await("run " + run + " to succeed", () -> app.app.workspace().runs().size() == runs
                    && app.app.workspace().runs().get(0).status() == RunStatus.SUCCESS);
        }
        app.awaitBadge("most_frequent_words", dev.cairn.app.graph.model.NodeBadge.FRESH);

        // Overview: the definition, and the upstream as a link that selects it.
        app.clickNode("most_frequent_words");
        assertThat(text("#overviewContent")).contains("news-analytics@example.com", "layer=analytics",
                "HackerNewsAssets.mostFrequentWords()", "io_manager");
        app.robot.clickOn(app.robot.from(app.app.window().detailsPanel()).lookup("#upstreamLinks .hyperlink")
                .queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.fx(() -> Set.copyOf(app.app.graph().selection()))).containsExactly("topstories");

        // Latest: the table preview and the schema of topstories.
        app.click("detailsTabLatest");
        app.await("the preview table", () -> !lookup("#latestMetadata .metadata-table").isEmpty());
        TableView<?> preview = (TableView<?>) lookup("#latestMetadata .metadata-table").get(0);
        assertThat(app.fx(() -> preview.getItems().size())).isEqualTo(5);
        assertThat(text("#latestMetadata .metadata-schema")).contains("title", "CHARACTER VARYING", "score", "INTEGER", "load_ts");

        // The chart of most_frequent_words is markdown with a PNG in a data URI: drawn as a picture.
        app.clickNode("most_frequent_words");
        app.await("the chart", () -> !lookup("#latestMetadata .md-image").isEmpty());
        Markdown.FittedImage chart = (Markdown.FittedImage) lookup("#latestMetadata .md-image").get(0);
        assertThat(chart.image().isError()).isFalse();
        assertThat(chart.image().getWidth()).isEqualTo(800);
        assertThat(app.fx(() -> chart.getWidth())).isGreaterThan(100);

        Workspace workspace = Workspace.forJar(BundledExample.location(home), home);
        List<MaterializationRecord> logged;
        try (H2EventLog log = workspace.openEventLog(H2EventLog.Mode.SHARED)) {
            logged = log.materializationHistory("most_frequent_words", null, 10);
        }
        assertThat(logged).hasSize(2);
        MetadataValue.IntValue words = (MetadataValue.IntValue) logged.get(0).data().metadata().get("num_words");
        assertThat(text("#latestMetadata")).contains(MetadataViews.integer(words.value()), "top_word");
        assertThat(text("#latestContent")).contains(dev.cairn.app.format.Formats.shortRunId(logged.get(0).runId()));

        // History: the rows are the log's materializations, newest first.
        app.click("detailsTabHistory");
        TableView<HistoryRow> table = app.app.window().detailsPanel().history().table();
        app.await("two history rows", () -> table.getItems().size() == 2);
        assertThat(app.fx(() -> List.copyOf(table.getItems()))).extracting(HistoryRow::eventId, HistoryRow::runId,
                HistoryRow::dataVersion, HistoryRow::durationMillis)
                .containsExactly(logged.stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.eventId(), r.runId(),
                        r.data().dataVersion(), r.data().durationMillis())).toArray(org.assertj.core.groups.Tuple[]::new));
        assertThat(app.fx(() -> table.getColumns().stream().map(c -> c.getText()).toList()))
                .contains("Time", "Run", "Duration", "Data version", "Code version", "num_words", "top_word_count");

        // Two rows selected with the mouse, compared in their own window: same data, so no difference.
        assertThat(app.fx(() -> app.robot.lookup("#compareButton").queryAs(Button.class).isDisabled())).isTrue();
        selectTwoRows();
        app.click("compareButton");
        app.await("the comparison", () -> lookup(compareWindow(), ".compare-grid .md-image").size() == 2);
        assertThat(text(compareWindow(), ".compare-view")).contains("same metadata");

        // Plots: a chart per numeric metadata entry and one of durations, a point per materialization.
        Window compare = compareWindow();
        app.fx(() -> {
            compare.hide();
            return null;
        });
        app.click("detailsTabPlots");
        dev.cairn.app.charts.PlotsView plots = app.fx(() -> app.robot.from(app.app.window().detailsPanel())
                .lookup("#plotsView").queryAs(dev.cairn.app.charts.PlotsView.class));
        app.await("the plots", () -> plots.charts().size() >= 3);
        assertThat(app.fx(() -> plots.charts().stream().map(c -> c.series().key()).toList()))
                .contains("num_words", "top_word_count");
        assertThat(app.fx(() -> plots.charts().stream().map(c -> c.series().size()).distinct().toList()))
                .containsExactly(2);
    }

    @Test
    void aLongHistoryLoadsPageByPageAndAComparisonHighlightsWhatDiffers() throws Exception {
        Path jar = TestJars.builder().fileName("metrics.jar").source("demo.Metrics", """
                package demo;
                import dev.cairn.api.*;
                public class Metrics {
                    @Asset(codeVersion = "1") public static int metrics() { return 1; }
                }
                """).build(jars);
        try (H2EventLog log = Workspace.forJar(jar, home).openEventLog(H2EventLog.Mode.SHARED)) {
            HistoryFill.fill(log, "metrics", 450, 50);
        }
        app = AppFixture.start(home, jar);
        app.awaitNode("metrics");
        app.clickNode("metrics");
        app.click("detailsTabHistory");
        TableView<HistoryRow> table = app.app.window().detailsPanel().history().table();
        app.await("the first page", () -> table.getItems().size() == HistoryTab.FIRST_PAGE);
        assertThat(text("#historySummary")).contains(HistoryTab.FIRST_PAGE + " newest materializations; more load as you scroll");
        assertThat(app.fx(() -> table.getItems().get(0).numbers())).containsEntry("rows", 1000.0 + 3 * 449)
                .containsEntry("ratio", 449 / 7.0);

        // Scrolling down reads the next pages, up to the oldest.
        for (int expected : new int[]{HistoryTab.FIRST_PAGE + HistoryTab.PAGE, 450}) {
            app.fx(() -> {
                table.scrollTo(table.getItems().size() - 1);
                return null;
            });
            app.await(expected + " rows", () -> table.getItems().size() == expected);
        }
        assertThat(text("#historySummary")).contains("450 materializations, newest first");
        List<HistoryRow> rows = app.fx(() -> List.copyOf(table.getItems()));
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).dataVersion()).isEqualTo(HistoryFill.dataVersion(449 - i));
        }
        assertThat(rows).extracting(HistoryRow::eventId).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        app.fx(() -> {
            table.scrollTo(0);
            return null;
        });
        selectTwoRows();
        app.click("compareButton");
        app.await("the comparison", () -> !app.app.window().detailsPanel().history().compareView().differing().isEmpty());
        assertThat(app.fx(() -> app.app.window().detailsPanel().history().compareView().differing()))
                .containsExactlyInAnyOrder("Data version", "ratio", "rows");
        String shown = text(compareWindow(), ".compare-view");
        assertThat(shown).contains("3 differences", MetadataViews.integer(1000 + 3 * 449), MetadataViews.integer(1000 + 3 * 448),
                "nightly load");
        assertThat(lookup(compareWindow(), ".compare-cell.compare-differs")).hasSize(6);
    }

    /** Clicks the first history row, then Ctrl+clicks the second. */
    private void selectTwoRows() {
        app.robot.clickOn(row(0));
        app.robot.press(KeyCode.CONTROL).clickOn(row(1)).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.fx(() -> app.app.window().detailsPanel().history().table().getSelectionModel().getSelectedItems().size()))
                .isEqualTo(2);
    }

    /** A point in the first cell (the time) of a history row: the row itself is wider than the table. */
    private javafx.geometry.Point2D row(int index) {
        java.util.function.Supplier<Optional<Node>> find = () -> lookup(".history-table .table-row-cell").stream()
                .filter(n -> ((javafx.scene.control.TableRow<?>) n).getIndex() == index && n.isVisible()).findFirst();
        app.await("history row " + index + " on screen", () -> find.get().isPresent());
        Node row = find.get().orElseThrow();
        return app.fx(() -> row.localToScreen(30, row.getBoundsInLocal().getHeight() / 2));
    }

    private Window compareWindow() {
        return app.fx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof javafx.stage.Stage s && s.getTitle() != null && s.getTitle().startsWith("Compare"))
                .findFirst().orElseThrow());
    }

    private List<Node> lookup(String query) {
        return app.fx(() -> List.copyOf(app.app.window().detailsPanel().lookupAll(query)));
    }

    private List<Node> lookup(Window window, String query) {
        return app.fx(() -> List.copyOf(window.getScene().getRoot().lookupAll(query)));
    }

    private String text(String query) {
        return app.fx(() -> texts(app.app.window().detailsPanel().lookupAll(query)));
    }

    private String text(Window window, String query) {
        return app.fx(() -> texts(window.getScene().getRoot().lookupAll(query)));
    }

    /** Every label, link and text under the nodes, joined by new lines. */
    private static String texts(Set<Node> roots) {
        StringBuilder out = new StringBuilder();
        for (Node root : roots) {
            collect(root, out);
        }
        return out.toString();
    }

    private static void collect(Node n, StringBuilder out) {
        if (n instanceof javafx.scene.control.Labeled l && l.getText() != null) {
            out.append(l.getText()).append('\n');
        } else if (n instanceof javafx.scene.text.Text t && !(n.getParent() instanceof javafx.scene.control.Labeled)) {
            out.append(t.getText()).append('\n');
        }
        if (n instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }
}
