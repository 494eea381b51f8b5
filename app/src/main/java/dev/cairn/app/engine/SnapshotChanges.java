package dev.cairn.app.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.cairn.engine.definitions.AssetSpec;
import dev.cairn.engine.definitions.DefinitionsSnapshot;

/**
 * What changed between two versions of a jar's definitions, as a user cares about it after a rebuild.
 *
 * @param added keys of new assets, sorted
 * @param removed keys of assets that are gone, sorted
 * @param newCodeVersion keys of assets whose code version changed, sorted
 * @param newDependencies keys of assets whose upstreams changed, sorted
 */
public record SnapshotChanges(List<String> added, List<String> removed, List<String> newCodeVersion,
                              List<String> newDependencies) {

    public SnapshotChanges {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        newCodeVersion = List.copyOf(newCodeVersion);
        newDependencies = List.copyOf(newDependencies);
    }

    /** The changes from {@code before} to {@code after}. */
    public static SnapshotChanges between(DefinitionsSnapshot before, DefinitionsSnapshot after) {
        Map<String, AssetSpec> old = byKey(before);
        Map<String, AssetSpec> now = byKey(after);
        List<String> added = new ArrayList<>();
        List<String> code = new ArrayList<>();
        List<String> deps = new ArrayList<>();
        now.forEach((key, spec) -> {
            AssetSpec was = old.get(key);
            if (was == null) {
                added.add(key);
                return;
            }
            if (!Objects.equals(was.codeVersion(), spec.codeVersion())) {
                code.add(key);
            }
            if (!was.upstreams().equals(spec.upstreams())) {
                deps.add(key);
            }
        });
        List<String> removed = old.keySet().stream().filter(k -> !now.containsKey(k)).toList();
        return new SnapshotChanges(sorted(added), sorted(removed), sorted(code), sorted(deps));
    }

    private static Map<String, AssetSpec> byKey(DefinitionsSnapshot snapshot) {
        return snapshot.assets().stream().collect(Collectors.toMap(AssetSpec::key, Function.identity(), (a, b) -> a));
    }

    private static List<String> sorted(List<String> keys) {
        return keys.stream().sorted().toList();
    }

    /** True when nothing a user would notice changed. */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && newCodeVersion.isEmpty() && newDependencies.isEmpty();
    }

    /** One sentence, for example "2 assets added (a, b) · new code version: c". */
    public String summary() {
        List<String> parts = new ArrayList<>();
        if (!added.isEmpty()) {
            parts.add(count(added.size(), "asset") + " added (" + names(added) + ")");
        }
        if (!removed.isEmpty()) {
            parts.add(count(removed.size(), "asset") + " removed (" + names(removed) + ")");
        }
        if (!newCodeVersion.isEmpty()) {
            parts.add("new code version: " + names(newCodeVersion));
        }
        if (!newDependencies.isEmpty()) {
            parts.add("new dependencies: " + names(newDependencies));
        }
        return parts.isEmpty() ? "no changes to the assets" : String.join(" · ", parts);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Up to four names, then "and N more". */
    private static String names(List<String> keys) {
        int shown = Math.min(4, keys.size());
        String list = String.join(", ", keys.subList(0, shown));
        return keys.size() > shown ? list + " and " + (keys.size() - shown) + " more" : list;
    }
}
