package dev.cairn.examples.weather;

import java.util.List;

import dev.cairn.api.IOManager;
import dev.cairn.api.InputContext;
import dev.cairn.api.OutputContext;

/**
 * Loads the {@code weather_samples} source asset for downstream assets: the list of
 * {@link WeatherSample}s of the station's file.
 *
 * <p>Source assets are not computed by Cairn, so this IO manager only reads; asking it to store
 * a value is an error.
 */
public final class WeatherSamplesIOManager implements IOManager {

    /** The key the IO manager is registered under. */
    public static final String KEY = "weather_samples_io_manager";

    private final WeatherSampleFile file;

    /** An IO manager reading {@code file}. */
    public WeatherSamplesIOManager(WeatherSampleFile file) {
        this.file = file;
    }

    /** Always fails: a source asset is read, never written. */
    @Override
    public void handleOutput(OutputContext context, Object value) {
        throw new UnsupportedOperationException("'" + context.assetKey() + "' cannot be stored by " + KEY
                + ", which only reads the station's samples");
    }

    /** The samples of the file, as a {@code List<WeatherSample>}. */
    @Override
    public List<WeatherSample> loadInput(InputContext context) {
        return file.samples();
    }
}
