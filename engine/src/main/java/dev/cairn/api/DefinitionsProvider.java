package dev.cairn.api;

/**
 * Registers what an asset jar offers besides its {@link Asset} methods: resources, IO managers,
 * source assets, jobs, and optionally an explicit list of asset classes.
 *
 * <p>Cairn finds implementations through {@link java.util.ServiceLoader}: list the class name in
 * {@code META-INF/services/dev.cairn.api.DefinitionsProvider}. Implementations need a public
 * no-argument constructor. Without any provider, Cairn scans the jar for {@link Asset} methods and
 * stores values with its default file IO manager.
 *
 * <pre>{@code
 * public class MyDefinitions implements DefinitionsProvider {
 *     public void define(Definitions defs) {
 *         defs.resource("hn", new HackerNewsClient(defs.workspace()));
 *         defs.ioManager("database_io_manager", JdbcIOManager.h2(defs.workspace().resolve("warehouse")));
 *         defs.job("daily", "group:hackernews", "Refresh the hacker news tables");
 *     }
 * }
 * }</pre>
 */
public interface DefinitionsProvider {

    /**
     * Registers definitions. Called once each time the jar is loaded; it must be quick and must
     * not compute assets.
     */
    void define(Definitions defs) throws Exception;
}
