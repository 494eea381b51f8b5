package dev.cairn.engine.execution;

import java.util.List;
import java.util.Set;

/**
 * What a run will do, decided before it starts: its steps in topological order, and the upstreams
 * it reads from storage instead of computing. Immutable.
 *
 * @param steps the steps, each after all its in-plan upstreams
 * @param externalUpstreams upstreams of planned steps that are not planned themselves; their values
 *        are loaded from their IO managers and their provenance from the event log
 */
public record ExecutionPlan(List<Step> steps, Set<String> externalUpstreams) {

    public ExecutionPlan {
        steps = List.copyOf(steps);
        externalUpstreams = Set.copyOf(externalUpstreams);
    }

    /** What a step does. */
    public enum Kind {
        /** Computes an asset and stores its value. */
        MATERIALIZE,
        /** Runs the observer of a source asset. */
        OBSERVE
    }

    /**
     * One step of a plan.
     *
     * @param assetKey the asset it computes or observes
     * @param kind what it does
     * @param upstreamsInPlan the upstreams that are steps of the same plan; the step starts once
     *        they all succeeded
     */
    public record Step(String assetKey, Kind kind, List<String> upstreamsInPlan) {
        public Step {
            upstreamsInPlan = List.copyOf(upstreamsInPlan);
        }
    }

    /** The planned asset keys, in order. */
    public List<String> assetKeys() {
        return steps.stream().map(Step::assetKey).toList();
    }
}
