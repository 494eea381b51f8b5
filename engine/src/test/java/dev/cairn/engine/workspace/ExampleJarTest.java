package dev.cairn.engine.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleJarTest {

    @TempDir
    Path home;

    @Test
    void theSameBytesAreNotWrittenAgainAndNewBytesReplaceTheOld() throws Exception {
        Path jar = ExampleJar.install(new byte[] {1, 2, 3}, home);
        assertThat(jar).isEqualTo(home.resolve("examples").resolve("cairn-examples.jar"));
        FileTime old = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(jar, old);

        assertThat(ExampleJar.install(new byte[] {1, 2, 3}, home)).isEqualTo(jar);
        assertThat(Files.getLastModifiedTime(jar)).isEqualTo(old);

        ExampleJar.install(new byte[] {1, 2, 4}, home);
        assertThat(Files.readAllBytes(jar)).containsExactly(1, 2, 4);
        try (var files = Files.list(jar.getParent())) {
            assertThat(files).containsExactly(jar);
        }
    }
}
