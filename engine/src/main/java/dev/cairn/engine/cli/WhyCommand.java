package dev.cairn.engine.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.cairn.engine.instance.CairnInstance;
import dev.cairn.engine.staleness.AssetState;
import dev.cairn.engine.staleness.RootCause;
import dev.cairn.engine.staleness.StaleCause;
import dev.cairn.engine.staleness.StalenessReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn why ASSET}: the full explanation of an asset's status. */
@Command(name = "why", description = "Explains an asset's status, including changes upstream that will reach it.")
final class WhyCommand implements Callable<Integer> {

    @Mixin
    JarOptions jar;

    @Parameters(paramLabel = "ASSET", description = "The asset key.")
    String asset;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (CairnInstance instance = jar.open()) {
            var graph = instance.definitions().requireGraph();
            CliException.requireAsset(graph, asset);
            StalenessReport report = instance.status();
            StalenessReport.Explanation why = report.explain(asset);
            AssetState s = why.state();
            out.println("`" + asset + "` is " + s.status().name().toLowerCase(java.util.Locale.ROOT)
                    + (s.lastMaterializedAt() == null ? "" : " (last materialized " + Formats.time(s.lastMaterializedAt())
                    + " in run " + Formats.shortId(s.lastRunId()) + ")"));
            if (s.latestAttemptFailed()) {
                out.println("Its latest attempt failed: see cairn runs.");
            }
            if (!s.causes().isEmpty()) {
                out.println();
                out.println("It is stale because:");
                for (StaleCause c : s.causes()) {
                    out.println("  - [" + c.category().name().toLowerCase(java.util.Locale.ROOT) + "] " + c.message());
                }
            }
            if (!why.rootCauses().isEmpty()) {
                out.println();
                out.println("Upstream changes that have not reached it yet:");
                for (RootCause r : why.rootCauses()) {
                    out.println("  - " + r.sentence());
                }
            } else if (s.causes().isEmpty()) {
                out.println("Nothing upstream has changed since.");
            }
            return CairnCli.OK;
        }
    }
}
