package dev.cairn.api;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Retry policy of an asset, used inside {@link Asset#retry()}.
 *
 * <p>An attempt that throws is retried up to {@link #maxRetries()} times. The wait before retry
 * {@code n} (counting from 1) is {@code delayMillis} with {@link Backoff#FIXED}, and
 * {@code delayMillis * 2^(n-1)} with {@link Backoff#EXPONENTIAL}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Retry {

    /** How many times a failed attempt is tried again; 0 means never. */
    int maxRetries() default 0;

    /** The wait before the first retry, in milliseconds. */
    long delayMillis() default 0;

    /** How the wait grows between retries. */
    Backoff backoff() default Backoff.FIXED;

    /** How the wait between retries grows. */
    enum Backoff {
        /** The same wait before every retry. */
        FIXED,
        /** The wait doubles before every retry. */
        EXPONENTIAL
    }
}
