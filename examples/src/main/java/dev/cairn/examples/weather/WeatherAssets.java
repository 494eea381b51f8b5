package dev.cairn.examples.weather;

import java.util.List;

import dev.cairn.api.Asset;
import dev.cairn.api.In;
import dev.cairn.api.MetadataValue;
import dev.cairn.api.Output;
import dev.cairn.examples.support.BundledResource;
import dev.cairn.examples.support.TableMetadata;

/**
 * The weather example of Dagster's asset documentation: hourly temperatures of a weather station
 * (a source asset, which Cairn observes but does not compute) rolled up into daily highs, and the
 * hottest and coldest days among them.
 *
 * <pre>
 *                    ┌──▶ daily_temperature_highs ──┬──▶ hottest_dates
 * weather_samples ───┤                              └──▶ lowest_dates
 *                    └╌╌▶ weather_samples_profile   (a dependency that is not loaded)
 * </pre>
 *
 * <p>{@code weather_samples} is registered by {@link WeatherDefinitions} and loaded by its own
 * {@link WeatherSamplesIOManager}.
 */
public final class WeatherAssets {

    /** How many days {@code hottest_dates} and {@code lowest_dates} keep. */
    public static final int DAYS_KEPT = 10;

    private WeatherAssets() {
    }

    /** The highest temperature of every day. */
    @Asset(key = "daily_temperature_highs", group = "weather",
            description = "The highest temperature of each day at the station, in °F.",
            codeVersion = "1",
            tags = {"layer=staging", "unit=fahrenheit"},
            owners = {"climate@example.com"})
    public static Output<List<DailyHigh>> dailyTemperatureHighs(@In("weather_samples") List<WeatherSample> samples) {
        List<DailyHigh> highs = Temperatures.dailyHighs(samples);
        return TableMetadata.output(highs, DailyHigh.class)
                .withMetadata("num_samples", MetadataValue.of(samples.size()))
                .withMetadata("num_missing_samples", MetadataValue.of(Temperatures.missing(samples)));
    }

    /** The hottest days. */
    @Asset(key = "hottest_dates", group = "weather",
            description = "The " + DAYS_KEPT + " days with the highest daily high, hottest first.",
            codeVersion = "1",
            tags = {"layer=analytics", "unit=fahrenheit"},
            owners = {"climate@example.com"})
    public static Output<List<DailyHigh>> hottestDates(@In("daily_temperature_highs") List<DailyHigh> highs) {
        List<DailyHigh> hottest = Temperatures.hottest(highs, DAYS_KEPT);
        Output<List<DailyHigh>> output = TableMetadata.output(hottest, DailyHigh.class);
        return hottest.isEmpty() ? output
                : output.withMetadata("max_tmpf", MetadataValue.of(hottest.get(0).maxTmpf()));
    }

    /** The coldest days, by their high. */
    @Asset(key = "lowest_dates", group = "weather",
            description = "The " + DAYS_KEPT + " days with the lowest daily high, coldest first.",
            codeVersion = "1",
            tags = {"layer=analytics", "unit=fahrenheit"},
            owners = {"climate@example.com"})
    public static Output<List<DailyHigh>> lowestDates(@In("daily_temperature_highs") List<DailyHigh> highs) {
        List<DailyHigh> lowest = Temperatures.lowest(highs, DAYS_KEPT);
        Output<List<DailyHigh>> output = TableMetadata.output(lowest, DailyHigh.class);
        return lowest.isEmpty() ? output
                : output.withMetadata("min_max_tmpf", MetadataValue.of(lowest.get(0).maxTmpf()));
    }

    /**
     * A profile of the station's file itself. It reads the file through the resource rather than
     * receiving the parsed samples, so it declares {@code weather_samples} in {@link Asset#deps()}:
     * it runs after the source is observed and goes stale when the file changes, but nothing is
     * loaded for it.
     */
    @Asset(key = "weather_samples_profile", group = "weather",
            description = "Size, checksum, time span and missing values of the station's samples file.",
            deps = {"weather_samples"},
            codeVersion = "1",
            tags = {"layer=quality"},
            owners = {"climate@example.com"})
    public static Output<WeatherSamplesProfile> weatherSamplesProfile(WeatherSampleFile file) {
        BundledResource content = file.read();
        List<WeatherSample> samples = WeatherSampleFile.parse(content);
        WeatherSamplesProfile profile = new WeatherSamplesProfile(content.name(), content.size(), content.sha256(),
                samples.size(), Temperatures.missing(samples),
                samples.isEmpty() ? null : samples.get(0).valid(),
                samples.isEmpty() ? null : samples.get(samples.size() - 1).valid());
        Output<WeatherSamplesProfile> output = Output.of(profile)
                .withMetadata("size_bytes", MetadataValue.of(profile.sizeBytes()))
                .withMetadata("num_samples", MetadataValue.of(profile.numSamples()))
                .withMetadata("num_missing_samples", MetadataValue.of(profile.numMissing()))
                .withMetadata("sha256", MetadataValue.text(profile.sha256()));
        if (!samples.isEmpty()) {
            output = output.withMetadata("time_span", MetadataValue.text(profile.firstSample() + " to " + profile.lastSample()));
        }
        return output;
    }
}
