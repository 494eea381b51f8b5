package dev.cairn.engine.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import dev.cairn.engine.instance.CairnInstance;
import dev.cairn.engine.storage.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn runs}: the runs of a workspace, newest first. */
@Command(name = "runs", description = "Lists runs, newest first.")
final class RunsCommand implements Callable<Integer> {

    @Mixin
    JarOptions jar;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "20", description = "How many runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (CairnInstance instance = jar.open()) {
            List<RunRecord> runs = instance.eventLog().runs(null, Math.max(1, limit));
            if (runs.isEmpty()) {
                out.println("No runs yet. Start one with: cairn materialize --select '*'");
                return CairnCli.OK;
            }
            TextTable table = new TextTable("RUN", "STATUS", "STARTED", "DURATION", "STEPS", "SELECTION");
            for (RunRecord r : runs) {
                table.row(Formats.shortId(r.runId()), r.status(), Formats.time(r.startedAt()),
                        r.endedAt() == null ? "running" : Formats.duration(r.startedAt(), r.endedAt()),
                        r.assetKeys().size(), r.selection());
            }
            table.print(out);
            return CairnCli.OK;
        }
    }
}
