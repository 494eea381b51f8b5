package dev.cairn.engine.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.cairn.engine.definitions.AssetGraph;
import dev.cairn.engine.definitions.AssetSpec;

/**
 * A set of assets described rather than listed: an immutable expression, resolved against a graph
 * when needed, so the same selection (a job, a filter in the app) follows the definitions as they
 * change.
 *
 * <p>Build selections with the factories and combinators, or parse the selection language, which
 * follows Dagster's:
 * <table>
 *   <caption>The selection language</caption>
 *   <tr><td>{@code key}</td><td>the asset with this key</td></tr>
 *   <tr><td>{@code +key}, {@code ++key}</td><td>the asset and its upstreams one (two, ...) levels up</td></tr>
 *   <tr><td>{@code *key}</td><td>the asset and everything upstream of it</td></tr>
 *   <tr><td>{@code key+}, {@code key*}</td><td>the same, downstream</td></tr>
 *   <tr><td>{@code *key*}, {@code +key+}</td><td>both directions</td></tr>
 *   <tr><td>{@code group:name}</td><td>every asset of a group</td></tr>
 *   <tr><td>{@code tag:k=v}, {@code tag:k}</td><td>every asset with that tag (and value)</td></tr>
 *   <tr><td>{@code kind:asset}, {@code kind:source}</td><td>computed assets, or source assets</td></tr>
 *   <tr><td>{@code status:stale}, {@code status:missing}</td><td>assets in that state, answered by a {@link StatusOracle}</td></tr>
 *   <tr><td>{@code roots(sel)}, {@code sinks(sel)}</td><td>the assets of {@code sel} with no upstream (downstream) inside it</td></tr>
 *   <tr><td>{@code (sel)}</td><td>grouping, for example {@code *(group:a, tag:b)}</td></tr>
 *   <tr><td>{@code a, b}</td><td>union</td></tr>
 *   <tr><td>{@code *}</td><td>every asset</td></tr>
 * </table>
 * The operators {@code + *} apply to any term: {@code group:raw*} is the group and everything
 * downstream of it. Whitespace between tokens is ignored. Group names, tag keys and tag values
 * that contain other characters than letters, digits and {@code _ . - / :} can be quoted:
 * {@code tag:team="data eng"}.
 *
 * <p>A selection that names an asset, group or tag that does not exist is an error
 * ({@link SelectionException}, naming the closest names), so that a typo never silently selects
 * nothing. Intersections and differences exist only in this API.
 */
public sealed interface AssetSelection {

    /** The depth of {@link #upstream()} and {@link #downstream()}: every level. */
    int ALL_LEVELS = Integer.MAX_VALUE;

    /** Every asset. */
    record All() implements AssetSelection {
        @Override
        public String toString() {
            return "*";
        }
    }

    /** The assets with these keys, each of which must exist. */
    record Keys(List<String> keys) implements AssetSelection {
        public Keys {
            keys = List.copyOf(new LinkedHashSet<>(keys));
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("a key selection needs at least one key");
            }
        }

