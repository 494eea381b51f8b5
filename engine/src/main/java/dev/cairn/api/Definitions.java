package dev.cairn.api;

import java.nio.file.Path;

/**
 * The registry a {@link DefinitionsProvider} fills. Keys are unique within their kind; registering
 * a key twice is reported as a problem of the jar.
 */
public interface Definitions {

    /** The workspace folder of this jar, where the default IO manager writes. */
    Path workspace();

    /**
     * Registers a resource, injected into assets by {@link ResourceKey} or by type. A record (or a
     * {@link Configured} resource) is typed configuration: the app lists its fields, and its
     * {@link EnvVar}s must be set before a run whose assets use it starts.
     */
    Definitions resource(String key, Object resource);

    /**
     * Registers an IO manager. The key {@code "io_manager"} replaces the default one; assets
     * choose another by {@link Asset#ioManagerKey()}.
     */
    Definitions ioManager(String key, IOManager ioManager);

    /** Registers a source asset: external data that assets may depend on. */
    Definitions sourceAsset(SourceAsset source);

    /**
     * Registers a job: a named selection of assets, written in the selection language (for
     * example {@code "group:hackernews"} or {@code "*most_frequent_words"}).
     */
    Definitions job(String name, String selection, String description);

    /**
     * Restricts asset discovery to these classes instead of scanning the whole jar. Calling it
     * several times adds classes.
     */
    Definitions assets(Class<?>... assetClasses);
}
