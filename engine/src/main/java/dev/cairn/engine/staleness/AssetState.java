package dev.cairn.engine.staleness;

import java.time.Instant;
import java.util.List;

/**
 * The status of one asset, as the app's badges and {@code cairn status} show it.
 *
 * @param assetKey the asset
 * @param status missing, fresh or stale
 * @param causes why it is stale (empty unless STALE or an upstream is missing/failed)
 * @param upstreamChangesPending true when some asset upstream of it is stale or missing, so it
 *        will (probably) turn stale once that upstream is re-materialized; see {@link StalenessReport#explain}
 * @param lastMaterializedAt when its latest materialization (or observation) was recorded, or {@code null}
 * @param lastRunId the run of that materialization, or {@code null}
 * @param latestAttemptFailed true when its most recent attempt failed after its latest materialization
 */
public record AssetState(
        String assetKey,
        AssetStatus status,
        List<StaleCause> causes,
        boolean upstreamChangesPending,
        Instant lastMaterializedAt,
        String lastRunId,
        boolean latestAttemptFailed) {

    public AssetState {
        causes = List.copyOf(causes);
    }
}
