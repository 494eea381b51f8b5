package dev.cairn.examples.covid;

import java.time.LocalDate;

import dev.cairn.examples.support.ColumnDescription;

/**
 * The COVID-19 totals of one US state at the end of one day, as in the New York Times'
 * {@code us-states.csv}.
 *
 * @param date the day
 * @param state the state's name
 * @param fips the state's two-digit FIPS code
 * @param cases cumulative confirmed cases
 * @param deaths cumulative deaths
 */
public record StateCovidDay(
        @ColumnDescription("The day") LocalDate date,
        @ColumnDescription("The state's name") String state,
        @ColumnDescription("The state's two-digit FIPS code") String fips,
        @ColumnDescription("Cumulative confirmed cases") long cases,
        @ColumnDescription("Cumulative deaths") long deaths) {
}
