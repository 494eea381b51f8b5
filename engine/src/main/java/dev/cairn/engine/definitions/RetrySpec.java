package dev.cairn.engine.definitions;

import dev.cairn.api.Retry;

/**
 * An asset's retry policy as a value.
 *
 * @param maxRetries how many times a failed attempt is retried
 * @param delayMillis the wait before the first retry
 * @param exponential whether the wait doubles with each retry
 */
public record RetrySpec(int maxRetries, long delayMillis, boolean exponential) {

    /** No retries. */
    public static final RetrySpec NONE = new RetrySpec(0, 0, false);

    public RetrySpec {
        if (maxRetries < 0 || delayMillis < 0) {
            throw new IllegalArgumentException("retry counts and delays must not be negative");
        }
    }

    /** The policy an annotation describes. */
    public static RetrySpec of(Retry retry) {
        return new RetrySpec(retry.maxRetries(), retry.delayMillis(), retry.backoff() == Retry.Backoff.EXPONENTIAL);
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public long delayBeforeRetry(int retry) {
        if (!exponential) {
            return delayMillis;
        }
        int shift = Math.min(Math.max(retry - 1, 0), 30);
        return delayMillis << shift;
    }
}
