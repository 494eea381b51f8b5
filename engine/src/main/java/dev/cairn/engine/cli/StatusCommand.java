package dev.cairn.engine.cli;

import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import dev.cairn.engine.definitions.DefinitionsSnapshot;
import dev.cairn.engine.instance.CairnInstance;
import dev.cairn.engine.staleness.AssetState;
import dev.cairn.engine.staleness.AssetStatus;
import dev.cairn.engine.staleness.StaleCause;
import dev.cairn.engine.staleness.StalenessReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn status}: every asset's status and the causes of staleness. */
@Command(name = "status", description = "Shows whether each asset is fresh, stale (and why) or missing.")
final class StatusCommand implements Callable<Integer> {

    @Mixin
    JarOptions jar;

    @Option(names = {"-s", "--select"}, paramLabel = "SELECTION", description = "Only these assets (default: all).")
    String selection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (CairnInstance instance = jar.open()) {
            DefinitionsSnapshot snapshot = instance.definitions().snapshot();
            if (!snapshot.isValid()) {
                AssetsCommand.printProblems(snapshot, spec.commandLine().getErr());
                return CairnCli.BAD_INPUT;
            }
            StalenessReport report = instance.status();
            Set<String> keys = selection == null ? report.states().keySet() : instance.select(selection);
            TextTable table = new TextTable("ASSET", "STATUS", "LAST MATERIALIZED", "RUN", "WHY");
            int pending = 0;
            for (String key : instance.definitions().requireGraph().topologicalOrder()) {
                if (!keys.contains(key)) {
                    continue;
                }
                AssetState s = report.state(key);
                String status = s.status().name().toLowerCase(java.util.Locale.ROOT)
                        + (s.latestAttemptFailed() ? ", last attempt failed" : "");
                String why = s.causes().stream().map(StaleCause::message).collect(Collectors.joining("; "));
                if (why.isEmpty() && s.upstreamChangesPending()) {
                    why = "(upstream changes pending: cairn why " + key + ")";
                    pending++;
                }
                table.row(key, status, Formats.time(s.lastMaterializedAt()), Formats.shortId(s.lastRunId()), why);
            }
            table.print(out);
            out.println();
            long fresh = count(report, keys, AssetStatus.FRESH);
            long stale = count(report, keys, AssetStatus.STALE);
            long missing = count(report, keys, AssetStatus.MISSING);
            out.println(fresh + " fresh, " + stale + " stale, " + missing + " missing"
                    + (pending > 0 ? ", " + pending + " with upstream changes pending" : "")
                    + (stale + missing > 0 ? ". Bring them up to date: cairn materialize --select 'status:stale, status:missing'" : ""));
            return CairnCli.OK;
        }
    }

    private static long count(StalenessReport report, Set<String> keys, AssetStatus status) {
        return keys.stream().filter(k -> report.state(k).status() == status).count();
    }
}
