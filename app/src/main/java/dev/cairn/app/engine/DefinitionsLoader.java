package dev.cairn.app.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import dev.cairn.engine.definitions.DefinitionsSnapshot;
import dev.cairn.engine.json.CairnJson;

/**
 * Reads a jar's definitions with {@code cairn snapshot} in a worker: the jar's code (providers,
 * static initialisers) runs there, never in the app.
 */
public final class DefinitionsLoader {

    /** Short-lived workers start faster with the client compiler only. */
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final WorkerLauncher launcher;
    private final CairnJson json = new CairnJson();

    public DefinitionsLoader(WorkerLauncher launcher) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
    }

    /** The launcher of the workers. */
    WorkerLauncher launcher() {
        return launcher;
    }

    /**
     * Loads the definitions of a jar. A jar with problems still gives a snapshot, with the problems
     * in it; the future fails with a {@link WorkerException} only when no snapshot could be made.
     */
    public CompletableFuture<DefinitionsSnapshot> load(Path jar, Path workspaceFolder) {
        StringBuilder out = new StringBuilder();
        WorkerProcess worker;
        try {
            worker = launcher.start("cairn-snapshot", JVM_OPTIONS,
                    List.of("snapshot", "--jar", jar.toString(), "--workspace", workspaceFolder.toString()),
                    line -> {
                        synchronized (out) {
                            out.append(line).append('\n');
                        }
                    });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new WorkerException(e.getMessage(), e));
        }
        return worker.exit().thenApply(exit -> {
            String text;
            synchronized (out) {
                text = lastLine(out.toString());
            }
            if (exit.code() != 0 || text.isEmpty()) {
                String reason = exit.lastErrors(6);
                throw new WorkerException("Cannot read " + jar.getFileName() + ": "
                        + (reason.isEmpty() ? "the worker exited with code " + exit.code() : reason.replaceFirst("^cairn: ", "")));
            }
            try {
                return json.read(text, DefinitionsSnapshot.class);
            } catch (IllegalArgumentException e) {
                throw new WorkerException("Cannot read the definitions the worker printed for " + jar.getFileName()
                        + ": " + e.getMessage(), e);
            }
        });
    }

    /** The snapshot is the last line: the jar's own code may have printed lines before it. */
    private static String lastLine(String output) {
        String trimmed = output.strip();
        return trimmed.substring(trimmed.lastIndexOf('\n') + 1);
    }
}
