package dev.cairn.engine.staleness;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.cairn.engine.definitions.AssetGraph;
import dev.cairn.engine.definitions.AssetSpec;
import dev.cairn.engine.events.EventData;
import dev.cairn.engine.storage.FailureRecord;
import dev.cairn.engine.storage.MaterializationRecord;
import dev.cairn.engine.storage.ObservationRecord;

/**
 * Computes every asset's status from the current definitions and the recorded versions.
 *
 * <p>Status follows Dagster: it is not transitive. An asset turns stale only when something it
 * was computed from has actually changed: its own code version, the set of its upstreams, or
 * the data version of an upstream. Re-materializing an upstream with identical data (same data
 * version) changes nothing downstream. What Dagster lacks is added on top: for every asset, the
 * stale or missing assets upstream of it whose re-materialization will reach it
 * ({@link StalenessReport#explain(String)}).
 *
 * <p>One pass in topological order: O(assets + edges).
 */
public final class StalenessCalculator {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final ZoneId zone;

    /** @param zone the time zone used in messages ("materialized in run ab12 at 14:03") */
    public StalenessCalculator(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Computes the status of every asset of the graph. */
    public StalenessReport compute(AssetGraph graph, RecordedVersions recorded) {
        List<String> order = graph.topologicalOrder();
        Map<String, AssetState> states = new LinkedHashMap<>(order.size() * 2);
        for (String key : order) {
            AssetSpec spec = graph.require(key);
            Set<String> upstreams = spec.upstreams();
            // The wave: everything below a stale or missing asset will change once it is
            // re-materialized. In topological order every upstream is decided already.
            boolean pending = false;
            for (String up : upstreams) {
                AssetState upState = states.get(up);
                if (upState.status() != AssetStatus.FRESH || upState.upstreamChangesPending()) {
                    pending = true;
                    break;
                }
            }
            states.put(key, spec.isSource() ? sourceState(spec, recorded)
                    : assetState(spec, upstreams, pending, graph, recorded));
        }
        return new StalenessReport(graph, states);
    }

    private AssetState sourceState(AssetSpec spec, RecordedVersions recorded) {
        ObservationRecord obs = recorded.observations().get(spec.key());
        FailureRecord failure = recorded.failures().get(spec.key());
        boolean failed = failure != null && (obs == null || failure.eventId() > obs.eventId());
        if (obs == null) {
            // A source that cannot be observed is simply there; one that can, but never was, is unknown.
            AssetStatus status = spec.observable() ? AssetStatus.MISSING : AssetStatus.FRESH;
            return new AssetState(spec.key(), status, List.of(), false, null, null, failed);
        }
        return new AssetState(spec.key(), AssetStatus.FRESH, List.of(), false, obs.timestamp(), obs.runId(), failed);
    }

    private AssetState assetState(AssetSpec spec, Set<String> current, boolean pending, AssetGraph graph,
            RecordedVersions recorded) {
        String key = spec.key();
        MaterializationRecord mat = recorded.materializations().get(key);
        FailureRecord failure = recorded.failures().get(key);
        boolean failed = failure != null && (mat == null || failure.eventId() > mat.eventId());
        if (mat == null) {
            return new AssetState(key, AssetStatus.MISSING, List.of(), pending, null, null, failed);
        }
        EventData.Materialized data = mat.data();
        Map<String, EventData.InputVersion> inputs = data.inputs();
        List<StaleCause> causes = new ArrayList<>(0);
        codeCause(spec, data.codeVersion()).ifPresent(causes::add);

        for (String up : current) {
            if (!inputs.containsKey(up)) {
                causes.add(new StaleCause(StaleCause.Category.DEPENDENCIES, up, "new dependency on `" + up + "`"));
            }
        }
        if (!current.containsAll(inputs.keySet())) {
            inputs.keySet().stream().sorted().filter(up -> !current.contains(up)).forEach(up ->
                    causes.add(new StaleCause(StaleCause.Category.DEPENDENCIES, up, "dependency on `" + up + "` removed")));
        }

        for (String up : current) {
            upstreamCause(graph.require(up), inputs.get(up), recorded).ifPresent(causes::add);
        }
        AssetStatus status = causes.isEmpty() ? AssetStatus.FRESH : AssetStatus.STALE;
        return new AssetState(key, status, causes, pending, mat.timestamp(), mat.runId(), failed);
    }

    private java.util.Optional<StaleCause> codeCause(AssetSpec spec, String recordedCode) {
        String now = spec.codeVersion();
        if (Objects.equals(now, recordedCode)) {
            return java.util.Optional.empty();
        }
        String message;
        if (recordedCode == null) {
            message = "code version is now " + now + " (it had none when last materialized)";
        } else if (now == null) {
            message = "code version " + recordedCode + " was removed, so the code may have changed";
        } else {
            message = "code version changed from " + recordedCode + " to " + now;
        }
        return java.util.Optional.of(new StaleCause(StaleCause.Category.CODE, spec.key(), message));
    }

    private java.util.Optional<StaleCause> upstreamCause(AssetSpec up, EventData.InputVersion used, RecordedVersions recorded) {
        String k = up.key();
        if (up.isSource()) {
            ObservationRecord obs = recorded.observations().get(k);
            if (obs != null && used != null && !Objects.equals(obs.data().dataVersion(), used.dataVersion())) {
                return java.util.Optional.of(new StaleCause(StaleCause.Category.DATA, k, "upstream `" + k
                        + "` has a new data version (observed in run " + shortRun(obs.runId()) + " at " + clock(obs.timestamp()) + ")"));
            }
            return java.util.Optional.empty();
        }
        MaterializationRecord upMat = recorded.materializations().get(k);
        FailureRecord upFailure = recorded.failures().get(k);
        if (upMat == null) {
            return java.util.Optional.of(new StaleCause(StaleCause.Category.UPSTREAM_MISSING, k,
                    "upstream `" + k + "` has never been materialized"));
        }
        if (upFailure != null && upFailure.eventId() > upMat.eventId()) {
            return java.util.Optional.of(new StaleCause(StaleCause.Category.UPSTREAM_FAILED, k, "upstream `" + k
                    + "` failed in its latest attempt (run " + shortRun(upFailure.runId()) + " at " + clock(upFailure.timestamp()) + ")"));
        }
        if (used != null && !Objects.equals(upMat.data().dataVersion(), used.dataVersion())) {
            return java.util.Optional.of(new StaleCause(StaleCause.Category.DATA, k, "upstream `" + k
                    + "` has a new data version (materialized in run " + shortRun(upMat.runId()) + " at " + clock(upMat.timestamp()) + ")"));
        }
        return java.util.Optional.empty();
    }

    private String clock(Instant t) {
        return CLOCK.format(t.atZone(zone));
    }

    static String shortRun(String runId) {
        return runId.length() <= 8 ? runId : runId.substring(0, 8);
    }

}
