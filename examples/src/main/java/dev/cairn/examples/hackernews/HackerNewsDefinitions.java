package dev.cairn.examples.hackernews;

import dev.cairn.api.Definitions;
import dev.cairn.api.DefinitionsProvider;

/**
 * Registers the Hacker News client and the {@code hackernews_job}.
 *
 * <p>The example jar lists {@link dev.cairn.examples.ExampleDefinitions}, which calls this one; a
 * jar holding only this pipeline would list this class in
 * {@code META-INF/services/dev.cairn.api.DefinitionsProvider} itself.
 */
public final class HackerNewsDefinitions implements DefinitionsProvider {

    @Override
    public void define(Definitions defs) {
        defs.resource("hackernews_client", new BundledHackerNewsClient())
                .job("hackernews_job", "group:hackernews",
                        "Refreshes the top stories and their most frequent words");
    }
}
