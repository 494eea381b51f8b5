package dev.cairn.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Materializes assets in memory, for users' own unit tests: no jar, no workspace, no database.
 * Values are kept by an in-memory IO manager unless another is given.
 *
 * <pre>{@code
 * MaterializeResult result = Materialize.assets(HackerNewsAssets.class)
 *         .resource("hn", new FakeHackerNewsClient())
 *         .run();
 * assertTrue(result.success());
 * List<?> stories = result.output("topstories", List.class);
 * }</pre>
 */
public final class Materialize {

    private final List<Class<?>> assetClasses;
    private final Map<String, Object> resources = new LinkedHashMap<>();
    private final Map<String, IOManager> ioManagers = new LinkedHashMap<>();
    private final Map<String, Object> sourceValues = new LinkedHashMap<>();
    private String selection = "*";

    private Materialize(List<Class<?>> assetClasses) {
        this.assetClasses = assetClasses;
    }

    /** Starts a materialization of the {@link Asset} methods of these classes. */
    public static Materialize assets(Class<?>... assetClasses) {
        return new Materialize(List.of(assetClasses));
    }

    /** Provides a resource, typically a fake, under a key. */
    public Materialize resource(String key, Object resource) {
        resources.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(resource, "resource"));
        return this;
    }

    /** Uses this IO manager under the key instead of the in-memory one. */
    public Materialize ioManager(String key, IOManager ioManager) {
        ioManagers.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(ioManager, "ioManager"));
        return this;
    }

    /**
     * Provides the value of an upstream asset that is not among the given classes (a source asset,
     * or an asset left out of the test), as if it had been materialized before.
     */
    public Materialize upstreamValue(String assetKey, Object value) {
        sourceValues.put(Objects.requireNonNull(assetKey, "assetKey"), value);
        return this;
    }

    /** Materializes only this selection, written in the selection language; everything by default. */
    public Materialize select(String selection) {
        this.selection = Objects.requireNonNull(selection, "selection");
        return this;
    }

    /**
     * Runs the selected assets on the calling machine and waits for the run to end.
     *
     * @throws IllegalArgumentException if the definitions are invalid (the message lists every problem)
     */
    public MaterializeResult run() {
        return dev.cairn.engine.testing.InMemoryMaterializer.run(
                new ArrayList<>(assetClasses), Map.copyOf(resources), Map.copyOf(ioManagers),
                new LinkedHashMap<>(sourceValues), selection);
    }
}
