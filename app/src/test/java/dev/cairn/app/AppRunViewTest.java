package dev.cairn.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import dev.cairn.app.graph.model.NodeBadge;
import dev.cairn.app.runs.RunPanel;
import dev.cairn.app.runs.StepTimeline;
import dev.cairn.engine.events.EventType;
import dev.cairn.engine.storage.RunStatus;
import javafx.scene.control.ComboBox;
import javafx.scene.input.Clipboard;

/** The run view: the steps' timeline filters the log; the type filter; copying and saving the log. */
class AppRunViewTest {

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
    void theTimelineShowsEveryStepAndAClickOnOneFiltersTheLog() throws Exception {
        app = AppFixture.start(home, TestAssetJars.pipeline(jars, "1"));
        app.awaitNode("report");
        app.clickNode("report");
        app.click("materializeWithUpstream");
        app.awaitBadge("report", NodeBadge.FRESH);
        app.await("the run to end", () -> app.app.runs().runs().get(0).status() == RunStatus.SUCCESS
                && app.app.runs().events().stream().anyMatch(e -> e.type() == EventType.RUN_SUCCESS));
        StepTimeline timeline = app.robot.lookup("#stepTimeline").queryAs(StepTimeline.class);
        app.await("three steps on the timeline", () -> timeline.isVisible() && timeline.spans().steps().size() == 3);
        assertThat(app.fx(() -> timeline.spans().steps().stream().map(s -> s.key()).toList()))
                .containsExactly("raw", "cleaned", "report");
        assertThat(app.fx(() -> timeline.spans().steps().get(0).end())).isNotNull();

        // A click on a step shows only its events; a second click shows all again.
        app.robot.clickOn(app.fx(() -> timeline.localToScreen(timeline.rowPosition("cleaned"))));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.fx(() -> app.app.runs().stepProperty().get())).isEqualTo("cleaned");
        assertThat(app.fx(() -> app.app.runs().visibleEvents().stream().allMatch(e -> "cleaned".equals(e.assetKey()))))
                .isTrue();
        assertThat(app.fx(() -> app.app.runs().visibleEvents().size())).isGreaterThanOrEqualTo(3);
        app.robot.clickOn(app.fx(() -> timeline.localToScreen(timeline.rowPosition("cleaned"))));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.fx(() -> app.app.runs().stepProperty().get())).isNull();

        // The type filter: only materializations.
        @SuppressWarnings("unchecked")
        ComboBox<EventType> type = app.robot.lookup("#logType").queryAs(ComboBox.class);
        app.robot.interact(() -> type.setValue(EventType.ASSET_MATERIALIZATION));
        assertThat(app.fx(() -> app.app.runs().visibleEvents().stream().map(e -> e.assetKey()).toList()))
                .containsExactly("raw", "cleaned", "report");

        // Copy and save what is shown.
        app.click("logCopy");
        String copied = app.fx(() -> Clipboard.getSystemClipboard().getString());
        assertThat(copied.lines()).hasSize(3).allMatch(l -> l.contains("\tmaterialized\t"));
        RunPanel panel = app.robot.lookup("#runPanel").queryAs(RunPanel.class);
        Path file = jars.resolve("run.log");
        Path saved = app.fx(() -> panel.saveLog(file)).get(10, TimeUnit.SECONDS);
        assertThat(Files.readString(saved)).isEqualTo(copied);
    }
}
