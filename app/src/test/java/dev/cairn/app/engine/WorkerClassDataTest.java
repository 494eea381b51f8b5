package dev.cairn.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerClassDataTest {

    @TempDir
    Path dir;

    private Path jar(String name, String classPath) throws Exception {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            m.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            out.flush();
        }
        return jar;
    }

    @Test
    void theArchiveIsNamedAfterEveryJarItDependsOnIncludingThoseOfTheManifest() throws Exception {
        Files.createDirectories(dir.resolve("lib"));
        Path lib = jar("lib/engine.jar", null);
        Path app = jar("app.jar", "lib/engine.jar");
        Path cache = dir.resolve("cache");

        WorkerClassData before = WorkerClassData.in(cache, dir, app.toString());
        assertThat(before.usable()).isTrue();
        assertThat(WorkerClassData.classPathFiles(app.toString())).containsExactly(app, lib);
        assertThat(WorkerClassData.in(cache, dir, app.toString()).archive()).isEqualTo(before.archive());

        // A rebuilt library invalidates the archive: a new name, so a new archive.
        Files.setLastModifiedTime(lib, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(WorkerClassData.in(cache, dir, app.toString()).archive()).isNotEqualTo(before.archive());
    }

    @Test
    void aJarTheManifestNamesThatIsMissingStillAllowsAnArchive() throws Exception {
        // As in the app image: the manifest names JavaFX jars that live in the runtime instead.
        Path app = jar("app.jar", "lib/javafx-graphics.jar");
        WorkerClassData data = WorkerClassData.in(dir.resolve("cache"), dir, app.toString());
        assertThat(data.usable()).isTrue();
        assertThat(data.useOrCreate().pending()).isNotNull();
    }

    @Test
    void aFolderOnTheClassPathMeansNoArchive() throws Exception {
        Path app = jar("app.jar", null);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        WorkerClassData data = WorkerClassData.in(dir.resolve("cache"), dir, app + File.pathSeparator + classes);
        assertThat(data.usable()).isFalse();
        assertThat(data.useOptions()).isEmpty();
        assertThat(data.useOrCreate().pending()).isNull();
    }

    @Test
    void onlyOneWorkerAtATimeWritesTheArchiveAndAnEmptyResultIsDropped() throws Exception {
        Path app = jar("app.jar", null);
        WorkerClassData data = WorkerClassData.in(dir.resolve("cache"), dir, app.toString());
        WorkerClassData.Creation first = data.useOrCreate();
        assertThat(first.pending()).isNotNull();
        assertThat(first.jvmOptions()).anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="));
        assertThat(data.useOrCreate().pending()).isNull();

        data.created(first);  // the worker wrote nothing (it was killed, say)

        assertThat(Files.exists(data.archive())).isFalse();
        assertThat(data.useOrCreate().pending()).isNotNull();
    }

    @Test
    void aWrittenArchiveIsPutInPlaceAndUsed() throws Exception {
        Path app = jar("app.jar", null);
        WorkerClassData data = WorkerClassData.in(dir.resolve("cache"), dir, app.toString());
        WorkerClassData.Creation creation = data.useOrCreate();
        Files.write(creation.pending(), new byte[] {1, 2, 3});

        data.created(creation);

        assertThat(Files.exists(data.archive())).isTrue();
        assertThat(data.useOptions()).contains("-XX:SharedArchiveFile=" + data.archive());
        assertThat(data.useOrCreate().jvmOptions()).contains("-XX:SharedArchiveFile=" + data.archive());
    }
}
