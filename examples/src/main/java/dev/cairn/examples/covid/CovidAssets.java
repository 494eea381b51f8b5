package dev.cairn.examples.covid;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;

import dev.cairn.api.Asset;
import dev.cairn.api.In;
import dev.cairn.api.MetadataValue;
import dev.cairn.api.Output;
import dev.cairn.examples.support.BundledResource;
import dev.cairn.examples.support.Csv;
import dev.cairn.examples.support.TableMetadata;

/**
 * Daily COVID-19 totals of a few US states, narrowed down to the one state the
 * {@link CovidConfig} resource names.
 *
 * <pre>
 * raw_state_covid_data ──▶ filtered_state_covid_data
 * </pre>
 */
public final class CovidAssets {

    /** The bundled data, in the layout of the New York Times' us-states.csv. */
    public static final String DATA = "us-states.csv";

    private static final List<String> COLUMNS = List.of("date", "state", "fips", "cases", "deaths");

    private CovidAssets() {
    }

    /** Every row of the bundled data set. */
    @Asset(key = "raw_state_covid_data", group = "covid",
            description = "Cumulative COVID-19 cases and deaths per US state and day, as published.",
            tags = {"source=nyt-covid-19-data", "layer=raw"},
            owners = {"public-health@example.com"})
    public static Output<List<StateCovidDay>> rawStateCovidData() {
        List<StateCovidDay> days = Csv.parse(BundledResource.read(CovidAssets.class, DATA), COLUMNS,
                row -> new StateCovidDay(row.parse("date", LocalDate::parse), row.text("state"), row.text("fips"),
                        row.wholeNumber("cases"), row.wholeNumber("deaths")));
        return TableMetadata.output(days, StateCovidDay.class)
                .withMetadata("states", MetadataValue.text(
                        String.join(", ", new TreeSet<>(days.stream().map(StateCovidDay::state).toList()))));
    }

    /**
     * The rows of the configured state, each stamped with the same load time.
     *
     * @throws IllegalArgumentException if the data has no row of that state
     */
    @Asset(key = "filtered_state_covid_data", group = "covid",
            description = "The rows of the state chosen in the covid_config resource ($COVID_STATE, New York unless set), "
                    + "with a load_ts timestamp.",
            codeVersion = "1",
            tags = {"layer=staging"},
            owners = {"public-health@example.com"})
    public static Output<List<LoadedStateCovidDay>> filteredStateCovidData(
            CovidConfig config, @In("raw_state_covid_data") List<StateCovidDay> rawDays) {
        Instant loadTs = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String state = config.stateName();
        List<LoadedStateCovidDay> days = rawDays.stream()
                .filter(day -> day.state().equals(state))
                .map(day -> LoadedStateCovidDay.of(day, loadTs))
                .toList();
        if (days.isEmpty()) {
            throw new IllegalArgumentException("no rows for the state '" + state + "' (" + config.state().name()
                    + "); the data has " + new TreeSet<>(rawDays.stream().map(StateCovidDay::state).toList()));
        }
        return TableMetadata.output(days, LoadedStateCovidDay.class)
                .withMetadata("state", MetadataValue.text(state))
                .withMetadata("num_input_records", MetadataValue.of(rawDays.size()))
                .withMetadata("load_ts", MetadataValue.timestamp(loadTs));
    }
}
