package dev.cairn.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method as the compute function of a software-defined asset.
 *
 * <p>The method may be static, or an instance method of a class with a public no-argument
 * constructor. Each parameter is one of:
 * <ul>
 *   <li>an {@link AssetContext};</li>
 *   <li>an upstream asset, matched by parameter name or by {@link In}; its value is loaded by the
 *       upstream's IO manager;</li>
 *   <li>a resource, matched by {@link ResourceKey} or else by type among the registered resources.</li>
 * </ul>
 * The return value is handed to the asset's IO manager; {@code void} stores nothing; an
 * {@link Output} carries a value together with metadata and an optional data version.
 *
 * <pre>{@code
 * @Asset(group = "hackernews", codeVersion = "1", description = "Ids of the top stories")
 * public List<Long> topstoryIds(HackerNewsClient hn) { ... }
 *
 * @Asset(group = "hackernews")
 * public List<Story> topstories(AssetContext ctx, List<Long> topstoryIds) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Asset {

    /** The asset key; empty means the method name. Keys match {@code [A-Za-z0-9_.\-/]+}. */
    String key() default "";

    /** The group the asset is drawn in; assets without one belong to {@code "default"}. */
    String group() default "";

    /** A sentence or two for people browsing the graph. */
    String description() default "";

    /**
     * The version of the code that computes this asset. Change it when the logic changes, so
     * that Cairn can tell that this asset's stored value is out of date. Empty means unknown:
     * every materialization is then taken to be a new version.
     */
    String codeVersion() default "";

    /** The key of the IO manager that stores the output; {@code "io_manager"} is the default one. */
    String ioManagerKey() default "io_manager";

    /** Upstream assets this asset depends on without loading their values (ordering only). */
    String[] deps() default {};

    /** Free-form tags, each written {@code "key=value"} (or {@code "key"} for an empty value). */
    String[] tags() default {};

    /** Owners, for example e-mail addresses or team names. */
    String[] owners() default {};

    /** What to do when the compute function throws. No retries by default. */
    Retry retry() default @Retry(maxRetries = 0);
}
