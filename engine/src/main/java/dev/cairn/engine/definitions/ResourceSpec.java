package dev.cairn.engine.definitions;

import java.util.List;

/**
 * A registered resource or IO manager, described without any secret: its configuration fields
 * show environment variables by name only.
 *
 * @param key the key it was registered under
 * @param className its class
 * @param config its configuration fields, empty when it describes none (see {@link ResourceDescriber})
 */
public record ResourceSpec(String key, String className, List<ConfigField> config) {

    public ResourceSpec {
        config = config == null ? List.of() : List.copyOf(config);
    }

    /** A resource that describes no configuration. */
    public ResourceSpec(String key, String className) {
        this(key, className, List.of());
    }

    /** The environment variables it needs that are not set and have no default. */
    public List<ConfigField> missingEnvVars() {
        return config.stream().filter(ConfigField::missing).toList();
    }
}
