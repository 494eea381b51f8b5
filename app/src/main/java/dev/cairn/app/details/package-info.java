/**
 * The details panel of the selected asset: a header and tabs (Overview, Latest, History; more plug in
 * through {@link dev.cairn.app.details.DetailsTab}), reading the event log off the JavaFX thread.
 */
package dev.cairn.app.details;
