package dev.cairn.app.graph.layout;

import dev.cairn.app.graph.model.GraphData;
import dev.cairn.app.graph.model.GraphEdge;
import dev.cairn.app.graph.model.GraphNode;
import org.jgrapht.Graph;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The graph of a {@link SugiyamaLayout} after cycle breaking and layering, as flat arrays: the real
 * nodes, one dummy element per layer an edge crosses, and one placeholder per layer a group spans
 * without having an element there (so that the group's box stays a rectangle of layers).
 *
 * <p>Elements {@code 0 .. realCount-1} are the input nodes in input order.
 */
final class LayeredGraph {

    static final byte REAL = 0;
    static final byte DUMMY = 1;
    static final byte PLACEHOLDER = 2;

    /** An input edge as a JGraphT edge object; the index makes every link distinct. */
    private record Link(int index, int from, int to) {
    }

    final GraphData graph;
    final int realCount;
    final String[] groupNames;

    int count;
    int layerCount;
    int[] layer;
    int[] group;
    byte[] kind;
    double[] width;
    double[] height;

    /** Per input edge: its elements from upstream to downstream end in layering direction. */
    int[] chainStart;
    int[] chain;
    boolean[] reversed;
    boolean[] selfLoop;

    /** Segments join an element of layer l ({@code upper}) to one of layer l+1 ({@code lower}). */
    int segmentCount;
    int[] segUpper;
    int[] segLower;
    double[] segWeight;

    /** CSR adjacency: for element e, segments {@code downSeg[downStart[e] .. downStart[e+1]-1]}. */
    int[] downStart;
    int[] downSeg;
    int[] upStart;
    int[] upSeg;

    /** Real nodes in topological order of the layering direction. */
    int[] topoOrder;

    private LayeredGraph(GraphData graph, String[] groupNames) {
        this.graph = graph;
        this.realCount = graph.nodes().size();
        this.groupNames = groupNames;
    }

    static LayeredGraph build(GraphData graph, Map<String, Size> sizes) {
        List<GraphNode> nodes = graph.nodes();
        int n = nodes.size();
        Map<String, Integer> index = new HashMap<>(n * 2);
        Map<String, Integer> groupIndex = new HashMap<>();
        List<String> groupNames = new ArrayList<>();
        int[] nodeGroup = new int[n];
        for (int i = 0; i < n; i++) {
            GraphNode node = nodes.get(i);
            index.put(node.id(), i);
            if (node.hasGroup()) {
                nodeGroup[i] = groupIndex.computeIfAbsent(node.group(), g -> {
                    groupNames.add(g);
                    return groupNames.size() - 1;
                });
            } else {
                nodeGroup[i] = -1;
            }
        }
        LayeredGraph lg = new LayeredGraph(graph, groupNames.toArray(String[]::new));
        List<GraphEdge> edges = graph.edges();
        int m = edges.size();
        int[] from = new int[m];
        int[] to = new int[m];
        for (int e = 0; e < m; e++) {
            from[e] = index.get(edges.get(e).from());
            to[e] = index.get(edges.get(e).to());
        }
        lg.selfLoop = new boolean[m];
        for (int e = 0; e < m; e++) {
            lg.selfLoop[e] = from[e] == to[e];
        }
        lg.reversed = breakCycles(n, from, to, lg.selfLoop);
        int[] src = new int[m];
        int[] dst = new int[m];
        for (int e = 0; e < m; e++) {
            src[e] = lg.reversed[e] ? to[e] : from[e];
            dst[e] = lg.reversed[e] ? from[e] : to[e];
        }
        lg.topoOrder = topologicalOrder(n, src, dst, lg.selfLoop);
        int[] nodeLayer = assignLayers(n, src, dst, lg.selfLoop, lg.topoOrder);
        lg.buildElements(nodes, sizes, nodeGroup, nodeLayer, src, dst);
        lg.buildAdjacency();
        return lg;
    }

    /** Marks the edges to reverse so that the graph becomes acyclic: the back edges of a depth-first search. */
    private static boolean[] breakCycles(int n, int[] from, int[] to, boolean[] selfLoop) {
        int m = from.length;
        int[] outStart = new int[n + 1];
        for (int e = 0; e < m; e++) {
            if (!selfLoop[e]) {
                outStart[from[e] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            outStart[i + 1] += outStart[i];
        }
        int[] out = new int[outStart[n]];
        int[] fill = Arrays.copyOf(outStart, n);
        for (int e = 0; e < m; e++) {
            if (!selfLoop[e]) {
                out[fill[from[e]]++] = e;
            }
        }
        boolean[] reversed = new boolean[m];
        byte[] state = new byte[n];
        int[] next = new int[n];
        int[] stack = new int[n];
        for (int root = 0; root < n; root++) {
            if (state[root] != 0) {
                continue;
            }
            int top = 0;
            stack[top++] = root;
            state[root] = 1;
            next[root] = outStart[root];
            while (top > 0) {
                int v = stack[top - 1];
                if (next[v] < outStart[v + 1]) {
                    int e = out[next[v]++];
                    int w = to[e];
                    if (state[w] == 1) {
                        reversed[e] = true;
                    } else if (state[w] == 0) {
                        state[w] = 1;
                        next[w] = outStart[w];
                        stack[top++] = w;
                    }
                } else {
                    state[v] = 2;
                    top--;
                }
            }
        }
        return reversed;
    }

    private static int[] topologicalOrder(int n, int[] src, int[] dst, boolean[] selfLoop) {
        Graph<Integer, Link> dag = new SimpleDirectedGraph<>(null, null, false);
        for (int i = 0; i < n; i++) {
            dag.addVertex(i);
        }
        for (int e = 0; e < src.length; e++) {
            if (!selfLoop[e] && !dag.containsEdge(src[e], dst[e])) {
                dag.addEdge(src[e], dst[e], new Link(e, src[e], dst[e]));
            }
        }
        int[] order = new int[n];
        int k = 0;
        Iterator<Integer> it = new TopologicalOrderIterator<>(dag);
        while (it.hasNext()) {
            order[k++] = it.next();
        }
        return order;
    }

    /**
     * Longest-path layering, improved the way network simplex would, at a fraction of the cost: every
     * node with more outgoing than incoming edges moves right, next to its nearest downstream node (so
     * sources sit beside their consumers instead of all in the first layer), and every node with as many
     * inputs as outputs moves to the least crowded layer it can take (Graphviz's balancing), which keeps
     * the columns of graphs with many sources from growing very tall.
     */
    private static int[] assignLayers(int n, int[] src, int[] dst, boolean[] selfLoop, int[] topo) {
        int m = src.length;
        int[] outStart = new int[n + 1];
        int[] inStart = new int[n + 1];
        for (int e = 0; e < m; e++) {
            if (!selfLoop[e]) {
                outStart[src[e] + 1]++;
                inStart[dst[e] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            outStart[i + 1] += outStart[i];
            inStart[i + 1] += inStart[i];
        }
        int[] out = new int[outStart[n]];
        int[] in = new int[inStart[n]];
        int[] outFill = Arrays.copyOf(outStart, n);
        int[] inFill = Arrays.copyOf(inStart, n);
        for (int e = 0; e < m; e++) {
            if (!selfLoop[e]) {
                out[outFill[src[e]]++] = dst[e];
                in[inFill[dst[e]]++] = src[e];
            }
        }
        int[] layer = new int[n];
        for (int v : topo) {
            for (int k = outStart[v]; k < outStart[v + 1]; k++) {
                layer[out[k]] = Math.max(layer[out[k]], layer[v] + 1);
            }
        }
        int maxLayer = 0;
        for (int l : layer) {
            maxLayer = Math.max(maxLayer, l);
        }
        int[] size = new int[maxLayer + 1];
        for (int l : layer) {
            size[l]++;
        }
        for (int round = 0; round < 3; round++) {
            for (int i = n - 1; i >= 0; i--) {
                int v = topo[i];
                int outDeg = outStart[v + 1] - outStart[v];
                int inDeg = inStart[v + 1] - inStart[v];
                if (outDeg == 0 || outDeg < inDeg) {
                    continue;
                }
                int hi = Integer.MAX_VALUE;
                for (int k = outStart[v]; k < outStart[v + 1]; k++) {
                    hi = Math.min(hi, layer[out[k]] - 1);
                }
                int target = hi;
                if (outDeg == inDeg) {
                    int lo = 0;
                    for (int k = inStart[v]; k < inStart[v + 1]; k++) {
                        lo = Math.max(lo, layer[in[k]] + 1);
                    }
                    target = layer[v];
                    for (int l = lo; l <= hi; l++) {
                        if (size[l] < size[target] - 1 || (size[l] == size[target] - 1 && l > target)) {
                            target = l;
                        }
                    }
                }
                if (target != layer[v] && target >= 0) {
                    size[layer[v]]--;
                    size[target]++;
                    layer[v] = target;
                }
            }
        }
        int min = Integer.MAX_VALUE;
        for (int l : layer) {
            min = Math.min(min, l);
        }
        for (int i = 0; i < n; i++) {
            layer[i] -= min;
        }
        return layer;
    }

    private void buildElements(List<GraphNode> nodes, Map<String, Size> sizes, int[] nodeGroup, int[] nodeLayer,
                               int[] src, int[] dst) {
        int n = realCount;
        int m = src.length;
        int dummies = 0;
        chainStart = new int[m + 1];
        for (int e = 0; e < m; e++) {
            int span = selfLoop[e] ? 0 : nodeLayer[dst[e]] - nodeLayer[src[e]];
            chainStart[e + 1] = chainStart[e] + (selfLoop[e] ? 1 : span + 1);
            dummies += Math.max(0, span - 1);
        }
        int maxLayer = 0;
        for (int l : nodeLayer) {
            maxLayer = Math.max(maxLayer, l);
        }
        layerCount = n == 0 ? 0 : maxLayer + 1;

        int capacity = n + dummies;
        layer = Arrays.copyOf(nodeLayer, capacity);
        group = Arrays.copyOf(nodeGroup, capacity);
        kind = new byte[capacity];
        width = new double[capacity];
        height = new double[capacity];
        for (int i = 0; i < n; i++) {
            Size size = NodeSizes.require(sizes, nodes.get(i).id());
            width[i] = size.width();
            height[i] = size.height();
        }
        chain = new int[chainStart[m]];
        int next = n;
        for (int e = 0; e < m; e++) {
            int k = chainStart[e];
            chain[k++] = src[e];
            if (selfLoop[e]) {
                continue;
            }
            int g = nodeGroup[src[e]] == nodeGroup[dst[e]] ? nodeGroup[src[e]] : -1;
            for (int l = nodeLayer[src[e]] + 1; l < nodeLayer[dst[e]]; l++) {
                layer[next] = l;
                group[next] = g;
                kind[next] = DUMMY;
                chain[k++] = next++;
            }
            chain[k] = dst[e];
        }
        count = next;
        addPlaceholders();
    }

    private void addPlaceholders() {
        int groups = groupNames.length;
        if (groups == 0) {
            return;
        }
        int[] min = new int[groups];
        int[] max = new int[groups];
        Arrays.fill(min, Integer.MAX_VALUE);
        Arrays.fill(max, -1);
        for (int e = 0; e < count; e++) {
            int g = group[e];
            if (g >= 0) {
                min[g] = Math.min(min[g], layer[e]);
                max[g] = Math.max(max[g], layer[e]);
            }
        }
        BitSet[] present = new BitSet[groups];
        for (int g = 0; g < groups; g++) {
            present[g] = new BitSet();
        }
        for (int e = 0; e < count; e++) {
            if (group[e] >= 0) {
                present[group[e]].set(layer[e] - min[group[e]]);
            }
        }
        int missing = 0;
        for (int g = 0; g < groups; g++) {
            missing += (max[g] - min[g] + 1) - present[g].cardinality();
        }
        if (missing == 0) {
            return;
        }
        int capacity = count + missing;
        layer = Arrays.copyOf(layer, capacity);
        group = Arrays.copyOf(group, capacity);
        kind = Arrays.copyOf(kind, capacity);
        width = Arrays.copyOf(width, capacity);
        height = Arrays.copyOf(height, capacity);
        for (int g = 0; g < groups; g++) {
            for (int l = min[g]; l <= max[g]; l++) {
                if (!present[g].get(l - min[g])) {
                    layer[count] = l;
                    group[count] = g;
                    kind[count] = PLACEHOLDER;
                    count++;
                }
            }
        }
    }

    private void buildAdjacency() {
        segmentCount = 0;
        for (int e = 0; e < reversed.length; e++) {
            segmentCount += Math.max(0, chainStart[e + 1] - chainStart[e] - 1);
        }
        segUpper = new int[segmentCount];
        segLower = new int[segmentCount];
        segWeight = new double[segmentCount];
        int s = 0;
        for (int e = 0; e < reversed.length; e++) {
            for (int k = chainStart[e]; k < chainStart[e + 1] - 1; k++) {
                int a = chain[k];
                int b = chain[k + 1];
                segUpper[s] = a;
                segLower[s] = b;
                int dummyEnds = (kind[a] == DUMMY ? 1 : 0) + (kind[b] == DUMMY ? 1 : 0);
                // Weights as in Gansner et al.: long edges are kept straight before short ones.
                segWeight[s] = dummyEnds == 2 ? 8 : dummyEnds == 1 ? 2 : 1;
                s++;
            }
        }
        downStart = new int[count + 1];
        upStart = new int[count + 1];
        for (int i = 0; i < segmentCount; i++) {
            downStart[segUpper[i] + 1]++;
            upStart[segLower[i] + 1]++;
        }
        for (int i = 0; i < count; i++) {
            downStart[i + 1] += downStart[i];
            upStart[i + 1] += upStart[i];
        }
        downSeg = new int[segmentCount];
        upSeg = new int[segmentCount];
        int[] downFill = Arrays.copyOf(downStart, count);
        int[] upFill = Arrays.copyOf(upStart, count);
        for (int i = 0; i < segmentCount; i++) {
            downSeg[downFill[segUpper[i]]++] = i;
            upSeg[upFill[segLower[i]]++] = i;
        }
    }

    /** Elements in depth-first order from the sources: a first ordering that keeps chains together. */
    int[] depthFirstOrder() {
        int[] order = new int[count];
        boolean[] seen = new boolean[count];
        Deque<Integer> stack = new ArrayDeque<>();
        int k = 0;
        for (int root : topoOrder) {
            if (seen[root]) {
                continue;
            }
            stack.push(root);
            while (!stack.isEmpty()) {
                int v = stack.pop();
                if (seen[v]) {
                    continue;
                }
                seen[v] = true;
                order[k++] = v;
                for (int i = downStart[v + 1] - 1; i >= downStart[v]; i--) {
                    int w = segLower[downSeg[i]];
                    if (!seen[w]) {
                        stack.push(w);
                    }
                }
            }
        }
        for (int e = 0; e < count; e++) {
            if (!seen[e]) {
                order[k++] = e;
            }
        }
        return order;
    }
}
