package dev.cairn.examples.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A data file shipped inside the example jar, next to the classes that read it.
 *
 * <p>The examples read their data from the class path so that they run anywhere, offline; a real
 * asset would read from a database, an API or a shared folder instead.
 */
public final class BundledResource {

    private final String name;
    private final byte[] content;

    private BundledResource(String name, byte[] content) {
        this.name = name;
        this.content = content;
    }

    /**
     * Reads the resource {@code name}, relative to the package of {@code anchor}.
     *
     * @throws IllegalStateException if the jar does not contain it
     * @throws UncheckedIOException if it cannot be read
     */
    public static BundledResource read(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no resource '" + name + "' next to " + anchor.getName());
            }
            return new BundledResource(name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled resource '" + name + "'", e);
        }
    }

    /** A resource with the given content; for tests and for data that comes from elsewhere. */
    public static BundledResource of(String name, byte[] content) {
        return new BundledResource(name, content.clone());
    }

    /** The resource's file name, for messages. */
    public String name() {
        return name;
    }

    /** The size in bytes. */
    public int size() {
        return content.length;
    }

    /** The content, decoded as UTF-8. */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /** The SHA-256 of the content, as 64 lowercase hex digits. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM supports SHA-256", e);
        }
    }
}
