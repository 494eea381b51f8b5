package dev.cairn.examples.covid;

import java.time.Instant;
import java.time.LocalDate;

import dev.cairn.examples.support.ColumnDescription;

/**
 * A {@link StateCovidDay} stamped with the time it was loaded, so that consumers can tell how
 * fresh a copy is.
 *
 * @param date the day
 * @param state the state's name
 * @param fips the state's two-digit FIPS code
 * @param cases cumulative confirmed cases
 * @param deaths cumulative deaths
 * @param loadTs when the row was loaded (column {@code load_ts})
 */
public record LoadedStateCovidDay(
        @ColumnDescription("The day") LocalDate date,
        @ColumnDescription("The state's name") String state,
        @ColumnDescription("The state's two-digit FIPS code") String fips,
        @ColumnDescription("Cumulative confirmed cases") long cases,
        @ColumnDescription("Cumulative deaths") long deaths,
        @ColumnDescription("When the row was loaded") Instant loadTs) {

    /** The row of {@code day}, loaded at {@code loadTs}. */
    public static LoadedStateCovidDay of(StateCovidDay day, Instant loadTs) {
        return new LoadedStateCovidDay(day.date(), day.state(), day.fips(), day.cases(), day.deaths(), loadTs);
    }
}
