package dev.cairn.examples.hackernews;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Reads Hacker News, in the terms of its API (https://github.com/HackerNews/API).
 *
 * <p>A resource: assets receive the registered client as a parameter, so that tests can hand
 * them a fake one. The jar registers a {@link BundledHackerNewsClient} that serves a snapshot
 * shipped in the jar; a client calling https://hacker-news.firebaseio.com/v0/ would implement the
 * same two methods.
 */
public interface HackerNewsClient {

    /** The ids of the current top stories, best first, like {@code /v0/topstories.json}. */
    List<Long> topStoryIds() throws IOException;

    /**
     * The story with this id, like {@code /v0/item/<id>.json}; empty when the item is gone or is
     * not a story (a job ad, a poll).
     */
    Optional<Story> story(long id) throws IOException;
}
