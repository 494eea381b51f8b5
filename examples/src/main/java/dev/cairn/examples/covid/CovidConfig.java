package dev.cairn.examples.covid;

import java.util.Objects;

import dev.cairn.api.EnvVar;

/**
 * Configuration of the covid pipeline, registered as a resource: assets that declare a
 * {@code CovidConfig} parameter receive it. The app's Resources view shows it, with the variable's
 * name and whether it is set.
 *
 * @param state the US state whose data {@code filtered_state_covid_data} keeps, as the data
 *        names it (for example "New York"), read from an environment variable when the asset runs
 */
public record CovidConfig(EnvVar state) {

    /** The environment variable that chooses another state: {@code COVID_STATE=Texas cairn materialize}. */
    public static final String STATE_VARIABLE = "COVID_STATE";

    /** The state kept when {@value #STATE_VARIABLE} is not set. */
    public static final String DEFAULT_STATE = "New York";

    public CovidConfig {
        Objects.requireNonNull(state, "state");
    }

    /** The state in {@value #STATE_VARIABLE}, else {@value #DEFAULT_STATE}. */
    public static CovidConfig fromEnvironment() {
        return new CovidConfig(EnvVar.of(STATE_VARIABLE, DEFAULT_STATE));
    }

    /**
     * The state to keep, as the variable (or its default) gives it now.
     *
     * @throws IllegalArgumentException if it is blank
     */
    public String stateName() {
        String name = state.value().strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("the covid pipeline needs a state, for example \"New York\": "
                    + state.name() + " is empty");
        }
        return name;
    }
}
