package dev.cairn.app.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import dev.cairn.engine.workspace.AtomicFiles;

import dev.cairn.engine.definitions.DefinitionsSnapshot;
import dev.cairn.engine.json.CairnJson;

/**
 * The last definitions a worker read from a jar, kept in the workspace with the jar's size and
 * modification time, so that reopening an unchanged jar draws its graph before the worker has
 * started. The worker still reads the jar every time; the cache only saves waiting for it.
 */
final class SnapshotCache {

    /**
     * What the cache file holds.
     *
     * @param jarSize the jar's size when read
     * @param jarModifiedMillis its modification time when read
     * @param snapshot the definitions (null in a {@link #stamp()})
     */
    record Entry(long jarSize, long jarModifiedMillis, DefinitionsSnapshot snapshot) { }

    private final Path file;
    private final Path jar;
    private final CairnJson json = new CairnJson();

    SnapshotCache(Path workspaceFolder, Path jar) {
        this.file = workspaceFolder.resolve("app").resolve("definitions.json");
        this.jar = jar;
    }

    /** The cached definitions, if the jar has not changed since they were read. */
    Optional<DefinitionsSnapshot> read() {
        return entry().filter(this::matchesJar).map(Entry::snapshot);
    }

    /**
     * The last definitions that loaded, whether or not the jar changed since: what to show when
     * the jar as it is now is broken.
     */
    Optional<DefinitionsSnapshot> lastGood() {
        return entry().map(Entry::snapshot);
    }

    private Optional<Entry> entry() {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return Optional.ofNullable(json.read(Files.readString(file, StandardCharsets.UTF_8), Entry.class))
                    .filter(e -> e.snapshot() != null);
        } catch (IOException | RuntimeException e) {
            // A damaged cache only costs the wait for the worker.
            return Optional.empty();
        }
    }

    private boolean matchesJar(Entry entry) {
        try {
            return entry.jarSize() == Files.size(jar) && entry.jarModifiedMillis() == Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The jar's size and modification time now, taken before a worker reads it: a jar rebuilt while
     * the worker reads it must not be cached with the older definitions.
     */
    Optional<Entry> stamp() {
        try {
            return Optional.of(new Entry(Files.size(jar), Files.getLastModifiedTime(jar).toMillis(), null));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Remembers definitions read from the jar as it was at {@code stamp}. */
    void write(Entry stamp, DefinitionsSnapshot snapshot) {
        try {
            Entry entry = new Entry(stamp.jarSize(), stamp.jarModifiedMillis(), snapshot);
            AtomicFiles.write(file, json.write(entry));
        } catch (IOException | RuntimeException e) {
            // Without a cache the next start waits for the worker; nothing else is lost.
        }
    }
}
