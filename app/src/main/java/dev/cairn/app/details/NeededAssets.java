package dev.cairn.app.details;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.cairn.engine.definitions.AssetGraph;
import dev.cairn.engine.staleness.RootCause;
import dev.cairn.engine.staleness.StaleCause;
import dev.cairn.engine.staleness.StalenessReport;

/** Which assets a run must materialize to bring one asset up to date. */
public final class NeededAssets {

    private NeededAssets() {
    }

    /**
     * The asset, every stale or missing asset upstream of it (the root causes, and an
     * upstream whose failure it names), and every
     * asset on the way from those down to it, in topological order; source assets are left out (they
     * are observed, not materialized). Just the asset when nothing upstream needs work.
     */
    public static Set<String> of(AssetGraph graph, StalenessReport report, String key) {
        Set<String> roots = new LinkedHashSet<>();
        if (report != null && report.states().containsKey(key)) {
            StalenessReport.Explanation why = report.explain(key);
            for (RootCause r : why.rootCauses()) {
                roots.add(r.upstreamKey());
            }
            for (StaleCause c : why.state().causes()) {
                if (c.category() == StaleCause.Category.UPSTREAM_MISSING || c.category() == StaleCause.Category.UPSTREAM_FAILED) {
                    roots.add(c.assetKey());
                }
            }
        }
        // A source is observed, not materialized: it is nothing a run of assets can bring up to date.
        roots.removeIf(r -> !graph.contains(r) || graph.require(r).isSource());
        Set<String> ancestors = graph.ancestors(key);
        Set<String> between = new LinkedHashSet<>(roots);
        for (String root : roots) {
            for (String d : graph.descendants(root)) {
                if (ancestors.contains(d)) {
                    between.add(d);
                }
            }
        }
        between.add(key);
        Set<String> ordered = new LinkedHashSet<>();
        for (String k : graph.topologicalOrder()) {
            if (between.contains(k) && !graph.require(k).isSource()) {
                ordered.add(k);
            }
        }
        return ordered;
    }
}
