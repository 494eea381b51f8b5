package dev.cairn.app.details.metadata;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Opens targets with the desktop's own handler: {@code xdg-open} on Linux, {@code open} on macOS,
 * {@code explorer} on Windows. The command is started on a background thread; a failure (no handler
 * installed, a non-zero exit) is reported to {@code onError} in a sentence.
 */
public final class SystemOpener implements ExternalOpener {

    private final Consumer<String> onError;

    public SystemOpener(Consumer<String> onError) {
        this.onError = Objects.requireNonNull(onError);
    }

    @Override
    public void open(URI target) {
        List<String> command = command(System.getProperty("os.name", ""), target);
        Thread t = new Thread(() -> run(command, target), "cairn-open-external");
        t.setDaemon(true);
        t.start();
    }

    /** The command that opens a target on an operating system. */
    static List<String> command(String osName, URI target) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arg = "file".equals(target.getScheme()) ? java.nio.file.Path.of(target).toString() : target.toString();
        if (os.contains("mac")) {
            return List.of("open", arg);
        }
        if (os.contains("win")) {
            return List.of("explorer", arg);
        }
        return List.of("xdg-open", arg);
    }

    private void run(List<String> command, URI target) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            // explorer exits with 1 even when it opened the folder; only xdg-open and open are trusted.
            if (p.waitFor() != 0 && !command.get(0).equals("explorer")) {
                onError.accept("Cannot open " + target + ": " + command.get(0) + " exited with code " + p.exitValue() + ".");
            }
        } catch (IOException e) {
            onError.accept("Cannot open " + target + ": " + command.get(0) + " is not available (" + e.getMessage() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
