/**
 * Plots: an asset's numeric metadata and durations charted over its materializations, each on one
 * canvas with level-of-detail downsampling ({@link dev.cairn.app.charts.Downsampler}) and outliers
 * marked against the recent trend ({@link dev.cairn.app.charts.OutlierDetector}).
 * {@link dev.cairn.app.charts.PlotsView} is the view; {@link dev.cairn.app.charts.PlotsLoader} reads
 * the event log in the background.
 */
package dev.cairn.app.charts;
