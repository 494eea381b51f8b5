package dev.cairn.app.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A running worker JVM: its standard output is handed over line by line as it arrives, the last
 * lines of its standard error are kept for error messages, and {@link #exit()} completes once it
 * has exited and both streams are read.
 *
 * <p>Both streams are always drained, whoever listens, so a worker never blocks on a full pipe.
 */
public final class WorkerProcess {

    /** How many lines of standard error are kept for error messages. */
    static final int STDERR_TAIL_LINES = 40;
    /** How long to wait for the stream readers once the process has exited (a grandchild may hold a pipe). */
    private static final long DRAIN_MILLIS = 2_000;

    /**
     * How a worker ended.
     *
     * @param code its exit code
     * @param stderrTail the last lines it wrote to standard error
     * @param killed true if it had to be killed forcibly (it did not stop when asked)
     * @param stopRequested true if the app asked it to stop
     */
    public record Exit(int code, List<String> stderrTail, boolean killed, boolean stopRequested) {
        public Exit {
            stderrTail = List.copyOf(stderrTail);
        }

        /** The last non-blank lines of standard error, at most {@code lines}, joined by newlines. */
        public String lastErrors(int lines) {
            List<String> nonBlank = stderrTail.stream().filter(l -> !l.isBlank()).toList();
            return String.join("\n", nonBlank.subList(Math.max(0, nonBlank.size() - lines), nonBlank.size()));
        }
    }

    private final String name;
    private final Process process;
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final CompletableFuture<Exit> exit = new CompletableFuture<>();
    private final Thread stdoutReader;
    private final Thread stderrReader;
    private volatile boolean stopRequested;
    private volatile boolean killed;

    private WorkerProcess(String name, Process process, Consumer<String> stdoutLines) {
        this.name = name;
        this.process = process;
        this.stdoutReader = reader(name + "-stdout", process.getInputStream(), stdoutLines);
        this.stderrReader = reader(name + "-stderr", process.getErrorStream(), this::keepErrorLine);
    }

    /**
     * Starts a worker.
     *
     * @param name a short name for its threads, such as "cairn-snapshot"
     * @param command the command line
     * @param stdoutLines receives each line of standard output, on a reader thread
     * @throws UncheckedIOException if the process cannot be started
     */
    static WorkerProcess start(String name, List<String> command, Consumer<String> stdoutLines) {
        return start(name, command, stdoutLines, false);
    }

    /**
     * Starts a worker whose standard input stays open for {@link #stop} requests when
     * {@code keepInput}; otherwise it is closed at once, so that a jar reading it sees the end.
     */
    static WorkerProcess start(String name, List<String> command, Consumer<String> stdoutLines, boolean keepInput) {
        ProcessBuilder builder = new ProcessBuilder(command);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a worker process (" + command.get(0) + "): " + e.getMessage(), e);
        }
        if (!keepInput) {
            try {
                process.getOutputStream().close();
            } catch (IOException ignored) {
                // Nothing was going to be written to it.
            }
        }
        WorkerProcess worker = new WorkerProcess(name, process, Objects.requireNonNull(stdoutLines));
        worker.stdoutReader.start();
        worker.stderrReader.start();
        process.onExit().thenRunAsync(worker::finish);
        return worker;
    }

    private static Thread reader(String threadName, InputStream stream, Consumer<String> lines) {
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    try {
                        lines.accept(line);
                    } catch (RuntimeException listenerFailed) {
                        // A listener's bug must not stop the draining, or the worker would block.
                    }
                }
            } catch (IOException closed) {
                // The process is gone; what was read has been handed over.
            }
        }, threadName);
        t.setDaemon(true);
        return t;
    }

    private void keepErrorLine(String line) {
        synchronized (stderrTail) {
            stderrTail.addLast(line);
            if (stderrTail.size() > STDERR_TAIL_LINES) {
                stderrTail.removeFirst();
            }
        }
    }

    private void finish() {
        try {
            stdoutReader.join(DRAIN_MILLIS);
            stderrReader.join(DRAIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exit.complete(new Exit(process.exitValue(), stderrTail(), killed, stopRequested));
    }

    /** True once {@link #stop} was called. */
    public boolean stopRequested() {
        return stopRequested;
    }

    /** The last lines of standard error so far. */
    private List<String> stderrTail() {
        synchronized (stderrTail) {
            return List.copyOf(stderrTail);
        }
    }

    /** Completes when the worker has exited and its output is read; never completes exceptionally. */
    public CompletableFuture<Exit> exit() {
        return exit;
    }

    /**
     * Asks the worker to stop, more firmly as time passes: writes {@code request} as a line to its
     * input (when given and the input was kept open), sends SIGTERM after {@code terminateAfter} (on
     * Unix this runs its shutdown hooks), and kills it after {@code killAfter} if it is still alive.
     *
     * @return the exit, as {@link #exit()}
     */
    public CompletableFuture<Exit> stop(String request, Duration terminateAfter, Duration killAfter) {
        stopRequested = true;
        if (request != null) {
            try {
                OutputStream in = process.getOutputStream();
                in.write((request + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
            } catch (IOException gone) {
                // The worker is exiting or closed its input: the signals below still apply.
            }
        }
        CompletableFuture.delayedExecutor(terminateAfter.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (process.isAlive()) {
                process.destroy();
            }
        });
        CompletableFuture.delayedExecutor(killAfter.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (process.isAlive()) {
                killed = true;
                process.destroyForcibly();
            }
        });
        return exit;
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
