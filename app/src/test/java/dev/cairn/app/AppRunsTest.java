package dev.cairn.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.app.graph.model.NodeBadge;
import dev.cairn.app.session.Notice;
import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.LogLevel;
import dev.cairn.engine.storage.RunStatus;
import javafx.scene.control.TableView;

/** Materializing, failing, canceling and rebuilding, through the app's buttons, on jars built at test time. */
class AppRunsTest {

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
    void materializedAssetsTurnFreshFailuresShowAndRebuildsMakeThemStaleOrShowProblems() throws Exception {
        Path jar = TestAssetJars.pipeline(jars, "1");
        app = start(jar);
        app.awaitNode("report");
        app.awaitBadge("report", NodeBadge.MISSING);

        app.clickNode("report");
        app.click("materializeWithUpstream");

        app.awaitBadge("report", NodeBadge.FRESH);
        app.awaitBadge("cleaned", NodeBadge.FRESH);
        app.awaitBadge("raw", NodeBadge.FRESH);
        assertThat(app.app.graph().status("failing").badge()).isEqualTo(NodeBadge.MISSING);
        assertThat(app.fx(() -> app.app.runs().runs().get(0).selection())).isEqualTo("*report");

        // A failing asset: its badge, its run, its error in the log, the log's text filter.
        app.clickNode("failing");
        app.click("materializeSelected");
        app.awaitBadge("failing", NodeBadge.FAILED);
        app.await("the failed run in the list", () -> app.app.runs().runs().get(0).status() == RunStatus.FAILURE);
        app.await("the error in the log table", () -> tableItems().stream()
                .anyMatch(e -> e.level() == LogLevel.ERROR && "failing".equals(e.assetKey())));
        app.robot.clickOn("#logFilter").write("warehouse");
        assertThat(app.fx(() -> tableItems())).isNotEmpty()
                .allMatch(e -> e.message().contains("warehouse") || String.valueOf(e.data()).contains("warehouse"));

        // A new code version upstream: the asset turns stale, its downstream is told why it will.
        Path v2 = TestAssetJars.pipeline(Files.createDirectory(jars.resolve("v2")), "2");
        Files.move(v2, jar, StandardCopyOption.REPLACE_EXISTING);

        app.awaitBadge("raw", NodeBadge.STALE);
        assertThat(app.app.graph().status("raw").subtitle()).contains("code changed");
        assertThat(app.fx(() -> app.app.graph().tooltip("raw"))).contains("code version changed from 1 to 2");
        assertThat(app.fx(() -> app.app.graph().tooltip("report")))
                .contains("will be stale once `raw` is re-materialized");
        app.await("a banner naming the change", () -> app.app.workspace().notices().stream()
                .map(Notice::text).anyMatch(t -> t.contains("new code version: raw")));

        // A broken rebuild: the problems show above the last working graph, which stays usable.
        Path broken = TestAssetJars.broken(Files.createDirectory(jars.resolve("broken")), "pipeline.jar");
        Files.move(broken, jar, StandardCopyOption.REPLACE_EXISTING);

        app.await("the problems panel", () -> app.app.window().problemsPanel().isVisible());
        assertThat(problemsText()).contains("pipeline.jar has", "Cycle", "last definitions that loaded");
        assertThat(app.fx(() -> app.app.window().graphPane().visibleKeys())).contains("raw", "report");
        app.fx(() -> {
            // Banners sit over the graph: a user closes them before clicking what they cover.
            app.app.workspace().notices().clear();
            return null;
        });
        app.clickNode("cleaned");
        assertThat(app.fx(() -> java.util.Set.copyOf(app.app.graph().selection()))).containsExactly("cleaned");
        assertThat(app.fx(() -> app.robot.lookup("#materializeSelected").queryButton().isDisabled())).isTrue();
    }

