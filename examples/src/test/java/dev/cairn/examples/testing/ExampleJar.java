package dev.cairn.examples.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import dev.cairn.examples.ExampleDefinitions;

/**
 * Packs the compiled example classes and resources into a jar, as {@code mvn package} does, so
 * that tests can load the jar the way Cairn does before the build has packaged it.
 */
public final class ExampleJar {

    private ExampleJar() {
    }

    /** Writes the jar to {@code target} and returns it. */
    public static Path build(Path target) {
        try {
            Path classes = Path.of(ExampleDefinitions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<Path> files;
            try (Stream<Path> walk = Files.walk(classes)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target))) {
                for (Path file : files) {
                    out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
