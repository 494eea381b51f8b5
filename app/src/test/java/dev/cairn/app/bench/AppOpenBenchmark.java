package dev.cairn.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.cairn.app.AppConfig;
import dev.cairn.app.CairnApp;
import dev.cairn.app.engine.WorkspaceSession;
import dev.cairn.app.graph.view.GraphCanvas;
import dev.cairn.engine.testjars.TestJars;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The whole app, from start to the graph on screen: a fresh JVM per measurement starts the real
 * {@link CairnApp} (headless Monocle) on a generated jar; the definitions are read by a worker JVM,
 * laid out and drawn. Reported: the time from the app's start until the last asset's node is on the
 * canvas and a frame has been drawn, first on a new workspace (no caches), then again on the same
 * workspace (the snapshot and layout caches let the graph appear before the worker answers).
 *
 * <p>Run with the app's test class path and the headless flags:
 * {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -cp <cp>
 * dev.cairn.app.bench.AppOpenBenchmark 1000,5000,10000}.
 */
public final class AppOpenBenchmark {

    private static final int PER_CLASS = 250;
    private static final int PER_GROUP = 500;

    private AppOpenBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            return;
        }
        String sizes = args.length > 0 ? args[0] : "1000,5000,10000";
        Path dir = Files.createTempDirectory("cairn-app-open");
        System.out.printf("%d cores, load average %s%n", Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.println("| assets | groups | first open ms | reopen ms |");
        System.out.println("|--------|--------|---------------|-----------|");
        for (String size : sizes.split(",")) {
            int n = Integer.parseInt(size.trim());
            Path jar = generatedJar(Files.createDirectories(dir.resolve("jar-" + n)), n);
            Path home = dir.resolve("home-" + n);
            long first = inChildJvm(home, jar, n);
            long again = inChildJvm(home, jar, n);
            System.out.printf("| %,6d | %6d | %13d | %9d |%n", n, (n + PER_GROUP - 1) / PER_GROUP, first, again);
        }
        System.out.printf("load average at the end: %s%n", loadAverage());
    }

    /** Starts a JVM like this one that opens the jar and prints the milliseconds to the first frame. */
    private static long inChildJvm(Path home, Path jar, int n) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String property : List.of("glass.platform", "monocle.platform", "prism.order", "headless.geometry")) {
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), AppOpenBenchmark.class.getName(),
                "--child", home.toString(), jar.toString(), Integer.toString(n)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("the measuring JVM failed: " + out);
        }
        String[] lines = out.split("\n");
        return Long.parseLong(lines[lines.length - 1].trim());
    }

    private static void child(Path home, Path jar, int n) throws Exception {
        long start = System.nanoTime();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        AppConfig config = new AppConfig(home, jar, WorkspaceSession.Options.defaults());
        CairnApp app = new CairnApp(config);
        app.init();  // off the JavaFX thread, as Application.launch does
        onFx(() -> {
            app.start(new Stage());
            return null;
        });
        String last = "a" + (n - 1);
        while (true) {
            boolean drawn = onFx(() -> Window.getWindows().stream()
                    .map(w -> w.getScene().lookup(".graph-canvas"))
                    .filter(GraphCanvas.class::isInstance)
                    .map(GraphCanvas.class::cast)
                    .anyMatch(c -> c.nodeBoundsInLocal(last).isPresent()));
            if (drawn) {
                // One more pulse: the frame with the nodes has been drawn when this runs.
                onFx(() -> null);
                break;
            }
            Thread.sleep(5);
        }
        System.out.println((System.nanoTime() - start) / 1_000_000);
        onFx(() -> {
            app.stop();
            return null;
        });
        Platform.exit();
        System.exit(0);
    }

    /**
     * Classes of 250 no-op assets in groups of 500; each asset depends on up to two of the 200 before
     * it, so the graph is a deep layered DAG like a large warehouse's lineage.
     */
    static Path generatedJar(Path dir, int assets) {
        Random random = new Random(42);
        TestJars.Builder builder = TestJars.builder();
        for (int c = 0; c * PER_CLASS < assets; c++) {
            StringBuilder src = new StringBuilder("package bench;\nimport dev.cairn.api.*;\npublic class Assets" + c + " {\n");
            for (int i = c * PER_CLASS; i < Math.min(assets, (c + 1) * PER_CLASS); i++) {
                StringBuilder params = new StringBuilder();
                java.util.Set<Integer> ups = new java.util.TreeSet<>();
                for (int d = 0; d < 2 && i > 0; d++) {
                    ups.add(Math.max(0, i - 1 - random.nextInt(Math.min(i, 200))));
                }
                for (int up : ups) {
                    params.append(params.length() == 0 ? "" : ", ").append("int a").append(up);
                }
                src.append("  @Asset(group = \"g").append(i / PER_GROUP).append("\", codeVersion = \"1\") ")
                        .append("public static int a").append(i).append("(").append(params).append(") { return 1; }\n");
            }
            builder.source("bench.Assets" + c, src.append("}\n").toString());
        }
        return builder.build(dir);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(5, TimeUnit.MINUTES);
    }
}
