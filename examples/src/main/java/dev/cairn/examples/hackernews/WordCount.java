package dev.cairn.examples.hackernews;

import dev.cairn.examples.support.ColumnDescription;

/**
 * How many times a word occurs in the titles of the top stories.
 *
 * @param word the word, in lower case
 * @param count its number of occurrences
 */
public record WordCount(
        @ColumnDescription("A word of the titles, in lower case") String word,
        @ColumnDescription("How many times it occurs") long count) {
}
