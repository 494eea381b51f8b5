package dev.cairn.app.graph.layout;

import dev.cairn.app.graph.model.GraphData;
import dev.cairn.app.graph.model.GraphEdge;
import dev.cairn.app.graph.model.GraphNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.cairn.engine.workspace.AtomicFiles;

/**
 * Remembers layouts so that reopening a graph draws at once. Results are keyed by a SHA-256 hash of
 * the layout's {@link GraphLayout#signature() signature}, the node ids, groups and sizes in order and
 * the edges in order (labels do not affect layouts and are left out). The most recent results stay in
 * memory; with a folder, every result is also stored there and read back on a later run.
 *
 * <p>Files are binary: the key fixes the nodes and edges and their order, so a file holds only
 * numbers in that order (and the group names). Reading 10,000 nodes back took over a second as JSON
 * in a fresh JVM, most of it warming Jackson up. A computed result is stored in the background, so
 * that the first drawing of a graph never waits for the disk.
 *
 * <p>A damaged or unreadable cache file is ignored and replaced: the cache can only save time, never
 * change a result. Thread-safe.
 */
public final class LayoutCache {

    private static final System.Logger LOG = System.getLogger(LayoutCache.class.getName());
    private static final long MAGIC = 0x434149524e4c4159L;  // "CAIRNLAY"
    private static final int FORMAT = 2;

    private final int capacity;
    private final Path folder;
    private final Map<String, LayoutResult> memory;
    /** Stores results on disk, one at a time, off the caller's thread; null without a folder. */
    private final ExecutorService writer;

    /** A cache of the {@code capacity} most recent results, in memory only. */
    public LayoutCache(int capacity) {
        this(capacity, null);
    }

    /**
     * A cache of the {@code capacity} most recent results in memory, backed by files in
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
        this.writer = folder == null ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cairn-layout-cache-writer");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    /** The cached layout of the graph, computing it on a miss (and storing it in the background). */
    public LayoutResult layout(GraphLayout layout, GraphData graph, Map<String, Size> sizes) {
        String key = key(layout, graph, sizes);
        synchronized (memory) {
            LayoutResult cached = memory.get(key);
            if (cached != null) {
                return cached;
            }
        }
        LayoutResult result = folder != null ? read(key, graph) : null;
        if (result == null) {
            LayoutResult computed = layout.layout(graph, sizes);
            if (writer != null) {
                writer.execute(() -> write(key, graph, computed));
            }
            result = computed;
        }
        synchronized (memory) {
            memory.put(key, result);
        }
        return result;
    }

    /** Waits until every result computed so far is on disk (or failed to get there). */
    public void flush() throws InterruptedException {
        if (writer == null) {
            return;
        }
        try {
            writer.submit(() -> { }).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
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
        return folder.resolve("layout-" + key + ".bin");
    }

    private LayoutResult read(String key, GraphData graph) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            if (in.readLong() != MAGIC || in.readInt() != FORMAT || !key.equals(in.readUTF())) {
                throw new IOException("not a layout of this graph in format " + FORMAT);
            }
            String algorithm = in.readUTF();
            List<GraphNode> nodes = graph.nodes();
            if (in.readInt() != nodes.size()) {
                throw new IOException("the node count differs");
            }
            Map<String, Rect> rects = new LinkedHashMap<>(nodes.size() * 2);
            for (GraphNode node : nodes) {
                rects.put(node.id(), readRect(in));
            }
            List<GraphEdge> edges = graph.edges();
            if (in.readInt() != edges.size()) {
                throw new IOException("the edge count differs");
            }
            List<EdgeRoute> routes = new ArrayList<>(edges.size());
            for (GraphEdge edge : edges) {
                int n = in.readInt();
                List<Point> points = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    points.add(new Point(in.readDouble(), in.readDouble()));
                }
                routes.add(new EdgeRoute(edge.from(), edge.to(), points));
            }
            int groupCount = in.readInt();
            Map<String, Rect> groups = new LinkedHashMap<>(groupCount * 2);
            for (int i = 0; i < groupCount; i++) {
                groups.put(in.readUTF(), readRect(in));
            }
            Rect bounds = readRect(in);
            if (in.available() != 0) {
                throw new IOException("trailing bytes");
            }
            return new LayoutResult(algorithm, rects, routes, groups, bounds);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Ignoring unreadable layout cache file " + file + ": " + e.getMessage());
            return null;
        }
    }

    private void write(String key, GraphData graph, LayoutResult result) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * graph.nodes().size() + 80 * graph.edges().size());
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeLong(MAGIC);
                out.writeInt(FORMAT);
                out.writeUTF(key);
                out.writeUTF(result.algorithm());
                out.writeInt(graph.nodes().size());
                for (GraphNode node : graph.nodes()) {
                    writeRect(out, result.nodes().get(node.id()));
                }
                out.writeInt(result.edges().size());
                for (EdgeRoute route : result.edges()) {
                    out.writeInt(route.points().size());
                    for (Point p : route.points()) {
                        out.writeDouble(p.x());
                        out.writeDouble(p.y());
                    }
                }
                out.writeInt(result.groups().size());
                for (Map.Entry<String, Rect> group : result.groups().entrySet()) {
                    out.writeUTF(group.getKey());
                    writeRect(out, group.getValue());
                }
                writeRect(out, result.bounds());
            }
            AtomicFiles.write(file(key), bytes.toByteArray());
        } catch (IOException | RuntimeException e) {
            // The result is still cached in memory; a read-only or full disk must not stop the app.
            LOG.log(System.Logger.Level.WARNING, "Could not store layout cache file in " + folder + ": " + e.getMessage());
        }
    }

    private static Rect readRect(DataInputStream in) throws IOException {
        return new Rect(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
    }

    private static void writeRect(DataOutputStream out, Rect r) throws IOException {
        out.writeDouble(r.x());
        out.writeDouble(r.y());
        out.writeDouble(r.width());
        out.writeDouble(r.height());
    }
}
