package dev.cairn.examples.hackernews;

import java.time.Instant;

import dev.cairn.examples.support.ColumnDescription;

/**
 * A Hacker News story, with the fields of the Hacker News API's items that the pipeline uses.
 *
 * @param id the item's unique id
 * @param title the title
 * @param by the author's user name
 * @param score the story's points
 * @param time when it was posted
 * @param descendants the number of comments
 * @param url the linked page, or {@code null} for a text post such as "Ask HN"
 */
public record Story(
        @ColumnDescription("The item's unique id") long id,
        @ColumnDescription("The title") String title,
        @ColumnDescription("The author's user name") String by,
        @ColumnDescription("The story's points") int score,
        @ColumnDescription("When it was posted") Instant time,
        @ColumnDescription("The number of comments") int descendants,
        @ColumnDescription("The linked page; empty for a text post such as Ask HN") String url) {
}
