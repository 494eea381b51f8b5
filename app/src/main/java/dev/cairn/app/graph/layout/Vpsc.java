package dev.cairn.app.graph.layout;

import java.util.Arrays;

/**
 * Places variables on a line as close as possible to their desired positions (weighted least squares)
 * subject to separation constraints {@code y[right] >= y[left] + gap}: the "satisfy" pass of VPSC
 * (Dwyer, Marriott and Stuckey, "Fast node overlap removal", 2005). Variables are visited in
 * topological order of the constraints; a violated constraint merges the two blocks of variables it
 * joins, and a block sits at the weighted mean of its members' desired positions.
 *
 * <p>The constraints are fixed at construction so that repeated projections (one per straightening
 * pass of the layout) share the topological order and the adjacency.
 */
final class Vpsc {

    private final int varCount;
    private final int[] left;
    private final int[] right;
    private final double[] gap;
    private final int[] topo;
    private final int[] inStart;
    private final int[] inCons;
    private final int[] outStart;
    private final int[] outCons;

    // Working state of one projection.
    private final int[] block;
    private final double[] offset;
    private final double[] key;
    private int[][] blockVars;
    private int[] blockSize;
    private double[] blockWPos;
    private double[] blockWeight;
    private double[] blockPos;
    private Heap[] blockHeap;

    Vpsc(int varCount, int[] left, int[] right, double[] gap) {
        this.varCount = varCount;
        this.left = left;
        this.right = right;
        this.gap = gap;
        int m = left.length;
        inStart = new int[varCount + 1];
        outStart = new int[varCount + 1];
        for (int c = 0; c < m; c++) {
            inStart[right[c] + 1]++;
            outStart[left[c] + 1]++;
        }
        for (int v = 0; v < varCount; v++) {
            inStart[v + 1] += inStart[v];
            outStart[v + 1] += outStart[v];
        }
        inCons = new int[m];
        outCons = new int[m];
        int[] inFill = Arrays.copyOf(inStart, varCount);
        int[] outFill = Arrays.copyOf(outStart, varCount);
        for (int c = 0; c < m; c++) {
            inCons[inFill[right[c]]++] = c;
            outCons[outFill[left[c]]++] = c;
        }
        topo = topologicalOrder();
        block = new int[varCount];
        offset = new double[varCount];
        key = new double[m];
    }

    private int[] topologicalOrder() {
        int[] indegree = new int[varCount];
        for (int r : right) {
            indegree[r]++;
        }
        int[] order = new int[varCount];
        int head = 0;
        int tail = 0;
        for (int v = 0; v < varCount; v++) {
            if (indegree[v] == 0) {
                order[tail++] = v;
            }
        }
        while (head < tail) {
            int v = order[head++];
            for (int i = outStart[v]; i < outStart[v + 1]; i++) {
                int w = right[outCons[i]];
                if (--indegree[w] == 0) {
                    order[tail++] = w;
                }
            }
        }
        if (tail != varCount) {
            throw new IllegalStateException("Separation constraints are cyclic");
        }
        return order;
    }

    /**
     * Returns positions that satisfy every constraint and stay close to {@code desired}.
     *
     * @param desired desired position of every variable
     * @param weight  positive weight of every variable
     */
    double[] project(double[] desired, double[] weight) {
        blockVars = new int[varCount][];
        blockSize = new int[varCount];
        blockWPos = new double[varCount];
        blockWeight = new double[varCount];
        blockPos = new double[varCount];
        blockHeap = new Heap[varCount];
        for (int v : topo) {
            int b = v;
            block[v] = b;
            offset[v] = 0;
            blockVars[b] = new int[]{v};
            blockSize[b] = 1;
            blockWeight[b] = weight[v];
            blockWPos[b] = weight[v] * desired[v];
            blockPos[b] = desired[v];
            Heap heap = new Heap(inStart[v + 1] - inStart[v]);
            for (int i = inStart[v]; i < inStart[v + 1]; i++) {
                int c = inCons[i];
                key[c] = position(left[c]) + gap[c];
                heap.push(c);
            }
            blockHeap[b] = heap;
            mergeLeft(b);
        }
        double[] y = new double[varCount];
        for (int v = 0; v < varCount; v++) {
            y[v] = position(v);
        }
        // Merging moves a finished block right, which can break one of its outgoing constraints;
        // one pass in topological order restores them all.
        for (int v : topo) {
            for (int i = inStart[v]; i < inStart[v + 1]; i++) {
                int c = inCons[i];
                y[v] = Math.max(y[v], y[left[c]] + gap[c]);
            }
        }
        return y;
    }

