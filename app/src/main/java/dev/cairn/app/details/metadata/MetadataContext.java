package dev.cairn.app.details.metadata;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What rendering metadata needs from the app.
 *
 * @param zone the time zone timestamps are shown in
 * @param opener opens paths and links outside the app
 * @param revealAsset shows an asset named by an asset reference
 */
public record MetadataContext(ZoneId zone, ExternalOpener opener, Consumer<String> revealAsset) {
    public MetadataContext {
        Objects.requireNonNull(zone);
        Objects.requireNonNull(opener);
        Objects.requireNonNull(revealAsset);
    }

    /**
     * The folder relative image paths in a materialization's markdown are read from: the folder of
     * its {@code path} entry (where the IO manager stored the value) if it has one, else {@code fallback}.
     */
    public static Path imageBase(java.util.Map<String, dev.cairn.api.MetadataValue> metadata, Path fallback) {
        if (metadata.get("path") instanceof dev.cairn.api.MetadataValue.PathValue p) {
            try {
                Path stored = Path.of(p.path()).toAbsolutePath();
                return stored.getParent() == null ? fallback : stored.getParent();
            } catch (java.nio.file.InvalidPathException e) {
                return fallback;
            }
        }
        return fallback;
    }
}
