package dev.cairn.engine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.cairn.engine.instance.CairnInstance;
import dev.cairn.engine.storage.h2.H2EventLog;
import dev.cairn.engine.workspace.CairnHome;
import dev.cairn.engine.workspace.ExampleJar;
import picocli.CommandLine.Option;

/** The options every command that works on a jar shares. */
final class JarOptions {

    /** When {@code --jar} is not given, the jar named by this environment variable is used. */
    static final String JAR_ENV = "CAIRN_JAR";

    @Option(names = "--jar", paramLabel = "JAR",
            description = "The asset jar (default: the CAIRN_JAR environment variable, else the example "
                    + "that comes with Cairn).")
    Path jar;

    @Option(names = "--deps", paramLabel = "PATH", split = ",",
            description = "Jars, or folders of jars, that the asset jar needs (comma-separated, repeatable).")
    List<Path> dependencies = new ArrayList<>();

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "The workspace folder (default: one per jar under the Cairn home).")
    Path workspace;

    /** Opens the instance: workspace, event log and definitions. */
    CairnInstance open() {
        return CairnInstance.open(config());
    }

    /** The instance these options describe, with the event log shared with other processes. */
    CairnInstance.Config config() {
        return new CairnInstance.Config(jarPath(), dependencies, workspace, H2EventLog.Mode.SHARED);
    }

    /** The jar {@value #JAR_ENV} names, or null. */
    static Path jarFromEnvironment() {
        String env = System.getenv(JAR_ENV);
        return env == null || env.isBlank() ? null : Path.of(env);
    }

    Path jarPath() {
        Path p = jar;
        if (p == null) {
            p = jarFromEnvironment();
            if (p == null) {
                p = example();
            }
        }
        if (!Files.isRegularFile(p)) {
            throw new CliException("the asset jar " + p + " does not exist");
        }
        return p;
    }

    /**
     * The example that comes with Cairn, at the place under the Cairn home where the app opens it too
     * (so both share its workspace).
     */
    private static Path example() {
        String source = System.getProperty(ExampleJar.SOURCE_PROPERTY);
        if (source == null || source.isBlank()) {
            throw new CliException("no asset jar given: use --jar path/to/assets.jar");
        }
        try {
            return ExampleJar.install(Files.readAllBytes(Path.of(source)), CairnHome.resolve());
        } catch (IOException | RuntimeException e) {
            throw new CliException("cannot put the example jar " + source + " under the Cairn home: " + e.getMessage());
        }
    }
}
