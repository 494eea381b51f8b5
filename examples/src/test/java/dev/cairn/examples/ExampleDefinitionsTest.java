package dev.cairn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.api.DefinitionsProvider;
import dev.cairn.api.IOManager;
import dev.cairn.api.InputContext;
import dev.cairn.api.OutputContext;
import dev.cairn.engine.definitions.AssetGraph;
import dev.cairn.engine.definitions.AssetSpec;
import dev.cairn.engine.definitions.DefinitionsAssembler;
import dev.cairn.engine.definitions.JobSpec;
import dev.cairn.engine.definitions.LoadedDefinitions;
import dev.cairn.engine.definitions.Problem;
import dev.cairn.engine.definitions.ResourceSpec;
import dev.cairn.examples.covid.CovidAssets;
import dev.cairn.examples.hackernews.HackerNewsAssets;
import dev.cairn.examples.iris.IrisAssets;
import dev.cairn.examples.support.BundledResource;
import dev.cairn.examples.testing.RecordingAssetContext;
import dev.cairn.examples.weather.WeatherAssets;
import dev.cairn.examples.weather.WeatherSampleFile;

/**
 * Assembles the jar's definitions the way Cairn does, from the provider found through
 * {@link ServiceLoader} and the asset classes, and checks the graph users will see.
 */
class ExampleDefinitionsTest {

    /** Stands in for Cairn's default IO manager, which assembling definitions never calls. */
    private static final IOManager NOT_CALLED = new IOManager() {
        @Override
        public void handleOutput(OutputContext context, Object value) {
            throw new AssertionError("assembling definitions must not store values");
        }

        @Override
        public Object loadInput(InputContext context) {
            throw new AssertionError("assembling definitions must not load values");
        }
    };

    private static LoadedDefinitions assemble(Path workspace) throws Exception {
        DefinitionsAssembler assembler = new DefinitionsAssembler("cairn-examples", workspace,
                Map.of(AssetSpec.DEFAULT_IO_MANAGER, NOT_CALLED));
        for (Class<?> assets : List.of(HackerNewsAssets.class, CovidAssets.class, WeatherAssets.class, IrisAssets.class)) {
            assembler.addAssetClass(assets);
        }
        for (DefinitionsProvider provider : ServiceLoader.load(DefinitionsProvider.class)) {
            provider.define(assembler.registry());
        }
        return assembler.build(null);
    }

    @Test
    void theProviderIsListedAsAService() {
        assertThat(ServiceLoader.load(DefinitionsProvider.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(ExampleDefinitions.class);
    }

    @Test
    void theDefinitionsAreValidAndFormTheTutorialGraphs(@TempDir Path workspace) throws Exception {
        try (LoadedDefinitions defs = assemble(workspace)) {
            assertThat(defs.snapshot().problems()).extracting(Problem::describe).isEmpty();
            AssetGraph graph = defs.requireGraph();

            assertThat(graph.assets().keySet()).containsExactlyInAnyOrder(
                    "topstory_ids", "topstories", "most_frequent_words",
                    "raw_state_covid_data", "filtered_state_covid_data",
                    "weather_samples", "daily_temperature_highs", "hottest_dates", "lowest_dates",
                    "weather_samples_profile",
                    "iris_data", "setosa");
            assertThat(graph.parents("most_frequent_words")).containsExactly("topstories");
            assertThat(graph.parents("topstories")).containsExactly("topstory_ids");
            assertThat(graph.parents("filtered_state_covid_data")).containsExactly("raw_state_covid_data");
            assertThat(graph.children("daily_temperature_highs")).containsExactlyInAnyOrder("hottest_dates", "lowest_dates");
            assertThat(graph.children("weather_samples"))
                    .containsExactlyInAnyOrder("daily_temperature_highs", "weather_samples_profile");
            assertThat(graph.parents("setosa")).containsExactly("iris_data");

            assertThat(graph.require("weather_samples_profile").nonLoadingDeps()).containsExactly("weather_samples");
            assertThat(graph.require("weather_samples_profile").loadedUpstreams()).isEmpty();

            AssetSpec samples = graph.require("weather_samples");
            assertThat(samples.isSource()).isTrue();
            assertThat(samples.observable()).isTrue();
            assertThat(samples.ioManagerKey()).isEqualTo("weather_samples_io_manager");

            assertThat(graph.assets().values()).filteredOn(spec -> !spec.isSource()).allSatisfy(spec -> {
                assertThat(spec.description()).as(spec.key()).isNotBlank();
                assertThat(spec.tags()).as(spec.key()).isNotEmpty();
                assertThat(spec.owners()).as(spec.key()).isNotEmpty();
            });
            assertThat(graph.assets().values()).extracting(AssetSpec::group).containsOnly(
                    "hackernews", "covid", "weather", "iris");
            assertThat(graph.require("topstory_ids").retry().maxRetries()).isEqualTo(3);
            assertThat(graph.require("most_frequent_words").codeVersion()).isEqualTo("1");
        }
    }

    @Test
    void jobsAndResourcesAreRegistered(@TempDir Path workspace) throws Exception {
        try (LoadedDefinitions defs = assemble(workspace)) {
            assertThat(defs.snapshot().jobs()).extracting(JobSpec::name, JobSpec::selection).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("hackernews_job", "group:hackernews"),
                    org.assertj.core.groups.Tuple.tuple("covid_job", "*filtered_state_covid_data"),
                    org.assertj.core.groups.Tuple.tuple("weather_job", "*hottest_dates, *lowest_dates"));
            assertThat(defs.snapshot().resources()).extracting(ResourceSpec::key)
                    .containsExactlyInAnyOrder("hackernews_client", "covid_config", "weather_sample_file");
            assertThat(defs.ioManagers()).containsKeys("io_manager", "weather_samples_io_manager");
        }
    }

    @Test
    void theRegisteredObserverHashesTheBundledSamples(@TempDir Path workspace) throws Exception {
        try (LoadedDefinitions defs = assemble(workspace)) {
            String version = defs.observer("weather_samples").orElseThrow()
                    .observe(new RecordingAssetContext("weather_samples"));

            assertThat(version).isEqualTo(BundledResource.read(WeatherSampleFile.class, WeatherSampleFile.BUNDLED).sha256())
                    .hasSize(64);
        }
    }
}