        @Override
        public String toString() {
            return keys.size() == 1 ? keys.get(0) : "(" + String.join(", ", keys) + ")";
        }
    }

    /** The assets of a group, which must have at least one asset. */
    record Group(String name) implements AssetSelection {
        public Group {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return "group:" + SelectionParser.quoteIfNeeded(name);
        }
    }

    /**
     * The assets with a tag; some asset must have it.
     *
     * @param key the tag key
     * @param value the tag value, or {@code null} for any value
     */
    record Tag(String key, String value) implements AssetSelection {
        public Tag {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String toString() {
            return "tag:" + SelectionParser.quoteIfNeeded(key)
                    + (value == null ? "" : "=" + SelectionParser.quoteIfNeeded(value));
        }
    }

    /** The computed assets, or the source assets. */
    record OfKind(AssetSpec.Kind kind) implements AssetSelection {
        public OfKind {
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public String toString() {
            return "kind:" + kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The assets in a state, as a {@link StatusOracle} tells. */
    record WithStatus(AssetStatus status) implements AssetSelection {
        public WithStatus {
            Objects.requireNonNull(status, "status");
        }

        @Override
        public String toString() {
            return "status:" + status.selectionName();
        }
    }

    /** A selection and its upstreams up to {@code levels} levels ({@link #ALL_LEVELS} for all). */
    record Upstream(AssetSelection of, int levels) implements AssetSelection {
        public Upstream {
            Objects.requireNonNull(of, "of");
            requirePositive(levels);
        }

        @Override
        public String toString() {
            return SelectionParser.levels(levels) + SelectionParser.operand(of);
        }
    }

    /** A selection and its downstreams up to {@code levels} levels ({@link #ALL_LEVELS} for all). */
    record Downstream(AssetSelection of, int levels) implements AssetSelection {
        public Downstream {
            Objects.requireNonNull(of, "of");
            requirePositive(levels);
        }

        @Override
        public String toString() {
            return SelectionParser.operand(of) + SelectionParser.levels(levels);
        }
    }

    /** The assets of a selection that have no upstream inside it. */
    record Roots(AssetSelection of) implements AssetSelection {
        public Roots {
            Objects.requireNonNull(of, "of");
        }

        @Override
        public String toString() {
            return "roots(" + of + ")";
        }
    }

    /** The assets of a selection that have no downstream inside it. */
    record Sinks(AssetSelection of) implements AssetSelection {
        public Sinks {
            Objects.requireNonNull(of, "of");
        }

        @Override
        public String toString() {
            return "sinks(" + of + ")";
        }
    }

    /** The assets in any of the parts. */
    record Union(List<AssetSelection> parts) implements AssetSelection {
        public Union {
            parts = List.copyOf(parts);
            if (parts.size() < 2) {
                throw new IllegalArgumentException("a union needs at least two parts");
            }
        }

        @Override
        public String toString() {
            return parts.stream().map(AssetSelection::toString).collect(Collectors.joining(", "));
        }
    }

    /** The assets in both selections. It has no spelling in the language; {@code toString} is for display. */
    record Intersection(AssetSelection left, AssetSelection right) implements AssetSelection {
        public Intersection {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public String toString() {
            return "(" + left + ") & (" + right + ")";
        }
    }

    /** The assets in {@code left} but not in {@code right}. It has no spelling in the language; {@code toString} is for display. */
    record Difference(AssetSelection left, AssetSelection right) implements AssetSelection {
        public Difference {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public String toString() {
            return "(" + left + ") - (" + right + ")";
        }
    }

    /** Every asset. */
    static AssetSelection all() {
        return new All();
    }

    /** The assets with these keys. */
    static AssetSelection keys(String... keys) {
        return new Keys(Arrays.asList(keys));
    }

    /** The assets with these keys. */
    static AssetSelection keys(Collection<String> keys) {
        return new Keys(new ArrayList<>(keys));
    }

    /** The assets of a group. */
    static AssetSelection group(String name) {
        return new Group(name);
    }

    /** The assets with tag {@code key}, whatever its value. */
    static AssetSelection tag(String key) {
        return new Tag(key, null);
    }

    /** The assets with tag {@code key=value}. */
    static AssetSelection tag(String key, String value) {
        return new Tag(key, Objects.requireNonNull(value, "value"));
    }

    /** The assets of a kind. */
    static AssetSelection kind(AssetSpec.Kind kind) {
        return new OfKind(kind);
    }

    /** The assets in a state; resolving it needs a {@link StatusOracle}. */
    static AssetSelection status(AssetStatus status) {
        return new WithStatus(status);
    }

    /**
     * Parses the selection language.
     *
     * @throws SelectionException for a syntax error, with its position
     */
    static AssetSelection parse(String text) {
        return new SelectionParser(text).parse();
    }

    /**
     * The keys a selection names, sorted by key.
     *
     * @throws SelectionException for a syntax error, an unknown name, or a status term
     */
    static Set<String> resolve(String selection, AssetGraph graph) {
        return parse(selection).resolve(graph);
    }

    /** This selection and everything upstream of it. */
    default AssetSelection upstream() {
        return new Upstream(this, ALL_LEVELS);
    }

    /** This selection and its upstreams up to {@code levels} levels up. */
    default AssetSelection upstream(int levels) {
        return new Upstream(this, levels);
    }

    /** This selection and everything downstream of it. */
    default AssetSelection downstream() {
        return new Downstream(this, ALL_LEVELS);
    }

    /** This selection and its downstreams up to {@code levels} levels down. */
    default AssetSelection downstream(int levels) {
        return new Downstream(this, levels);
    }

    /** The assets of this selection with no upstream inside it. */
    default AssetSelection roots() {
        return new Roots(this);
    }

    /** The assets of this selection with no downstream inside it. */
    default AssetSelection sinks() {
        return new Sinks(this);
    }

    /** The assets in this selection or the other. */
    default AssetSelection union(AssetSelection other) {
        List<AssetSelection> parts = new ArrayList<>();
        for (AssetSelection s : List.of(this, other)) {
            if (s instanceof Union u) {
                parts.addAll(u.parts());
            } else {
                parts.add(s);
            }
        }
        return new Union(parts);
    }

    /** The assets in both this selection and the other. */
    default AssetSelection intersect(AssetSelection other) {
        return new Intersection(this, other);
    }

    /** The assets in this selection but not in the other. */
    default AssetSelection minus(AssetSelection other) {
        return new Difference(this, other);
    }

    /**
     * The keys selected in a graph, sorted by key.
     *
     * @throws SelectionException for an unknown name, or a status term (there is no oracle)
     */
    default Set<String> resolve(AssetGraph graph) {
        return new SelectionResolver(Lineage.of(graph), null).resolve(this);
    }

    /**
     * The keys selected in a graph, sorted by key, asking {@code statuses} about status terms.
     *
     * @throws SelectionException for an unknown name
     */
    default Set<String> resolve(AssetGraph graph, StatusOracle statuses) {
        return new SelectionResolver(Lineage.of(graph), Objects.requireNonNull(statuses, "statuses")).resolve(this);
    }

    /**
     * The keys selected among assets whose graph could not be built (it has cycles or unknown
     * upstreams, which are ignored here), sorted by key: enough to check a selection against
     * definitions with problems.
     *
     * @throws SelectionException for an unknown name
     */
    default Set<String> resolve(Collection<AssetSpec> assets, StatusOracle statuses) {
        return new SelectionResolver(Lineage.of(assets), Objects.requireNonNull(statuses, "statuses")).resolve(this);
    }

    private static void requirePositive(int levels) {
        if (levels < 1) {
            throw new IllegalArgumentException("levels must be at least 1, got " + levels);
        }
    }
}
