package dev.cairn.examples.hackernews;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A client of a handful of stories given by the test; it can fail its first calls like a flaky API. */
final class FakeHackerNewsClient implements HackerNewsClient {

    private final Map<Long, Story> stories = new LinkedHashMap<>();
    private final List<Long> ranking = new ArrayList<>();
    private final AtomicInteger failuresLeft;
    private final AtomicInteger calls = new AtomicInteger();

    private FakeHackerNewsClient(int failures) {
        this.failuresLeft = new AtomicInteger(failures);
    }

    /** A client that answers every call. */
    static FakeHackerNewsClient withTitles(String... titles) {
        return flaky(0, titles);
    }

    /** A client whose first {@code failures} calls to {@link #topStoryIds()} throw. */
    static FakeHackerNewsClient flaky(int failures, String... titles) {
        FakeHackerNewsClient client = new FakeHackerNewsClient(failures);
        for (String title : titles) {
            client.add(title);
        }
        return client;
    }

    /** Ranks an id that has no story behind it, like a deleted item. */
    FakeHackerNewsClient withDeletedItem(long id) {
        ranking.add(id);
        return this;
    }

    private void add(String title) {
        long id = 1000 + stories.size();
        stories.put(id, new Story(id, title, "user" + id, 10 + stories.size(), Instant.ofEpochSecond(1_715_700_000L + id),
                stories.size(), "https://example.com/" + id));
        ranking.add(id);
    }

    int topStoryCalls() {
        return calls.get();
    }

    @Override
    public List<Long> topStoryIds() throws IOException {
        calls.incrementAndGet();
        if (failuresLeft.getAndDecrement() > 0) {
            throw new IOException("503 Service Unavailable");
        }
        return List.copyOf(ranking);
    }

    @Override
    public Optional<Story> story(long id) {
        return Optional.ofNullable(stories.get(id));
    }
}
