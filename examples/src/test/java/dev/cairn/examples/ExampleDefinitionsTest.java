package dev.cairn.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cairn.api.DefinitionsProvider;
import dev.cairn.api.MetadataValue;
import dev.cairn.engine.definitions.AssetGraph;
import dev.cairn.engine.definitions.AssetSpec;
import dev.cairn.engine.definitions.JobSpec;
import dev.cairn.engine.definitions.LoadedDefinitions;
import dev.cairn.engine.definitions.Problem;
import dev.cairn.engine.definitions.ResourceSpec;
import dev.cairn.engine.execution.RunExecutor;
import dev.cairn.engine.execution.RunOptions;
import dev.cairn.engine.execution.RunResult;
import dev.cairn.engine.execution.StepOutcome;
import dev.cairn.engine.io.FilesystemIOManager;
import dev.cairn.engine.loading.JarLoader;
import dev.cairn.engine.selection.AssetSelection;
import dev.cairn.engine.storage.memory.InMemoryEventLog;
import dev.cairn.examples.hackernews.HackerNewsAssets;
import dev.cairn.examples.support.BundledResource;
import dev.cairn.examples.testing.ExampleJar;
import dev.cairn.examples.weather.WeatherSampleFile;

/**
 * Loads the example jar the way Cairn does (its own class loader, the provider found through
 * {@link ServiceLoader}, a scan for assets, values stored as JSON files) and checks the graph,
 * jobs and runs users will see.
 */
class ExampleDefinitionsTest {

    @TempDir
    Path workspace;

    private Path values;
    private Path jar;

    @BeforeEach
    void buildJar() {
        values = workspace.resolve("values");
        jar = ExampleJar.build(workspace.resolve("cairn-examples.jar"));
    }

    private LoadedDefinitions load() {
        return new JarLoader(workspace, Map.of(AssetSpec.DEFAULT_IO_MANAGER, new FilesystemIOManager(values))).load(jar);
    }

    @Test
    void theProviderIsListedAsAService() {
        assertThat(ServiceLoader.load(DefinitionsProvider.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(ExampleDefinitions.class);
    }

    @Test
    void theDefinitionsAreValidAndFormTheTutorialGraphs() throws Exception {
        try (LoadedDefinitions defs = load()) {
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
            assertThat(graph.assets().values()).extracting(AssetSpec::group)
                    .containsOnly("hackernews", "covid", "weather", "iris");
            assertThat(graph.require("topstory_ids").retry().maxRetries()).isEqualTo(3);
            assertThat(graph.require("most_frequent_words").codeVersion()).isEqualTo("1");
        }
    }

    @Test
    void jobsResourcesAndIoManagersAreRegistered() throws Exception {
        try (LoadedDefinitions defs = load()) {
            AssetGraph graph = defs.requireGraph();
            assertThat(defs.snapshot().jobs()).extracting(JobSpec::name, JobSpec::selection).containsExactlyInAnyOrder(
                    tuple("hackernews_job", "group:hackernews"),
                    tuple("covid_job", "*filtered_state_covid_data"),
                    tuple("weather_job", "*hottest_dates, *lowest_dates"));
            assertThat(AssetSelection.resolve("group:hackernews", graph))
                    .containsExactlyInAnyOrder("topstory_ids", "topstories", "most_frequent_words");
            assertThat(AssetSelection.resolve("*filtered_state_covid_data", graph))
                    .containsExactlyInAnyOrder("raw_state_covid_data", "filtered_state_covid_data");
            assertThat(AssetSelection.resolve("*hottest_dates, *lowest_dates", graph)).containsExactlyInAnyOrder(
                    "weather_samples", "daily_temperature_highs", "hottest_dates", "lowest_dates");

            assertThat(defs.snapshot().resources()).extracting(ResourceSpec::key)
                    .containsExactlyInAnyOrder("hackernews_client", "covid_config", "weather_sample_file");
            assertThat(defs.snapshot().resources()).filteredOn(r -> r.key().equals("covid_config"))
                    .singleElement().satisfies(r -> assertThat(r.config()).singleElement().satisfies(field -> {
                        assertThat(field.name()).isEqualTo("state");
                        assertThat(field.envVar()).isEqualTo("COVID_STATE");
                        assertThat(field.hasDefault()).isTrue();
                        assertThat(field.missing()).isFalse();
                    }));
            assertThat(defs.ioManagers()).containsKeys("io_manager", "weather_samples_io_manager", "database_io_manager");
            assertThat(graph.require("topstories").ioManagerKey()).isEqualTo("database_io_manager");
            assertThat(defs.snapshot().ioManagers()).filteredOn(io -> io.key().equals("database_io_manager"))
                    .singleElement().satisfies(io -> assertThat(io.config()).singleElement().satisfies(field ->
                            assertThat(field.value()).startsWith("jdbc:h2:file:" + workspace.resolve("warehouse"))));
        }
    }

    @Test
    void everyAssetMaterializesThroughJsonFilesAndTopstoriesThroughTheWarehouse() throws Exception {
        try (LoadedDefinitions defs = load(); InMemoryEventLog eventLog = new InMemoryEventLog()) {
            RunExecutor executor = new RunExecutor(defs, eventLog);
            Set<String> all = AssetSelection.resolve("*", defs.requireGraph());

            RunResult result = executor.start(all, RunOptions.defaults("*")).await();

            assertThat(result.steps()).hasSize(12).allSatisfy((key, outcome) ->
                    assertThat(outcome).as(key).isEqualTo(StepOutcome.SUCCEEDED));
            assertThat(result.success()).isTrue();
            assertThat(eventLog.latestMaterializations()).hasSize(11);
            for (String key : eventLog.latestMaterializations().keySet()) {
                if (!key.equals("topstories")) {
                    assertThat(values.resolve(key + ".json")).as(key).isNotEmptyFile();
                }
            }
            assertThat(values.resolve("topstories.json")).doesNotExist();
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + workspace.resolve("warehouse"));
                 Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT \"load_ts\") FROM topstories")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(HackerNewsAssets.STORY_LIMIT);
                assertThat(rows.getInt(2)).isEqualTo(1);
            }
            assertThat(eventLog.latestMaterializations().get("topstories").data().metadata())
                    .containsEntry("table", MetadataValue.text("TOPSTORIES"))
                    .containsEntry("row_count", MetadataValue.of(HackerNewsAssets.STORY_LIMIT))
                    .containsKeys("schema", "preview", "load_ts");
            assertThat(Files.readString(values.resolve("filtered_state_covid_data.json"))).contains("\"loadTs\":\"20");
            assertThat(eventLog.latestObservations().get("weather_samples").data().dataVersion())
                    .isEqualTo(BundledResource.read(WeatherSampleFile.class, WeatherSampleFile.BUNDLED).sha256());
        }
    }
}
