package dev.cairn.engine.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.cairn.engine.events.Event;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.events.LogLevel;
import dev.cairn.engine.instance.CairnInstance;
import dev.cairn.engine.storage.EventLog;
import dev.cairn.engine.storage.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn run ID}: one run's events and logs. */
@Command(name = "run", description = "Shows a run: its status and every event and log line.")
final class RunCommand implements Callable<Integer> {

    private static final int PAGE = 1000;
    private static final int RUNS_SEARCHED = 10_000;

    @Mixin
    JarOptions jar;

    @Parameters(paramLabel = "RUN", description = "The run id, or its first characters.")
    String runId;

    @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "DEBUG",
            description = "Hide events below this level: DEBUG, INFO, WARN, ERROR (default: ${DEFAULT-VALUE}).")
    LogLevel level;

    @Option(names = "--step", paramLabel = "ASSET", description = "Only the events of this step.")
    String step;

    @Option(names = "--stack-traces", description = "Print the stack traces of failures.")
    boolean stackTraces;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (CairnInstance instance = jar.open()) {
            EventLog log = instance.eventLog();
            RunRecord run = find(log);
            out.println("Run " + run.runId());
            out.println("  status:    " + run.status() + (run.failureReason() == null ? "" : " (" + run.failureReason() + ")"));
            out.println("  selection: " + run.selection());
            out.println("  started:   " + Formats.time(run.startedAt()));
            out.println("  duration:  " + (run.endedAt() == null ? "running" : Formats.duration(run.startedAt(), run.endedAt())));
            out.println();
            long after = 0;
            while (true) {
                List<Event> page = log.eventsAfter(run.runId(), after, PAGE);
                for (Event e : page) {
                    if (e.level().compareTo(level) >= 0 && (step == null || step.equals(e.assetKey()))) {
                        print(out, e);
                    }
                }
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).id();
            }
            return CairnCli.OK;
        }
    }

    private RunRecord find(EventLog log) {
        var exact = log.run(runId);
        if (exact.isPresent()) {
            return exact.get();
        }
        List<RunRecord> matches = log.runs(null, RUNS_SEARCHED).stream()
                .filter(r -> r.runId().startsWith(runId.toLowerCase(Locale.ROOT))).toList();
        if (matches.isEmpty()) {
            throw new CliException("no run '" + runId + "' in this workspace; list them with: cairn runs");
        }
        if (matches.size() > 1) {
            throw new CliException("'" + runId + "' matches " + matches.size() + " runs; give more characters");
        }
        return matches.get(0);
    }

    private void print(PrintWriter out, Event e) {
        String text = e.message();
        if (text.isEmpty()) {
            if (e.data() instanceof EventData.StepSucceeded s) {
                text = "succeeded in " + Formats.duration(s.durationMillis());
            } else if (e.data() instanceof EventData.Materialized m) {
                text = "data version " + Formats.version(m.dataVersion()) + ", " + m.metadata().size() + " metadata entries";
            }
        }
        out.printf("%s  %-5s  %-22s  %-20s  %s%n", Formats.time(e.timestamp()), e.level(), e.type(),
                e.assetKey() == null ? "" : e.assetKey(), text);
        if (stackTraces && e.data() instanceof EventData.StepFailed f && f.error().stackTrace() != null) {
            out.println(f.error().stackTrace().indent(4).stripTrailing());
        }
    }
}
