package dev.cairn.engine.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import dev.cairn.api.MetadataValue;
import dev.cairn.engine.instance.CairnInstance;
import dev.cairn.engine.storage.MaterializationRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn history ASSET}: an asset's materializations, newest first, with numeric metadata. */
@Command(name = "history", description = "Lists an asset's materializations, newest first, with their numeric metadata.")
final class HistoryCommand implements Callable<Integer> {

    @Mixin
    JarOptions jar;

    @Parameters(paramLabel = "ASSET", description = "The asset key.")
    String asset;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "20", description = "How many (default: ${DEFAULT-VALUE}).")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (CairnInstance instance = jar.open()) {
            instance.definitions().graph().ifPresent(graph -> CliException.requireAsset(graph, asset));
            List<MaterializationRecord> history = instance.eventLog().materializationHistory(asset, null, Math.max(1, limit));
            if (history.isEmpty()) {
                out.println("`" + asset + "` has never been materialized.");
                return CairnCli.OK;
            }
            TreeSet<String> numericKeys = new TreeSet<>();
            history.forEach(m -> m.data().metadata().forEach((k, v) -> {
                if (v instanceof MetadataValue.IntValue || v instanceof MetadataValue.FloatValue) {
                    numericKeys.add(k);
                }
            }));
            List<String> header = new ArrayList<>(List.of("TIME", "RUN", "DURATION", "DATA VERSION", "CODE"));
            header.addAll(numericKeys);
            TextTable table = new TextTable(header.toArray(String[]::new));
            for (MaterializationRecord m : history) {
                List<Object> row = new ArrayList<>(List.of(Formats.time(m.timestamp()), Formats.shortId(m.runId()),
                        Formats.duration(m.data().durationMillis()), Formats.version(m.data().dataVersion()),
                        m.data().codeVersion() == null ? "-" : m.data().codeVersion()));
                for (String k : numericKeys) {
                    row.add(number(m.data().metadata().get(k)));
                }
                table.row(row.toArray());
            }
            table.print(out);
            return CairnCli.OK;
        }
    }

    private static String number(MetadataValue v) {
        if (v instanceof MetadataValue.IntValue i) {
            return Long.toString(i.value());
        }
        if (v instanceof MetadataValue.FloatValue f) {
            return String.format(Locale.ROOT, "%.4g", f.value());
        }
        return "";
    }
}
