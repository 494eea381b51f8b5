package dev.cairn.engine.testing;

import java.util.List;
import java.util.Map;

import dev.cairn.api.IOManager;
import dev.cairn.api.MaterializeResult;

/** Runs {@link dev.cairn.api.Materialize} requests: in-memory event log, in-memory IO manager. */
public final class InMemoryMaterializer {

    private InMemoryMaterializer() {
    }

    /** See {@link dev.cairn.api.Materialize#run()}. */
    public static MaterializeResult run(List<Class<?>> assetClasses, Map<String, Object> resources,
                                        Map<String, IOManager> ioManagers, Map<String, Object> upstreamValues,
                                        String selection) {
        throw new UnsupportedOperationException("TODO(execution): not yet implemented");
    }
}
