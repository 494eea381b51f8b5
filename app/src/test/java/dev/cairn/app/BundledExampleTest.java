package dev.cairn.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledExampleTest {

    @TempDir
    Path home;

    @Test
    void extractsTheExampleOnceAndAgainWhenTheCopyDiffers() throws Exception {
        Path jar = BundledExample.extract(home).orElseThrow();
        assertThat(jar).isEqualTo(home.resolve("examples").resolve("cairn-examples.jar"));
        byte[] bundled = Files.readAllBytes(jar);
        assertThat(bundled).startsWith(0x50, 0x4b);
        long modified = Files.getLastModifiedTime(jar).toMillis();

        assertThat(BundledExample.extract(home)).contains(jar);
        assertThat(Files.getLastModifiedTime(jar).toMillis()).isEqualTo(modified);

        Files.write(jar, new byte[] {1, 2, 3});
        BundledExample.extract(home);
        assertThat(Files.readAllBytes(jar)).isEqualTo(bundled);
    }
}
