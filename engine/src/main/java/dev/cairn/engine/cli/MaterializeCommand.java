package dev.cairn.engine.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

import dev.cairn.engine.definitions.DefinitionsSnapshot;
import dev.cairn.engine.definitions.JobSpec;
import dev.cairn.engine.execution.RunHandle;
import dev.cairn.engine.execution.RunResult;
import dev.cairn.engine.execution.StepOutcome;
import dev.cairn.engine.instance.CairnInstance;
import dev.cairn.engine.json.CairnJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn materialize}: runs a selection with live progress. */
@Command(name = "materialize",
        description = {"Materializes a selection of assets, in parallel, with live progress.",
            "Selections: key, +key, *key, key*, group:name, tag:k=v, status:stale, status:missing, a, b, * (everything)."})
final class MaterializeCommand implements Callable<Integer> {

    /**
     * How long an interrupted process waits for the canceled run to end before it exits. Short: the
     * app kills a worker that has not exited 1.5 s after SIGTERM (and then records the end itself),
     * and an asset that calls System.exit holds its step until the process is gone.
     */
    private static final Duration SHUTDOWN_WAIT = Duration.ofMillis(1000);

    @Mixin
    JarOptions jar;

    @Option(names = {"-s", "--select"}, paramLabel = "SELECTION",
            description = "What to materialize (default: everything).")
    String selection;

    @Option(names = "--job", paramLabel = "NAME", description = "Materialize the selection of a job of the jar.")
    String job;

    @Option(names = {"-p", "--parallelism"}, paramLabel = "N",
            description = "How many assets may compute at once (default: one per core).")
    int parallelism;

    @Option(names = "--events", description = "Print every event as one JSON line instead of progress (for tools).")
    boolean jsonEvents;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (selection != null && job != null) {
            throw new CliException("give either --select or --job, not both");
        }
        try (CairnInstance instance = jar.open()) {
            DefinitionsSnapshot snapshot = instance.definitions().snapshot();
            if (!snapshot.isValid()) {
                AssetsCommand.printProblems(snapshot, err);
                return CairnCli.BAD_INPUT;
            }
            String effective = selection != null ? selection : job != null ? jobSelection(snapshot) : "*";
            ProgressPrinter progress = jsonEvents ? null : new ProgressPrinter(out);
            CairnJson json = new CairnJson();
            RunHandle run = instance.materialize(effective, parallelism, event -> {
                if (progress != null) {
                    progress.onEvent(event);
                } else {
                    out.println(json.write(event));
                }
            });
            // SIGTERM (Ctrl+C, or the app canceling its worker): cancel, and hold the exit until the
            // run's final event is committed, so the log says CANCELED rather than leaving it STARTED.
            Thread cancelOnInterrupt = new Thread(() -> cancelAndWait(run), "cairn-cancel-on-exit");
            Runtime.getRuntime().addShutdownHook(cancelOnInterrupt);
            RunResult result;
            try {
                result = run.await();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(cancelOnInterrupt);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is already running: it cancels the run.
                }
            }
            if (progress != null) {
                progress.finished(result);
            }
            out.flush();
            return result.success() ? CairnCli.OK : CairnCli.RUN_FAILED;
        }
    }

    private static void cancelAndWait(RunHandle run) {
        run.cancel();
        try {
            run.await(SHUTDOWN_WAIT);
        } catch (InterruptedException | TimeoutException e) {
            // A step that ignores interrupts keeps the run going; the process ends anyway.
        }
    }

    private String jobSelection(DefinitionsSnapshot snapshot) {
        return snapshot.jobs().stream().filter(j -> j.name().equals(job)).map(JobSpec::selection).findFirst()
                .orElseThrow(() -> new CliException("no job '" + job + "'; jobs: "
                        + String.join(", ", snapshot.jobs().stream().map(JobSpec::name).toList())));
    }

    static long count(RunResult result, StepOutcome outcome) {
        return result.steps().values().stream().filter(o -> o == outcome).count();
    }
}
