package dev.cairn.api;

import java.util.List;
import java.util.Optional;

/** The outcome of {@link Materialize#run()}: what each asset produced and everything that was recorded. */
public interface MaterializeResult {

    /** True if every selected asset was materialized. */
    boolean success();

    /** The value an asset returned (unwrapped from {@link Output}), or empty if it produced none. */
    Optional<Object> output(String assetKey);

    /** The value an asset returned, cast to {@code type}. */
    <T> T output(String assetKey, Class<T> type);

    /** The materialization recorded for an asset in this run. */
    Optional<Materialization> materialization(String assetKey);

    /** The error of an asset whose step failed, with its stack trace. */
    Optional<String> failure(String assetKey);

    /** The log lines an asset wrote through {@link AssetContext#log()}. */
    List<String> logs(String assetKey);

    /** Every event of the run, in order. */
    List<RunEvent> events();
}
