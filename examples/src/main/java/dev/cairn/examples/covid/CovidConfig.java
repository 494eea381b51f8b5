package dev.cairn.examples.covid;

/**
 * Configuration of the covid pipeline, registered as a resource: assets that declare a
 * {@code CovidConfig} parameter receive it.
 *
 * @param state the US state whose data {@code filtered_state_covid_data} keeps, as the data
 *        names it, for example "New York"
 */
public record CovidConfig(String state) {

    public CovidConfig {
        if (state == null || state.isBlank()) {
            throw new IllegalArgumentException("the covid pipeline needs a state, for example \"New York\"");
        }
    }
}
