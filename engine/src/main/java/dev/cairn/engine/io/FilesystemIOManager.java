package dev.cairn.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.cairn.api.Configured;
import dev.cairn.api.IOManager;
import dev.cairn.api.InputContext;
import dev.cairn.api.OutputContext;

/**
 * Stores each asset's value as a JSON file under a base folder; the default IO manager of a
 * workspace. Files are laid out and replaced atomically as {@link StoredFiles} says
 * ({@code <base>/<key>.json}).
 *
 * <p>Each write records {@code path} and {@code size_bytes} metadata and reports the SHA-256 of the
 * bytes as the content hash, so rewriting an identical value does not change its data version.
 *
 * <p>Values are written by Jackson (with {@code java.time} support, dates as ISO-8601 text) and read
 * back as the type the downstream parameter declares, generics included ({@code List<Story>}).
 */
public final class FilesystemIOManager implements IOManager, Configured {

    /**
     * The configuration shown in the app.
     *
     * @param baseDir the folder values are stored under
     * @param format the files' format
     */
    public record Settings(Path baseDir, String format) { }

    private final StoredFiles files;
    private final ObjectMapper mapper;

    /** Stores files under {@code baseDir}, which is created when the first value is written. */
    public FilesystemIOManager(Path baseDir) {
        this.files = new StoredFiles(baseDir, "json");
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    /** The folder values are stored under. */
    public Path baseDir() {
        return files.baseDir();
    }

    /** The file that holds an asset's (or a partition's) value. */
    public Path pathOf(String assetKey, Optional<String> partitionKey) {
        return files.pathOf(assetKey, partitionKey);
    }

    @Override
    public Record configuration() {
        return new Settings(files.baseDir(), "JSON");
    }

    @Override
    public void handleOutput(OutputContext context, Object value) throws Exception {
        files.write(context, out -> mapper.writeValue(out, value));
    }

    @Override
    public Object loadInput(InputContext context) throws IOException {
        Path path = pathOf(context.assetKey(), context.partitionKey());
        JavaType type = mapper.getTypeFactory().constructType(context.expectedType());
        try (InputStream in = Files.newInputStream(path)) {
            return mapper.readValue(in, type);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path.toString(), null, StoredFiles.neverStored(context.assetKey(), context.downstreamKey()));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException("the stored value of asset '" + context.assetKey() + "' in " + path
                    + " cannot be read as " + context.expectedType().getTypeName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
