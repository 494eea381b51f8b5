package dev.cairn.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which of the files dragged onto the window would open. */
class DroppedJarTest {

    @TempDir
    Path dir;

    @Test
    void theFirstExistingJarIsChosenAndEverythingElseIsRefused() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "x");
        Path folder = Files.createDirectory(dir.resolve("folder.jar"));
        Path jar = Files.writeString(dir.resolve("assets.JAR"), "x");
        Path other = Files.writeString(dir.resolve("other.jar"), "x");

        assertThat(MainWindow.droppedJar(List.of(text.toFile(), folder.toFile(), jar.toFile(), other.toFile())))
                .contains(jar);
        assertThat(MainWindow.droppedJar(List.of(text.toFile(), folder.toFile(), dir.resolve("gone.jar").toFile())))
                .isEmpty();
        assertThat(MainWindow.droppedJar(null)).isEmpty();
    }
}
