package dev.cairn.examples.weather;

import java.time.LocalDate;

import dev.cairn.examples.support.ColumnDescription;

/**
 * The highest temperature observed on one day.
 *
 * @param date the day, in UTC
 * @param maxTmpf the highest temperature, in degrees Fahrenheit
 */
public record DailyHigh(
        @ColumnDescription("The day, in UTC") LocalDate date,
        @ColumnDescription("The highest temperature of the day, in °F") double maxTmpf) {
}
