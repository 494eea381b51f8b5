package dev.cairn.engine.selection;

import java.util.Set;

/**
 * Answers {@code status:} terms of a selection, from whatever knows the state of assets (the
 * event log and the staleness rules). Resolving a selection with a status term and no oracle
 * is an error.
 */
@FunctionalInterface
public interface StatusOracle {

    /** The keys of the assets currently in {@code status}. */
    Set<String> assetsWith(AssetStatus status);
}
