package dev.cairn.examples.weather;

import java.time.LocalDateTime;

import dev.cairn.examples.support.ColumnDescription;

/**
 * One observation of a weather station, as in the ASOS downloads of the Iowa Environmental
 * Mesonet.
 *
 * @param station the station's identifier, for example "SFO"
 * @param valid when the observation was made, in UTC
 * @param tmpf the air temperature in degrees Fahrenheit, or {@code null} when the station reported
 *        none (written "M" in the file)
 */
public record WeatherSample(
        @ColumnDescription("The station's identifier") String station,
        @ColumnDescription("When the observation was made, in UTC") LocalDateTime valid,
        @ColumnDescription("Air temperature in °F; empty when missing") Double tmpf) {
}
