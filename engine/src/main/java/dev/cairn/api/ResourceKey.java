package dev.cairn.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects the resource registered under a key. Without it, a parameter whose type matches
 * exactly one registered resource receives that resource.
 *
 * <pre>{@code
 * @Asset
 * public void returns(@ResourceKey("warehouse") Warehouse db) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ResourceKey {

    /** The key the resource was registered under in {@link Definitions#resource(String, Object)}. */
    String value();
}
