package dev.cairn.engine.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

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

    private static final java.time.Duration STOP_GRACE = java.time.Duration.ofMillis(1500);

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

    @Option(names = "--events", description = {"Print every committed event as one JSON line instead of progress,",
            "and cancel the run when stdin reads the line 'cancel' (for tools and the app)."})
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
            if (jsonEvents) {
                listenForCancel(run);
            }
            Thread onExit = new Thread(() -> stopBeforeExit(run), "cairn-stop-run-on-exit");
            Runtime.getRuntime().addShutdownHook(onExit);
            RunResult result;
            try {
                result = run.await();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(onExit);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is already running: it ends the run.
                }
            }
            if (progress != null) {
                progress.finished(result);
            }
            out.flush();
            return result.success() ? CairnCli.OK : CairnCli.RUN_FAILED;
        }
    }

    /**
     * The JVM is exiting during the run (Ctrl-C, SIGTERM, an asset calling System.exit): ask the
     * run to stop and give it a moment to record RUN_CANCELED. This is best effort, because H2
     * closes the log in its own shutdown hook at the same time; a run that could not record its
     * end is marked failed, naming the dead process, the next time the log is opened.
     */
    private static void stopBeforeExit(RunHandle run) {
        run.cancel();
        try {
            run.await(STOP_GRACE);
        } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
            // Nothing more can be recorded now; see above.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * With {@code --events}, a tool drives the run through stdin: the line {@code cancel} cancels
     * it cleanly (the run ends CANCELED). The app's worker protocol uses this before resorting to
     * killing the process.
     */
    private static void listenForCancel(RunHandle run) {
        Thread t = new Thread(() -> {
            try (java.io.BufferedReader in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.trim().equals("cancel")) {
                        run.cancel();
                    }
                }
            } catch (java.io.IOException e) {
                // stdin closed: nobody can ask for a cancel any more.
            }
        }, "cairn-stdin-commands");
        t.setDaemon(true);
        t.start();
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
