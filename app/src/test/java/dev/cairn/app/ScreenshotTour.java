package dev.cairn.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import dev.cairn.api.MetadataValue;
import dev.cairn.app.charts.History;
import dev.cairn.app.charts.PlotChart;
import dev.cairn.engine.storage.RunStatus;
import dev.cairn.engine.storage.h2.H2EventLog;
import dev.cairn.engine.workspace.Workspace;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Takes the screenshots of the plots and the run view, in light and dark, at 1280x800: the example
 * jar with a recorded history of iris_data (a year of daily materializations with a drop), then a
 * real run of everything. Run it with a display (Xvfb):
 * {@code DISPLAY=:99 java -cp <test class path> dev.cairn.app.ScreenshotTour <output folder>}.
 */
public final class ScreenshotTour {

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/cairn-shots");
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("cairn-tour");
        Path jar = BundledExample.extract(home).orElseThrow();
        try (H2EventLog log = Workspace.forJar(jar, home).create().openEventLog(H2EventLog.Mode.EXCLUSIVE)) {
            History history = new History(log, "3f9c2a17-history");
            Random random = new Random(3);
            Instant start = Instant.now().minus(Duration.ofDays(365));
            for (int i = 0; i < 365; i++) {
                long rows = i == 300 ? 74 : 150 + i / 8 + random.nextInt(6);
                history.queue("iris_data", start.plus(Duration.ofDays(i)).plusSeconds(random.nextInt(3600)),
                        Map.of("num_records", MetadataValue.of(rows),
                                "mean_petal_length_cm", MetadataValue.of(3.7 + random.nextGaussian() * 0.05)),
                        300 + random.nextInt(120) + (i > 200 ? 150 : 0));
            }
            history.finish();
        }
        AppFixture app = AppFixture.start(home, jar);
        try {
            app.awaitNode("iris_data");
            app.robot.interact(() -> {
                Window w = app.app.window().graphPane().getScene().getWindow();
                w.setWidth(1280);
                w.setHeight(800);
                app.app.window().materialize(java.util.Set.of("most_frequent_words", "iris_data", "setosa"), true);
            });
            for (int i = 0; i < 240 && !app.fx(() -> app.app.runs().runs().size() > 1
                    && app.app.runs().runs().get(0).status() != RunStatus.STARTED
                    && app.app.runs().events().stream().anyMatch(e -> e.type().endsRun())); i++) {
                Thread.sleep(500);
            }
            app.robot.interact(() -> {
                app.app.runs().stepProperty().set("iris_data");
                app.app.window().showPlots("iris_data");
            });
            app.await("the plots", () -> !app.app.window().plotsWindow().get().view().charts().isEmpty());
            app.robot.interact(() -> {
                Stage plots = (Stage) app.app.window().plotsWindow().get().view().getScene().getWindow();
                plots.setWidth(1280);
                plots.setHeight(800);
            });
            for (boolean dark : new boolean[]{false, true}) {
                app.robot.interact(() -> app.app.window().theme().darkProperty().set(dark));
                Thread.sleep(600);
                String theme = dark ? "dark" : "light";
                PlotChart records = app.fx(() -> app.app.window().plotsWindow().get().view().charts().stream()
                        .filter(c -> c.series().key().equals("num_records")).findFirst().orElseThrow());
                app.robot.moveTo(app.fx(() -> records.localToScreen(records.pointPosition(300))));
                Thread.sleep(400);
                save(app, app.app.window().plotsWindow().get().view().getScene(), out.resolve("plots-" + theme + ".png"));
                save(app, app.app.window().graphPane().getScene(), out.resolve("runs-" + theme + ".png"));
                app.robot.interact(() -> app.app.window().plotsWindow().get().view().model()
                        .applyPreset(dev.cairn.app.charts.PlotsViewModel.Preset.WEEK));
                Thread.sleep(300);
                save(app, app.app.window().plotsWindow().get().view().getScene(), out.resolve("plots-week-" + theme + ".png"));
                app.robot.interact(() -> app.app.window().plotsWindow().get().view().model()
                        .applyPreset(dev.cairn.app.charts.PlotsViewModel.Preset.ALL));
            }
        } finally {
            app.close();
        }
        System.out.println("screenshots in " + out);
        System.exit(0);
    }

    private static void save(AppFixture app, Scene scene, Path file) throws Exception {
        var image = app.fx(() -> scene.snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }
}
