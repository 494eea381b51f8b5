/**
 * The example asset jar of Cairn: the pipelines of Dagster's tutorials, on data shipped in the jar.
 *
 * <ul>
 *   <li>{@link dev.cairn.examples.hackernews}: top stories of Hacker News and the words of their titles,
 *       with a resource, a retry policy and a chart in the metadata;</li>
 *   <li>{@link dev.cairn.examples.covid}: daily COVID-19 data filtered to a configured state;</li>
 *   <li>{@link dev.cairn.examples.weather}: an observable source asset with its own IO manager, and a
 *       dependency that is not loaded;</li>
 *   <li>{@link dev.cairn.examples.iris}: two assets and nothing else.</li>
 * </ul>
 * {@link dev.cairn.examples.ExampleDefinitions} registers what the pipelines need besides their
 * {@code @Asset} methods.
 */
package dev.cairn.examples;
