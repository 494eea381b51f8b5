package dev.cairn.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

import dev.cairn.engine.cli.CairnCli;
import dev.cairn.engine.workspace.CairnHome;

/**
 * The {@code cairn} command of an installed Cairn (the native package's second launcher): the
 * engine's command line, which, when neither {@code --jar} nor {@code CAIRN_JAR} names a jar, works
 * on the bundled example, extracted to the same place the app opens it from, so that the command
 * line and the app share its workspace and runs.
 */
public final class CairnCommand {

    private CairnCommand() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        Path example = null;
        if (System.getenv("CAIRN_JAR") == null) {
            try {
                example = BundledExample.extract(CairnHome.resolve()).orElse(null);
            } catch (IOException e) {
                // Commands that name a jar still work; the others say that none was given.
                err.println("cairn: cannot unpack the bundled example: " + e.getMessage());
            }
        }
        System.exit(CairnCli.execute(args, out, err, example));
    }
}