    @Test
    void aRunningAssetCannotBeStartedTwiceAndCancelStopsIt() {
        app = start(TestAssetJars.slow(jars));
        app.awaitNode("slow");
        // Banners with one title replace each other: keep every refusal as it comes.
        List<String> refusals = new java.util.concurrent.CopyOnWriteArrayList<>();
        app.fx(() -> {
            app.app.workspace().notices().addListener((javafx.collections.ListChangeListener<Notice>) c -> {
                while (c.next()) {
                    c.getAddedSubList().stream().filter(n -> n.title().equals("Already being materialized"))
                            .forEach(n -> refusals.add(n.text()));
                }
            });
            return null;
        });
        app.clickNode("slow");
        // The second click comes before the first run exists, the third while it runs: both are refused.
        app.click("materializeWithUpstream");
        app.click("materializeWithUpstream");
        app.awaitBadge("slow", NodeBadge.RUNNING);
        app.click("materializeWithUpstream");
        app.await("the refusals", () -> refusals.size() == 2);
        assertThat(refusals.get(0)).startsWith("quick, slow (a run that is starting)");
        assertThat(refusals.get(1)).startsWith("quick, slow (run ");
        assertThat(app.fx(() -> app.app.runs().runs().size())).isEqualTo(1);

        app.click("cancelRun");

        app.await("the run to end canceled", () -> !app.app.runs().runs().isEmpty()
                && app.app.runs().runs().get(0).status() == RunStatus.CANCELED);
        // The interrupted attempt is recorded as failed; the asset was never materialized.
        app.await("slow to stop running", () -> app.app.graph().status("slow").badge() != NodeBadge.RUNNING);
        assertThat(app.fx(() -> app.app.workspace().statusProperty().get().state("slow").status()))
                .isEqualTo(dev.cairn.engine.staleness.AssetStatus.MISSING);
        app.awaitBadge("quick", NodeBadge.FRESH);

        // Once the run has ended its assets can run again.
        app.clickNode("quick");
        app.click("materializeSelected");
        app.await("a second run", () -> app.app.runs().runs().size() == 2);
    }

    @Test
    void aBrokenJarShowsEveryProblem() {
        app = start(TestAssetJars.broken(jars, "broken.jar"));
        app.await("the problems panel", () -> app.app.window().problemsPanel().isVisible());
        assertThat(problemsText()).contains("broken.jar has", "Cycle", "Unknown upstream", "orphan",
                "nowhere", "Nothing can run");
        assertThat(app.fx(() -> app.robot.lookup("#materializeAll").queryButton().isDisabled())).isTrue();
    }

    private String problemsText() {
        return app.fx(() -> app.robot.from(app.app.window().problemsPanel()).lookup(".label").queryAll()
                .stream().map(n -> ((javafx.scene.control.Label) n).getText())
                .reduce("", (a, b) -> a + "\n" + b));
    }

    @Test
    void aDroppedJarOpensAndOtherFilesAreRefused() throws Exception {
        Path first = TestAssetJars.slow(jars);
        app = start(first);
        app.awaitNode("quick");
        Path notes = Files.writeString(jars.resolve("notes.txt"), "not a jar");
        Path second = TestAssetJars.pipeline(Files.createDirectory(jars.resolve("second")), "1");

        assertThat(app.fx(() -> app.app.window().openDropped(List.of(notes.toFile())))).isFalse();
        assertThat(app.fx(() -> app.app.workspace().jarProperty().get())).isEqualTo(first);

        assertThat(app.fx(() -> app.app.window().openDropped(List.of(notes.toFile(), second.toFile())))).isTrue();
        app.awaitNode("report");
        assertThat(app.fx(() -> app.app.workspace().jarProperty().get())).isEqualTo(second);
    }

    @Test
    void aCollapsedGroupIsOneNodeThatMaterializesItsMembersAndExpandsBack() {
        app = start(TestAssetJars.pipeline(jars, "1"));
        app.awaitNode("raw");

        app.robot.doubleClickOn(groupTitleOnScreen("ingest", "raw"));
        app.await("the group's node", () -> app.app.window().graphPane().canvas().nodeBoundsInLocal("group:ingest").isPresent());
        assertThat(app.fx(() -> app.app.window().graphPane().visibleKeys()))
                .containsExactlyInAnyOrder("group:ingest", "report", "failing");
        assertThat(app.fx(() -> app.app.graph().tooltip("group:ingest"))).contains("cleaned, raw", "2 missing");

        app.clickNode("group:ingest");
        app.click("materializeSelected");
        app.awaitBadge("raw", NodeBadge.FRESH);
        app.awaitBadge("cleaned", NodeBadge.FRESH);
        assertThat(app.fx(() -> app.app.runs().runs().get(0).selection())).isEqualTo("cleaned, raw");

        app.robot.doubleClickOn(groupTitleOnScreen("ingest", "group:ingest"));
        app.awaitNode("raw");
        assertThat(app.fx(() -> app.app.window().graphPane().visibleKeys())).doesNotContain("group:ingest");
    }

