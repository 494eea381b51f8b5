package dev.cairn.api;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A configuration value read from an environment variable by name, so that secrets and
 * per-machine settings stay out of the jar. Put it in a resource's configuration record:
 *
 * <pre>{@code
 * public record WarehouseConfig(String user, EnvVar password) { }
 *
 * defs.resource("warehouse", new WarehouseConfig("analyst", EnvVar.of("WAREHOUSE_PASSWORD")));
 * ...
 * connect(config.user(), config.password().value());
 * }</pre>
 *
 * <p>Cairn shows the variable's name, and whether it is set, in the app's Resources view; never its
 * value. Before a run starts, every variable without a default that the run's assets would use (in
 * their resources and IO managers) must be set: otherwise the run refuses to start with a message
 * naming the resource and the variable.
 *
 * <p>The value is read each time {@link #value()} is called, so it is never kept in definitions,
 * snapshots or logs. {@link #toString()} gives the name only.
 */
public final class EnvVar {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String name;
    private final String defaultValue;

    private EnvVar(String name, String defaultValue) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not an environment variable name: use letters, "
                    + "digits and _, not starting with a digit");
        }
        this.name = name;
        this.defaultValue = defaultValue;
    }

    /** A variable that must be set before a run that uses it starts. */
    public static EnvVar of(String name) {
        return new EnvVar(name, null);
    }

    /** A variable that falls back to {@code defaultValue} when it is not set. */
    public static EnvVar of(String name, String defaultValue) {
        return new EnvVar(name, Objects.requireNonNull(defaultValue, "defaultValue"));
    }

    /** The variable's name. */
    public String name() {
        return name;
    }

    /** The value used when the variable is not set, if any. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** True when the variable is set in this process's environment (possibly to an empty string). */
    public boolean isSet() {
        return System.getenv(name) != null;
    }

    /**
     * The variable's value, else its default.
     *
     * @throws IllegalStateException if it is not set and has no default
     */
    public String value() {
        String value = System.getenv(name);
        if (value != null) {
            return value;
        }
        if (defaultValue != null) {
            return defaultValue;
        }
        throw new IllegalStateException("the environment variable " + name + " is not set");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnvVar other && name.equals(other.name) && Objects.equals(defaultValue, other.defaultValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, defaultValue);
    }

    /** {@code EnvVar(NAME)}: the name only, never the value. */
    @Override
    public String toString() {
        return "EnvVar(" + name + ")";
    }
}
