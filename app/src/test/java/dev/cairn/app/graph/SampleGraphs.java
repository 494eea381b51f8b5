package dev.cairn.app.graph;

import dev.cairn.app.graph.model.GraphData;
import dev.cairn.app.graph.model.GraphEdge;
import dev.cairn.app.graph.model.GraphNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Graphs for tests, benchmarks and the demo: random layered DAGs and the real dbt lineage graph. */
public final class SampleGraphs {

    /** The real lineage graph shipped with the project's shared data, if present. */
    public static final Path MATTERMOST_DBT = Path.of("/work/shared/data/lineage/mattermost-dbt.tsv");

    private static final String[] DOMAINS = {"orders", "customers", "payments", "sessions", "events", "invoices",
            "products", "accounts", "campaigns", "shipments", "inventory", "tickets", "subscriptions", "refunds",
            "clicks", "leads", "users", "plans", "usage", "reviews"};
    private static final String[] STAGES = {"raw", "stg", "int", "fct", "dim", "agg", "rpt", "mart"};
    private static final String[] SUFFIXES = {"", "_daily", "_hourly", "_clean", "_enriched", "_latest", "_summary",
            "_by_region", "_by_channel", "_snapshot", "_history", "_joined"};

    private SampleGraphs() {
    }

    /**
     * A random layered DAG: about sqrt(n) layers; every node outside the first layer has an upstream
     * node in an earlier layer (mostly the previous one), then more edges until there are
     * {@code edgesPerNode * n}. Upstream nodes are picked uniformly in their layer: the hardest case
     * for crossing reduction, as used for the jgraphx measurements. With {@code groups > 0}, nodes get
     * groups that are regions of neighbouring layers and rows.
     */
    public static GraphData layeredDag(int n, double edgesPerNode, int groups, long seed) {
        return layeredDag(n, edgesPerNode, groups, false, seed);
    }

    /**
     * Like {@link #layeredDag(int, double, int, long)}; with {@code local}, upstream nodes are picked near
     * the downstream node's relative height, so that most edges stay inside a region (and its group), as
     * in real projects.
     */
    public static GraphData layeredDag(int n, double edgesPerNode, int groups, boolean local, long seed) {
        Random random = new Random(seed);
        int layers = Math.max(2, (int) Math.round(Math.sqrt(n)));
        int[] layerOf = new int[n];
        int[] rowOf = new int[n];
        List<List<Integer>> byLayer = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            byLayer.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            layerOf[i] = i * layers / n;
            rowOf[i] = byLayer.get(layerOf[i]).size();
            byLayer.get(layerOf[i]).add(i);
        }
        Set<String> names = new LinkedHashSet<>();
        List<GraphNode> nodes = new ArrayList<>(n);
        int groupRows = Math.max(1, (int) Math.round(Math.sqrt(groups)));
        int groupCols = groups > 0 ? (groups + groupRows - 1) / groupRows : 1;
        for (int i = 0; i < n; i++) {
            int l = layerOf[i];
            String name = assetName(random, l, layers, names);
            String group = null;
            if (groups > 0) {
                int row = rowOf[i] * groupRows / byLayer.get(l).size();
                int col = l * groupCols / layers;
                int g = row * groupCols + col;
                group = DOMAINS[g % DOMAINS.length] + (g >= DOMAINS.length ? "_" + g / DOMAINS.length : "");
            }
            nodes.add(new GraphNode(name, name, group));
        }
        Set<GraphEdge> edges = new LinkedHashSet<>();
        int target = (int) Math.round(edgesPerNode * n);
        for (int i = 0; i < n && edges.size() < target; i++) {
            if (layerOf[i] > 0) {
                int from = pickUpstream(random, byLayer, i, layerOf, rowOf, local);
                edges.add(new GraphEdge(nodes.get(from).id(), nodes.get(i).id()));
            }
        }
        int guard = 0;
        while (edges.size() < target && guard++ < target * 20) {
            int v = byLayer.get(0).size() + random.nextInt(n - byLayer.get(0).size());
            int from = pickUpstream(random, byLayer, v, layerOf, rowOf, local);
            edges.add(new GraphEdge(nodes.get(from).id(), nodes.get(v).id()));
        }
        return new GraphData(nodes, new ArrayList<>(edges));
    }

    private static int pickUpstream(Random random, List<List<Integer>> byLayer, int node, int[] layerOf, int[] rowOf,
                                    boolean local) {
        int layer = layerOf[node];
        int span = 1;
        while (span < layer && random.nextDouble() < 0.3) {
            span++;
        }
        List<Integer> candidates = byLayer.get(layer - span);
        int size = candidates.size();
        if (!local) {
            return candidates.get(random.nextInt(size));
        }
        double relative = (rowOf[node] + 0.5) / byLayer.get(layer).size();
        int index = (int) Math.round(relative * size + random.nextGaussian() * Math.max(1, size / 20.0));
        return candidates.get(Math.max(0, Math.min(size - 1, index)));
    }

    private static String assetName(Random random, int layer, int layers, Set<String> taken) {
        String stage = STAGES[Math.min(STAGES.length - 1, layer * STAGES.length / layers)];
        String base = stage + "_" + DOMAINS[random.nextInt(DOMAINS.length)] + SUFFIXES[random.nextInt(SUFFIXES.length)];
        String name = base;
        for (int k = 2; !taken.add(name); k++) {
            name = base + "_" + k;
        }
        return name;
    }

    /**
     * The dbt lineage graph of a real warehouse, with each source system's tables and staging models in
     * a group of their own (as a dbt project's folders would have them); other models have no group.
     *
     * @return the graph, or {@code null} when the data file is absent
     */
    public static GraphData mattermostDbt() throws IOException {
        if (!Files.isRegularFile(MATTERMOST_DBT)) {
            return null;
        }
        Map<String, GraphNode> nodes = new LinkedHashMap<>();
        List<GraphEdge> edges = new ArrayList<>();
        for (String line : Files.readAllLines(MATTERMOST_DBT)) {
            String[] parts = line.split("\t");
            if (parts.length != 2) {
                continue;
            }
            for (String id : parts) {
                nodes.computeIfAbsent(id, k -> new GraphNode(k, label(k), dbtGroup(k)));
            }
            edges.add(new GraphEdge(parts[0], parts[1]));
        }
        return new GraphData(new ArrayList<>(nodes.values()), edges);
    }

    private static String label(String id) {
        return id.startsWith("source.") ? id.substring(id.indexOf('.', 7) + 1) : id;
    }

    private static String dbtGroup(String id) {
        if (id.startsWith("source.")) {
            return id.substring(7, id.indexOf('.', 7));
        }
        if (id.startsWith("stg_") && id.contains("__")) {
            return id.substring(4, id.indexOf("__"));
        }
        return null;
    }
}
