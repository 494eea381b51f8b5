package dev.cairn.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of an asset: a value for its IO manager, together with metadata and, optionally,
 * a data version chosen by the user.
 *
 * <pre>{@code
 * return Output.of(rows)
 *         .withMetadata("num_rows", MetadataValue.of(rows.size()))
 *         .withDataVersion(snapshotId);
 * }</pre>
 *
 * <p>A user-provided data version wins over the one Cairn would compute (a hash of the bytes the
 * IO manager wrote, or of the code version and the input data versions). Give one when the value
 * has a natural identity, such as a snapshot id or a file's checksum.
 *
 * @param <T> the type of the value
 */
public final class Output<T> {

    private final T value;
    private final Map<String, MetadataValue> metadata;
    private final String dataVersion;

    private Output(T value, Map<String, MetadataValue> metadata, String dataVersion) {
        this.value = value;
        this.metadata = Map.copyOf(metadata);
        this.dataVersion = dataVersion;
    }

    /** An output carrying {@code value} (may be {@code null}) with no metadata. */
    public static <T> Output<T> of(T value) {
        return new Output<>(value, Map.of(), null);
    }

    /** A copy with one more metadata entry; an entry with the same key is replaced. */
    public Output<T> withMetadata(String key, MetadataValue value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Map<String, MetadataValue> copy = new LinkedHashMap<>(metadata);
        copy.put(key, value);
        return new Output<>(this.value, copy, dataVersion);
    }

    /** A copy with the given data version. */
    public Output<T> withDataVersion(String version) {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("a data version must not be blank");
        }
        return new Output<>(value, metadata, version);
    }

    /** The value handed to the IO manager. */
    public T value() {
        return value;
    }

    /** The metadata entries, in no particular order. */
    public Map<String, MetadataValue> metadata() {
        return metadata;
    }

    /** The data version the user provided, if any. */
    public Optional<String> dataVersion() {
        return Optional.ofNullable(dataVersion);
    }
}
