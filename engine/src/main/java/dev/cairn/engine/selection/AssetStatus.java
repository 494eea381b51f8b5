package dev.cairn.engine.selection;

import java.util.Locale;

/**
 * The states of an asset a selection can ask for with {@code status:NAME}. Which assets are in
 * which state is not part of the definitions: it is answered by a {@link StatusOracle}.
 */
public enum AssetStatus {
    /** Materialized, but out of date with its code or its upstreams. */
    STALE,
    /** Never materialized. */
    MISSING;

    /** The name as written in a selection, for example {@code stale}. */
    public String selectionName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
