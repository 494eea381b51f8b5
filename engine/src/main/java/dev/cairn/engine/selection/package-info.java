/**
 * The selection language: which assets a job, a run or a filter in the app is about. Selections
 * are immutable {@link dev.cairn.engine.selection.AssetSelection} expressions, parsed from text
 * or built with combinators, and resolved against an asset graph; {@code status:} terms are
 * answered by a {@link dev.cairn.engine.selection.StatusOracle}.
 */
package dev.cairn.engine.selection;
