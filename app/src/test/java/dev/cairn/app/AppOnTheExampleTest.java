package dev.cairn.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import dev.cairn.app.graph.model.NodeBadge;
import dev.cairn.engine.events.EventType;
import dev.cairn.engine.storage.RunStatus;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;

/** The app on a first start: the bundled example, opened, selected, materialized. */
class AppOnTheExampleTest {

    @TempDir
    Path home;
    private AppFixture app;

    @BeforeEach
    void start() throws Exception {
        app = AppFixture.start(home, null);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    @Test
    void opensTheExampleSelectsAnAssetAndMaterializesIt() {
        app.awaitNode("iris_data");
        assertThat(Files.isRegularFile(BundledExample.location(home))).isTrue();
        assertThat(app.fx(() -> app.app.window().graphPane().visibleKeys()))
                .contains("iris_data", "setosa", "topstories", "weather_samples");
        app.awaitBadge("iris_data", NodeBadge.MISSING);
        assertThat(app.app.graph().status("weather_samples").badge()).isEqualTo(NodeBadge.SOURCE);

        app.clickNode("iris_data");
        assertThat(app.fx(() -> Set.copyOf(app.app.graph().selection()))).containsExactly("iris_data");
        assertThat(app.fx(() -> app.robot.lookup("#materializeSelected").queryAs(Button.class).isDisabled())).isFalse();

        app.click("materializeSelected");

        app.awaitBadge("iris_data", NodeBadge.FRESH);
        app.await("the run to be listed as succeeded", () -> !app.app.runs().runs().isEmpty()
                && app.app.runs().runs().get(0).status() == RunStatus.SUCCESS);
        app.await("the run's log", () -> app.app.runs().events().stream()
                .anyMatch(e -> e.type() == EventType.RUN_SUCCESS));
        assertThat(app.fx(() -> app.app.runs().runs().get(0).selection())).isEqualTo("iris_data");
        assertThat(app.app.graph().status("setosa").badge()).isEqualTo(NodeBadge.MISSING);
        assertThat(app.fx(() -> app.robot.lookup("#materializeSelected").queryAs(Button.class).isDisabled())).isFalse();

        // The context menu of a node: right-click selects it; its first item materializes it.
        app.robot.rightClickOn(app.nodeOnScreen("setosa"));
        assertThat(app.fx(() -> Set.copyOf(app.app.graph().selection()))).containsExactly("setosa");
        app.robot.clickOn(app.robot.lookup(".context-menu .menu-item").nth(0).queryAs(javafx.scene.Node.class));
        app.awaitBadge("setosa", NodeBadge.FRESH);
    }

    @Test
    void searchKeyboardAndThemeWorkWithoutTheMouse() {
        app.awaitNode("topstories");
        app.robot.clickOn("#searchField").write("*most_frequent_words");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.fx(() -> Set.copyOf(app.app.graph().selection())))
                .containsExactlyInAnyOrder("most_frequent_words", "topstories", "topstory_ids");

        app.robot.eraseText("*most_frequent_words".length()).write("group:nope");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.fx(() -> app.robot.lookup("#searchResult").queryLabeled().getText())).contains("nope");

        // Enter in the search box moves to the matches; arrows then walk the graph.
        app.robot.eraseText("group:nope".length()).write("topstory_ids").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.fx(() -> Set.copyOf(app.app.graph().selection()))).containsExactly("topstory_ids");
        app.robot.type(KeyCode.RIGHT);
        assertThat(app.fx(() -> Set.copyOf(app.app.graph().selection()))).containsExactly("topstories");
        app.robot.type(KeyCode.ENTER);
        assertThat(app.fx(() -> app.robot.from(app.app.window().detailsPanel()).lookup(".details-title")
                .queryLabeled().getText())).isEqualTo("topstories");

        // Ctrl+Enter materializes the selection (with its upstream: the step needs topstory_ids).
        app.robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT, KeyCode.CONTROL);
        app.awaitBadge("topstories", NodeBadge.FRESH);
        app.awaitBadge("topstory_ids", NodeBadge.FRESH);

        app.robot.clickOn("#darkToggle");
        assertThat(app.fx(() -> app.app.window().graphPane().canvas().themeProperty().get().dark())).isTrue();
    }
}
