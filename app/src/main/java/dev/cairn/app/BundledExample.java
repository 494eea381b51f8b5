package dev.cairn.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import dev.cairn.engine.workspace.ExampleJar;

/**
 * The example asset jar shipped inside the app. On first start (and whenever the bundled copy
 * differs from the extracted one, after an update) it is extracted to
 * {@code <Cairn home>/examples/cairn-examples.jar} ({@link ExampleJar}) and opened from there like
 * any user's jar; the command line opens the same file, so both share its workspace.
 */
public final class BundledExample {

    private static final String FOLDER = "/dev/cairn/app/examples/";
    private static final String MARKER = FOLDER + "cairn-examples-jar.properties";

    private BundledExample() {
    }

    /** Where the example goes under a Cairn home. */
    public static Path location(Path cairnHome) {
        return ExampleJar.location(cairnHome);
    }

    /** Whether this build bundles the example (without reading the jar). */
    public static boolean isBundled() {
        return BundledExample.class.getResource(MARKER) != null;
    }

    /**
     * Extracts the bundled example if needed and returns where it is; empty if this build has no
     * bundled example.
     *
     * @throws IOException if it cannot be written
     */
    public static Optional<Path> extract(Path cairnHome) throws IOException {
        Optional<byte[]> bundled = bundledBytes();
        return bundled.isEmpty() ? Optional.empty() : Optional.of(ExampleJar.install(bundled.get(), cairnHome));
    }

    private static Optional<byte[]> bundledBytes() throws IOException {
        Properties marker = new Properties();
        try (InputStream in = BundledExample.class.getResourceAsStream(MARKER)) {
            if (in == null) {
                return Optional.empty();
            }
            marker.load(in);
        }
        String name = marker.getProperty("jar.file");
        if (name == null) {
            return Optional.empty();
        }
        try (InputStream in = BundledExample.class.getResourceAsStream(FOLDER + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        }
    }
}
