package dev.cairn.examples.weather;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import dev.cairn.examples.support.BundledResource;
import dev.cairn.examples.support.Csv;

/**
 * The export of a weather station: a CSV file that lands from outside, which Cairn reads but
 * does not produce. Here it is bundled in the jar ({@value #BUNDLED}); it is read anew at every
 * use, as a file that changes would have to be.
 *
 * <p>The layout is that of the Iowa Environmental Mesonet ASOS download:
 * <pre>
 * station,valid,tmpf
 * SFO,2022-04-01 00:56,48.92
 * SFO,2022-04-01 01:56,M
 * </pre>
 */
public final class WeatherSampleFile {

    /** The bundled samples: hourly temperatures at SFO from April to June 2022. */
    public static final String BUNDLED = "sfo_q2_weather_sample.csv";

    private static final List<String> COLUMNS = List.of("station", "valid", "tmpf");
    private static final DateTimeFormatter VALID = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final String MISSING = "M";

    private final Supplier<BundledResource> source;

    private WeatherSampleFile(Supplier<BundledResource> source) {
        this.source = source;
    }

    /** The samples bundled in the jar. */
    public static WeatherSampleFile bundled() {
        return new WeatherSampleFile(() -> BundledResource.read(WeatherSampleFile.class, BUNDLED));
    }

    /** Samples with the given content, in the same layout; for tests. */
    public static WeatherSampleFile of(BundledResource content) {
        return new WeatherSampleFile(() -> content);
    }

    /** The file's current content. */
    public BundledResource read() {
        return source.get();
    }

    /**
     * The file's samples, in file order.
     *
     * @throws IllegalArgumentException if the file is not in the expected layout
     */
    public List<WeatherSample> samples() {
        return parse(read());
    }

    /** The samples of {@code content}, in file order. */
    static List<WeatherSample> parse(BundledResource content) {
        return Csv.parse(content, COLUMNS, row -> new WeatherSample(
                row.text("station"),
                row.parse("valid", text -> LocalDateTime.parse(text, VALID)),
                row.parse("tmpf", text -> MISSING.equals(text) ? null : Double.valueOf(text))));
    }
}
