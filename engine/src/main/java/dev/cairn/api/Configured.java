package dev.cairn.api;

/**
 * A resource or IO manager that describes its configuration as a record. Cairn lists the record's
 * components in the app's Resources view and checks its {@link EnvVar}s before a run starts.
 *
 * <p>A resource that is itself a record needs no such method: its own components are its
 * configuration.
 *
 * <pre>{@code
 * public final class WeatherApi implements Configured {
 *     public record Settings(String baseUrl, EnvVar apiKey) { }
 *     private final Settings settings;
 *     public Record configuration() { return settings; }
 * }
 * }</pre>
 */
public interface Configured {

    /**
     * The configuration, as a record whose components are plain values (text, numbers,
     * booleans, paths, enums), {@link EnvVar}s or nested records. Components whose name suggests a
     * secret (password, secret, token, key, credential) are shown masked; put secrets in
     * {@link EnvVar}s. {@code null} when there is nothing to show.
     */
    Record configuration();
}
