package dev.cairn.app.graph.layout;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.app.graph.model.GraphData;
import dev.cairn.app.graph.model.GraphEdge;
import dev.cairn.app.graph.model.GraphNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.cairn.engine.workspace.AtomicFiles;

/**
 * Remembers layouts so that reopening a graph draws at once. Results are keyed by a SHA-256 hash of
 * the layout's {@link GraphLayout#signature() signature}, the node ids, groups and sizes in order and
 * the edges in order (labels do not affect layouts and are left out). The most recent results stay in
 * memory; with a folder, every result is also stored there as JSON and read back on a later run.
 *
 * <p>A damaged or unreadable cache file is ignored and replaced: the cache can only save time, never
 * change a result. Thread-safe.
 */
public final class LayoutCache {

    private static final System.Logger LOG = System.getLogger(LayoutCache.class.getName());
    private static final int FORMAT = 1;

    /** What a cache file holds. */
    record Entry(int format, String key, LayoutResult layout) {
    }

    private final int capacity;
    private final Path folder;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, LayoutResult> memory;

    /** A cache of the {@code capacity} most recent results, in memory only. */
    public LayoutCache(int capacity) {
        this(capacity, null);
    }

    /**
     * A cache of the {@code capacity} most recent results in memory, backed by JSON files in
     * {@code folder} (created when needed), or memory only when {@code folder} is null.
     */
    public LayoutCache(int capacity, Path folder) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.folder = folder;
        this.memory = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, LayoutResult> eldest) {
                return size() > LayoutCache.this.capacity;
            }
        };
    }

    /** The cached layout of the graph, computing and storing it on a miss. */
    public LayoutResult layout(GraphLayout layout, GraphData graph, Map<String, Size> sizes) {
        String key = key(layout, graph, sizes);
        synchronized (memory) {
            LayoutResult cached = memory.get(key);
            if (cached != null) {
                return cached;
            }
        }
        LayoutResult result = folder != null ? read(key) : null;
        if (result == null) {
            result = layout.layout(graph, sizes);
            if (folder != null) {
                write(key, result);
            }
        }
        synchronized (memory) {
            memory.put(key, result);
        }
        return result;
    }

    /** The cache key of a layout of the graph. */
    public static String key(GraphLayout layout, GraphData graph, Map<String, Size> sizes) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        StringBuilder text = new StringBuilder(64 * (graph.nodes().size() + graph.edges().size()) + 64);
        text.append(layout.signature()).append('\n');
        for (GraphNode node : graph.nodes()) {
            Size size = NodeSizes.require(sizes, node.id());
            text.append('N').append(node.id()).append('\0').append(node.group()).append('\0')
                    .append(size.width()).append('\0').append(size.height()).append('\n');
        }
        for (GraphEdge edge : graph.edges()) {
            text.append('E').append(edge.from()).append('\0').append(edge.to()).append('\n');
        }
        return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private Path file(String key) {
        return folder.resolve("layout-" + key + ".json");
    }

    private LayoutResult read(String key) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            Entry entry = json.readValue(file.toFile(), Entry.class);
            if (entry.format() == FORMAT && key.equals(entry.key()) && entry.layout() != null) {
                return entry.layout();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Ignoring unreadable layout cache file " + file + ": " + e.getMessage());
        }
        return null;
    }

    private void write(String key, LayoutResult result) {
        try {
            AtomicFiles.write(file(key), json.writeValueAsBytes(new Entry(FORMAT, key, result)));
        } catch (IOException e) {
            // The result is still cached in memory; a read-only or full disk must not stop the app.
            LOG.log(System.Logger.Level.WARNING, "Could not store layout cache file in " + folder + ": " + e.getMessage());
        }
    }
}
