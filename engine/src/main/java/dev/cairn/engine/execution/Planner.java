package dev.cairn.engine.execution;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.cairn.engine.definitions.AssetGraph;
import dev.cairn.engine.definitions.AssetSpec;
import dev.cairn.engine.storage.EventLog;
import dev.cairn.engine.storage.MaterializationRecord;

/**
 * Turns a resolved selection into an {@link ExecutionPlan}.
 *
 * <p>Selected assets become materialize steps, selected observable source assets become observe
 * steps, and selected source assets without an observer are left out (there is nothing to run for
 * them). Upstreams of planned steps that are not planned are read from storage; a computed one that
 * was never materialized makes planning fail with a {@link PlanningException}.
 */
public final class Planner {

    private final AssetGraph graph;
    private final EventLog eventLog;

    /**
     * @param graph the asset graph of valid definitions
     * @param eventLog tells which assets were ever materialized
     */
    public Planner(AssetGraph graph, EventLog eventLog) {
        this.graph = graph;
        this.eventLog = eventLog;
    }

    /**
     * Plans a run of these assets.
     *
     * @throws IllegalArgumentException if a key is unknown or nothing in the selection can run
     * @throws PlanningException if an unselected upstream was never materialized
     */
    public ExecutionPlan plan(Set<String> selection) {
        for (String key : selection) {
            if (!graph.contains(key)) {
                throw new IllegalArgumentException("no asset '" + key + "'");
            }
        }
        List<ExecutionPlan.Step> steps = new ArrayList<>();
        Set<String> planned = new HashSet<>();
        for (String key : graph.topologicalOrder()) {
            AssetSpec spec = graph.require(key);
            if (!selection.contains(key) || (spec.isSource() && !spec.observable())) {
                continue;
            }
            planned.add(key);
            ExecutionPlan.Kind kind = spec.isSource() ? ExecutionPlan.Kind.OBSERVE : ExecutionPlan.Kind.MATERIALIZE;
            steps.add(new ExecutionPlan.Step(key, kind, spec.upstreams().stream().filter(planned::contains).toList()));
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("nothing to run: the selection contains no asset to compute and no "
                    + "observable source asset (" + String.join(", ", new TreeSet<>(selection)) + ")");
        }
        Set<String> external = new TreeSet<>();
        Map<String, List<String>> neverMaterialized = new TreeMap<>();
        for (ExecutionPlan.Step step : steps) {
            for (String up : graph.require(step.assetKey()).upstreams()) {
                if (planned.contains(up)) {
                    continue;
                }
                external.add(up);
                if (!graph.require(up).isSource() && eventLog.latestMaterialization(up).isEmpty()) {
                    neverMaterialized.computeIfAbsent(up, k -> new ArrayList<>()).add(step.assetKey());
                }
            }
        }
        if (!neverMaterialized.isEmpty()) {
            throw new PlanningException(missing(neverMaterialized));
        }
        return new ExecutionPlan(steps, external);
    }

    /**
     * Suggests {@code +downstream} (the downstream with its direct upstreams) when that is enough,
     * and {@code *downstream} (with everything upstream) when the missing upstream itself reads
     * assets that were never materialized.
     */
    private List<PlanningException.MissingUpstream> missing(Map<String, List<String>> neverMaterialized) {
        Map<String, MaterializationRecord> latest = eventLog.latestMaterializations();
        List<PlanningException.MissingUpstream> missing = new ArrayList<>();
        neverMaterialized.forEach((up, neededBy) -> {
            boolean deeper = graph.ancestors(up).stream()
                    .anyMatch(a -> !graph.require(a).isSource() && !latest.containsKey(a));
            String downstream = neededBy.stream().sorted().findFirst().orElseThrow();
            missing.add(new PlanningException.MissingUpstream(up, neededBy, (deeper ? "*" : "+") + downstream));
        });
        return missing;
    }
}
