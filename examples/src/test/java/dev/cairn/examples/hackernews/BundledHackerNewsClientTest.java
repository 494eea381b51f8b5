package dev.cairn.examples.hackernews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cairn.examples.support.BundledResource;

class BundledHackerNewsClientTest {

    @Test
    void theBundledSnapshotHasAStoryForEveryTopStoryId() throws IOException {
        BundledHackerNewsClient client = new BundledHackerNewsClient();
        List<Long> ids = client.topStoryIds();
        assertThat(ids).hasSize(300);
        assertThat(new HashSet<>(ids)).hasSize(300);
        for (long id : ids) {
            Story story = client.story(id).orElseThrow();
            assertThat(story.id()).isEqualTo(id);
            assertThat(story.title()).isNotBlank();
            assertThat(story.time()).isBefore(client.capturedAt());
        }
        assertThat(client.capturedAt()).isEqualTo(Instant.parse("2024-05-14T16:00:00Z"));
    }

    @Test
    void itemsThatAreNotStoriesOrDoNotExistAreEmpty() throws IOException {
        BundledHackerNewsClient client = client("""
                {"captured_at": "2024-05-14T16:00:00Z", "topstories": [1, 2, 3],
                 "items": [
                   {"id": 1, "type": "story", "by": "pg", "time": 1715700000, "title": "Ask HN: Anyone?", "score": 3},
                   {"id": 2, "type": "job", "by": "yc", "time": 1715700000, "title": "We are hiring"}
                 ]}
                """);
        Story ask = client.story(1).orElseThrow();
        assertThat(ask.url()).isNull();
        assertThat(ask.descendants()).isZero();
        assertThat(ask.time()).isEqualTo(Instant.ofEpochSecond(1715700000));
        assertThat(client.story(2)).isEmpty();
        assertThat(client.story(3)).isEmpty();
    }

    @Test
    void aStoryWithoutTitleIsReportedWithItsId() {
        BundledHackerNewsClient client = client("""
                {"captured_at": "2024-05-14T16:00:00Z", "topstories": [7],
                 "items": [{"id": 7, "type": "story", "by": "pg", "time": 1715700000}]}
                """);
        assertThatThrownBy(client::topStoryIds).isInstanceOf(IOException.class)
                .hasMessage("snapshot.json, item 7: the field 'title' is missing");
    }

    @Test
    void invalidJsonIsAnIOException() {
        assertThatThrownBy(() -> client("{\"topstories\": [").topStoryIds()).isInstanceOf(IOException.class);
    }

    private static BundledHackerNewsClient client(String json) {
        return new BundledHackerNewsClient(BundledResource.of("snapshot.json", json.getBytes(StandardCharsets.UTF_8)));
    }
}
