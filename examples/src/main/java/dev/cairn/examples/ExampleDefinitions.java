package dev.cairn.examples;

import java.util.List;

import dev.cairn.api.Definitions;
import dev.cairn.api.DefinitionsProvider;
import dev.cairn.examples.covid.CovidDefinitions;
import dev.cairn.examples.hackernews.HackerNewsDefinitions;
import dev.cairn.examples.weather.WeatherDefinitions;

/**
 * The definitions of the example jar, listed in
 * {@code META-INF/services/dev.cairn.api.DefinitionsProvider}: each pipeline registers its own
 * resources, IO managers, source assets and jobs. The iris pipeline needs none.
 *
 * <p>The {@code @Asset} methods themselves are not listed: Cairn scans the jar for them.
 */
public final class ExampleDefinitions implements DefinitionsProvider {

    private final List<DefinitionsProvider> pipelines =
            List.of(new HackerNewsDefinitions(), new CovidDefinitions(), new WeatherDefinitions());

    @Override
    public void define(Definitions defs) throws Exception {
        for (DefinitionsProvider pipeline : pipelines) {
            pipeline.define(defs);
        }
    }
}
