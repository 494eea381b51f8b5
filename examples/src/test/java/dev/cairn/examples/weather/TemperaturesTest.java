package dev.cairn.examples.weather;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class TemperaturesTest {

    static WeatherSample sample(String valid, Double tmpf) {
        return new WeatherSample("SFO", LocalDateTime.parse(valid), tmpf);
    }

    static DailyHigh high(String date, double tmpf) {
        return new DailyHigh(LocalDate.parse(date), tmpf);
    }

    @Test
    void theDailyHighIsTheLargestTemperatureOfEachDayIgnoringMissingOnes() {
        List<DailyHigh> highs = Temperatures.dailyHighs(List.of(
                sample("2022-04-02T10:56", 60.0),
                sample("2022-04-01T03:56", 48.2),
                sample("2022-04-01T14:56", 61.5),
                sample("2022-04-01T15:56", null),
                sample("2022-04-01T23:56", 52.0),
                sample("2022-04-02T14:56", 58.1),
                sample("2022-04-03T14:56", null)));

        assertThat(highs).containsExactly(high("2022-04-01", 61.5), high("2022-04-02", 60.0));
    }

    @Test
    void hottestAndLowestKeepTheRequestedNumberOfDaysInOrder() {
        List<DailyHigh> highs = List.of(high("2022-04-01", 60), high("2022-04-02", 75), high("2022-04-03", 55),
                high("2022-04-04", 68), high("2022-04-05", 55));

        assertThat(Temperatures.hottest(highs, 2)).containsExactly(high("2022-04-02", 75), high("2022-04-04", 68));
        // Equal highs are ordered by date.
        assertThat(Temperatures.lowest(highs, 3))
                .containsExactly(high("2022-04-03", 55), high("2022-04-05", 55), high("2022-04-01", 60));
        assertThat(Temperatures.hottest(highs, 10)).hasSize(5);
        assertThat(Temperatures.lowest(List.of(), 10)).isEmpty();
    }

    @Test
    void missingCountsSamplesWithoutTemperature() {
        assertThat(Temperatures.missing(List.of(sample("2022-04-01T00:56", null), sample("2022-04-01T01:56", 50.0))))
                .isEqualTo(1);
    }
}
