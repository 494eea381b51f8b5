package dev.cairn.engine.staleness;

/**
 * A change upstream that has not reached an asset yet: once {@code upstreamKey} is
 * re-materialized (with new data), the asset turns stale.
 *
 * @param upstreamKey the stale or missing upstream that has to be re-materialized
 * @param cause why that upstream is itself stale or missing
 */
public record RootCause(String upstreamKey, StaleCause cause) {

    /** "will be stale once `raw_orders` is re-materialized, because ...". */
    public String sentence() {
        return "will be stale once `" + upstreamKey + "` is re-materialized, because " + cause.message();
    }
}
