package dev.cairn.engine.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import dev.cairn.api.MetadataValue;
import dev.cairn.api.OutputContext;

/**
 * Where file IO managers keep values, and how they write them: one file per asset (and partition)
 * under a base folder, replaced atomically, with its path, size and content hash reported.
 *
 * <p>Layout: an unpartitioned asset is stored in {@code <base>/<key>.<ext>}, a partition in
 * {@code <base>/<key>/<partition>.<ext>}. A {@code /} in a key makes folders, so {@code raw/orders}
 * is {@code <base>/raw/orders.<ext>}; dots are kept as they are. Keys whose segments are empty,
 * {@code .} or {@code ..} are refused, so that no key can point outside the base folder.
 *
 * <p>A value is written to a temporary file in the same folder and moved over the old file
 * atomically, so that readers (and a crash) see the old file or the new one, never half of one.
 * Files are not fsynced: after an operating system crash the newest ones may be lost, as may the
 * newest commits of the H2 event log.
 */
public final class StoredFiles {

    /** Writes a value's bytes. */
    @FunctionalInterface
    public interface Writer {
        /** Writes to {@code out}, which the caller closes. */
        void write(OutputStream out) throws Exception;
    }

    private final Path baseDir;
    private final String extension;

    /**
     * @param baseDir the folder values are stored under, created when the first one is written
     * @param extension the files' extension without the dot, for example {@code json}
     */
    public StoredFiles(Path baseDir, String extension) {
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.extension = extension;
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
            path = path.resolve(i == segments.length - 1 && partitionKey.isEmpty() ? segment + "." + extension : segment);
        }
        if (partitionKey.isPresent()) {
            path = path.resolve(checkedSegment(partitionKey.get(), "partition key '" + partitionKey.get() + "'")
                    + "." + extension);
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

    /**
     * Writes the value of the asset {@code context} stores, replacing its file atomically, and
     * reports {@code path} and {@code size_bytes} metadata and the SHA-256 of the bytes as its
     * content hash (so rewriting an identical value changes no data version).
     *
     * @return the file written
     */
    public Path write(OutputContext context, Writer writer) throws Exception {
        Path target = pathOf(context.assetKey(), context.partitionKey());
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        MessageDigest digest = sha256();
        try {
            try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)), digest)) {
                writer.write(out);
            }
            long size = Files.size(temp);
            move(temp, target);
            context.addMetadata("path", MetadataValue.path(target));
            context.addMetadata("size_bytes", MetadataValue.of(size));
            context.reportContentHash(HexFormat.of().formatHex(digest.digest()));
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
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

    /** The message for a value that was never stored: names the asset, the reader and what to do. */
    public static String neverStored(String assetKey, String downstreamKey) {
        return "no stored value of asset '" + assetKey + "' for '" + downstreamKey
                + "': the file does not exist (materialize '" + assetKey + "' first)";
    }
}
