package dev.cairn.app.graph.layout;

import java.util.Arrays;

/**
 * Gives every element of an ordered {@link LayeredGraph} its coordinates.
 *
 * <p>x: layers are columns as wide as their widest node. y: every group is one rigid box (its members
 * stacked in each layer, centred in the box); every element outside a group moves on its own. Each
 * straightening pass moves boxes and elements towards the weighted mean height of their neighbours and
 * then projects the result back onto the separation constraints of every layer with {@link Vpsc}, so
 * nothing overlaps and the order found by {@link LayerOrdering} is kept.
 */
final class CoordinateAssignment {

    private final LayeredGraph g;
    private final int[][] order;
    private final SugiyamaLayout.Options options;

    final double[] layerX;
    final double[] layerWidth;
    /** Top of every element. */
    final double[] top;
    /** Box of every group: top and height; x range follows from its layers. */
    final double[] groupTop;
    final double[] groupHeight;
    final int[] groupFirstLayer;
    final int[] groupLastLayer;

    private final int groupCount;
    /** Variable of each element: its group's box, or its own. */
    private final int[] varOf;
    /** Offset of each element from the top of its variable. */
    private final double[] offsetInVar;
    private int varCount;

    /** The stack of a group in one layer: {@code order[layer][from .. to-1]}, and its free vertical room. */
    private final java.util.List<Integer> stackLayer = new java.util.ArrayList<>();
    private final java.util.List<Integer> stackFrom = new java.util.ArrayList<>();
    private final java.util.List<Integer> stackTo = new java.util.ArrayList<>();
    private final java.util.List<Double> stackSlack = new java.util.ArrayList<>();

    CoordinateAssignment(LayeredGraph g, int[][] order, SugiyamaLayout.Options options) {
        this.g = g;
        this.order = order;
        this.options = options;
        this.groupCount = g.groupNames.length;
        layerX = new double[g.layerCount];
        layerWidth = new double[g.layerCount];
        top = new double[g.count];
        groupTop = new double[groupCount];
        groupHeight = new double[groupCount];
        groupFirstLayer = new int[groupCount];
        groupLastLayer = new int[groupCount];
        varOf = new int[g.count];
        offsetInVar = new double[g.count];
    }

    void assign() {
        assignX();
        stackGroups();
        assignY();
    }

    private void assignX() {
        for (int e = 0; e < g.realCount; e++) {
            layerWidth[g.layer[e]] = Math.max(layerWidth[g.layer[e]], g.width[e]);
        }
        double x = 0;
        for (int l = 0; l < g.layerCount; l++) {
            layerX[l] = x;
            x += layerWidth[l] + options.layerGap();
        }
    }

    private double gapBetween(int a, int b) {
        if (g.kind[a] == LayeredGraph.REAL && g.kind[b] == LayeredGraph.REAL) {
            return options.nodeGap();
        }
        return options.edgeGap();
    }

    /** Stacks the members of each group per layer and sizes the group's box to its tallest layer. */
    private void stackGroups() {
        Arrays.fill(groupFirstLayer, Integer.MAX_VALUE);
        Arrays.fill(groupLastLayer, -1);
        double[][] stackHeight = new double[groupCount][];
        for (int g0 = 0; g0 < groupCount; g0++) {
            stackHeight[g0] = new double[0];
        }
        double[] maxStack = new double[groupCount];
        for (int l = 0; l < g.layerCount; l++) {
            int[] layer = order[l];
            for (int i = 0; i < layer.length; ) {
                int gr = g.group[layer[i]];
                if (gr < 0) {
                    i++;
                    continue;
                }
                int j = i;
                double h = 0;
                while (j < layer.length && g.group[layer[j]] == gr) {
                    if (j > i) {
                        h += gapBetween(layer[j - 1], layer[j]);
                    }
                    h += g.height[layer[j]];
                    j++;
                }
                groupFirstLayer[gr] = Math.min(groupFirstLayer[gr], l);
                groupLastLayer[gr] = Math.max(groupLastLayer[gr], l);
                maxStack[gr] = Math.max(maxStack[gr], h);
                i = j;
            }
        }
        for (int gr = 0; gr < groupCount; gr++) {
            groupHeight[gr] = options.groupHeader() + maxStack[gr] + options.groupPadding();
        }
        varCount = groupCount;
        for (int l = 0; l < g.layerCount; l++) {
            int[] layer = order[l];
            for (int i = 0; i < layer.length; ) {
                int e = layer[i];
                int gr = g.group[e];
                if (gr < 0) {
                    varOf[e] = varCount++;
                    offsetInVar[e] = 0;
                    i++;
                    continue;
                }
                int j = i;
                double h = 0;
                while (j < layer.length && g.group[layer[j]] == gr) {
                    if (j > i) {
                        h += gapBetween(layer[j - 1], layer[j]);
                    }
                    h += g.height[layer[j]];
                    j++;
                }
                stackLayer.add(l);
                stackFrom.add(i);
                stackTo.add(j);
                stackSlack.add(maxStack[gr] - h);
                double y = options.groupHeader() + (maxStack[gr] - h) / 2;
                for (int k = i; k < j; k++) {
                    if (k > i) {
                        y += gapBetween(layer[k - 1], layer[k]);
                    }
                    varOf[layer[k]] = gr;
                    offsetInVar[layer[k]] = y;
                    y += g.height[layer[k]];
                }
                i = j;
            }
        }
    }

