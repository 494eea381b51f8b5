package dev.cairn.examples.weather;

import static dev.cairn.examples.weather.TemperaturesTest.high;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cairn.api.Materialize;
import dev.cairn.api.MaterializeResult;
import dev.cairn.api.MetadataValue;
import dev.cairn.examples.testing.Outputs;
import dev.cairn.examples.support.BundledResource;

class WeatherAssetsTest {

    /** Twelve days; day d (1..12) peaks at 50 + 3 * ((d * 5) % 12) °F, so every high is distinct. */
    private static List<WeatherSample> twelveDays() {
        List<WeatherSample> samples = new ArrayList<>();
        for (int d = 1; d <= 12; d++) {
            LocalDate date = LocalDate.of(2022, 4, d);
            double peak = 50 + 3 * ((d * 5) % 12);
            samples.add(new WeatherSample("SFO", date.atTime(3, 56), peak - 9));
            samples.add(new WeatherSample("SFO", date.atTime(14, 56), peak));
            samples.add(new WeatherSample("SFO", date.atTime(15, 56), d == 4 ? null : peak - 1));
        }
        return samples;
    }

    private static MaterializeResult run(List<WeatherSample> samples, WeatherSampleFile file) {
        return Materialize.assets(WeatherAssets.class)
                .upstreamValue("weather_samples", samples)
                .resource("weather_sample_file", file)
                .run();
    }

    private static WeatherSampleFile smallFile() {
        return WeatherSampleFile.of(BundledResource.of("samples.csv",
                "station,valid,tmpf\nSFO,2022-04-01 00:56,M\nSFO,2022-04-01 01:56,50.00\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void hottestAndLowestDatesAreTheTenExtremeDailyHighs() {
        MaterializeResult result = run(twelveDays(), smallFile());

        assertThat(result.success()).isTrue();
        assertThat(Outputs.list(result, "daily_temperature_highs", DailyHigh.class)).hasSize(12)
                .contains(high("2022-04-12", 50), high("2022-04-07", 83), high("2022-04-04", 74));
        // Peaks by day: 1:65 2:80 3:59 4:74 5:53 6:68 7:83 8:62 9:77 10:56 11:71 12:50
        assertThat(Outputs.list(result, "hottest_dates", DailyHigh.class)).containsExactly(
                high("2022-04-07", 83), high("2022-04-02", 80), high("2022-04-09", 77), high("2022-04-04", 74),
                high("2022-04-11", 71), high("2022-04-06", 68), high("2022-04-01", 65), high("2022-04-08", 62),
                high("2022-04-03", 59), high("2022-04-10", 56));
        assertThat(Outputs.list(result, "lowest_dates", DailyHigh.class)).containsExactly(
                high("2022-04-12", 50), high("2022-04-05", 53), high("2022-04-10", 56), high("2022-04-03", 59),
                high("2022-04-08", 62), high("2022-04-01", 65), high("2022-04-06", 68), high("2022-04-11", 71),
                high("2022-04-04", 74), high("2022-04-09", 77));
        assertThat(result.materialization("daily_temperature_highs").orElseThrow().metadata())
                .containsEntry("num_records", MetadataValue.of(12))
                .containsEntry("num_samples", MetadataValue.of(36))
                .containsEntry("num_missing_samples", MetadataValue.of(1));
        assertThat(result.materialization("hottest_dates").orElseThrow().metadata())
                .containsEntry("max_tmpf", MetadataValue.of(83.0));
    }

    @Test
    void theProfileDescribesTheFileItReadsItself() {
        MaterializeResult result = run(twelveDays(), smallFile());

        WeatherSamplesProfile profile = result.output("weather_samples_profile", WeatherSamplesProfile.class);
        assertThat(profile.file()).isEqualTo("samples.csv");
        assertThat(profile.numSamples()).isEqualTo(2);
        assertThat(profile.numMissing()).isEqualTo(1);
        assertThat(profile.firstSample()).isEqualTo(LocalDateTime.of(2022, 4, 1, 0, 56));
        assertThat(profile.lastSample()).isEqualTo(LocalDateTime.of(2022, 4, 1, 1, 56));
        assertThat(profile.sha256()).isEqualTo(smallFile().read().sha256());
    }

    @Test
    void theBundledSamplesGiveTheExpectedExtremes() {
        WeatherSampleFile bundled = WeatherSampleFile.bundled();
        MaterializeResult result = run(bundled.samples(), bundled);

        assertThat(result.success()).isTrue();
        // Computed independently from the CSV file with a few lines of Python.
        assertThat(Outputs.list(result, "daily_temperature_highs", DailyHigh.class)).hasSize(91);
        assertThat(Outputs.list(result, "hottest_dates", DailyHigh.class)).startsWith(
                high("2022-05-11", 83.84), high("2022-06-17", 82.58), high("2022-05-12", 82.4));
        assertThat(Outputs.list(result, "lowest_dates", DailyHigh.class)).startsWith(
                high("2022-04-01", 54.14), high("2022-04-02", 59.36), high("2022-05-01", 59.54));
        assertThat(result.materialization("daily_temperature_highs").orElseThrow().metadata())
                .containsEntry("num_missing_samples", MetadataValue.of(10));
    }
}
