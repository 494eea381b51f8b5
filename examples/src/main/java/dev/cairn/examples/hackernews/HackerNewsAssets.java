package dev.cairn.examples.hackernews;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import dev.cairn.api.Asset;
import dev.cairn.api.AssetContext;
import dev.cairn.api.In;
import dev.cairn.api.MetadataValue;
import dev.cairn.api.Output;
import dev.cairn.api.Retry;
import dev.cairn.examples.support.TableMetadata;

/**
 * Dagster's introductory tutorial, in Cairn: the top stories of Hacker News and the words their
 * titles use most.
 *
 * <pre>
 * topstory_ids ──▶ topstories ──▶ most_frequent_words
 * </pre>
 *
 * <p>Asset keys are snake_case, as in Dagster; methods keep Java names and give their key in
 * {@link Asset#key()}. A parameter receives an upstream value through {@link In}, and the
 * {@link HackerNewsClient} resource by its type. {@code topstories} is a database table (see
 * {@link HackerNewsDefinitions}); the other two are JSON files of the default IO manager.
 */
public final class HackerNewsAssets {

    /** How many of the top stories the pipeline reads, as in the tutorial. */
    public static final int STORY_LIMIT = 100;

    /** How many words the chart shows. */
    public static final int CHART_WORDS = 25;

    private HackerNewsAssets() {
    }

    /** The ids of the top stories; retried, as a call to a web API may fail now and then. */
    @Asset(key = "topstory_ids", group = "hackernews",
            description = "Ids of the current top " + STORY_LIMIT + " stories on Hacker News, best first.",
            tags = {"source=hacker-news-api", "layer=raw"},
            owners = {"news-analytics@example.com"},
            retry = @Retry(maxRetries = 3, delayMillis = 200, backoff = Retry.Backoff.EXPONENTIAL))
    public static Output<List<Long>> topstoryIds(HackerNewsClient hackerNews) throws IOException {
        List<Long> all = hackerNews.topStoryIds();
        List<Long> ids = List.copyOf(all.subList(0, Math.min(STORY_LIMIT, all.size())));
        return Output.of(ids)
                .withMetadata("num_records", MetadataValue.of(ids.size()))
                .withMetadata("num_available", MetadataValue.of(all.size()));
    }

    /**
     * Each top story, fetched by id; stored as a database table by the {@code database_io_manager},
     * which adds a {@code load_ts} column and records the table's name, row count, schema and
     * first rows.
     */
    @Asset(key = "topstories", group = "hackernews", ioManagerKey = "database_io_manager",
            description = "The top stories with their title, author, points, comment count and link.",
            codeVersion = "1",
            tags = {"source=hacker-news-api", "layer=raw"},
            owners = {"news-analytics@example.com"})
    public static Output<List<Story>> topstories(AssetContext context, HackerNewsClient hackerNews,
                                                 @In("topstory_ids") List<Long> storyIds) throws IOException {
        List<Story> stories = new ArrayList<>(storyIds.size());
        int missing = 0;
        for (long id : storyIds) {
            // One web request per story: a long loop, so stop promptly when the run is cancelled.
            if (context.isCancelled()) {
                throw new CancellationException("cancelled after " + stories.size() + " stories");
            }
            Optional<Story> story = hackerNews.story(id);
            if (story.isEmpty()) {
                missing++;
                context.log().warn("Item {} is gone or is not a story; skipped", id);
                continue;
            }
            stories.add(story.get());
            if (stories.size() % 20 == 0) {
                context.log().info("Got {} items so far.", stories.size());
            }
        }
        return TableMetadata.output(stories, Story.class)
                .withMetadata("num_skipped", MetadataValue.of(missing));
    }

    /** The words the titles use most, with a chart of the top {@value #CHART_WORDS}. */
    @Asset(key = "most_frequent_words", group = "hackernews",
            description = "How often each word occurs in the titles of the top stories, most frequent first, "
                    + "leaving out common English words.",
            codeVersion = "1",
            tags = {"layer=analytics"},
            owners = {"news-analytics@example.com"})
    public static Output<List<WordCount>> mostFrequentWords(@In("topstories") List<Story> stories) {
        List<WordCount> counts = TitleWords.count(stories.stream().map(Story::title).toList(), TitleWords.STOPWORDS);
        List<WordCount> top = counts.subList(0, Math.min(CHART_WORDS, counts.size()));
        Output<List<WordCount>> output = Output.of(counts)
                .withMetadata("plot", MetadataValue.md(
                        WordChart.markdown(top, "Top " + top.size() + " words in " + stories.size() + " titles")))
                .withMetadata("num_words", MetadataValue.of(counts.size()));
        if (!counts.isEmpty()) {
            output = output
                    .withMetadata("top_word", MetadataValue.text(counts.get(0).word()))
                    .withMetadata("top_word_count", MetadataValue.of(counts.get(0).count()));
        }
        return output;
    }
}
