/** Hourly temperatures of a weather station as an observable source asset, rolled up into daily highs. */
package dev.cairn.examples.weather;
