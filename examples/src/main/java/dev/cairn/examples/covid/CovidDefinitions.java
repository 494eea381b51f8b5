package dev.cairn.examples.covid;

import dev.cairn.api.Definitions;
import dev.cairn.api.DefinitionsProvider;

/** Registers the covid pipeline's configuration and the {@code covid_job}. */
public final class CovidDefinitions implements DefinitionsProvider {

    @Override
    public void define(Definitions defs) {
        defs.resource("covid_config", CovidConfig.fromEnvironment())
                .job("covid_job", "*filtered_state_covid_data",
                        "Reloads the COVID-19 data of the state in $" + CovidConfig.STATE_VARIABLE + " ("
                                + CovidConfig.DEFAULT_STATE + " unless it is set)");
    }
}
