package dev.cairn.engine.staleness;

/**
 * One reason an asset is stale, in words a user understands.
 *
 * @param category what kind of change
 * @param assetKey the asset the change happened to: the asset itself for code changes, else the upstream
 * @param message the sentence, for example "code version changed from 3 to 4"
 */
public record StaleCause(Category category, String assetKey, String message) {

    /** Kinds of change that make an asset stale. */
    public enum Category {
        /** The asset's own code version changed. */
        CODE,
        /** An upstream has a new data version. */
        DATA,
        /** An upstream was added or removed. */
        DEPENDENCIES,
        /** An upstream was never materialized. */
        UPSTREAM_MISSING,
        /** An upstream's latest attempt failed. */
        UPSTREAM_FAILED
    }
}
