package dev.cairn.examples.weather;

import java.time.LocalDateTime;

/**
 * What the station's file holds, at a glance.
 *
 * @param file the file's name
 * @param sizeBytes its size
 * @param sha256 its SHA-256, as hex
 * @param numSamples how many observations it has
 * @param numMissing how many of them have no temperature
 * @param firstSample the time of the first observation, or {@code null} if there is none
 * @param lastSample the time of the last observation, or {@code null} if there is none
 */
public record WeatherSamplesProfile(
        String file,
        long sizeBytes,
        String sha256,
        int numSamples,
        long numMissing,
        LocalDateTime firstSample,
        LocalDateTime lastSample) {
}
