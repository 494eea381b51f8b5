package dev.cairn.app.graph.layout;

import java.util.Arrays;

/**
 * Orders the elements inside each layer to reduce edge crossings: barycenter sweeps down and up for a
 * fixed number of passes, keeping the best order seen. The elements of a group always stay contiguous
 * in a layer and groups appear in the same relative order in every layer, so that group boxes can be
 * drawn as rectangles that never overlap.
 */
final class LayerOrdering {

    private final LayeredGraph g;
    private final int[][] order;
    private final int[] pos;
    private final double[] key;
    private final int[] groupRank;

    private LayerOrdering(LayeredGraph g) {
        this.g = g;
        this.order = new int[g.layerCount][];
        this.pos = new int[g.count];
        this.key = new double[g.count];
        this.groupRank = new int[g.groupNames.length];
    }

    /** Returns the elements of every layer in their final top-to-bottom order. */
    static int[][] order(LayeredGraph g, int passes) {
        LayerOrdering o = new LayerOrdering(g);
        o.initial();
        long best = o.crossings();
        int[][] bestOrder = o.copy();
        for (int pass = 0; pass < passes && best > 0; pass++) {
            o.sweep(pass % 2 == 0);
            long c = o.crossings();
            if (c < best) {
                best = c;
                bestOrder = o.copy();
            }
        }
        o.restore(bestOrder);
        o.transpose(TRANSPOSE_ROUNDS);
        return o.order;
    }

    /** Rounds of adjacent swaps after the sweeps; later rounds rarely find anything. */
    private static final int TRANSPOSE_ROUNDS = 4;

    private void restore(int[][] saved) {
        for (int l = 0; l < saved.length; l++) {
            order[l] = saved[l];
            for (int i = 0; i < saved[l].length; i++) {
                pos[saved[l][i]] = i;
            }
        }
    }

    /**
     * Swaps neighbours in a layer whenever that removes crossings with both adjacent layers (the
     * "transpose" step of Gansner et al.). Barycenter sweeps stop improving after a few passes; this
     * local search goes on from there. Only two free elements or two members of the same group swap, so
     * groups stay contiguous and in order.
     */
    private void transpose(int rounds) {
        for (int round = 0; round < rounds; round++) {
            boolean improved = false;
            for (int[] layer : order) {
                for (int i = 0; i + 1 < layer.length; i++) {
                    int v = layer[i];
                    int w = layer[i + 1];
                    if (g.group[v] != g.group[w]) {
                        continue;
                    }
                    if (crossingsIfAbove(w, v) < crossingsIfAbove(v, w)) {
                        layer[i] = w;
                        layer[i + 1] = v;
                        pos[w] = i;
                        pos[v] = i + 1;
                        improved = true;
                    }
                }
            }
            if (!improved) {
                return;
            }
        }
    }

    /** Crossings between the edges of {@code v} and of {@code w} when {@code v} is directly above {@code w}. */
    private long crossingsIfAbove(int v, int w) {
        long count = 0;
        for (int i = g.upStart[v]; i < g.upStart[v + 1]; i++) {
            int a = pos[g.segUpper[g.upSeg[i]]];
            for (int j = g.upStart[w]; j < g.upStart[w + 1]; j++) {
                if (a > pos[g.segUpper[g.upSeg[j]]]) {
                    count++;
                }
            }
        }
        for (int i = g.downStart[v]; i < g.downStart[v + 1]; i++) {
            int a = pos[g.segLower[g.downSeg[i]]];
            for (int j = g.downStart[w]; j < g.downStart[w + 1]; j++) {
                if (a > pos[g.segLower[g.downSeg[j]]]) {
                    count++;
                }
            }
        }
        return count;
    }

    private void initial() {
        int[] sizes = new int[g.layerCount];
        for (int e = 0; e < g.count; e++) {
            sizes[g.layer[e]]++;
        }
        for (int l = 0; l < g.layerCount; l++) {
            order[l] = new int[sizes[l]];
        }
        Arrays.fill(sizes, 0);
        for (int e : g.depthFirstOrder()) {
            int l = g.layer[e];
            pos[e] = sizes[l];
            order[l][sizes[l]++] = e;
        }
        updateGroupRanks();
        for (int l = 0; l < g.layerCount; l++) {
            keepPositions(l);
            arrange(l);
        }
    }

    private void sweep(boolean down) {
        updateGroupRanks();
        int first = down ? 0 : g.layerCount - 1;
        keepPositions(first);
        arrange(first);
        if (down) {
            for (int l = 1; l < g.layerCount; l++) {
                barycenters(l, true);
                arrange(l);
            }
        } else {
            for (int l = g.layerCount - 2; l >= 0; l--) {
                barycenters(l, false);
                arrange(l);
            }
        }
    }

    private void keepPositions(int l) {
        for (int e : order[l]) {
            key[e] = pos[e];
        }
    }

    /** Sets each element's key to the mean position of its neighbours in the layer above (or below). */
    private void barycenters(int l, boolean fromAbove) {
        int[] layer = order[l];
        int adjacent = fromAbove ? order[l - 1].length : order[l + 1].length;
        double scale = layer.length > 1 ? (double) adjacent / layer.length : 1;
        for (int e : layer) {
            int start = fromAbove ? g.upStart[e] : g.downStart[e];
            int end = fromAbove ? g.upStart[e + 1] : g.downStart[e + 1];
            if (start == end) {
                key[e] = pos[e] * scale;
                continue;
            }
            double sum = 0;
            for (int i = start; i < end; i++) {
                int s = fromAbove ? g.upSeg[i] : g.downSeg[i];
                sum += pos[fromAbove ? g.segUpper[s] : g.segLower[s]];
            }
            key[e] = sum / (end - start);
        }
    }

