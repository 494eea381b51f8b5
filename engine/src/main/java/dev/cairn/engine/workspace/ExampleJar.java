package dev.cairn.engine.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The example asset jar that comes with Cairn, kept at one place under the Cairn home,
 * {@code <home>/examples/cairn-examples.jar}. The app and the command line both open it from there,
 * so they share its workspace: a run started from one shows in the other.
 */
public final class ExampleJar {

    /**
     * The system property naming the example jar a launcher ships (the command line's launcher sets
     * it); the command line installs and opens that jar when no other jar is given.
     */
    public static final String SOURCE_PROPERTY = "cairn.example.source";

    private ExampleJar() {
    }

    /** Where the example goes under a Cairn home. */
    public static Path location(Path cairnHome) {
        return cairnHome.resolve("examples").resolve("cairn-examples.jar");
    }

    /**
     * Puts these bytes at {@link #location} unless the same bytes are already there (after an update
     * they differ, and the new example replaces the old one in one move).
     *
     * @return where the example is
     * @throws IOException if it cannot be written
     */
    public static Path install(byte[] jar, Path cairnHome) throws IOException {
        Path target = location(cairnHome);
        if (Files.isRegularFile(target) && Files.size(target) == jar.length
                && Arrays.equals(Files.readAllBytes(target), jar)) {
            return target;
        }
        AtomicFiles.write(target, jar);
        return target;
    }
}
