package dev.cairn.app.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.cairn.engine.workspace.AtomicFiles;

/**
 * Reads and writes {@link AppSettings} as a small properties file in the Cairn home
 * ({@code app-settings.properties}). A missing or damaged file gives the defaults: settings are a
 * convenience, never a reason not to start.
 *
 * <p>Properties rather than JSON because the settings are read before the window is built: the
 * JDK reads them in a millisecond, where Jackson's first use cost about half a second of a cold
 * start. Settings that earlier versions wrote as {@code app-settings.json} are read once, when no
 * properties file exists yet.
 */
public final class SettingsStore {

    private static final String RECENT = "recentJar.";

    private final Path file;
    private final Path legacyJson;

    /**
     * @param file the properties file
     * @param legacyJson the JSON file of earlier versions, read while {@code file} does not exist; may be null
     */
    public SettingsStore(Path file, Path legacyJson) {
        this.file = file;
        this.legacyJson = legacyJson;
    }

    /** The settings of a Cairn home. */
    public static SettingsStore in(Path cairnHome) {
        return new SettingsStore(cairnHome.resolve("app-settings.properties"), cairnHome.resolve("app-settings.json"));
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** The saved settings, or the defaults. */
    public AppSettings load() {
        try {
            if (Files.isRegularFile(file)) {
                Properties p = new Properties();
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(in);
                }
                return fromProperties(p);
            }
            if (legacyJson != null && Files.isRegularFile(legacyJson)) {
                AppSettings settings = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .build().readValue(Files.readString(legacyJson, StandardCharsets.UTF_8), AppSettings.class);
                return settings == null ? AppSettings.defaults() : settings;
            }
        } catch (IOException | RuntimeException e) {
            // Damaged settings: start with the defaults and overwrite them on the next save.
        }
        return AppSettings.defaults();
    }

    /**
     * Saves the settings, replacing the file atomically where the file system allows.
     *
     * @throws IOException if the file cannot be written
     */
    public void save(AppSettings settings) throws IOException {
        StringWriter text = new StringWriter();
        toProperties(settings).store(text, "Cairn app settings");
        AtomicFiles.write(file, text.toString());
    }

    private static Properties toProperties(AppSettings s) {
        Properties p = new Properties();
        if (s.lastJar() != null) {
            p.setProperty("lastJar", s.lastJar());
        }
        for (int i = 0; i < s.recentJars().size(); i++) {
            p.setProperty(RECENT + i, s.recentJars().get(i));
        }
        AppSettings.WindowBounds w = s.window();
        if (w != null) {
            p.setProperty("window.x", Double.toString(w.x()));
            p.setProperty("window.y", Double.toString(w.y()));
            p.setProperty("window.width", Double.toString(w.width()));
            p.setProperty("window.height", Double.toString(w.height()));
            p.setProperty("window.maximized", Boolean.toString(w.maximized()));
        }
        p.setProperty("graphDivider", Double.toString(s.graphDivider()));
        p.setProperty("runPanelDivider", Double.toString(s.runPanelDivider()));
        p.setProperty("runListDivider", Double.toString(s.runListDivider()));
        p.setProperty("dark", Boolean.toString(s.dark()));
        return p;
    }

    private static AppSettings fromProperties(Properties p) {
        AppSettings d = AppSettings.defaults();
        List<String> recent = new ArrayList<>();
        for (int i = 0; p.getProperty(RECENT + i) != null; i++) {
            recent.add(p.getProperty(RECENT + i));
        }
        AppSettings.WindowBounds window = p.getProperty("window.width") == null ? null : new AppSettings.WindowBounds(
                number(p, "window.x", 0), number(p, "window.y", 0), number(p, "window.width", 0),
                number(p, "window.height", 0), Boolean.parseBoolean(p.getProperty("window.maximized")));
        return new AppSettings(p.getProperty("lastJar"), recent, window, number(p, "graphDivider", d.graphDivider()),
                number(p, "runPanelDivider", d.runPanelDivider()), number(p, "runListDivider", d.runListDivider()),
                Boolean.parseBoolean(p.getProperty("dark")));
    }

    private static double number(Properties p, String key, double fallback) {
        String value = p.getProperty(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
