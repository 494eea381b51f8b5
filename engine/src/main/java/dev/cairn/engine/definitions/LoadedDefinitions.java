package dev.cairn.engine.definitions;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cairn.api.IOManager;
import dev.cairn.api.SourceAsset;

/**
 * Definitions ready to run: the snapshot and graph, plus the live objects they need (user
 * methods, resources, IO managers). Owns the jar's class loader and closes it, and every
 * {@link AutoCloseable} resource, on {@link #close()}.
 */
public final class LoadedDefinitions implements Closeable {

    private final DefinitionsSnapshot snapshot;
    private final AssetGraph graph;
    private final Map<String, AssetFunction> functions;
    private final Map<String, SourceAsset.Observer> observers;
    private final Map<String, Object> resources;
    private final Map<String, IOManager> ioManagers;
    private final Closeable classLoader;

    LoadedDefinitions(DefinitionsSnapshot snapshot, AssetGraph graph, Map<String, AssetFunction> functions,
                      Map<String, SourceAsset.Observer> observers, Map<String, Object> resources,
                      Map<String, IOManager> ioManagers, Closeable classLoader) {
        this.snapshot = snapshot;
        this.graph = graph;
        this.functions = Map.copyOf(functions);
        this.observers = Map.copyOf(observers);
        this.resources = Map.copyOf(resources);
        this.ioManagers = Map.copyOf(ioManagers);
        this.classLoader = classLoader;
    }

    /** The definitions as values. */
    public DefinitionsSnapshot snapshot() {
        return snapshot;
    }

    /**
     * The asset graph; empty when the definitions have problems that prevent building it
     * (a cycle or an unknown upstream).
     */
    public Optional<AssetGraph> graph() {
        return Optional.ofNullable(graph);
    }

    /** The graph of valid definitions. */
    public AssetGraph requireGraph() {
        if (graph == null || !snapshot.isValid()) {
            throw new InvalidDefinitionsException(snapshot.problems());
        }
        return graph;
    }

    /** The compute function of a (non-source) asset. */
    public AssetFunction function(String assetKey) {
        AssetFunction f = functions.get(assetKey);
        if (f == null) {
            throw new IllegalArgumentException("no compute function for asset '" + assetKey + "'");
        }
        return f;
    }

    /** The observer of an observable source asset. */
    public Optional<SourceAsset.Observer> observer(String assetKey) {
        return Optional.ofNullable(observers.get(assetKey));
    }

    /** Every registered resource by key. */
    public Map<String, Object> resources() {
        return resources;
    }

    /** Every IO manager by key, including the default one. */
    public Map<String, IOManager> ioManagers() {
        return ioManagers;
    }

    /** The same definitions with more problems, for checks made after assembly (such as job selections). */
    public LoadedDefinitions withMoreProblems(List<Problem> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Problem> all = new ArrayList<>(snapshot.problems());
        all.addAll(more);
        DefinitionsSnapshot s = new DefinitionsSnapshot(snapshot.jarPath(), snapshot.assets(), snapshot.jobs(),
                snapshot.resources(), snapshot.ioManagerKeys(), all, snapshot.ioManagers());
        return new LoadedDefinitions(s, graph, functions, observers, resources, ioManagers, classLoader);
    }

    @Override
    public void close() throws IOException {
        for (Object r : resources.values()) {
            if (r instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // A resource failing to close must not keep the jar open.
                }
            }
        }
        if (classLoader != null) {
            classLoader.close();
        }
    }
}
