package dev.cairn.engine.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.cairn.api.IOManager;
import dev.cairn.api.InputContext;
import dev.cairn.api.MetadataValue;
import dev.cairn.api.OutputContext;

/**
 * Stores each asset's value as a JSON file under a base folder; the default IO manager of a
 * workspace.
 *
 * <p>Layout: an unpartitioned asset is stored in {@code <base>/<key>.json}, a partition in
 * {@code <base>/<key>/<partition>.json}. A {@code /} in a key makes folders, so {@code raw/orders}
 * is {@code <base>/raw/orders.json}; dots are kept as they are. Keys whose segments are empty,
 * {@code .} or {@code ..} are refused, so that no key can point outside the base folder.
 *
 * <p>A value is written to a temporary file in the same folder and moved over the old file
 * atomically, so that readers (and a crash) see the old file or the new one, never half of one.
 * Files are not fsynced: after an operating system crash the newest ones may be lost, as may the
 * newest commits of the H2 event log.
 *
 * <p>Each write records {@code path} and {@code size_bytes} metadata and reports the SHA-256 of the
 * bytes as the content hash, so rewriting an identical value does not change its data version.
 *
 * <p>Values are written by Jackson (with {@code java.time} support, dates as ISO-8601 text) and read
 * back as the type the downstream parameter declares, generics included ({@code List<Story>}).
 */
public final class FilesystemIOManager implements IOManager {

    private final Path baseDir;
    private final ObjectMapper mapper;

    /** Stores files under {@code baseDir}, which is created when the first value is written. */
    public FilesystemIOManager(Path baseDir) {
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    /** The folder values are stored under. */
    public Path baseDir() {
        return baseDir;
    }

    /** The file that holds an asset's (or a partition's) value. */
    public Path pathOf(String assetKey, Optional<String> partitionKey) {
        Path path = baseDir;
        String[] segments = assetKey.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = checkedSegment(segments[i], "asset key '" + assetKey + "'");
            path = path.resolve(i == segments.length - 1 && partitionKey.isEmpty() ? segment + ".json" : segment);
        }
        if (partitionKey.isPresent()) {
            path = path.resolve(checkedSegment(partitionKey.get(), "partition key '" + partitionKey.get() + "'") + ".json");
        }
        return path;
    }

    private static String checkedSegment(String segment, String what) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("/")
                || segment.contains("\\") || segment.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " cannot name a file: it has an empty, '.', '..' or invalid segment");
        }
        return segment;
    }

    @Override
    public void handleOutput(OutputContext context, Object value) throws IOException, NoSuchAlgorithmException {
        Path target = pathOf(context.assetKey(), context.partitionKey());
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try {
            try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)), digest)) {
                mapper.writeValue(out, value);
            }
            long size = Files.size(temp);
            move(temp, target);
            context.addMetadata("path", MetadataValue.path(target));
            context.addMetadata("size_bytes", MetadataValue.of(size));
            context.reportContentHash(HexFormat.of().formatHex(digest.digest()));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same folder, so only exotic file systems get here; a plain replace is the best they offer.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public Object loadInput(InputContext context) throws IOException {
        Path path = pathOf(context.assetKey(), context.partitionKey());
        JavaType type = mapper.getTypeFactory().constructType(context.expectedType());
        try (InputStream in = Files.newInputStream(path)) {
            return mapper.readValue(in, type);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path.toString(), null, "no stored value of asset '" + context.assetKey()
                    + "' for '" + context.downstreamKey() + "': the file does not exist (materialize '"
                    + context.assetKey() + "' first)");
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException("the stored value of asset '" + context.assetKey() + "' in " + path
                    + " cannot be read as " + context.expectedType().getTypeName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
