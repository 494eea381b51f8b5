package dev.cairn.engine.workspace;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The folder under which Cairn keeps its workspaces, per user.
 *
 * <p>In order: the system property {@value #PROPERTY}, the environment variable {@value #ENV}, else
 * the operating system's per-user data folder: {@code $XDG_DATA_HOME/cairn} or
 * {@code ~/.local/share/cairn} on Linux and other Unixes, {@code ~/Library/Application Support/Cairn}
 * on macOS, {@code %LOCALAPPDATA%\Cairn} on Windows. Tests and CI set the property or the variable
 * so that they never write into the real home.
 */
public final class CairnHome {

    /** System property that overrides the Cairn home. */
    public static final String PROPERTY = "cairn.home";
    /** Environment variable that overrides the Cairn home. */
    public static final String ENV = "CAIRN_HOME";

    private CairnHome() { }

    /** The Cairn home of this process's user. */
    public static Path resolve() {
        return resolve(System.getProperties(), System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home")));
    }

    /** The Cairn home for the given settings; {@link #resolve()} with its inputs made explicit. */
    static Path resolve(Properties properties, Map<String, String> env, String osName, Path userHome) {
        String explicit = nonBlank(properties.getProperty(PROPERTY));
        if (explicit == null) {
            explicit = nonBlank(env.get(ENV));
        }
        if (explicit != null) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String localAppData = nonBlank(env.get("LOCALAPPDATA"));
            Path base = localAppData != null ? Path.of(localAppData) : userHome.resolve("AppData").resolve("Local");
            return base.resolve("Cairn");
        }
        if (os.startsWith("mac")) {
            return userHome.resolve("Library").resolve("Application Support").resolve("Cairn");
        }
        // The XDG spec says to ignore a relative XDG_DATA_HOME.
        String xdg = nonBlank(env.get("XDG_DATA_HOME"));
        Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : userHome.resolve(".local").resolve("share");
        return base.resolve("cairn");
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