    private double unitHeight(int e) {
        int gr = g.group[e];
        return gr >= 0 ? groupHeight[gr] : g.height[e];
    }

    private void assignY() {
        int constraintCount = 0;
        for (int[] layer : order) {
            constraintCount += Math.max(0, layer.length - 1);
        }
        int[] left = new int[constraintCount];
        int[] right = new int[constraintCount];
        double[] gap = new double[constraintCount];
        int c = 0;
        double[] desired = new double[varCount];
        double[] weight = new double[varCount];
        for (int[] layer : order) {
            double y = 0;
            int previous = -1;
            for (int e : layer) {
                if (previous >= 0 && varOf[previous] == varOf[e]) {
                    continue;
                }
                if (previous >= 0) {
                    boolean boxes = g.group[previous] >= 0 || g.group[e] >= 0;
                    left[c] = varOf[previous];
                    right[c] = varOf[e];
                    gap[c] = unitHeight(previous) + (boxes ? options.groupGap() : gapBetween(previous, e));
                    y += gap[c];
                    c++;
                }
                desired[varOf[e]] += y;
                weight[varOf[e]] += 1;
                previous = e;
            }
        }
        left = Arrays.copyOf(left, c);
        right = Arrays.copyOf(right, c);
        gap = Arrays.copyOf(gap, c);
        for (int v = 0; v < varCount; v++) {
            desired[v] /= weight[v];
        }
        Vpsc vpsc = new Vpsc(varCount, left, right, gap);
        double[] y = vpsc.project(desired, weight);
        for (int pass = 0; pass < options.straighteningPasses(); pass++) {
            slideStacks(y);
            towardsNeighbours(y, desired, weight);
            y = vpsc.project(desired, weight);
        }
        double min = Double.POSITIVE_INFINITY;
        for (double v : y) {
            min = Math.min(min, v);
        }
        for (int e = 0; e < g.count; e++) {
            top[e] = y[varOf[e]] + offsetInVar[e] - min;
        }
        for (int gr = 0; gr < groupCount; gr++) {
            groupTop[gr] = y[gr] - min;
        }
    }

    /**
     * Slides each group's stack of nodes in a layer up or down inside the group's box, within the room
     * its tallest layer leaves, towards the mean height of the stack's neighbours. The box itself does
     * not move here.
     */
    private void slideStacks(double[] y) {
        for (int k = 0; k < stackLayer.size(); k++) {
            double slack = stackSlack.get(k);
            if (slack <= 0) {
                continue;
            }
            int[] layer = order[stackLayer.get(k)];
            int from = stackFrom.get(k);
            int to = stackTo.get(k);
            int gr = g.group[layer[from]];
            double shift = offsetInVar[layer[from]] - options.groupHeader();
            double sum = 0;
            double total = 0;
            for (int i = from; i < to; i++) {
                int e = layer[i];
                double centre = y[gr] + offsetInVar[e] + g.height[e] / 2;
                for (int s = g.upStart[e]; s < g.upStart[e + 1]; s++) {
                    int seg = g.upSeg[s];
                    int n = g.segUpper[seg];
                    sum += g.segWeight[seg] * (y[varOf[n]] + offsetInVar[n] + g.height[n] / 2 - centre);
                    total += g.segWeight[seg];
                }
                for (int s = g.downStart[e]; s < g.downStart[e + 1]; s++) {
                    int seg = g.downSeg[s];
                    int n = g.segLower[seg];
                    sum += g.segWeight[seg] * (y[varOf[n]] + offsetInVar[n] + g.height[n] / 2 - centre);
                    total += g.segWeight[seg];
                }
            }
            if (total == 0) {
                continue;
            }
            double target = Math.max(0, Math.min(slack, shift + sum / total));
            double delta = target - shift;
            for (int i = from; i < to; i++) {
                offsetInVar[layer[i]] += delta;
            }
        }
    }

    /** Sets each variable's desired top so that its elements' centres meet their neighbours' centres. */
    private void towardsNeighbours(double[] y, double[] desired, double[] weight) {
        Arrays.fill(desired, 0);
        Arrays.fill(weight, 0);
        for (int s = 0; s < g.segmentCount; s++) {
            int a = g.segUpper[s];
            int b = g.segLower[s];
            double w = g.segWeight[s];
            double centerA = y[varOf[a]] + offsetInVar[a] + g.height[a] / 2;
            double centerB = y[varOf[b]] + offsetInVar[b] + g.height[b] / 2;
            desired[varOf[a]] += w * (centerB - offsetInVar[a] - g.height[a] / 2);
            weight[varOf[a]] += w;
            desired[varOf[b]] += w * (centerA - offsetInVar[b] - g.height[b] / 2);
            weight[varOf[b]] += w;
        }
        for (int v = 0; v < varCount; v++) {
            if (weight[v] > 0) {
                desired[v] /= weight[v];
            } else {
                // Unconnected: stay put, and yield to anything connected.
                desired[v] = y[v];
                weight[v] = 1e-3;
            }
        }
    }
}
