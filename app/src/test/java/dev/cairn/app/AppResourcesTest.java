package dev.cairn.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import dev.cairn.api.DefinitionsProvider;
import dev.cairn.app.resources.ResourcesWindow;
import dev.cairn.engine.testjars.TestJars;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;

/** View › Resources lists the jar's resources and IO managers, with environment variables by name only. */
class AppResourcesTest {

    /** Set wherever the tests run, and inherited by the app's workers. */
    private static final String SET = System.getenv("PATH") != null ? "PATH" : "HOME";
    private static final String UNSET = "CAIRN_TEST_UNSET_" + UUID.randomUUID().toString().replace('-', '_');

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

    private Path jar() {
        return TestJars.builder().fileName("configured.jar")
                .source("demo.Warehouse", """
                        package demo;
                        import dev.cairn.api.*;
                        public record Warehouse(String host, int port, String password, EnvVar token, EnvVar user) { }
                        """)
                .source("demo.Assets", """
                        package demo;
                        import dev.cairn.api.*;
                        public class Assets {
                            @Asset public static int rows(Warehouse warehouse) { return warehouse.port(); }
                        }
                        """)
                .source("demo.Defs", """
                        package demo;
                        import dev.cairn.api.*;
                        public class Defs implements DefinitionsProvider {
                            public void define(Definitions defs) {
                                defs.resource("warehouse", new Warehouse("db.example.com", 5432, "hunter2",
                                        EnvVar.of("%s"), EnvVar.of("%s")));
                                defs.ioManager("model_io_manager", IOManagers.binary(defs.workspace().resolve("models")));
                            }
                        }
                        """.formatted(SET, UNSET))
                .service(DefinitionsProvider.class, "demo.Defs")
                .build(jars);
    }

    @Test
    void theResourcesWindowShowsConfigurationAndVariablesByNameButNoSecret() throws Exception {
        app = AppFixture.start(home, jar());
        app.awaitNode("rows");

        MenuItem item = app.fx(() -> {
            MenuBar bar = app.robot.lookup(".menu-bar").queryAs(MenuBar.class);
            return bar.getMenus().stream().map(Menu::getItems).flatMap(List::stream)
                    .filter(i -> "resourcesMenu".equals(i.getId())).findFirst().orElseThrow();
        });
        app.fx(() -> {
            item.fire();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        ResourcesWindow window = app.fx(() -> app.app.window().showResources());
        assertThat(app.fx(() -> window.stage().isShowing())).isTrue();

        Set<String> texts = app.fx(() -> labels(window.view()));
        assertThat(texts).contains("warehouse", "host", "db.example.com", "port", "5432", "password", "••••••",
                "$" + SET, "set", "$" + UNSET, "not set", "model_io_manager", "IO manager", "io_manager", "baseDir",
                "1 environment variable is not set: runs of the assets that use it will not start.");
        assertThat(texts).noneMatch(t -> t.contains("hunter2"))
                .noneMatch(t -> t.contains(System.getenv(SET)));
        assertThat(app.fx(() -> window.view().lookup("#resource-warehouse").lookupAll(".badge-failed").size())).isEqualTo(1);
        assertThat(app.fx(() -> window.view().lookup("#resource-warehouse").lookupAll(".badge-fresh").size())).isEqualTo(1);

        // A run that needs the missing variable does not start, and says why.
        app.fx(() -> {
            app.app.workspace().materialize("rows");
            return null;
        });
        app.await("a notice naming the variable", () -> app.app.workspace().notices().stream()
                .anyMatch(n -> n.toString().contains(UNSET)));
    }

    private static Set<String> labels(Node root) {
        return root.lookupAll(".label").stream().filter(Label.class::isInstance)
                .map(n -> ((Label) n).getText()).filter(t -> t != null).collect(java.util.stream.Collectors.toSet());
    }
}