    /**
     * Sorts a layer by key, treating each group as one unit keyed by its members' mean key, then puts
     * the group units back into the slots they took in the global group order.
     */
    private void arrange(int l) {
        int[] layer = order[l];
        int groups = g.groupNames.length;
        double[] groupKey = new double[groups];
        int[] groupCount = new int[groups];
        for (int e : layer) {
            int gr = g.group[e];
            if (gr >= 0) {
                groupKey[gr] += key[e];
                groupCount[gr]++;
            }
        }
        Integer[] sorted = new Integer[layer.length];
        for (int i = 0; i < layer.length; i++) {
            sorted[i] = layer[i];
        }
        Arrays.sort(sorted, (a, b) -> {
            int ga = g.group[a];
            int gb = g.group[b];
            double ua = ga >= 0 ? groupKey[ga] / groupCount[ga] : key[a];
            double ub = gb >= 0 ? groupKey[gb] / groupCount[gb] : key[b];
            int c = Double.compare(ua, ub);
            if (c != 0) {
                return c;
            }
            // A unit's identity breaks ties so that no two units interleave.
            int ia = ga >= 0 ? ga : groups + a;
            int ib = gb >= 0 ? gb : groups + b;
            if (ia != ib) {
                return Integer.compare(ia, ib);
            }
            c = Double.compare(key[a], key[b]);
            return c != 0 ? c : Integer.compare(pos[a], pos[b]);
        });
        int[] result = new int[layer.length];
        if (groups > 0) {
            placeGroupsInGlobalOrder(sorted, result);
        } else {
            for (int i = 0; i < sorted.length; i++) {
                result[i] = sorted[i];
            }
        }
        order[l] = result;
        for (int i = 0; i < result.length; i++) {
            pos[result[i]] = i;
        }
    }

    private void placeGroupsInGlobalOrder(Integer[] sorted, int[] result) {
        int n = sorted.length;
        int[] blockStart = new int[n + 1];
        int[] blockGroup = new int[n];
        int blocks = 0;
        for (int i = 0; i < n; ) {
            int gr = g.group[sorted[i]];
            int j = i + 1;
            if (gr >= 0) {
                while (j < n && g.group[sorted[j]] == gr) {
                    j++;
                }
            }
            blockStart[blocks] = i;
            blockGroup[blocks] = gr;
            blocks++;
            i = j;
        }
        blockStart[blocks] = n;
        Integer[] groupBlocks = new Integer[blocks];
        int grouped = 0;
        for (int b = 0; b < blocks; b++) {
            if (blockGroup[b] >= 0) {
                groupBlocks[grouped++] = b;
            }
        }
        Arrays.sort(groupBlocks, 0, grouped, (a, b) -> Integer.compare(groupRank[blockGroup[a]], groupRank[blockGroup[b]]));
        int k = 0;
        int nextGrouped = 0;
        for (int b = 0; b < blocks; b++) {
            int source = blockGroup[b] >= 0 ? groupBlocks[nextGrouped++] : b;
            for (int i = blockStart[source]; i < blockStart[source + 1]; i++) {
                result[k++] = sorted[i];
            }
        }
    }

    /** Ranks groups by the mean relative position of their elements across all layers. */
    private void updateGroupRanks() {
        int groups = g.groupNames.length;
        if (groups == 0) {
            return;
        }
        double[] sum = new double[groups];
        int[] n = new int[groups];
        for (int[] layer : order) {
            double denominator = Math.max(1, layer.length - 1);
            for (int e : layer) {
                int gr = g.group[e];
                if (gr >= 0) {
                    sum[gr] += pos[e] / denominator;
                    n[gr]++;
                }
            }
        }
        Integer[] byPosition = new Integer[groups];
        for (int i = 0; i < groups; i++) {
            byPosition[i] = i;
        }
        Arrays.sort(byPosition, (a, b) -> {
            int c = Double.compare(sum[a] / Math.max(1, n[a]), sum[b] / Math.max(1, n[b]));
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int r = 0; r < groups; r++) {
            groupRank[byPosition[r]] = r;
        }
    }

    private long crossings() {
        long total = 0;
        for (int l = 0; l + 1 < g.layerCount; l++) {
            total += crossingsBetween(l);
        }
        return total;
    }

    /** Crossings between layer l and l+1, counted as inversions with a Fenwick tree in O(E log V). */
    private long crossingsBetween(int l) {
        int[] upper = order[l];
        int lowerSize = order[l + 1].length;
        int segments = 0;
        for (int e : upper) {
            segments += g.downStart[e + 1] - g.downStart[e];
        }
        int[] targets = new int[segments];
        int k = 0;
        for (int e : upper) {
            int start = k;
            for (int i = g.downStart[e]; i < g.downStart[e + 1]; i++) {
                targets[k++] = pos[g.segLower[g.downSeg[i]]];
            }
            Arrays.sort(targets, start, k);
        }
        return Crossings.inversions(targets, lowerSize);
    }

    private int[][] copy() {
        int[][] copy = new int[order.length][];
        for (int l = 0; l < order.length; l++) {
            copy[l] = order[l].clone();
        }
        return copy;
    }
}
