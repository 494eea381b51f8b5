package dev.cairn.engine.cli;

import java.util.concurrent.Callable;

import dev.cairn.engine.definitions.LoadedDefinitions;
import dev.cairn.engine.instance.CairnInstance;
import dev.cairn.engine.json.CairnJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cairn snapshot}: the definitions as JSON, problems included. The app runs this in a
 * worker process so that no user code runs in the app's own JVM.
 *
 * <p>A jar with problems (even a file that is not a jar at all) still prints its snapshot, with
 * the problems in it, and exits 0; only a missing file or bad arguments exit 2.
 */
@Command(name = "snapshot", description = "Prints the jar's definitions, problems included, as JSON (for tools and the app).")
final class SnapshotCommand implements Callable<Integer> {

    @Mixin
    JarOptions jar;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        // Only the definitions: the event log is not needed, and opening it would cost the app's
        // worker time on every reload.
        try (LoadedDefinitions definitions = CairnInstance.loadDefinitions(jar.config())) {
            spec.commandLine().getOut().println(new CairnJson().write(definitions.snapshot()));
            spec.commandLine().getOut().flush();
            return CairnCli.OK;
        }
    }
}
