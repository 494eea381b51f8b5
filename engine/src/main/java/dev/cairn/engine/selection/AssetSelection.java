package dev.cairn.engine.selection;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.cairn.engine.definitions.AssetGraph;

/**
 * Resolves selections written in the selection language against an asset graph.
 */
public final class AssetSelection {

    private AssetSelection() {
    }

    /**
     * The keys a selection names. This first version knows {@code *} and comma-separated keys.
     *
     * @throws IllegalArgumentException for an unknown key or unsupported syntax
     */
    public static Set<String> resolve(String selection, AssetGraph graph) {
        Set<String> keys = new LinkedHashSet<>();
        for (String part : selection.split(",")) {
            String p = part.trim();
            if (p.equals("*")) {
                keys.addAll(graph.assets().keySet());
            } else if (graph.contains(p)) {
                keys.add(p);
            } else {
                throw new IllegalArgumentException("unknown asset or unsupported selection: '" + p + "'");
            }
        }
        return keys;
    }
}
