package dev.cairn.app.engine;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Starts worker JVMs that run the {@code cairn} command line ({@code dev.cairn.engine.cli.CairnCli})
 * with the app's own Java and class path (which contains the engine), so that user code runs in a
 * process of its own and never in the app's.
 *
 * @param javaExecutable the {@code java} command
 * @param classPath the class path, as the platform writes it
 * @param cairnHome passed to the worker as {@code -Dcairn.home}, so that both agree on workspaces
 */
public record WorkerLauncher(Path javaExecutable, String classPath, Path cairnHome) {

    /** The worker's main class: the engine's command line. */
    static final String MAIN_CLASS = "dev.cairn.engine.cli.CairnCli";

    public WorkerLauncher {
        Objects.requireNonNull(javaExecutable, "javaExecutable");
        Objects.requireNonNull(classPath, "classPath");
        Objects.requireNonNull(cairnHome, "cairnHome");
    }

    /** Workers with this process's Java and class path. */
    public static WorkerLauncher ofThisProcess(Path cairnHome) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // Absolute entries: the worker must not depend on the working directory it inherits.
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        return new WorkerLauncher(java, classPath, cairnHome);
    }

    /** The full command line of a worker running {@code cairn <cliArgs>}. */
    List<String> command(List<String> jvmOptions, List<String> cliArgs) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.add("-Djava.awt.headless=true");
        command.add("-Dcairn.home=" + cairnHome);
        // A worker's shared event log must listen on loopback only, like the app's.
        command.add("-Dh2.bindAddress=127.0.0.1");
        // The app reads the worker's output as UTF-8 whatever the platform's locale.
        command.add("-Dfile.encoding=UTF-8");
        command.add("-Dsun.stdout.encoding=UTF-8");
        command.add("-Dsun.stderr.encoding=UTF-8");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(MAIN_CLASS);
        command.addAll(cliArgs);
        return command;
    }

    /** Starts {@code cairn <cliArgs>} in a worker; its standard output goes to {@code stdoutLines}. */
    WorkerProcess start(String name, List<String> jvmOptions, List<String> cliArgs, Consumer<String> stdoutLines) {
        return WorkerProcess.start(name, command(jvmOptions, cliArgs), stdoutLines, false);
    }

    /** As {@link #start}, keeping the worker's standard input open for requests such as {@code cancel}. */
    WorkerProcess startInteractive(String name, List<String> jvmOptions, List<String> cliArgs, Consumer<String> stdoutLines) {
        return WorkerProcess.start(name, command(jvmOptions, cliArgs), stdoutLines, true);
    }
}
