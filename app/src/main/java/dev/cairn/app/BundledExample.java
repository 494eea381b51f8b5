package dev.cairn.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;

/**
 * The example asset jar shipped inside the app. On first start (and whenever the bundled copy
 * differs from the extracted one, after an update) it is extracted to
 * {@code <Cairn home>/examples/cairn-examples.jar} and opened from there like any user's jar.
 */
public final class BundledExample {

    private static final String FOLDER = "/dev/cairn/app/examples/";
    private static final String MARKER = FOLDER + "cairn-examples-jar.properties";

    private BundledExample() {
    }

    /** Where the example goes under a Cairn home. */
    public static Path location(Path cairnHome) {
        return cairnHome.resolve("examples").resolve("cairn-examples.jar");
    }

    /**
     * Extracts the bundled example if needed and returns where it is; empty if this build has no
     * bundled example.
     *
     * @throws IOException if it cannot be written
     */
    public static Optional<Path> extract(Path cairnHome) throws IOException {
        Optional<byte[]> bundled = bundledBytes();
        if (bundled.isEmpty()) {
            return Optional.empty();
        }
        Path target = location(cairnHome);
        if (Files.isRegularFile(target) && Files.size(target) == bundled.get().length
                && Arrays.equals(Files.readAllBytes(target), bundled.get())) {
            return Optional.of(target);
        }
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "cairn-examples", ".tmp");
        Files.write(temp, bundled.get());
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        return Optional.of(target);
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
