package dev.cairn.examples.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cairn.api.MetadataValue;
import dev.cairn.api.SourceAsset;
import dev.cairn.examples.support.BundledResource;
import dev.cairn.examples.testing.RecordingAssetContext;
import dev.cairn.examples.testing.TestInputContext;

class WeatherSampleFileTest {

    private static final String CSV = """
            station,valid,tmpf
            SFO,2022-04-01 00:56,48.92
            SFO,2022-04-01 01:56,M
            SFO,2022-04-01 02:56,47.12
            """;

    private static WeatherSampleFile file(String csv) {
        return WeatherSampleFile.of(BundledResource.of("samples.csv", csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void samplesAreReadWithMissingTemperaturesAsNull() {
        assertThat(file(CSV).samples()).containsExactly(
                new WeatherSample("SFO", LocalDateTime.of(2022, 4, 1, 0, 56), 48.92),
                new WeatherSample("SFO", LocalDateTime.of(2022, 4, 1, 1, 56), null),
                new WeatherSample("SFO", LocalDateTime.of(2022, 4, 1, 2, 56), 47.12));
    }

    @Test
    void aBadTimestampIsReportedWithItsLine() {
        assertThatThrownBy(() -> file("station,valid,tmpf\nSFO,2022-04-01T00:56,50\n").samples())
                .hasMessageStartingWith("samples.csv line 2, column valid: cannot read '2022-04-01T00:56'");
    }

    @Test
    void theBundledFileHoldsHourlySamplesOfTheSecondQuarterOf2022() {
        List<WeatherSample> samples = WeatherSampleFile.bundled().samples();
        assertThat(samples).hasSize(91 * 24);
        assertThat(samples.get(0).valid()).isEqualTo(LocalDateTime.of(2022, 4, 1, 0, 56));
        assertThat(samples.get(samples.size() - 1).valid()).isEqualTo(LocalDateTime.of(2022, 6, 30, 23, 56));
        assertThat(samples).extracting(WeatherSample::station).containsOnly("SFO");
    }

    @Test
    void theIoManagerLoadsTheSamplesAndRefusesToStore() {
        WeatherSamplesIOManager io = new WeatherSamplesIOManager(file(CSV));
        Object loaded = io.loadInput(TestInputContext.of("weather_samples", List.class));

        assertThat(loaded).isEqualTo(file(CSV).samples());
        assertThatThrownBy(() -> io.handleOutput(null, List.of())).isInstanceOf(RuntimeException.class);
    }

    @Test
    void observingTheSourceGivesTheFilesHashAsDataVersion() throws Exception {
        SourceAsset source = WeatherDefinitions.samplesSource(file(CSV));
        RecordingAssetContext context = new RecordingAssetContext("weather_samples");

        String version = source.observer().orElseThrow().observe(context);

        assertThat(version).isEqualTo(sha256(CSV));
        assertThat(context.metadata()).containsEntry("size_bytes", MetadataValue.of(CSV.length()));
        assertThat(source.observer().orElseThrow().observe(context)).as("same content, same version").isEqualTo(version);
        assertThat(WeatherDefinitions.samplesSource(file(CSV.replace("47.12", "47.30"))).observer().orElseThrow()
                .observe(context)).as("changed content, new version").isNotEqualTo(version);
        assertThat(source.ioManagerKey()).isEqualTo(WeatherSamplesIOManager.KEY);
        assertThat(source.group()).isEqualTo("weather");
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
