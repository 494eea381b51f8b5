package dev.cairn.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import dev.cairn.app.engine.WorkspaceSession;
import dev.cairn.app.graph.model.NodeBadge;
import dev.cairn.app.graph.model.NodeStatus;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;

/** Starts the real app (headless) on a temporary Cairn home, and waits for what tests expect. */
final class AppFixture implements AutoCloseable {

    static final long TIMEOUT_SECONDS = 30;

    final Path home;
    final CairnApp app;
    final FxRobot robot = new FxRobot();

    private AppFixture(Path home, CairnApp app) {
        this.home = home;
        this.app = app;
    }

    /** Starts the app on a jar, or with none (the bundled example on a first start). */
    static AppFixture start(Path home, Path jar) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        AppConfig config = new AppConfig(home, jar,
                new WorkspaceSession.Options(Duration.ofMillis(150), Duration.ofMillis(250), 100));
        CairnApp app = (CairnApp) FxToolkit.setupApplication(() -> new CairnApp(config));
        return new AppFixture(home, app);
    }

    /** Waits until the condition, read on the JavaFX thread, holds. */
    void await(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    /** Reads a value on the JavaFX thread. */
    <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits until an asset's node shows this badge. */
    void awaitBadge(String key, NodeBadge badge) {
        await(key + " to be " + badge, () -> {
            NodeStatus s = app.graph().status(key);
            return s != null && s.badge() == badge;
        });
    }

    /** Waits until the graph is drawn with this node. */
    void awaitNode(String key) {
        await("the node " + key, () -> app.window().graphPane().canvas().nodeBoundsInLocal(key).isPresent()
                && app.graph().status(key) != null);
    }

    /** Where a node is on the screen. */
    Point2D nodeOnScreen(String key) {
        // Let a pending layout pass (a panel that just appeared, a refit) move the node first.
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> {
            var canvas = app.window().graphPane().canvas();
            app.window().graphPane().scrollIntoView(key);
            Bounds b = canvas.nodeBoundsInLocal(key).orElseThrow();
            return canvas.localToScreen(b.getCenterX(), b.getCenterY());
        });
    }

    /** Clicks a node, selecting it. */
    void clickNode(String key) {
        robot.clickOn(nodeOnScreen(key));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks a control by its id. */
    void click(String id) {
        robot.clickOn("#" + id);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Override
    public void close() throws TimeoutException {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }
}
