package dev.cairn.engine.staleness;

import java.util.Locale;

/** Whether an asset's stored value is up to date. */
public enum AssetStatus {
    /** Never materialized (or, for an observable source asset, never observed). */
    MISSING,
    /** Materialized from the current code and the current versions of all its upstreams. */
    FRESH,
    /** Materialized, but something it was computed from has changed since; see the causes. */
    STALE;

    /** The name as written in a selection, for example {@code status:stale}. */
    public String selectionName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
