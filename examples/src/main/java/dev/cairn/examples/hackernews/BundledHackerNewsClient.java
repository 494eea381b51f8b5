package dev.cairn.examples.hackernews;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cairn.examples.support.BundledResource;

/**
 * A {@link HackerNewsClient} that serves a snapshot of the front page shipped in the jar
 * ({@value #SNAPSHOT}), so that the example runs offline and gives the same result every time.
 *
 * <p>The snapshot is read on first use, not when the jar is loaded: loading definitions must stay
 * quick. It is the JSON the API would return, gathered in one document:
 * <pre>{@code
 * {"captured_at": "...", "topstories": [40372252, ...],
 *  "items": [{"id": 40372252, "type": "story", "by": "...", "time": 1715699012, "title": "...",
 *             "score": 168, "descendants": 188, "url": "https://..."}, ...]}
 * }</pre>
 */
public final class BundledHackerNewsClient implements HackerNewsClient {

    /** The snapshot's resource name, next to this class. */
    public static final String SNAPSHOT = "topstories-snapshot.json";

    private final Supplier<BundledResource> loader;
    private Snapshot snapshot;

    /** A client of the snapshot bundled in the jar. */
    public BundledHackerNewsClient() {
        this(() -> BundledResource.read(BundledHackerNewsClient.class, SNAPSHOT));
    }

    /** A client of another snapshot in the same format; for tests. */
    public BundledHackerNewsClient(BundledResource snapshot) {
        this(() -> snapshot);
    }

    private BundledHackerNewsClient(Supplier<BundledResource> loader) {
        this.loader = loader;
    }

    @Override
    public List<Long> topStoryIds() throws IOException {
        return snapshot().topStoryIds();
    }

    @Override
    public Optional<Story> story(long id) throws IOException {
        return Optional.ofNullable(snapshot().stories().get(id));
    }

    /** When the snapshot was taken. */
    public Instant capturedAt() throws IOException {
        return snapshot().capturedAt();
    }

    // Assets run in parallel: the first of them to ask reads the snapshot for all.
    private synchronized Snapshot snapshot() throws IOException {
        if (snapshot == null) {
            snapshot = parse(loader.get());
        }
        return snapshot;
    }

    private static Snapshot parse(BundledResource resource) throws IOException {
        JsonNode root = new ObjectMapper().readTree(resource.text());
        String where = resource.name();
        List<Long> ids = new ArrayList<>();
        for (JsonNode id : required(root, "topstories", where)) {
            ids.add(id.asLong());
        }
        Map<Long, Story> stories = new HashMap<>();
        for (JsonNode item : required(root, "items", where)) {
            long id = required(item, "id", where).asLong();
            if (!"story".equals(item.path("type").asText())) {
                continue;
            }
            String at = where + ", item " + id;
            stories.put(id, new Story(id,
                    required(item, "title", at).asText(),
                    required(item, "by", at).asText(),
                    item.path("score").asInt(0),
                    Instant.ofEpochSecond(required(item, "time", at).asLong()),
                    item.path("descendants").asInt(0),
                    item.hasNonNull("url") ? item.get("url").asText() : null));
        }
        return new Snapshot(Instant.parse(required(root, "captured_at", where).asText()), List.copyOf(ids),
                Map.copyOf(stories));
    }

    private static JsonNode required(JsonNode node, String field, String where) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IOException(where + ": the field '" + field + "' is missing");
        }
        return value;
    }

    private record Snapshot(Instant capturedAt, List<Long> topStoryIds, Map<Long, Story> stories) { }
}
