package dev.cairn.app.engine;

import dev.cairn.engine.definitions.AssetGraph;
import dev.cairn.engine.definitions.DefinitionsSnapshot;

/**
 * New definitions of the open jar.
 *
 * @param latest what the jar defines now, possibly with problems
 * @param shown the definitions to draw and run: {@code latest} when it is usable, else the last
 *        usable ones (so that a broken rebuild leaves the previous graph usable), or null if there are none
 * @param graph the graph of {@code shown}, or null
 * @param changes what changed since the definitions shown before, or null on the first load
 * @param fromCache true when {@code latest} was read from the app's cache, before the worker confirmed it
 */
public record DefinitionsUpdate(DefinitionsSnapshot latest, DefinitionsSnapshot shown, AssetGraph graph,
                                SnapshotChanges changes, boolean fromCache) {

    /** True when the jar as it is now has problems. */
    public boolean hasProblems() {
        return !latest.isValid();
    }

    /** True when the graph drawn is not the jar's current one (the jar is broken). */
    public boolean showingPrevious() {
        return shown != null && shown != latest;
    }
}
