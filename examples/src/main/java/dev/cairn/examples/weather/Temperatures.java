package dev.cairn.examples.weather;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The computations of the weather assets, kept apart from them so that they can be tested on
 * their own. Ties are broken by date, so every result is deterministic.
 */
public final class Temperatures {

    private static final Comparator<DailyHigh> COLDEST_FIRST =
            Comparator.comparingDouble(DailyHigh::maxTmpf).thenComparing(DailyHigh::date);
    private static final Comparator<DailyHigh> HOTTEST_FIRST =
            Comparator.comparingDouble(DailyHigh::maxTmpf).reversed().thenComparing(DailyHigh::date);

    private Temperatures() {
    }

    /**
     * The highest temperature of each day that has at least one, in date order. Missing
     * temperatures are ignored, so a day with none has no high.
     */
    public static List<DailyHigh> dailyHighs(List<WeatherSample> samples) {
        Map<LocalDate, Double> highs = new TreeMap<>();
        samples.stream()
                .filter(s -> s.tmpf() != null)
                .forEach(s -> highs.merge(s.valid().toLocalDate(), s.tmpf(), Math::max));
        return highs.entrySet().stream().map(e -> new DailyHigh(e.getKey(), e.getValue())).toList();
    }

    /** The {@code n} days with the highest highs, hottest first. */
    public static List<DailyHigh> hottest(List<DailyHigh> highs, int n) {
        return highs.stream().sorted(HOTTEST_FIRST).limit(n).toList();
    }

    /** The {@code n} days with the lowest highs, coldest first. */
    public static List<DailyHigh> lowest(List<DailyHigh> highs, int n) {
        return highs.stream().sorted(COLDEST_FIRST).limit(n).toList();
    }

    /** How many samples have no temperature. */
    public static long missing(List<WeatherSample> samples) {
        return samples.stream().map(WeatherSample::tmpf).filter(Objects::isNull).count();
    }
}
