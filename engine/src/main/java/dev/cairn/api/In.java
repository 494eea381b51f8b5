package dev.cairn.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the upstream asset a parameter receives, when it differs from the parameter name or
 * when the code was compiled without {@code -parameters}.
 *
 * <pre>{@code
 * @Asset
 * public Table cleaned(@In("raw-orders") Table orders) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface In {

    /** The upstream asset key. */
    String value();
}
