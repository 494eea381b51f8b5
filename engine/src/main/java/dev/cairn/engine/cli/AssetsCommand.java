package dev.cairn.engine.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.cairn.engine.definitions.AssetSpec;
import dev.cairn.engine.definitions.DefinitionsSnapshot;
import dev.cairn.engine.definitions.JobSpec;
import dev.cairn.engine.definitions.Problem;
import dev.cairn.engine.instance.CairnInstance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cairn assets}: what the jar defines, or every problem with it. */
@Command(name = "assets", description = "Lists the assets, source assets and jobs of a jar, or every problem found in it.")
final class AssetsCommand implements Callable<Integer> {

    @Mixin
    JarOptions jar;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (CairnInstance instance = jar.open()) {
            DefinitionsSnapshot snapshot = instance.definitions().snapshot();
            if (!snapshot.isValid()) {
                printProblems(snapshot, err);
                return CairnCli.BAD_INPUT;
            }
            TextTable table = new TextTable("ASSET", "GROUP", "KIND", "CODE", "UPSTREAM", "DESCRIPTION");
            for (AssetSpec a : snapshot.assets()) {
                table.row(a.key(), a.group(), a.isSource() ? (a.observable() ? "source (observable)" : "source") : "asset",
                        a.codeVersion() == null ? "-" : a.codeVersion(), String.join(", ", a.upstreams()), a.description());
            }
            table.print(out);
            if (!snapshot.jobs().isEmpty()) {
                out.println();
                TextTable jobs = new TextTable("JOB", "SELECTION", "DESCRIPTION");
                for (JobSpec j : snapshot.jobs()) {
                    jobs.row(j.name(), j.selection(), j.description());
                }
                jobs.print(out);
            }
            out.println();
            out.println(snapshot.assets().size() + " assets in " + instance.workspace().jar());
            out.println("workspace: " + instance.workspace().folder());
            return CairnCli.OK;
        }
    }

    static void printProblems(DefinitionsSnapshot snapshot, PrintWriter err) {
        err.println("cairn: " + snapshot.problems().size() + " problem(s) in " + snapshot.jarPath() + ":");
        for (Problem p : snapshot.problems()) {
            err.println("  - " + p.describe());
        }
    }
}
