package dev.cairn.app.graph;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.cairn.app.format.Formats;
import dev.cairn.app.graph.model.NodeBadge;
import dev.cairn.app.graph.model.NodeStatus;
import dev.cairn.engine.definitions.AssetSpec;
import dev.cairn.engine.definitions.DefinitionsSnapshot;
import dev.cairn.engine.staleness.AssetState;
import dev.cairn.engine.staleness.AssetStatus;
import dev.cairn.engine.staleness.RootCause;
import dev.cairn.engine.staleness.StaleCause;
import dev.cairn.engine.staleness.StalenessReport;

/**
 * What each node shows: its badge, the short line under its label, and its tooltip, from the
 * definitions, the status report and the steps running now. Pure functions of their inputs.
 *
 * <p>Badges, in order of precedence: RUNNING (a live run is computing it), FAILED (its latest
 * attempt failed), SOURCE (a source asset), then MISSING, STALE or FRESH from the report.
 */
public final class NodeStatuses {

    private NodeStatuses() {
    }

    /**
     * The status of every asset of {@code shown}.
     *
     * @param report the status report, or null while unknown
     * @param runningSince the steps live runs are computing, with when they started
     */
    public static Map<String, NodeStatus> of(DefinitionsSnapshot shown, StalenessReport report,
                                             Map<String, Instant> runningSince, Instant now, ZoneId zone) {
        Map<String, NodeStatus> result = new HashMap<>(shown.assets().size() * 2);
        for (AssetSpec spec : shown.assets()) {
            result.put(spec.key(), of(spec, stateOf(report, spec.key()), runningSince.get(spec.key()), now, zone));
        }
        return result;
    }

    /** The state of an asset in a report, or null if the report does not know it (yet). */
    static AssetState stateOf(StalenessReport report, String key) {
        return report == null ? null : report.states().get(key);
    }

    /** The status of one asset. */
    public static NodeStatus of(AssetSpec spec, AssetState state, Instant runningSince, Instant now, ZoneId zone) {
        if (runningSince != null) {
            Duration running = Duration.between(runningSince, now);
            return new NodeStatus(NodeBadge.RUNNING, running.getSeconds() < 1 ? "running" : "running " + Formats.elapsed(running));
        }
        if (state == null) {
            return spec.isSource() ? new NodeStatus(NodeBadge.SOURCE, "") : NodeStatus.UNKNOWN;
        }
        String ago = state.lastMaterializedAt() == null ? null : Formats.ago(state.lastMaterializedAt(), now, zone);
        if (state.latestAttemptFailed()) {
            return new NodeStatus(NodeBadge.FAILED, ago == null ? "never materialized" : "last success " + ago);
        }
        if (spec.isSource()) {
            if (!spec.observable()) {
                return new NodeStatus(NodeBadge.SOURCE, "external data");
            }
            return new NodeStatus(NodeBadge.SOURCE, ago == null ? "never observed" : "observed " + ago);
        }
        return switch (state.status()) {
            case MISSING -> new NodeStatus(NodeBadge.MISSING, "never materialized");
            // A node has room for about 22 characters: the cause matters more than the time.
            case STALE -> new NodeStatus(NodeBadge.STALE, shortCause(state.causes()));
            case FRESH -> new NodeStatus(NodeBadge.FRESH, ago);
        };
    }

    /** The first cause in two or three words, for the subtitle. */
    static String shortCause(List<StaleCause> causes) {
        if (causes.isEmpty()) {
            return "stale";
        }
        return switch (causes.get(0).category()) {
            case CODE -> "code changed";
            case DATA -> "upstream changed";
            case DEPENDENCIES -> "dependencies changed";
            case UPSTREAM_MISSING -> "upstream missing";
            case UPSTREAM_FAILED -> "upstream failed";
        };
    }

    /** The badge word and the rest of the status, as the details panel and the tooltip write it. */
    public static String headline(AssetSpec spec, AssetState state, Instant runningSince, Instant now, ZoneId zone) {
        NodeStatus status = of(spec, state, runningSince, now, zone);
        if (status.badge() == NodeBadge.RUNNING) {
            return "Running for " + Formats.elapsed(Duration.between(runningSince, now));
        }
        if (status.badge() == NodeBadge.UNKNOWN) {
            return "Status unknown: the event log is not open";
        }
        String text = status.subtitle().isEmpty() ? status.badge().label()
                : status.badge().label() + " · " + status.subtitle();
        if (status.badge() == NodeBadge.STALE && state.lastMaterializedAt() != null) {
            text += " · materialized " + Formats.ago(state.lastMaterializedAt(), now, zone);
        }
        if (status.badge() == NodeBadge.FRESH && state.upstreamChangesPending()) {
            text += " · changes upstream";
        }
        return text;
    }

    /**
     * The tooltip of a node: the key, the status, why it is stale, and which changes upstream will
     * reach it ("will be stale once X is re-materialized, because ...").
     */
    public static String tooltip(AssetSpec spec, StalenessReport report, Instant runningSince, Instant now, ZoneId zone) {
        AssetState state = stateOf(report, spec.key());
        StringBuilder text = new StringBuilder(spec.key()).append('\n');
        text.append(headline(spec, state, runningSince, now, zone));
        if (state != null && state.lastRunId() != null) {
            text.append("  (run ").append(Formats.shortRunId(state.lastRunId())).append(')');
        }
        if (state != null && state.status() == AssetStatus.STALE) {
            text.append("\n\nStale because:");
            for (StaleCause c : state.causes()) {
                text.append("\n  • ").append(c.message());
            }
        }
        List<RootCause> roots = rootCauses(report, spec.key());
        if (!roots.isEmpty()) {
            text.append("\n\nUpstream changes on the way:");
            roots.stream().limit(6).forEach(r -> text.append("\n  • ").append(r.sentence()));
            if (roots.size() > 6) {
                text.append("\n  • and ").append(roots.size() - 6).append(" more");
            }
        }
        if (!spec.description().isBlank()) {
            text.append("\n\n").append(spec.description());
        }
        return text.toString();
    }

    /** The changes upstream of an asset that have not reached it yet. */
    static List<RootCause> rootCauses(StalenessReport report, String key) {
        if (report == null || !report.states().containsKey(key)) {
            return List.of();
        }
        return report.explain(key).rootCauses();
    }
}
