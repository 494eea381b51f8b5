package dev.cairn.examples.weather;

import dev.cairn.api.Definitions;
import dev.cairn.api.DefinitionsProvider;
import dev.cairn.api.MetadataValue;
import dev.cairn.api.SourceAsset;
import dev.cairn.examples.support.BundledResource;

/**
 * Registers the weather station's file, the {@code weather_samples} source asset with the IO
 * manager that loads it, and the {@code weather_job}.
 */
public final class WeatherDefinitions implements DefinitionsProvider {

    /** The key of the source asset. */
    public static final String SAMPLES = "weather_samples";

    @Override
    public void define(Definitions defs) {
        WeatherSampleFile file = WeatherSampleFile.bundled();
        defs.resource("weather_sample_file", file)
                .ioManager(WeatherSamplesIOManager.KEY, new WeatherSamplesIOManager(file))
                .sourceAsset(samplesSource(file))
                .job("weather_job", "*hottest_dates, *lowest_dates",
                        "Recomputes the daily highs and the hottest and coldest days");
    }

    /**
     * The source asset of the station's samples. Observing it hashes the file: the hash is the
     * data version, so the assets computed from it go stale exactly when its content changes.
     */
    public static SourceAsset samplesSource(WeatherSampleFile file) {
        return SourceAsset.of(SAMPLES)
                .group("weather")
                .description("Hourly temperature observations of the SFO weather station, April to June 2022 "
                        + "(a file that lands from outside; Cairn observes it but does not compute it).")
                .ioManagerKey(WeatherSamplesIOManager.KEY)
                .observedBy(context -> {
                    BundledResource content = file.read();
                    context.addOutputMetadata("size_bytes", MetadataValue.of(content.size()));
                    context.addOutputMetadata("file", MetadataValue.text(content.name()));
                    return content.sha256();
                });
    }
}
