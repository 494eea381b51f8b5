/** Dagster's introductory tutorial: the top stories of Hacker News and the words their titles use most. */
package dev.cairn.examples.hackernews;
