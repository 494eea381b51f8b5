package dev.cairn.app.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.cairn.engine.workspace.AtomicFiles;

/**
 * Reads and writes {@link AppSettings} as a small JSON file (in the Cairn home). A missing or
 * damaged file gives the defaults: settings are a convenience, never a reason not to start.
 */
public final class SettingsStore {

    private final Path file;
    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public SettingsStore(Path file) {
        this.file = file;
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** The saved settings, or the defaults. */
    public AppSettings load() {
        try {
            if (Files.isRegularFile(file)) {
                AppSettings settings = mapper.readValue(Files.readString(file, StandardCharsets.UTF_8), AppSettings.class);
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
        AtomicFiles.write(file, mapper.writeValueAsString(settings));
    }
}
