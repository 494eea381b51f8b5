package dev.cairn.engine.selection;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.cairn.engine.definitions.AssetGraph;
import dev.cairn.engine.definitions.AssetSpec;

/** What resolving a selection needs to know about the assets: who they are and how they connect. */
interface Lineage {

    /** Every asset by key, sorted by key. */
    Map<String, AssetSpec> assets();

    /** The direct upstreams of an asset. */
    Set<String> parents(String key);

    /** The direct downstreams of an asset. */
    Set<String> children(String key);

    static Lineage of(AssetGraph graph) {
        return new Lineage() {
            @Override
            public Map<String, AssetSpec> assets() {
                return graph.assets();
            }

            @Override
            public Set<String> parents(String key) {
                return graph.parents(key);
            }

            @Override
            public Set<String> children(String key) {
                return graph.children(key);
            }
        };
    }

    /** Lineage of assets that may have cycles and unknown upstreams; unknown upstreams are left out. */
    static Lineage of(Collection<AssetSpec> specs) {
        Map<String, AssetSpec> byKey = new TreeMap<>();
        specs.forEach(s -> byKey.putIfAbsent(s.key(), s));
        Map<String, Set<String>> parents = new HashMap<>();
        Map<String, Set<String>> children = new HashMap<>();
        for (AssetSpec spec : byKey.values()) {
            for (String up : spec.upstreams()) {
                if (byKey.containsKey(up)) {
                    parents.computeIfAbsent(spec.key(), k -> new LinkedHashSet<>()).add(up);
                    children.computeIfAbsent(up, k -> new LinkedHashSet<>()).add(spec.key());
                }
            }
        }
        Map<String, AssetSpec> assets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
        return new Lineage() {
            @Override
            public Map<String, AssetSpec> assets() {
                return assets;
            }

            @Override
            public Set<String> parents(String key) {
                return parents.getOrDefault(key, Set.of());
            }

            @Override
            public Set<String> children(String key) {
                return children.getOrDefault(key, Set.of());
            }
        };
    }
}
