package dev.cairn.app.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventType;
import dev.cairn.engine.json.CairnJson;

/**
 * One run in a worker: {@code cairn materialize --events}, whose standard output is the run's events
 * as JSON lines, committed to the event log before they are printed.
 *
 * <p>{@link #cancel()} asks the worker to stop: first on its standard input, then with SIGTERM
 * (its shutdown hook cancels the run, which ends CANCELED). A worker that does not exit within
 * {@link #CANCEL_GRACE} is killed; the caller then records the end of the run itself (see
 * {@link WorkspaceSession}).
 */
public final class RunWorker {

    /** How long a canceled worker may take to end its run on its own before it gets SIGTERM. */
    public static final Duration TERMINATE_AFTER = Duration.ofMillis(700);
    /** How long a canceled worker may take to end its run before it is killed. */
    public static final Duration CANCEL_GRACE = Duration.ofMillis(1500);

    private final String selection;
    private final WorkerProcess process;
    private final CompletableFuture<String> runId = new CompletableFuture<>();

    private RunWorker(String selection, WorkerProcess process) {
        this.selection = selection;
        this.process = process;
    }

    /**
     * Starts a run of a selection.
     *
     * @param events receives each event the worker prints, in commit order, on a reader thread
     * @throws java.io.UncheckedIOException if the worker cannot be started
     */
    static RunWorker start(WorkerLauncher launcher, Path jar, Path workspaceFolder, String selection,
                           Consumer<Event> events) {
        Objects.requireNonNull(events, "events");
        CairnJson json = new CairnJson();
        CompletableFuture<String> id = new CompletableFuture<>();
        WorkerProcess process = launcher.startInteractive("cairn-run", List.of(),
                List.of("materialize", "--events", "--jar", jar.toString(), "--workspace", workspaceFolder.toString(),
                        "--select", selection),
                line -> {
                    // The jar's own code may print to standard output too: only event lines count.
                    if (!line.startsWith("{")) {
                        return;
                    }
                    Event event;
                    try {
                        event = json.read(line, Event.class);
                    } catch (IllegalArgumentException notAnEvent) {
                        return;
                    }
                    if (event.type() == EventType.RUN_STARTED) {
                        id.complete(event.runId());
                    }
                    events.accept(event);
                });
        RunWorker worker = new RunWorker(selection, process);
        id.whenComplete((runId, e) -> worker.runId.complete(runId));
        process.exit().thenRun(() -> worker.runId.completeExceptionally(new WorkerException(
                "the run did not start: " + describeExit(process.exit().join()))));
        return worker;
    }

    /** "the worker process exited with code 2: ...", from the exit code and the last lines of standard error. */
    static String describeExit(WorkerProcess.Exit exit) {
        return describeExit(exit, java.util.Set.of());
    }

    /**
     * Why a worker ended, naming the steps it was running: "the worker process exited with code 3
     * while running a, b: last lines of standard error".
     */
    static String describeExit(WorkerProcess.Exit exit, java.util.Set<String> runningSteps) {
        String errors = exit.lastErrors(4).replace("cairn: ", "");
        String how = exit.killed() ? "the worker process was killed" : "the worker process exited with code " + exit.code();
        if (!runningSteps.isEmpty()) {
            how += " while running " + String.join(", ", runningSteps);
        }
        return errors.isEmpty() ? how : how + ": " + errors;
    }

    /** The selection the run materializes. */
    public String selection() {
        return selection;
    }

    /**
     * Completes with the run's id once the worker has started the run; fails with a
     * {@link WorkerException} if the worker exits first (an invalid selection, an unmaterialized
     * upstream, a broken jar).
     */
    public CompletableFuture<String> runId() {
        return runId;
    }

    /** Completes when the worker has exited. */
    public CompletableFuture<WorkerProcess.Exit> exit() {
        return process.exit();
    }

    /**
     * Cancels the run: asks the worker on its input ({@code cancel}: the run ends CANCELED and the
     * worker exits), sends SIGTERM after {@link #TERMINATE_AFTER} (its shutdown hook cancels the run
     * too), and kills it after {@link #CANCEL_GRACE}.
     */
    public CompletableFuture<WorkerProcess.Exit> cancel() {
        return process.stop("cancel", TERMINATE_AFTER, CANCEL_GRACE);
    }

    /** True once {@link #cancel()} was called. */
    public boolean cancelRequested() {
        return process.stopRequested();
    }
}
