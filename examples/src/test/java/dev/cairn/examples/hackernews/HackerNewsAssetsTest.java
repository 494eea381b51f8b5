package dev.cairn.examples.hackernews;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.cairn.api.Materialization;
import dev.cairn.api.Materialize;
import dev.cairn.api.MaterializeResult;
import dev.cairn.api.MetadataValue;
import dev.cairn.examples.testing.Outputs;

class HackerNewsAssetsTest {

    private static MaterializeResult run(HackerNewsClient client) {
        return Materialize.assets(HackerNewsAssets.class).resource("hackernews_client", client).run();
    }

    @Test
    void mostFrequentWordsCountsTitleWordsLeavingOutStopwords() {
        MaterializeResult result = run(FakeHackerNewsClient.withTitles(
                "The history of SQLite",
                "SQLite is fast",
                "Show HN: A fast SQLite browser"));

        assertThat(result.success()).isTrue();
        assertThat(Outputs.list(result, "most_frequent_words", WordCount.class)).containsExactly(
                new WordCount("sqlite", 3),
                new WordCount("fast", 2),
                new WordCount("browser", 1),
                new WordCount("history", 1));
        Materialization words = result.materialization("most_frequent_words").orElseThrow();
        assertThat(words.metadata())
                .containsEntry("top_word", MetadataValue.text("sqlite"))
                .containsEntry("top_word_count", MetadataValue.of(3))
                .containsEntry("num_words", MetadataValue.of(4));
    }

    @Test
    void thePlotIsAMarkdownImageOfTheChartSize() throws IOException {
        MaterializeResult result = run(FakeHackerNewsClient.withTitles("Rust in production", "Why Rust"));

        MetadataValue plot = result.materialization("most_frequent_words").orElseThrow().metadata().get("plot");
        assertThat(plot).isInstanceOf(MetadataValue.MarkdownValue.class);
        BufferedImage chart = WordChartTest.decode(((MetadataValue.MarkdownValue) plot).markdown());
        assertThat(chart.getWidth()).isEqualTo(WordChart.WIDTH);
        assertThat(chart.getHeight()).isEqualTo(WordChart.HEIGHT);
    }

    @Test
    void onlyTheFirstHundredTopStoriesAreRead() {
        String[] titles = IntStream.range(0, 130).mapToObj(i -> "Story number " + i).toArray(String[]::new);
        MaterializeResult result = run(FakeHackerNewsClient.withTitles(titles));

        assertThat(result.success()).isTrue();
        assertThat(Outputs.list(result, "topstory_ids", Long.class)).hasSize(HackerNewsAssets.STORY_LIMIT);
        List<Story> stories = Outputs.list(result, "topstories", Story.class);
        assertThat(stories).hasSize(HackerNewsAssets.STORY_LIMIT);
        assertThat(stories.get(0).title()).isEqualTo("Story number 0");
        assertThat(result.materialization("topstories").orElseThrow().metadata())
                .containsEntry("num_records", MetadataValue.of(100))
                .containsKeys("preview", "schema");
        assertThat(result.logs("topstories")).filteredOn(line -> line.contains("items so far")).hasSize(5);
    }

    @Test
    void aStoryThatIsGoneIsSkippedWithAWarning() {
        MaterializeResult result = run(FakeHackerNewsClient.withTitles("Kept story").withDeletedItem(99));

        assertThat(result.success()).isTrue();
        assertThat(Outputs.list(result, "topstories", Story.class)).extracting(Story::title).containsExactly("Kept story");
        assertThat(result.materialization("topstories").orElseThrow().metadata())
                .containsEntry("num_skipped", MetadataValue.of(1));
        assertThat(result.logs("topstories")).anySatisfy(line -> assertThat(line).contains("99"));
    }

    @Test
    void aFailingApiCallIsRetried() {
        FakeHackerNewsClient client = FakeHackerNewsClient.flaky(1, "Retries work");
        MaterializeResult result = run(client);

        assertThat(result.success()).isTrue();
        assertThat(client.topStoryCalls()).isEqualTo(2);
        assertThat(Outputs.list(result, "topstories", Story.class)).hasSize(1);
    }

    @Test
    void anApiThatKeepsFailingFailsTheRunAfterThreeRetries() {
        FakeHackerNewsClient client = FakeHackerNewsClient.flaky(Integer.MAX_VALUE, "Never read");
        MaterializeResult result = run(client);

        assertThat(result.success()).isFalse();
        assertThat(client.topStoryCalls()).isEqualTo(4);
        assertThat(result.failure("topstory_ids")).hasValueSatisfying(f -> assertThat(f).contains("503"));
        assertThat(result.materialization("most_frequent_words")).isEmpty();
    }

    @Test
    void theBundledSnapshotRunsEndToEnd() {
        MaterializeResult result = run(new BundledHackerNewsClient());

        assertThat(result.success()).isTrue();
        assertThat(Outputs.list(result, "topstories", Story.class)).hasSize(HackerNewsAssets.STORY_LIMIT);
        List<WordCount> words = Outputs.list(result, "most_frequent_words", WordCount.class);
        assertThat(words.get(0).count()).isGreaterThan(1);
        assertThat(words).extracting(WordCount::word).doesNotContainAnyElementsOf(TitleWords.STOPWORDS).doesNotContain("hn");
    }
}