    private double position(int v) {
        return blockPos[block[v]] + offset[v];
    }

    private void mergeLeft(int r) {
        while (!blockHeap[r].isEmpty()) {
            int c = blockHeap[r].peek();
            int l = block[left[c]];
            if (l == r) {
                blockHeap[r].pop();
                continue;
            }
            double violation = blockHeap[r].keyOf(c) - blockPos[r];
            if (violation <= 1e-9) {
                break;
            }
            blockHeap[r].pop();
            double distance = offset[left[c]] + gap[c] - offset[right[c]];
            if (blockSize[l] >= blockSize[r]) {
                absorb(l, r, distance);
                r = l;
            } else {
                absorb(r, l, -distance);
            }
        }
    }

    /** Moves the variables of block {@code from} into {@code into}, shifting their offsets by {@code shift}. */
    private void absorb(int into, int from, double shift) {
        int[] vars = blockVars[from];
        int[] target = blockVars[into];
        int size = blockSize[into];
        if (target.length < size + blockSize[from]) {
            target = Arrays.copyOf(target, Math.max(target.length * 2, size + blockSize[from]));
            blockVars[into] = target;
        }
        for (int i = 0; i < blockSize[from]; i++) {
            int v = vars[i];
            offset[v] += shift;
            block[v] = into;
            target[size++] = v;
        }
        blockSize[into] = size;
        blockWPos[into] += blockWPos[from] - shift * blockWeight[from];
        blockWeight[into] += blockWeight[from];
        blockPos[into] = blockWPos[into] / blockWeight[into];

        Heap moved = blockHeap[from];
        moved.shift(-shift);
        Heap kept = blockHeap[into];
        if (moved.size() > kept.size()) {
            Heap swap = moved;
            moved = kept;
            kept = swap;
        }
        kept.addAll(moved);
        blockHeap[into] = kept;
        blockHeap[from] = null;
        blockVars[from] = null;
    }

    /**
     * A max-heap of constraint ids by key. Keys are stored relative to a per-heap delta so that a whole
     * heap shifts in O(1) when its block's offsets move.
     */
    private final class Heap {
        private int[] items;
        private int size;
        private double delta;

        Heap(int capacity) {
            items = new int[Math.max(2, capacity)];
        }

        boolean isEmpty() {
            return size == 0;
        }

        int size() {
            return size;
        }

        int peek() {
            return items[0];
        }

        double keyOf(int c) {
            return key[c] + delta;
        }

        void shift(double amount) {
            delta += amount;
        }

        void push(int c) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (key[items[parent]] >= key[c]) {
                    break;
                }
                items[i] = items[parent];
                i = parent;
            }
            items[i] = c;
        }

        void pop() {
            int last = items[--size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && key[items[child + 1]] > key[items[child]]) {
                    child++;
                }
                if (key[items[child]] <= key[last]) {
                    break;
                }
                items[i] = items[child];
                i = child;
            }
            items[i] = last;
        }

        /** Adds every entry of {@code other}, keeping their effective keys. */
        void addAll(Heap other) {
            for (int i = 0; i < other.size; i++) {
                int c = other.items[i];
                key[c] += other.delta - delta;
                push(c);
            }
        }
    }
}
