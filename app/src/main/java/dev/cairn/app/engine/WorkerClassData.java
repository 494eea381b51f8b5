package dev.cairn.app.engine;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import dev.cairn.engine.workspace.AtomicFiles;

/**
 * A class data sharing archive for worker JVMs (JDK "AppCDS"): the engine's classes, parsed once
 * and mapped by every later worker, which then starts in about two thirds of the time (measured:
 * 1.3 s to 0.8 s for a small run, 0.6 s to 0.4 s for reading definitions).
 *
 * <p>The first run worker writes the archive when it exits; workers after it use it. The archive
 * is only valid for the same Java and the same class path files, so its name is a hash of both
 * (sizes and modification times of every class path jar and of the jars their manifests name):
 * a rebuilt app gets a new archive. A missing or unusable archive only costs the speed-up; the
 * JVM's messages about it are silenced, so that they never mix with a worker's output.
 */
final class WorkerClassData {

    /** Archives older than this, of other builds, are deleted when a new one is made. */
    private static final Duration KEEP_OLD = Duration.ofDays(2);
    private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    private final Path archive;
    private final boolean usable;
    private final AtomicBoolean creating = new AtomicBoolean();

    private WorkerClassData(Path archive, boolean usable) {
        this.archive = archive;
        this.usable = usable;
    }

    /**
     * Archives in {@code folder}, for workers with this Java and class path. The JVM archives only
     * class paths of jars: with a folder of classes on it (an IDE, a test run) there is no archive.
     * A jar that does not exist is skipped by the JVM and does not prevent an archive: the app
     * image leaves out the JavaFX jars that the app jar's manifest names, as its runtime has JavaFX.
     */
    static WorkerClassData in(Path folder, Path javaHome, String classPath) {
        List<Path> files = classPathFiles(classPath);
        boolean jarsOnly = files.stream().allMatch(p -> p.toString().endsWith(".jar") && !Files.isDirectory(p));
        return new WorkerClassData(folder.resolve("worker-" + key(javaHome, files) + ".jsa"), jarsOnly);
    }

    /** Whether workers can share an archive at all. */
    boolean usable() {
        return usable;
    }

    /** The archive file. */
    Path archive() {
        return archive;
    }

    /** Options for a worker that only uses the archive, if there is one. */
    List<String> useOptions() {
        if (!usable || !Files.isRegularFile(archive)) {
            return List.of();
        }
        List<String> options = new ArrayList<>(QUIET);
        options.add("-XX:SharedArchiveFile=" + archive);
        return options;
    }

    /**
     * Options for a worker that uses the archive, or, if there is none yet and no other worker is
     * making it, writes it at exit: then {@link #created} must be called once that worker has exited.
     */
    Creation useOrCreate() {
        if (!usable || Files.isRegularFile(archive) || !creating.compareAndSet(false, true)) {
            return new Creation(useOptions(), null);
        }
        try {
            Files.createDirectories(archive.getParent());
        } catch (IOException e) {
            creating.set(false);
            return new Creation(List.of(), null);
        }
        Path temp = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        List<String> options = new ArrayList<>(QUIET);
        options.add("-XX:ArchiveClassesAtExit=" + temp);
        return new Creation(options, temp);
    }

    /**
     * What a worker is started with.
     *
     * @param jvmOptions the options to add
     * @param pending where the worker writes a new archive at exit, or null
     */
    record Creation(List<String> jvmOptions, Path pending) { }

    /** Puts the archive a worker wrote in place (if it wrote one) and deletes archives of old builds. */
    void created(Creation creation) {
        if (creation.pending() == null) {
            return;
        }
        try {
            if (Files.isRegularFile(creation.pending()) && Files.size(creation.pending()) > 0) {
                AtomicFiles.moveIntoPlace(creation.pending(), archive);
                deleteOld();
            }
        } catch (IOException e) {
            // Without the archive workers start a little slower; nothing else changes.
        } finally {
            try {
                Files.deleteIfExists(creation.pending());
            } catch (IOException ignored) {
                // A stray temporary file in a cache folder.
            }
            creating.set(false);
        }
    }

    private void deleteOld() throws IOException {
        Instant cutoff = Instant.now().minus(KEEP_OLD);
        try (Stream<Path> files = Files.list(archive.getParent())) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("worker-")).toList()) {
                if (!f.equals(archive) && Files.getLastModifiedTime(f).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** Every file of a class path, with the jars the jars' manifests add. */
    static List<Path> classPathFiles(String classPath) {
        List<Path> files = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path p = Path.of(entry);
            files.add(p);
            if (entry.endsWith(".jar")) {
                files.addAll(manifestClassPath(p));
            }
        }
        return files;
    }

    /** A hash of the Java runtime and of every class path file, as the JVM checks them. */
    static String key(Path javaHome, List<Path> classPathFiles) {
        StringBuilder text = new StringBuilder(javaHome.toString()).append('|').append(System.getProperty("java.vm.version"));
        for (Path p : classPathFiles) {
            describe(text, p);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void describe(StringBuilder text, Path p) {
        text.append('|').append(p);
        try {
            text.append(':').append(Files.size(p)).append(':').append(Files.getLastModifiedTime(p).toMillis());
        } catch (IOException e) {
            text.append(":missing");
        }
    }

    /** The jars a jar's manifest adds to the class path, resolved against its folder. */
    private static List<Path> manifestClassPath(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return List.of();
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            var manifest = file.getManifest();
            String value = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (value == null || value.isBlank()) {
                return List.of();
            }
            List<Path> paths = new ArrayList<>();
            for (String ref : value.trim().split("\\s+")) {
                try {
                    paths.add(ref.startsWith("file:") ? Path.of(java.net.URI.create(ref))
                            : jar.toAbsolutePath().getParent().resolve(ref));
                } catch (IllegalArgumentException ignored) {
                    // An entry the JVM could not use either.
                }
            }
            return paths;
        } catch (IOException e) {
            return List.of();
        }
    }
}
