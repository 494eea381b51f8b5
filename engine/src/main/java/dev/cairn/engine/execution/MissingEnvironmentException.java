package dev.cairn.engine.execution;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A run refused to start because a resource or IO manager it would use reads an environment
 * variable that is not set and has no default. The message names each resource and variable.
 */
public final class MissingEnvironmentException extends IllegalStateException {

    private final transient List<Missing> missing;

    MissingEnvironmentException(List<Missing> missing) {
        super(message(missing));
        this.missing = List.copyOf(missing);
    }

    /**
     * A variable that is not set.
     *
     * @param kind "resource" or "IO manager"
     * @param key the resource's or IO manager's key
     * @param variable the environment variable's name
     * @param neededBy the planned assets that use the resource
     */
    public record Missing(String kind, String key, String variable, List<String> neededBy) {
        public Missing {
            neededBy = List.copyOf(neededBy);
        }
    }

    /** Every missing variable. */
    public List<Missing> missing() {
        return missing;
    }

    private static String message(List<Missing> missing) {
        return "Cannot start the run: " + (missing.size() == 1 ? "an environment variable is" : missing.size()
                + " environment variables are") + " not set:\n" + missing.stream()
                .map(m -> "  - " + m.kind() + " '" + m.key() + "' needs " + m.variable() + " (used by "
                        + m.neededBy().stream().map(k -> "'" + k + "'").collect(Collectors.joining(", "))
                        + "): set it in the environment Cairn runs in")
                .collect(Collectors.joining("\n"));
    }
}
