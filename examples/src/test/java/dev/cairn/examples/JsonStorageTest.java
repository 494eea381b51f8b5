package dev.cairn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.cairn.api.EnvVar;
import dev.cairn.api.Asset;
import dev.cairn.api.Materialize;
import dev.cairn.api.MaterializeResult;
import dev.cairn.api.Output;
import dev.cairn.engine.io.FilesystemIOManager;
import dev.cairn.examples.covid.CovidAssets;
import dev.cairn.examples.covid.CovidConfig;
import dev.cairn.examples.hackernews.BundledHackerNewsClient;
import dev.cairn.examples.hackernews.HackerNewsAssets;
import dev.cairn.examples.iris.IrisAssets;
import dev.cairn.examples.testing.TestInputContext;
import dev.cairn.examples.weather.WeatherAssets;
import dev.cairn.examples.weather.WeatherSampleFile;

/**
 * Every value the examples produce survives Cairn's default storage, JSON files written by
 * Jackson: read back as the type the asset declares, it equals what the asset returned.
 */
class JsonStorageTest {

    static Stream<Arguments> pipelines() {
        WeatherSampleFile weather = WeatherSampleFile.bundled();
        return Stream.of(
                Arguments.of(HackerNewsAssets.class,
                        Materialize.assets(HackerNewsAssets.class).resource("hackernews_client", new BundledHackerNewsClient())),
                Arguments.of(CovidAssets.class,
                        Materialize.assets(CovidAssets.class).resource("covid_config", new CovidConfig(EnvVar.of("CAIRN_TEST_UNSET_COVID_STATE", "Washington")))),
                Arguments.of(WeatherAssets.class,
                        Materialize.assets(WeatherAssets.class).resource("weather_sample_file", weather)
                                .upstreamValue("weather_samples", weather.samples())),
                Arguments.of(IrisAssets.class, Materialize.assets(IrisAssets.class)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pipelines")
    void storedValuesReadBackEqual(Class<?> assets, Materialize materialize, @TempDir Path dir) throws Exception {
        FilesystemIOManager json = new FilesystemIOManager(dir);

        // topstories too, which the jar stores as a table: users may well keep it in JSON files.
        MaterializeResult result = materialize.ioManager("io_manager", json).ioManager("database_io_manager", json).run();

        assertThat(result.success()).isTrue();
        List<String> checked = new ArrayList<>();
        for (Method method : assets.getMethods()) {
            Asset asset = method.getAnnotation(Asset.class);
            if (asset == null) {
                continue;
            }
            Object stored = json.loadInput(TestInputContext.of(asset.key(), valueType(method)));
            assertThat(stored).as(asset.key()).isEqualTo(result.output(asset.key()).orElseThrow());
            checked.add(asset.key());
        }
        assertThat(checked).isNotEmpty();
    }

    /** The type an asset's value is stored as: its return type, unwrapped from {@link Output}. */
    private static Type valueType(Method method) {
        Type type = method.getGenericReturnType();
        if (type instanceof ParameterizedType p && p.getRawType() == Output.class) {
            return p.getActualTypeArguments()[0];
        }
        return type;
    }
}
