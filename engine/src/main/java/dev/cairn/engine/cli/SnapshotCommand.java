package dev.cairn.engine.cli;

import java.util.concurrent.Callable;

import dev.cairn.engine.instance.CairnInstance;
import dev.cairn.engine.json.CairnJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cairn snapshot}: the definitions as JSON, problems included. The app runs this in a
 * worker process so that no user code runs in the app's own JVM.
 */
@Command(name = "snapshot", description = "Prints the jar's definitions, problems included, as JSON (for tools and the app).")
final class SnapshotCommand implements Callable<Integer> {

    @Mixin
    JarOptions jar;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (CairnInstance instance = jar.open()) {
            spec.commandLine().getOut().println(new CairnJson().write(instance.definitions().snapshot()));
            spec.commandLine().getOut().flush();
            return CairnCli.OK;
        }
    }
}
