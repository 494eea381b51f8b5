package dev.cairn.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import dev.cairn.engine.definitions.InvalidDefinitionsException;
import dev.cairn.engine.execution.PlanningException;
import dev.cairn.engine.instance.RunConflictException;
import dev.cairn.engine.storage.EventLogException;
import dev.cairn.engine.workspace.WorkspaceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code cairn} command: the engine from a terminal, on the same workspaces and event logs
 * as the app.
 *
 * <p>Exit codes: 0 success, 1 a run failed or was canceled, 2 bad input (a broken jar, an
 * invalid selection, an unusable event log), each with a one-line reason on stderr.
 */
@Command(name = "cairn",
        mixinStandardHelpOptions = true,
        versionProvider = CairnCli.Version.class,
        description = "Lists, materializes and explains the software-defined assets of a jar.",
        subcommands = {
            AssetsCommand.class,
            StatusCommand.class,
            WhyCommand.class,
            MaterializeCommand.class,
            RunsCommand.class,
            RunCommand.class,
            HistoryCommand.class,
            SnapshotCommand.class,
            CommandLine.HelpCommand.class
        })
public final class CairnCli {

    /** Success. */
    public static final int OK = 0;
    /** A run failed or was canceled. */
    public static final int RUN_FAILED = 1;
    /** Bad input: jar, selection, arguments, workspace or event log. */
    public static final int BAD_INPUT = 2;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given output streams and returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, null);
    }

    /**
     * As {@link #execute(String[], PrintWriter, PrintWriter)}, with the jar that commands use when
     * neither {@code --jar} nor {@code CAIRN_JAR} names one: an installed Cairn passes its bundled
     * example, so that {@code cairn assets} works out of the box.
     *
     * @param defaultJar the fallback jar, or null for none (then a command without a jar is bad input)
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, Path defaultJar) {
        CommandLine cli = new CommandLine(new CairnCli());
        if (defaultJar != null) {
            cli.setDefaultValueProvider(arg -> arg instanceof OptionSpec option && option.longestName().equals("--jar")
                    && JarOptions.jarFromEnvironment() == null ? defaultJar.toString() : null);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> BAD_INPUT);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("cairn: " + ex.getMessage());
            ex.getCommandLine().usage(err);
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("cairn: " + describe(ex));
            return BAD_INPUT;
        });
        return cli.execute(args);
    }

    /** The one-line (or, for definitions, one-line-per-problem) reason for a bad-input error. */
    static String describe(Exception e) {
        if (e instanceof InvalidDefinitionsException
                || e instanceof PlanningException
                || e instanceof RunConflictException
                || e instanceof dev.cairn.engine.execution.MissingEnvironmentException
                || e instanceof EventLogException
                || e instanceof WorkspaceException
                || e instanceof IllegalArgumentException
                || e instanceof CliException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** Reads the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = CairnCli.class.getPackage().getImplementationVersion();
            return new String[] {"cairn " + (v == null ? "(development build)" : v)};
        }
    }
}
