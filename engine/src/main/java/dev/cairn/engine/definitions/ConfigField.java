package dev.cairn.engine.definitions;

/**
 * One field of a resource's (or IO manager's) configuration, as the app shows it: never the
 * value of an environment variable, nor of a field whose name suggests a secret.
 *
 * @param name the field's name; nested records are flattened with dots ({@code db.user})
 * @param type the field's type, as its simple class name
 * @param value the value as text, {@code null} for an environment variable, masked for a secret
 * @param envVar the environment variable it is read from, or {@code null}
 * @param envVarSet whether that variable is set in the process that read the definitions
 * @param hasDefault whether that variable has a default used when it is not set
 */
public record ConfigField(String name, String type, String value, String envVar, boolean envVarSet, boolean hasDefault) {

    /** A plain value. */
    public static ConfigField plain(String name, String type, String value) {
        return new ConfigField(name, type, value, null, false, false);
    }

    /** True for an environment variable that is not set and has no default: a run using it cannot start. */
    public boolean missing() {
        return envVar != null && !envVarSet && !hasDefault;
    }
}