    @Test
    void collapsedGroupsAreRememberedAndASearchExpandsTheGroupHidingAMatch() throws Exception {
        Path jar = TestAssetJars.pipeline(jars, "1");
        app = start(jar);
        app.awaitNode("raw");
        app.robot.doubleClickOn(groupTitleOnScreen("ingest", "raw"));
        app.await("the group's node", () -> app.app.window().graphPane().canvas().nodeBoundsInLocal("group:ingest").isPresent());
        app.close();

        app = start(jar);
        app.await("the group collapsed again after a restart",
                () -> app.app.window().graphPane().canvas().nodeBoundsInLocal("group:ingest").isPresent());
        assertThat(app.fx(() -> app.app.window().graphPane().visibleKeys())).doesNotContain("raw");

        app.robot.clickOn("#searchField").write("raw").type(javafx.scene.input.KeyCode.ENTER);
        app.awaitNode("raw");
        app.await("the match selected", () -> app.app.graph().selection().equals(java.util.Set.of("raw")));
        assertThat(app.fx(() -> app.app.window().graphPane().visibleKeys())).doesNotContain("group:ingest");
        app.close();

        app = start(jar);
        app.awaitNode("raw");
        app.awaitNode("report");
        assertThat(app.fx(() -> app.app.window().graphPane().visibleKeys())).doesNotContain("group:ingest");
    }

    /** A point in the title band of a group's box, found from where one of its nodes is drawn. */
    private javafx.geometry.Point2D groupTitleOnScreen(String group, String member) {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        return app.fx(() -> {
            var canvas = app.app.window().graphPane().canvas();
            var layout = app.app.graph().graphProperty().get().layout();
            var box = layout.groups().get(group);
            var node = layout.nodes().get(member);
            var drawn = canvas.nodeBoundsInLocal(member).orElseThrow();
            double s = canvas.getZoom();
            double x = drawn.getMinX() + (box.x() + 12 - node.x()) * s;
            double y = drawn.getMinY() + (box.y() + 6 - node.y()) * s;
            return canvas.localToScreen(x, y);
        });
    }

    @Test
    void aDamagedEventLogLeavesTheGraphUpSaysWhyAndRefusesRuns() throws Exception {
        Path jar = TestAssetJars.pipeline(jars, "1");
        Path file = Path.of(dev.cairn.engine.workspace.Workspace.forJar(jar, home).create().eventLogDatabase() + ".mv.db");
        Files.write(file, new byte[32 * 1024]);

        app = start(jar);
        app.awaitNode("report");
        app.await("a notice naming the damaged log", () -> app.app.workspace().notices().stream()
                .anyMatch(n -> n.title().equals("Cannot open the event log") && n.text().contains(file.toString())));
        assertThat(app.app.graph().status("report").badge()).isEqualTo(NodeBadge.UNKNOWN);
        assertThat(app.fx(() -> app.app.graph().tooltip("report"))).contains("Status unknown");

        app.clickNode("raw");
        app.click("materializeSelected");
        app.await("the run to be refused, naming the log", () -> app.app.workspace().notices().stream()
                .anyMatch(n -> n.title().contains("did not start") && n.text().contains("event log cannot be opened")));
        assertThat(Files.readAllBytes(file)).containsOnly(0);
    }

    private AppFixture start(Path jar) {
        try {
            return AppFixture.start(home, jar);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private java.util.List<Event> tableItems() {
        return java.util.List.copyOf(((TableView<Event>) app.robot.lookup("#runLog").query()).getItems());
    }
}
