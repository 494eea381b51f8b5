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
 * process of its own and never in the app's. Workers share a class data archive
 * ({@link WorkerClassData}) so that they start faster.
 */
public final class WorkerLauncher {

    /** The worker's main class: the engine's command line. */
    static final String MAIN_CLASS = "dev.cairn.engine.cli.CairnCli";

    private final Path javaExecutable;
    private final String classPath;
    private final Path cairnHome;
    private final WorkerClassData classData;

    /**
     * @param javaExecutable the {@code java} command
     * @param classPath the class path, as the platform writes it
     * @param cairnHome passed to the worker as {@code -Dcairn.home}, so that both agree on workspaces
     * @param classDataFolder where the workers' class data archive is kept, or null for none
     */
    public WorkerLauncher(Path javaExecutable, String classPath, Path cairnHome, Path classDataFolder) {
        this.javaExecutable = Objects.requireNonNull(javaExecutable, "javaExecutable");
        this.classPath = Objects.requireNonNull(classPath, "classPath");
        this.cairnHome = Objects.requireNonNull(cairnHome, "cairnHome");
        Path javaHome = javaExecutable.toAbsolutePath().getParent() == null ? javaExecutable
                : javaExecutable.toAbsolutePath().getParent().getParent();
        this.classData = classDataFolder == null ? null : WorkerClassData.in(classDataFolder, javaHome, classPath);
    }

    /**
     * Workers with this process's Java and class path. Their class data archive is kept in the
     * temporary folder, per user: it is a cache of the JDK's and the app's classes, not user data.
     */
    public static WorkerLauncher ofThisProcess(Path cairnHome) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // Absolute entries: the worker must not depend on the working directory it inherits.
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        Path cds = Path.of(System.getProperty("java.io.tmpdir"), "cairn-" + System.getProperty("user.name", "user"),
                "worker-cds");
        return new WorkerLauncher(java, classPath, cairnHome, cds);
    }

    /** The Cairn home workers are started with. */
    public Path cairnHome() {
        return cairnHome;
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
        List<String> options = new ArrayList<>(jvmOptions);
        if (classData != null) {
            options.addAll(classData.useOptions());
        }
        return WorkerProcess.start(name, command(options, cliArgs), stdoutLines, false);
    }

    /**
     * As {@link #start}, keeping the worker's standard input open for requests such as
     * {@code cancel}. The first such worker writes the class data archive when it exits.
     */
    WorkerProcess startInteractive(String name, List<String> jvmOptions, List<String> cliArgs, Consumer<String> stdoutLines) {
        List<String> options = new ArrayList<>(jvmOptions);
        WorkerClassData.Creation creation = classData == null ? null : classData.useOrCreate();
        if (creation != null) {
            options.addAll(creation.jvmOptions());
        }
        WorkerProcess worker;
        try {
            worker = WorkerProcess.start(name, command(options, cliArgs), stdoutLines, true);
        } catch (RuntimeException e) {
            if (creation != null) {
                classData.created(creation);
            }
            throw e;
        }
        if (creation != null && creation.pending() != null) {
            worker.exit().thenRun(() -> classData.created(creation));
        }
        return worker;
    }

    @Override
    public String toString() {
        return "workers: " + javaExecutable + " with Cairn home " + cairnHome;
    }
}
