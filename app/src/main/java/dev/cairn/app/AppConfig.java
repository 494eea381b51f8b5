package dev.cairn.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import dev.cairn.app.engine.WorkspaceSession;
import dev.cairn.engine.workspace.CairnHome;

/**
 * How the app starts.
 *
 * @param cairnHome where workspaces, settings and the extracted example live
 * @param jar the jar to open, or null for the last one (or the bundled example on a first start)
 * @param session how often the event log is polled and how long a rebuilt jar must be quiet
 */
public record AppConfig(Path cairnHome, Path jar, WorkspaceSession.Options session) {

    public AppConfig {
        Objects.requireNonNull(cairnHome, "cairnHome");
        Objects.requireNonNull(session, "session");
    }

    /** From the command line {@code cairn-app [path/to.jar]}, with the Cairn home of this user. */
    public static AppConfig fromArguments(List<String> args) {
        Path jar = args.stream().filter(a -> !a.startsWith("-")).findFirst().map(Path::of).orElse(null);
        return new AppConfig(CairnHome.resolve(), jar, WorkspaceSession.Options.defaults());
    }
}
