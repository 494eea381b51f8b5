package dev.cairn.app.engine;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Notices when a jar is rebuilt: watches the jar's folder and calls back once the jar has been quiet
 * for the debounce time, so that a build writing the file in several steps causes one reload.
 *
 * <p>A folder that disappears (for example {@code mvn clean}) is watched again once it exists.
 */
public final class JarWatcher implements AutoCloseable {

    /** How often to look for a folder that disappeared. */
    private static final long REREGISTER_MILLIS = 1_000;

    private final Path jar;
    private final Duration debounce;
    private final Runnable onChange;
    private final WatchService service;
    private final ScheduledExecutorService timer;
    private final Thread thread;
    private ScheduledFuture<?> pending;
    private volatile boolean closed;

    private JarWatcher(Path jar, Duration debounce, Runnable onChange, WatchService service) {
        this.jar = jar;
        this.debounce = debounce;
        this.onChange = onChange;
        this.service = service;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "cairn-jar-debounce"));
        this.thread = daemon(this::watch, "cairn-jar-watcher");
    }

    /**
     * Starts watching.
     *
     * @param onChange called on a watcher thread after the jar changed and stayed unchanged for {@code debounce}
     * @throws IOException if the platform cannot watch files
     */
    public static JarWatcher start(Path jar, Duration debounce, Runnable onChange) throws IOException {
        Path absolute = jar.toAbsolutePath().normalize();
        JarWatcher watcher = new JarWatcher(absolute, Objects.requireNonNull(debounce),
                Objects.requireNonNull(onChange), FileSystems.getDefault().newWatchService());
        watcher.thread.start();
        return watcher;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void watch() {
        while (!closed) {
            if (!register()) {
                sleep();
                continue;
            }
            try {
                for (;;) {
                    WatchKey key = service.take();
                    for (WatchEvent<?> event : key.pollEvents()) {
                        if (event.kind() == StandardWatchEventKinds.OVERFLOW
                                || jar.getFileName().equals(event.context())) {
                            changed();
                        }
                    }
                    if (!key.reset()) {
                        // The folder is gone; it may come back with the next build.
                        changed();
                        break;
                    }
                }
            } catch (ClosedWatchServiceException | InterruptedException e) {
                return;
            }
        }
    }

    private boolean register() {
        try {
            jar.getParent().register(service, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            return true;
        } catch (IOException | ClosedWatchServiceException e) {
            return false;
        }
    }

    private void sleep() {
        try {
            Thread.sleep(REREGISTER_MILLIS);
        } catch (InterruptedException e) {
            closed = true;
        }
    }

    private synchronized void changed() {
        if (closed) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = timer.schedule(this::fire, debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void fire() {
        if (!closed) {
            onChange.run();
        }
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        try {
            service.close();
        } catch (IOException e) {
            // Nothing is watched any more either way.
        }
        thread.interrupt();
    }
}
