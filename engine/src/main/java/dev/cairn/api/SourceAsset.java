package dev.cairn.api;

import java.util.Objects;
import java.util.Optional;

/**
 * External data that assets depend on but Cairn does not compute: a table another team loads, a
 * file that lands every night. Downstream assets read it through its IO manager like any upstream.
 *
 * <p>An <em>observable</em> source asset has an observer that returns the current version of the
 * data (a checksum, a last-modified time, a row count). A new observed version makes its
 * downstream assets stale.
 *
 * <pre>{@code
 * defs.sourceAsset(SourceAsset.of("weather_samples")
 *         .group("weather")
 *         .description("Hourly samples from the station")
 *         .observedBy(ctx -> Files.getLastModifiedTime(samples).toString()));
 * }</pre>
 */
public final class SourceAsset {

    /** Computes the current data version of a source asset. */
    @FunctionalInterface
    public interface Observer {
        /**
         * Returns the current version of the external data.
         *
         * @param context the source asset's context; metadata added to it is recorded with the observation
         */
        String observe(AssetContext context) throws Exception;
    }

    private final String key;
    private final String group;
    private final String description;
    private final String ioManagerKey;
    private final Observer observer;

    private SourceAsset(String key, String group, String description, String ioManagerKey, Observer observer) {
        this.key = Objects.requireNonNull(key, "key");
        this.group = group;
        this.description = description;
        this.ioManagerKey = ioManagerKey;
        this.observer = observer;
    }

    /** A source asset with this key, in the default group, read by the default IO manager. */
    public static SourceAsset of(String key) {
        return new SourceAsset(key, "", "", "io_manager", null);
    }

    /** A copy in the given group. */
    public SourceAsset group(String group) {
        return new SourceAsset(key, group, description, ioManagerKey, observer);
    }

    /** A copy with the given description. */
    public SourceAsset description(String description) {
        return new SourceAsset(key, group, description, ioManagerKey, observer);
    }

    /** A copy read by the IO manager registered under this key. */
    public SourceAsset ioManagerKey(String ioManagerKey) {
        return new SourceAsset(key, group, description, ioManagerKey, observer);
    }

    /** A copy that can be observed with this observer. */
    public SourceAsset observedBy(Observer observer) {
        return new SourceAsset(key, group, description, ioManagerKey, Objects.requireNonNull(observer, "observer"));
    }

    /** The asset key. */
    public String key() {
        return key;
    }

    /** The group, empty for the default group. */
    public String group() {
        return group;
    }

    /** The description, possibly empty. */
    public String description() {
        return description;
    }

    /** The key of the IO manager that loads it. */
    public String ioManagerKey() {
        return ioManagerKey;
    }

    /** The observer, if the source asset is observable. */
    public Optional<Observer> observer() {
        return Optional.ofNullable(observer);
    }
}
