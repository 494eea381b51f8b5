package dev.cairn.engine.selection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import dev.cairn.engine.definitions.AssetSpec;
import dev.cairn.engine.definitions.Suggestions;

/** Evaluates a selection expression over a lineage, bottom-up, in time linear in the graph per operator. */
final class SelectionResolver {

    private final Lineage lineage;
    private final StatusOracle statuses;

    /** @param statuses answers status terms; {@code null} makes them an error */
    SelectionResolver(Lineage lineage, StatusOracle statuses) {
        this.lineage = lineage;
        this.statuses = statuses;
    }

    /** The selected keys, sorted by key. */
    Set<String> resolve(AssetSelection selection) {
        Set<String> selected = eval(selection);
        Set<String> ordered = new LinkedHashSet<>();
        for (String key : lineage.assets().keySet()) {
            if (selected.contains(key)) {
                ordered.add(key);
            }
        }
        return Collections.unmodifiableSet(ordered);
    }

    private Set<String> eval(AssetSelection s) {
        if (s instanceof AssetSelection.All) {
            return new HashSet<>(lineage.assets().keySet());
        } else if (s instanceof AssetSelection.Keys k) {
            for (String key : k.keys()) {
                if (!lineage.assets().containsKey(key)) {
                    throw unknown("asset", key, lineage.assets().keySet());
                }
            }
            return new HashSet<>(k.keys());
        } else if (s instanceof AssetSelection.Group g) {
            Set<String> keys = matching(spec -> spec.group().equals(g.name()));
            if (keys.isEmpty()) {
                throw unknown("group", g.name(), names(spec -> List.of(spec.group())));
            }
            return keys;
        } else if (s instanceof AssetSelection.Tag t) {
            Set<String> keys = matching(spec -> spec.tags().containsKey(t.key())
                    && (t.value() == null || t.value().equals(spec.tags().get(t.key()))));
            if (keys.isEmpty()) {
                String wanted = t.value() == null ? t.key() : t.key() + "=" + t.value();
                throw unknown("tag", wanted, names(spec -> spec.tags().entrySet().stream()
                        .map(e -> t.value() == null ? e.getKey() : e.getKey() + "=" + e.getValue()).toList()));
            }
            return keys;
        } else if (s instanceof AssetSelection.OfKind k) {
            return matching(spec -> spec.kind() == k.kind());
        } else if (s instanceof AssetSelection.WithStatus w) {
            if (statuses == null) {
                throw new SelectionException("'" + w + "' needs the state of the assets, which is not known here",
                        -1, List.of());
            }
            Set<String> keys = new HashSet<>(statuses.assetsWith(w.status()));
            keys.retainAll(lineage.assets().keySet());
            return keys;
        } else if (s instanceof AssetSelection.Upstream u) {
            return walk(eval(u.of()), u.levels(), lineage::parents);
        } else if (s instanceof AssetSelection.Downstream d) {
            return walk(eval(d.of()), d.levels(), lineage::children);
        } else if (s instanceof AssetSelection.Roots r) {
            return withoutNeighboursInside(eval(r.of()), lineage::parents);
        } else if (s instanceof AssetSelection.Sinks r) {
            return withoutNeighboursInside(eval(r.of()), lineage::children);
        } else if (s instanceof AssetSelection.Union u) {
            Set<String> all = new HashSet<>();
            u.parts().forEach(p -> all.addAll(eval(p)));
            return all;
        } else if (s instanceof AssetSelection.Intersection i) {
            Set<String> left = eval(i.left());
            left.retainAll(eval(i.right()));
            return left;
        } else if (s instanceof AssetSelection.Difference d) {
            Set<String> left = eval(d.left());
            left.removeAll(eval(d.right()));
            return left;
        }
        throw new IllegalStateException("unhandled selection " + s.getClass());
    }

    /** The members of {@code base} none of whose neighbours (parents or children) is in {@code base}. */
    private static Set<String> withoutNeighboursInside(Set<String> base, Function<String, Set<String>> neighbours) {
        Set<String> kept = new HashSet<>();
        for (String key : base) {
            if (Collections.disjoint(neighbours.apply(key), base)) {
                kept.add(key);
            }
        }
        return kept;
    }

    /** Breadth-first from {@code start}, up to {@code levels} levels, including {@code start}. */
    private static Set<String> walk(Set<String> start, int levels, Function<String, Set<String>> next) {
        Set<String> seen = new HashSet<>(start);
        List<String> frontier = new ArrayList<>(start);
        for (int level = 0; level < levels && !frontier.isEmpty(); level++) {
            List<String> following = new ArrayList<>();
            for (String key : frontier) {
                for (String n : next.apply(key)) {
                    if (seen.add(n)) {
                        following.add(n);
                    }
                }
            }
            frontier = following;
        }
        return seen;
    }

    private Set<String> matching(java.util.function.Predicate<AssetSpec> test) {
        Set<String> keys = new HashSet<>();
        for (AssetSpec spec : lineage.assets().values()) {
            if (test.test(spec)) {
                keys.add(spec.key());
            }
        }
        return keys;
    }

    private Set<String> names(Function<AssetSpec, Collection<String>> of) {
        Set<String> names = new TreeSet<>();
        lineage.assets().values().forEach(spec -> names.addAll(of.apply(spec)));
        return names;
    }

    private static SelectionException unknown(String what, String name, Collection<String> existing) {
        List<String> close = Suggestions.closest(name, existing, 3);
        String hint = close.isEmpty() ? ""
                : close.size() == 1 ? " (did you mean '" + close.get(0) + "'?)"
                : " (did you mean one of " + String.join(", ", close.stream().map(c -> "'" + c + "'").toList()) + "?)";
        String message = what.equals("asset") ? "unknown asset '" + name + "'" + hint
                : "no asset has " + what + " '" + name + "'" + hint;
        return new SelectionException(message, -1, close);
    }
}
