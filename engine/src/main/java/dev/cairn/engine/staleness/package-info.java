/**
 * Is each asset up to date, and if not, exactly why? {@link dev.cairn.engine.staleness.StalenessCalculator}
 * compares the current definitions with the provenance recorded at each asset's latest
 * materialization and answers with a {@link dev.cairn.engine.staleness.StalenessReport}: a status
 * and causes in plain words per asset, plus the upstream changes that will reach it.
 */
package dev.cairn.engine.staleness;
